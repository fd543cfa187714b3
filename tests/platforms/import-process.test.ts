import { readFileSync, rmSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FAKE_APP_ID, FakeLark, encrypt, messageEvent, postSigned } from '../helpers/fake-lark.ts'
import { freePort, startBot } from '../helpers/console-process.ts'
import { DOC_HEAD, DOC_TAIL, docxOf, paragraphFlood, rowFlood, sharedStringBomb } from '../helpers/hostile-files.ts'
import { eventually, openTestApp } from '../helpers/test-app.ts'

const KEY = 'files-encrypt-key'
const TOKEN = 'files-token'
const CHAT = 'oc_district_group'
/**
 * The bot process's peak resident memory while it reads hostile files
 * (README, import section): about 330 MB of its own after start-up, plus at
 * most about 200 MB for a parse (a worker thread with a 128 MB heap).
 */
const MEMORY_CAP_MB = 550

let dir: string
let fake: FakeLark

beforeEach(async () => {
  fake = await new FakeLark().start()
  fake.chats.set(CHAT, { name: '育秀学区飞书群', members: [{ member_id: 'ou_zhang', name: '张主任' }] })
})
afterEach(async () => {
  await fake.stop()
  rmSync(dir, { recursive: true, force: true })
})

/** The peak resident set of a process, from the kernel's own count. */
const peakMb = (pid: number) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024

describe('a bot process (npm start, Lark webhook mode) sent hostile 行事历 files', () => {
  it('answers each with a clear sentence, stays up, answers /ping, and its peak memory stays under the cap', async () => {
    const test = await openTestApp({ send: async () => {}, clock: () => new Date() })
    dir = test.dir
    const code = await test.claimCode()
    await test.app.close()
    const port = await freePort()
    const child = startBot({
      DATABASE_URL: test.config.DATABASE_URL, DATA_DIR: test.dir, CONSOLE: 'off', LOG_LEVEL: 'error',
      LARK_APP_ID: FAKE_APP_ID, LARK_APP_SECRET: 'secret', LARK_MODE: 'webhook', LARK_DOMAIN: fake.url,
      LARK_ENCRYPT_KEY: KEY, LARK_VERIFICATION_TOKEN: TOKEN, HTTP_PORT: String(port),
    })
    let stdout = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
    child.stderr.resume()
    try {
      await eventually(() => stdout.includes('已接入 飞书'), `the bot to start (${stdout})`, 30_000)
      /** A message from the admin; resolves with the bot's answer. */
      const say = async (text: string, file?: { key: string; name: string }) => {
        const before = fake.sent.length
        const event = messageEvent({ token: TOKEN, chatId: CHAT, sender: 'ou_zhang', text, ...(file ? { file } : {}) })
        expect((await postSigned(`http://127.0.0.1:${port}/lark/events`, encrypt(event, KEY), KEY)).status).toBe(200)
        await eventually(() => fake.sent.length > before, `an answer to ${file?.name ?? text}`, 60_000)
        return fake.sent[before]!.text
      }
      expect(await say(`/认领 ${code} 育秀学区`)).toContain('认领成功')
      const started = peakMb(child.pid!)
      const files: [string, Buffer, string][] = [
        ['行事历.xlsx', await sharedStringBomb(), '解压后超过 24 MB'],
        ['行事历.xlsx', await sharedStringBomb(1_000_000_000, { lie: true }), '文件已损坏'],
        ['行事历.docx', await paragraphFlood(), '解压后超过 24 MB'],
        ['行事历.docx', await paragraphFlood(3_000_000, { lie: true }), '文件已损坏'],
        ['行事历.xlsx', await rowFlood(), '解压后超过 24 MB'],
        // Within the zip limits, read to the end: mammoth at its element limit, then too many lines.
        ['行事历.docx', await paragraphFlood(22_000), '有内容的行超过 8000 行'],
        // Within every limit but the heap: one element with 600 000 attributes.
        ['行事历.docx', docxOf(Buffer.from(`${DOC_HEAD}<w:p ${Array.from({ length: 600_000 }, (_, i) => `a${i}=""`).join(' ')}/>${DOC_TAIL}`)), '内容太复杂，读取时要用的内存超过 128 MB'],
      ]
      for (const [i, [name, bytes, why]] of files.entries()) {
        fake.resources.set(`file_${i}`, bytes)
        expect(await say('', { key: `file_${i}`, name })).toContain(`读不了「${name}」：${why}`)
      }
      expect(await say('/ping')).toBeTruthy()
      expect(child.exitCode).toBeNull()
      const peak = peakMb(child.pid!)
      process.stdout.write(`bot process peak memory: ${started.toFixed(0)} MB after start-up, ${peak.toFixed(0)} MB after the files\n`)
      expect(peak).toBeLessThan(MEMORY_CAP_MB)
    } finally {
      child.kill('SIGTERM')
    }
  }, 180_000)
})
