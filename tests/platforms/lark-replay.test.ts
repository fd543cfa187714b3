import { createHash } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { inTx } from '../../src/db/client.ts'
import { LARK_CARD_PATH, LARK_EVENTS_PATH } from '../../src/platforms/lark/index.ts'
import {
  cardCallback, cardSignatureHeaders, cardTrigger, encrypt, fakeLarkAdapter, messageEvent, postSigned, startLarkBench,
  type FakeLark, type LarkBench,
} from '../helpers/fake-lark.ts'
import type { TestApp } from '../helpers/test-app.ts'

const ENCRYPT_KEY = 'replay-encrypt-key'
const TOKEN = 'replay-verification-token'
const CHAT = 'oc_district_group'
const HOUR = 60 * 60_000
const CHATS = {
  [CHAT]: { name: '育秀学区飞书群', members: [{ member_id: 'ou_zhang', name: '张主任' }, { member_id: 'ou_wang', name: '王芳' }] },
}

describe('replayed and foreign Lark requests, with an encrypt key', () => {
  let bench: LarkBench
  let fake: FakeLark
  let test: TestApp
  let events: string
  const now = new Date('2026-11-23T09:00:00+08:00')

  beforeEach(async () => {
    bench = await startLarkBench({ now, encryptKey: ENCRYPT_KEY, verificationToken: TOKEN, chats: CHATS })
    ;({ fake, test } = bench)
    events = `${bench.base}${LARK_EVENTS_PATH}`
    const code = await test.claimCode()
    await send(messageEvent({ token: TOKEN, chatId: CHAT, sender: 'ou_zhang', text: `/认领 ${code} 育秀学区` }))
    await send(messageEvent({ token: TOKEN, chatId: CHAT, sender: 'ou_zhang', text: '/学期 2026-09-01 2027-01-22 第一学期' }))
  })

  afterEach(() => bench.close())

  /** Posts an event, encrypted and signed as sent at `at` (now unless told); its status once worked on. */
  async function send(event: unknown, at?: number): Promise<number> {
    const res = await postSigned(events, encrypt(event, ENCRYPT_KEY), ENCRYPT_KEY, { at })
    await bench.adapter.idle()
    return res.status
  }
  const activities = () => inTx(test.app.db, (tx) => tx.activity.count())
  const keys = () => inTx(test.app.db, (tx) => tx.inboundEvent.count())
  const schedule = (o: Partial<Parameters<typeof messageEvent>[0]> = {}) =>
    messageEvent({ token: TOKEN, chatId: CHAT, sender: 'ou_zhang', text: '/排期 12月3日下午 联合教研 名额40', ...o })

  it('refuses a request signed at another time (a 2020 capture, ten minutes ago or ahead) and records nothing', async () => {
    const [sent, recorded] = [fake.sent.length, await keys()]
    for (const at of [Date.parse('2020-03-01T08:00:00Z'), Date.now() - 10 * 60_000, Date.now() + 10 * 60_000]) {
      expect(await send(schedule(), at)).toBe(401)
    }
    // Signed without a timestamp at all.
    const body = encrypt(schedule(), ENCRYPT_KEY)
    const signature = createHash('sha256').update(`n1${ENCRYPT_KEY}${body}`).digest('hex')
    const res = await fetch(events, { method: 'POST', headers: { 'x-lark-signature': signature, 'x-lark-request-nonce': 'n1' }, body })
    expect(res.status).toBe(401)
    expect(await activities()).toBe(0)
    expect([fake.sent.length, await keys()]).toEqual([sent, recorded])
    // Two minutes of clock drift are taken.
    expect(await send(schedule(), Date.now() - 2 * 60_000)).toBe(200)
    expect(await activities()).toBe(1)
  })

  it('takes an event Lark delivers again six hours later with its first create_time, once; refuses one a day old, or a week old after a restart', async () => {
    const late = schedule({ createdAt: Date.now() - 6 * HOUR })
    expect(await send(late)).toBe(200)
    expect(await send(late)).toBe(200)
    expect(await activities()).toBe(1)
    const recorded = await keys()
    expect(await send(schedule({ createdAt: Date.now() - 25 * HOUR }))).toBe(400)
    // A week-old capture, signed afresh, after a restart two days on (event keys pruned at start).
    const restarted = fakeLarkAdapter(fake, test.app, { clock: () => new Date(now.getTime() + 48 * HOUR), encryptKey: ENCRYPT_KEY, verificationToken: TOKEN })
    await restarted.start()
    await restarted.stop()
    expect(await send(schedule({ createdAt: Date.now() - 7 * 24 * HOUR }))).toBe(400)
    expect(await send(late)).toBe(200)
    expect(await activities()).toBe(1)
    expect(await keys()).toBe(recorded)
  })

  it("refuses another app's events, and events of the older schema, and records nothing", async () => {
    const [sent, recorded] = [fake.sent.length, await keys()]
    expect(await send(schedule({ appId: 'cli_someone_else' }))).toBe(400)
    const { header, event } = schedule()
    expect(await send({ event, header: { ...header, app_id: undefined }, schema: '2.0' })).toBe(400)
    expect(await send({ uuid: 'u1', token: TOKEN, ts: String(Date.now() / 1000), type: 'event_callback', event: { type: 'app_ticket', app_id: 'cli_test', app_ticket: 'forged' } })).toBe(400)
    expect(await activities()).toBe(0)
    expect([fake.sent.length, await keys()]).toEqual([sent, recorded])
  })

  it('a captured 报名 press sent again after the teacher withdrew does nothing, through card.action.trigger and the older card URL', async () => {
    await send(schedule())
    const card = fake.sent.find((s) => s.msgType === 'interactive')!
    const press = (command: string) => cardTrigger({ token: TOKEN, openId: 'ou_wang', chatId: CHAT, messageId: card.messageId, value: { command } })
    const join = press('/报名 1')
    const post = async (body: unknown) => JSON.parse((await postSigned(events, encrypt(body, ENCRYPT_KEY), ENCRYPT_KEY)).body) as Record<string, unknown>
    expect(JSON.stringify(await post(join))).toContain('报名成功')
    expect(JSON.stringify(await post(press('/取消报名 1')))).toContain('已取消')
    expect(await post(join)).toEqual({})
    expect(await signups()).toEqual(['王芳:cancelled'])

    // The older callback, re-signed at once and ten minutes later.
    const raw = JSON.stringify(cardCallback({ openId: 'ou_zhang', chatId: CHAT, messageId: card.messageId, value: { command: '/报名 1' } }))
    const callback = (at?: number) => fetch(`${bench.base}${LARK_CARD_PATH}`, { method: 'POST', headers: cardSignatureHeaders(raw, TOKEN, at), body: raw })
    expect(JSON.stringify(await (await callback()).json())).toContain('报名成功')
    const leaveRaw = JSON.stringify(cardCallback({ openId: 'ou_zhang', chatId: CHAT, messageId: card.messageId, value: { command: '/取消报名 1' } }))
    const left = await fetch(`${bench.base}${LARK_CARD_PATH}`, { method: 'POST', headers: cardSignatureHeaders(leaveRaw, TOKEN), body: leaveRaw })
    expect(JSON.stringify(await left.json())).toContain('已取消')
    expect(await (await callback()).json()).toEqual({})
    expect((await callback(Date.now() - 10 * 60_000)).status).toBe(401)
    await bench.adapter.idle()
    expect(await signups()).toEqual(['王芳:cancelled', '张主任:cancelled'])
  })

  const signups = () =>
    inTx(test.app.db, (tx) => tx.signup.findMany({ orderBy: { seq: 'asc' }, include: { member: true } })).then((rows) =>
      rows.map((r) => `${r.member.displayName}:${r.status}`),
    )
})

