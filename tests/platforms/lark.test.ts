import { connect } from 'node:net'
import pino from 'pino'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { inTx } from '../../src/db/client.ts'
import { createLogger } from '../../src/log.ts'
import { LARK_EVENTS_PATH, type LarkAdapter, readContent } from '../../src/platforms/lark/index.ts'
import { createOutboxSender } from '../../src/platforms/outbox-sender.ts'
import { SendError } from '../../src/platforms/platform.ts'
import { FakeLark, encrypt, messageEvent, postSigned, signatureHeaders, startLarkBench, type LarkBench } from '../helpers/fake-lark.ts'
import { rawDb } from '../helpers/raw-db.ts'
import type { TestApp } from '../helpers/test-app.ts'

const ENCRYPT_KEY = 'test-encrypt-key'
const TOKEN = 'test-verification-token'
const CHAT = 'oc_district_group'

describe('Lark through the official SDK against a fake Open Platform', () => {
  let bench: LarkBench
  let fake: FakeLark
  let test: TestApp
  let adapter: LarkAdapter
  let url: string
  const now = new Date('2026-11-23T09:00:00+08:00')

  const newAdapter = () => bench.newAdapter()

  beforeEach(async () => {
    bench = await startLarkBench({
      now, encryptKey: ENCRYPT_KEY, verificationToken: TOKEN,
      chats: { [CHAT]: { name: '育秀学区飞书群', members: [{ member_id: 'ou_zhang', name: '张主任' }, { member_id: 'ou_wang', name: '王老师' }] } },
    })
    ;({ fake, test, adapter } = bench)
    url = `${bench.base}${LARK_EVENTS_PATH}`
  })

  afterEach(() => bench.close())

  const atBot = () => ({ key: '@_user_1', openId: fake.botOpenId, name: '学区助手' })

  /** Posts a signed, encrypted message event and returns the texts the bot sent. */
  async function say(sender: string, text: string, o: Partial<Parameters<typeof messageEvent>[0]> = {}) {
    const before = fake.sent.length
    const event = messageEvent({ token: TOKEN, chatId: CHAT, sender, text: `@_user_1 ${text}`, mentions: [atBot()], ...o })
    const res = await postSigned(url, encrypt(event, ENCRYPT_KEY), ENCRYPT_KEY)
    expect(res.status).toBe(200)
    await adapter.idle()
    return fake.sent.slice(before).map((s) => s.text)
  }

  async function claimed() {
    const code = await test.claimCode()
    const [claim] = await say('ou_zhang', `/认领 ${code} 育秀学区`)
    expect(claim).toContain('认领成功')
    expect(claim).toContain('张主任')
    await say('ou_zhang', '/学期 2026-09-01 2027-01-22 第一学期')
  }

  it('learns its own open_id and answers the url_verification challenge', async () => {
    expect(adapter.botOpenId).toBe(fake.botOpenId)
    const body = encrypt({ challenge: 'ch-123', token: TOKEN, type: 'url_verification' }, ENCRYPT_KEY)
    const res = await postSigned(url, body, ENCRYPT_KEY, { unsigned: true })
    expect(res.status).toBe(200)
    expect(JSON.parse(res.body)).toEqual({ challenge: 'ch-123' })
  })

  it('schedules and lists through @mentions, replying to the message with the tenant token', async () => {
    await claimed()
    const [scheduled] = await say('ou_zhang', '/排期 下周三下午 联合教研 数学 @实验小学')
    expect(scheduled).toContain('12月2日')
    const [list] = await say('ou_wang', '/活动')
    expect(list).toContain('联合教研')
    const [refused] = await say('ou_wang', '/排期 下周四上午 听课')
    expect(refused).toContain('管理员')
    expect(fake.sent.filter((s) => s.msgType === 'interactive').map((s) => s.text)).toEqual([scheduled])
    expect(fake.sent.every((s) => s.kind === 'reply' && s.authorization === 'Bearer t-fake-token')).toBe(true)
    const groups = await inTx(test.app.db, (tx) => tx.group.findMany({ where: { platform: 'lark' } }))
    expect(groups.map((g) => g.title)).toEqual(['育秀学区飞书群'])
    expect(await inTx(test.app.db, (tx) => tx.activity.count())).toBe(1)
  })

  it('leaves group chat that does not address it alone, and answers in a one-to-one chat', async () => {
    expect(await say('ou_wang', '大家好', { text: '大家好', mentions: [] })).toEqual([])
    const other = await say('ou_wang', '', { text: '@_user_1 周三见', mentions: [{ key: '@_user_1', openId: 'ou_zhang', name: '张主任' }] })
    expect(other).toEqual([])
    const [pong] = await say('ou_wang', '', { text: '/ping', mentions: [], chatType: 'p2p', chatId: 'oc_p2p_wang' })
    expect(pong).toBeTruthy()
  })

  it('handles a redelivered event once, also after a restart', async () => {
    await claimed()
    const event = messageEvent({ token: TOKEN, chatId: CHAT, sender: 'ou_zhang', text: '@_user_1 /排期 下周三下午 联合教研', mentions: [atBot()] })
    const body = encrypt(event, ENCRYPT_KEY)
    const before = fake.sent.length
    expect((await postSigned(url, body, ENCRYPT_KEY)).status).toBe(200)
    expect((await postSigned(url, body, ENCRYPT_KEY)).status).toBe(200)
    await adapter.idle()
    // The same message under a new event id (Lark redelivers with a fresh header sometimes).
    const again = { ...event, header: { ...event.header, event_id: 'ev_other' } }
    expect((await postSigned(url, encrypt(again, ENCRYPT_KEY), ENCRYPT_KEY)).status).toBe(200)
    await adapter.idle()
    const restarted = newAdapter()
    await restarted.start()
    const [req, res] = await fakeRequest(body)
    await restarted.handleWebhook(req, res)
    expect(res.statusCode).toBe(200)
    await restarted.idle()
    await restarted.stop()
    expect(fake.sent.length - before).toBe(1)
    expect(await inTx(test.app.db, (tx) => tx.activity.count())).toBe(1)
  })

  it('answers 503 while the database is held past Lark\'s 3 s, then takes the redelivery as already done', async () => {
    await claimed()
    const event = messageEvent({ token: TOKEN, chatId: CHAT, sender: 'ou_zhang', text: '@_user_1 /排期 下周三下午 联合教研', mentions: [atBot()] })
    const body = encrypt(event, ENCRYPT_KEY)
    const before = fake.sent.length
    // Another process holds the write lock for 3.5 s: the command waits (busy retry) past the acknowledgement window.
    const other = await rawDb(test.config.DATABASE_URL)
    const { released } = await other.hold(3500)
    expect((await postSigned(url, body, ENCRYPT_KEY)).status).toBe(503)
    await released
    await other.close()
    await adapter.idle()
    expect(await inTx(test.app.db, (tx) => tx.activity.count())).toBe(1)
    // Lark delivers it again 15 s later: acknowledged, and nothing done twice.
    expect((await postSigned(url, body, ENCRYPT_KEY)).status).toBe(200)
    await adapter.idle()
    expect(await inTx(test.app.db, (tx) => tx.activity.count())).toBe(1)
    expect(fake.sent.length - before).toBe(1)
  }, 20_000)

  it('refuses a bad signature, a missing signature, a wrong token and an unreadable body; records nothing', async () => {
    const event = messageEvent({ token: TOKEN, chatId: CHAT, sender: 'ou_zhang', text: '@_user_1 /ping', mentions: [atBot()] })
    expect((await postSigned(url, encrypt(event, ENCRYPT_KEY), ENCRYPT_KEY, { badSignature: true })).status).toBe(401)
    expect((await postSigned(url, encrypt(event, ENCRYPT_KEY), ENCRYPT_KEY, { unsigned: true })).status).toBe(401)
    const wrongToken = messageEvent({ token: 'guess', chatId: CHAT, sender: 'ou_zhang', text: '/ping' })
    expect((await postSigned(url, encrypt(wrongToken, ENCRYPT_KEY), ENCRYPT_KEY)).status).toBe(401)
    expect((await postSigned(url, JSON.stringify({ encrypt: 'bm90IHJlYWxseSBlbmNyeXB0ZWQgYXQgYWxs' }), ENCRYPT_KEY)).status).toBe(400)
    expect((await postSigned(url, '{not json', ENCRYPT_KEY)).status).toBe(400)
    expect((await fetch(url)).status).toBe(405)
    await adapter.idle()
    expect(fake.sent).toEqual([])
    expect(await inTx(test.app.db, (tx) => tx.inboundEvent.count())).toBe(0)
  })

  it('refuses a 20 MB body with 413 and a client gone mid-body without an error, records nothing, then still answers a real event', async () => {
    const logged: string[] = []
    await bench.close()
    bench = await startLarkBench({
      now, encryptKey: ENCRYPT_KEY, verificationToken: TOKEN, chats: { [CHAT]: { name: '育秀学区飞书群', members: [{ member_id: 'ou_zhang', name: '张主任' }] } },
      log: pino({ level: 'error' }, { write: (line: string) => void logged.push(line) }),
    })
    ;({ fake, test, adapter } = bench)
    url = `${bench.base}${LARK_EVENTS_PATH}`
    const huge = JSON.stringify({ encrypt: 'x'.repeat(20 * 1024 * 1024) })
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: huge })
    expect(res.status).toBe(413)
    // A client that sends half a body and goes away.
    await new Promise<void>((resolve) => {
      const socket = connect(Number(new URL(url).port), '127.0.0.1', () => {
        socket.write(`POST ${LARK_EVENTS_PATH} HTTP/1.1\r\nHost: bot\r\nContent-Length: 5000\r\n\r\n{"encrypt":"`)
        setTimeout(() => socket.destroy(), 50)
      })
      socket.on('close', () => resolve())
    })
    expect(await inTx(test.app.db, (tx) => tx.inboundEvent.count())).toBe(0)
    await claimed()
    expect((await say('ou_zhang', '/ping'))[0]).toBe('pong')
    expect(logged).toEqual([])
  })

  it('retries a 429 after the reset header and a 5xx, then delivers', async () => {
    fake.failNext({ status: 429, body: { code: 99991400, msg: 'request trigger frequency limit' }, headers: { 'x-ogw-ratelimit-reset': '1' } })
    fake.failNext({ status: 502, body: { code: 1, msg: 'bad gateway' } })
    const started = Date.now()
    await adapter.send({ chat: { platform: 'lark', chatId: CHAT }, text: '提醒：周三下午联合教研', mentions: [{ id: 'ou_wang', name: '王老师' }] })
    expect(Date.now() - started).toBeGreaterThanOrEqual(900)
    expect(fake.sent).toHaveLength(1)
    expect(fake.sent[0]!.text).toBe('<at user_id="ou_wang">王老师</at> 提醒：周三下午联合教研')
    expect(fake.sent[0]!.chatId).toBe(CHAT)
  })

  it('keeps a message the platform finally refuses, and sends it on a later retry', async () => {
    for (let i = 0; i < 5; i++) fake.failNext({ status: 400, body: { code: 230020, msg: 'chat rate limit' } })
    await expect(adapter.send({ chat: { platform: 'lark', chatId: CHAT }, text: '会被留下的提醒' })).rejects.toBeInstanceOf(SendError)
    for (let i = 0; i < 5; i++) fake.failNext({ status: 400, body: { code: 230020, msg: 'chat rate limit' } })
    let clock = now
    const outbox = createOutboxSender({ db: test.app.db, send: (m) => adapter.send(m), log: createLogger('silent'), clock: () => clock })
    const rows = await inTx(test.app.db, (tx) => outbox.write(tx, [{ chat: { platform: 'lark', chatId: CHAT }, text: '会被留下的提醒' }]))
    expect(await outbox.deliver(rows)).toBe(0)
    const kept = await inTx(test.app.db, (tx) => tx.outbox.findMany())
    expect(kept.map((k) => [k.chatId, k.status, k.attempts])).toEqual([[CHAT, 'pending', 1]])
    expect(await outbox.pass()).toBe(0)
    clock = new Date(now.getTime() + 2 * 60_000)
    expect(await outbox.pass()).toBe(1)
    expect(fake.sent.map((s) => s.text)).toEqual(['会被留下的提醒'])
    expect((await inTx(test.app.db, (tx) => tx.outbox.findFirst()))?.status).toBe('sent')
  })

  it('greets a group it is added to', async () => {
    const event = { schema: '2.0', header: { event_id: 'ev_added_1', event_type: 'im.chat.member.bot.added_v1', token: TOKEN, create_time: String(Date.now()), app_id: 'cli_test', tenant_key: 'tk' }, event: { chat_id: 'oc_new_group', name: '新建教研群', external: false, operator_id: { open_id: 'ou_zhang' } } }
    expect((await postSigned(url, encrypt(event, ENCRYPT_KEY), ENCRYPT_KEY)).status).toBe(200)
    await adapter.idle()
    expect(fake.sent).toHaveLength(1)
    expect(fake.sent[0]!.chatId).toBe('oc_new_group')
    expect(fake.sent[0]!.text).toContain('/认领')
  })

  /** A request object for calling the handler directly, as after a restart. */
  async function fakeRequest(body: string) {
    const { ServerResponse, IncomingMessage } = await import('node:http')
    const { Socket } = await import('node:net')
    const req = new IncomingMessage(new Socket())
    req.method = 'POST'
    req.headers = signatureHeaders(body, ENCRYPT_KEY)
    req.push(Buffer.from(body))
    req.push(null)
    const res = new ServerResponse(req)
    return [req, res] as const
  }
})

describe('Lark message content', () => {
  it('reads text and rich-text posts', () => {
    expect(readContent('text', '{"text":"@_user_1 /活动"}')).toBe('@_user_1 /活动')
    expect(readContent('post', JSON.stringify({ title: '', content: [[{ tag: 'at', user_id: '@_user_1' }, { tag: 'text', text: ' /本周' }]] }))).toBe('@_user_1 /本周')
    expect(readContent('image', '{"image_key":"img_1"}')).toBeNull()
  })
})
