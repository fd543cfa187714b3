/**
 * Bursts under the platforms' real pacing, for `npm run bench`: 300 teachers
 * of one group signing up at once, on Lark (the bot as `npm start` runs it,
 * in webhook mode against the fake Open Platform) and on WeChat (wechaty with
 * the mock puppet at the adapter's default pacing). Measures the webhook's
 * acknowledgements and the time until the last teacher is told.
 */
import path from 'node:path'
import { WechatyBuilder } from 'wechaty'
import { PuppetMock, mock } from 'wechaty-puppet-mock'
import { createApp } from '../src/app.ts'
import { loadConfig } from '../src/config.ts'
import type { IncomingMessage } from '../src/core/message.ts'
import { inTx } from '../src/db/client.ts'
import { applyMigrations } from '../src/db/migrate.ts'
import { createLogger } from '../src/log.ts'
import { MAX_GATHER } from '../src/platforms/outbox-sender.ts'
import { createSendRouter } from '../src/platforms/platform.ts'
import { WechatAdapter } from '../src/platforms/wechat/index.ts'
import { prepareConsoleGroup } from '../src/services/console-setup.ts'
import { freePort, startBot } from '../tests/helpers/console-process.ts'
import { FAKE_APP_ID, FakeLark, encrypt, messageEvent, postSigned } from '../tests/helpers/fake-lark-server.ts'

export const TEACHERS = 300
/** Lark: one message per 250 ms in a chat (5 a second, shared by every bot there). */
const LARK_INTERVAL_MS = 250
/** WeChat: the adapter's default gap and the mean of its random extra. */
const WECHAT_INTERVAL_MS = 1000 + 500 / 2
const NOW = '2026-11-23T07:30:00+08:00'
const names = Array.from({ length: TEACHERS }, (_, i) => `老师${i}`)

/** Every teacher named in what the bot sent (老师7 told apart from 老师70). */
function allTold(texts: string[]): boolean {
  const all = texts.join('\n')
  return names.every((n) => new RegExp(`${n}(?![0-9])`).test(all))
}

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`bench: timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** The least time a platform's pacing allows: the messages the confirmations need at most MAX_GATHER a message, one interval apart. */
export function pacingMinimumMs(intervalMs: number): number {
  return Math.ceil(TEACHERS / MAX_GATHER) * intervalMs
}

/** A district with one activity and the group the burst happens in, on a fresh file. */
async function prepare(dir: string, name: string, group?: { platform: string; chatId: string; title: string }): Promise<string> {
  const file = path.join(dir, `${name}.db`)
  await applyMigrations(`file:${file}`)
  const config = loadConfig({ DATABASE_URL: `file:${file}` })
  const now = new Date(NOW)
  const app = await createApp({ config, log: createLogger('silent'), send: async () => {}, clock: () => now, migrate: false })
  await inTx(app.db, (tx) => prepareConsoleGroup(tx, config, now))
  let seq = 0
  const say = (text: string): IncomingMessage => ({
    id: `p${++seq}`, platform: 'console', chat: { id: 'console', title: '控制台群', isDirect: false },
    sender: { id: '我', name: '我' }, text, mentionedBot: false, mentions: [], at: now,
  })
  await app.dispatch(say('/学期 2026-09-01 2027-01-22 第一学期'))
  await app.dispatch(say('/排期 12月3日 13:30 联合教研 名额50'))
  if (group) {
    const district = await app.db.district.findFirstOrThrow()
    await inTx(app.db, (tx) => tx.group.create({ data: { ...group, districtId: district.id } }))
  }
  await app.close()
  return file
}

export interface LarkBurst {
  ackP50: number
  ackP99: number
  ackMax: number
  lastToldMs: number
  messages: number
}

/** 300 new teachers of one Lark group post /报名 1 at the same moment to a bot process of its own. */
export async function larkBurst(dir: string): Promise<LarkBurst> {
  const file = await prepare(dir, 'lark-burst', { platform: 'lark', chatId: 'oc_burst', title: '育秀学区飞书群' })
  const fake = await new FakeLark().start()
  fake.chats.set('oc_burst', { name: '育秀学区飞书群', members: names.map((name, i) => ({ member_id: `ou_t${i}`, name })) })
  const port = await freePort()
  const child = startBot({
    DATABASE_URL: `file:${file}`, CONSOLE: 'off', LARK_APP_ID: FAKE_APP_ID, LARK_APP_SECRET: 's', LARK_MODE: 'webhook', LARK_DOMAIN: fake.url,
    LARK_ENCRYPT_KEY: 'k', LARK_VERIFICATION_TOKEN: 't', HTTP_PORT: String(port), CLOCK_START: NOW, LOG_LEVEL: 'error',
  })
  let out = ''
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d))
  child.stderr.setEncoding('utf8').on('data', (d: string) => (out += d))
  try {
    await until(() => out.includes('已接入 飞书'), 60_000, `the bot to start: ${out}`)
    const bodies = names.map((_, i) => encrypt(messageEvent({ token: 't', chatId: 'oc_burst', sender: `ou_t${i}`, text: '/报名 1' }), 'k'))
    const url = `http://127.0.0.1:${port}/lark/events`
    const start = Date.now()
    const acks = await Promise.all(
      bodies.map(async (body) => {
        const t = Date.now()
        const { status } = await postSigned(url, body, 'k')
        if (status !== 200) throw new Error(`bench: the webhook answered ${status}`)
        return Date.now() - t
      }),
    )
    await until(() => allTold(fake.sent.map((m) => m.text)), 120_000, 'every Lark teacher to be told')
    acks.sort((a, b) => a - b)
    const at = (q: number) => acks[Math.min(acks.length - 1, Math.floor(q * acks.length))]!
    return { ackP50: at(0.5), ackP99: at(0.99), ackMax: acks.at(-1)!, lastToldMs: Math.max(...fake.sent.map((m) => m.receivedAt)) - start, messages: fake.sent.length }
  } finally {
    child.kill('SIGTERM')
    await new Promise((r) => child.on('close', r))
    await fake.stop()
  }
}