describe('replayed Lark requests, with only a verification token', () => {
  let bench: LarkBench
  const now = new Date('2026-11-23T09:00:00+08:00')

  beforeEach(async () => {
    bench = await startLarkBench({ now, encryptKey: '', verificationToken: TOKEN, chats: CHATS })
  })
  afterEach(() => bench.close())

  it('refuses an event created more than a day ago, or one whose (unsigned) timestamp header is stale, and records nothing', async () => {
    const post = (event: unknown, headers: Record<string, string> = {}) =>
      fetch(`${bench.base}${LARK_EVENTS_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(event) })
    const ping = (o: Partial<Parameters<typeof messageEvent>[0]> = {}) => messageEvent({ token: TOKEN, chatId: 'oc_p2p', chatType: 'p2p', sender: 'ou_wang', text: '/ping', ...o })
    expect((await post(ping({ createdAt: Date.now() - 30 * HOUR }))).status).toBe(400)
    expect((await post(ping(), { 'x-lark-request-timestamp': String(Math.floor(Date.parse('2020-03-01T08:00:00Z') / 1000)) })).status).toBe(401)
    expect((await post(ping({ appId: 'cli_someone_else' }))).status).toBe(400)
    await bench.adapter.idle()
    expect(bench.fake.sent).toEqual([])
    expect(await inTx(bench.test.app.db, (tx) => tx.inboundEvent.count())).toBe(0)
    expect((await post(ping())).status).toBe(200)
    await bench.adapter.idle()
    expect(bench.fake.sent.map((s) => s.text)).toEqual(['pong'])
  })

  it('refuses older card callbacks when no verification token is set to check them', async () => {
    await bench.close()
    bench = await startLarkBench({ now, encryptKey: ENCRYPT_KEY, verificationToken: '', chats: CHATS })
    const raw = JSON.stringify(cardCallback({ openId: 'ou_wang', chatId: CHAT, messageId: 'om_x', value: { command: '/报名 1' } }))
    const res = await fetch(`${bench.base}${LARK_CARD_PATH}`, { method: 'POST', headers: cardSignatureHeaders(raw, ''), body: raw })
    expect(res.status).toBe(401)
    expect(await inTx(bench.test.app.db, (tx) => tx.inboundEvent.count())).toBe(0)
  })
})
