import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FAKE_APP_ID, FakeLark, encrypt, messageEvent, postSigned } from '../helpers/fake-lark.ts'
import { freePort, startBot } from '../helpers/console-process.ts'
import { eventually } from '../helpers/test-app.ts'

const ENCRYPT_KEY = 'process-encrypt-key'
const TOKEN = 'process-token'

describe('npm start with console, WeChat and Lark together', () => {
  let dir: string
  let fake: FakeLark

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'xuequ-process-'))
    fake = await new FakeLark().start()
  })
  afterEach(async () => {
    await fake.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  it('says which platforms are live, answers on each, and stops cleanly on SIGTERM', async () => {
    const port = await freePort()
    const child = startBot({
      DATABASE_URL: `file:${path.join(dir, 'data', 'xuequ.db')}`,
      DATA_DIR: path.join(dir, 'data'),
      CONSOLE: 'on',
      WECHATY_PUPPET: 'wechaty-puppet-mock',
      LARK_APP_ID: FAKE_APP_ID,
      LARK_APP_SECRET: 'secret',
      LARK_MODE: 'webhook',
      LARK_DOMAIN: fake.url,
      LARK_ENCRYPT_KEY: ENCRYPT_KEY,
      LARK_VERIFICATION_TOKEN: TOKEN,
      HTTP_PORT: String(port),
      LOG_LEVEL: 'warn',
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve))
    try {
      await eventually(() => stdout.includes('控制台群（属于'), `startup (stdout: ${stdout} stderr: ${stderr})`, 30_000)
      expect(stdout).toContain('已接入 微信：wechaty（wechaty-puppet-mock）')
      expect(stdout).toContain(`已接入 飞书：事件回调模式，监听 http://0.0.0.0:${port}/lark/events`)
      child.stdin.end('/ping\n')
      await eventually(() => stdout.includes('学区助手> '), 'the console answer', 10_000)
      const event = messageEvent({ token: TOKEN, chatId: 'oc_p2p', sender: 'ou_someone', text: '/帮助', chatType: 'p2p' })
      const res = await postSigned(`http://127.0.0.1:${port}/lark/events`, encrypt(event, ENCRYPT_KEY), ENCRYPT_KEY)
      expect(res.status).toBe(200)
      await eventually(() => fake.sent.length > 0, 'the Lark answer', 10_000)
      expect(fake.sent[0]!.text).toContain('/帮助')
      // The console input has ended; the process stays up for the platforms.
      expect(child.exitCode).toBeNull()
    } finally {
      child.kill('SIGTERM')
    }
    expect(await exited).toBe(0)
  }, 60_000)
})