/** 300 teachers of one WeChat room send /报名 1 at once; the bot (in this process) answers at the adapter's default pacing. */
export async function wechatBurst(dir: string): Promise<{ lastToldMs: number; messages: number }> {
  const file = await prepare(dir, 'wechat-burst')
  const mocker = new mock.Mocker()
  const bot = WechatyBuilder.build({ puppet: new PuppetMock({ mocker }) })
  const router = createSendRouter()
  const config = loadConfig({ DATABASE_URL: `file:${file}` })
  const now = new Date(NOW)
  const app = await createApp({ config, log: createLogger('silent'), send: router.send, clock: () => now, migrate: false })
  const adapter = new WechatAdapter({ bot, dispatch: app.dispatch, announce: app.announce, log: createLogger('silent'), botName: '学区助手', clock: () => now })
  router.use('wechat', (m) => adapter.send(m))
  await adapter.start()
  const self = mocker.createContact({ name: '学区助手' })
  mocker.login(self)
  await until(() => bot.isLoggedIn, 10_000, 'the WeChat login')
  const teachers = names.map((name) => mocker.createContact({ name }))
  const room = mocker.createRoom({ topic: '育秀学区教研群', memberIdList: [self.id, ...teachers.map((t) => t.id)] })
  // The room joins the district (as /绑定 does) once the bot knows it.
  const said: string[] = []
  room.on('message', (m: mock.MessageMock) => void (m.talker().id === self.id && said.push(m.text() ?? '')))
  teachers[0]!.say('/ping').to(room)
  await until(() => said.length > 0, 10_000, 'the room to be known')
  const district = await app.db.district.findFirstOrThrow()
  await app.db.group.updateMany({ where: { platform: 'wechat' }, data: { districtId: district.id } })
  said.length = 0
  const start = Date.now()
  let lastAt = start
  room.on('message', (m: mock.MessageMock) => void (m.talker().id === self.id && (lastAt = Date.now())))
  for (const t of teachers) t.say('/报名 1').to(room)
  await until(() => allTold(said), 300_000, 'every WeChat teacher to be told')
  const result = { lastToldMs: lastAt - start, messages: said.length }
  await adapter.stop()
  await app.close()
  return result
}

export { LARK_INTERVAL_MS, WECHAT_INTERVAL_MS }
