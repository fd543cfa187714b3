import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startBot } from '../helpers/console-process.ts'
import { eventually, onPostgres, testDatabase } from '../helpers/test-app.ts'

// Several bot processes on one database: one logs in to the WeChat account, the others wait and take over.
let dir: string
const children: ReturnType<typeof startBot>[] = []
let drop = async () => {}
afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL')
  await drop()
  rmSync(dir, { recursive: true, force: true })
})

function start(url: string) {
  const child = startBot({ DATABASE_URL: url, DATA_DIR: dir, CONSOLE: 'off', WECHATY_PUPPET: 'wechaty-puppet-mock', WECHAT_LEASE_S: '3', LOG_LEVEL: 'error' })
  children.push(child)
  const out = { text: '' }
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out.text += d))
  const closed = new Promise<number | string | null>((resolve) => child.on('close', (code, signal) => resolve(signal ?? code)))
  return { child, out, closed }
}

describe('WeChat with several processes', () => {
  it('is logged in by one process; another waits, and takes over when it dies or stops', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'xuequ-lease-'))
    const db = await testDatabase(dir)
    drop = db.drop
    const live = '已接入 微信：wechaty（wechaty-puppet-mock）'
    const a = start(db.url)
    await eventually(() => a.out.text.includes(live), `the first to log in (${a.out.text})`, 30_000)
    const b = start(db.url)
    await eventually(() => b.out.text.includes('本进程待命'), `the second to wait (${b.out.text})`, 30_000)
    expect(b.out.text).not.toContain(live)
    if (onPostgres) expect(b.out.text).toContain('连着这个库的机器人进程共 2 个（含本进程）')

    // The first dies: the second logs in once the lease lapses (3 s here).
    a.child.kill('SIGKILL')
    expect(await a.closed).toBe('SIGKILL')
    await eventually(() => b.out.text.includes('本进程接手登录微信') && b.out.text.includes(live), `the takeover (${b.out.text})`, 20_000)

    // A third waits; the second stops cleanly and gives the lease up, and the third takes over.
    const c = start(db.url)
    await eventually(() => c.out.text.includes('本进程待命'), `the third to wait (${c.out.text})`, 30_000)
    b.child.kill('SIGTERM')
    expect(await b.closed).toBe(0)
    await eventually(() => c.out.text.includes(live), `the takeover after a clean stop (${c.out.text})`, 20_000)
  }, 120_000)
})
