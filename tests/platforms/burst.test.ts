import { afterEach, describe, expect, it } from 'vitest'
import { WechatyBuilder } from 'wechaty'
import { PuppetMock, mock } from 'wechaty-puppet-mock'
import { createLogger } from '../../src/log.ts'
import { LARK_EVENTS_PATH } from '../../src/platforms/lark/index.ts'
import { MAX_GATHER } from '../../src/platforms/outbox-sender.ts'
import { createSendRouter } from '../../src/platforms/platform.ts'
import { WechatAdapter } from '../../src/platforms/wechat/index.ts'
import { encrypt, messageEvent, postSigned, startLarkBench, type LarkBench } from '../helpers/fake-lark.ts'
import { eventually, openTestApp, type TestApp } from '../helpers/test-app.ts'

const now = new Date('2026-11-23T09:00:00+08:00')
/** How often each teacher is named in the bot's messages (老师7 and 老师70 told apart). */
function mentionsPerTeacher(texts: string[], count: number): number[] {
  return Array.from({ length: count }, (_, i) => texts.filter((t) => new RegExp(`老师${i}(?!\\d)`).test(t)).length)
}

describe('a burst of sign-ups in one group', () => {
  let closers: (() => Promise<void>)[] = []
  afterEach(async () => {
    for (const close of closers.reverse()) await close()
    closers = []
  })

  it('on WeChat, paced at one message every 300 ms: confirmations gathered 接龙-style, each teacher @mentioned once with their place', async () => {
    const mocker = new mock.Mocker()
    const bot = WechatyBuilder.build({ puppet: new PuppetMock({ mocker }) })
    const router = createSendRouter()
    const test: TestApp = await openTestApp({ send: router.send, clock: () => now })
    const adapter = new WechatAdapter({ bot, dispatch: test.app.dispatch, announce: test.app.announce, log: createLogger('silent'), botName: '学区助手', sendIntervalMs: 300, sendJitterMs: 0, clock: () => now })
    router.use('wechat', (m) => adapter.send(m))
    await adapter.start()
    closers.push(() => test.close(), () => adapter.stop())
    const self = mocker.createContact({ name: '学区助手' })
    mocker.login(self)
    await eventually(() => bot.isLoggedIn, 'login')
    const director = mocker.createContact({ name: '张主任' })
    const teachers = Array.from({ length: 60 }, (_, i) => mocker.createContact({ name: `老师${i}` }))
    const room = mocker.createRoom({ topic: '育秀学区教研群', memberIdList: [self.id, director.id, ...teachers.map((t) => t.id)] })
    const said: string[] = []
    room.on('message', (m: mock.MessageMock) => void (m.talker().id === self.id && said.push(m.text() ?? '')))
    const answered = async (n: number) => eventually(() => said.length >= n, 'the answer', 10_000)
    director.say(`/认领 ${await test.claimCode()} 育秀学区`).to(room)
    await answered(1)
    director.say('/学期 2026-09-01 2027-01-22 第一学期').to(room)
    await answered(2)
    director.say('/排期 12月3日 13:30 联合教研 名额30').to(room)
    await answered(3)
    said.length = 0

    for (const t of teachers) t.say('/报名 1').to(room)
    await eventually(() => mentionsPerTeacher(said, 60).every((n) => n > 0), 'every teacher told', 30_000)
    await adapter.stop()
    expect(mentionsPerTeacher(said, 60)).toEqual(Array(60).fill(1))
    // The first goes alone; the rest wait for the pacing and go together, a few messages for sixty teachers.
    expect(said.length).toBeLessThanOrEqual(1 + Math.ceil(59 / MAX_GATHER) + 2)
    const gathered = said.find((t) => t.includes('#1「联合教研」报名：'))!
    expect(gathered).toMatch(/^@老师\d+\u2005/)
    expect(gathered).toMatch(/老师\d+：已报名，第 \d+ 位/)
    expect(said.join('\n')).toMatch(/老师\d+：候补第 \d+ 位/)
  }, 60_000)

  it('on Lark, under its per-chat pacing: confirmations gathered, each teacher @mentioned once, and every event acknowledged', async () => {
    const members = Array.from({ length: 80 }, (_, i) => ({ member_id: `ou_t${i}`, name: `老师${i}` }))
    const bench: LarkBench = await startLarkBench({
      now, encryptKey: 'k', verificationToken: 't',
      chats: { oc_g: { name: '育秀学区飞书群', members: [{ member_id: 'ou_zhang', name: '张主任' }, ...members] } },
    })
    closers.push(() => bench.close())
    const post = (sender: string, text: string) =>
      postSigned(`${bench.base}${LARK_EVENTS_PATH}`, encrypt(messageEvent({ token: 't', chatId: 'oc_g', sender, text }), 'k'), 'k')
    for (const line of [`/认领 ${await bench.test.claimCode()} 育秀学区`, '/学期 2026-09-01 2027-01-22 第一学期', '/排期 12月3日 13:30 联合教研 名额30']) {
      expect((await post('ou_zhang', line)).status).toBe(200)
      await bench.adapter.idle()
    }
    const before = bench.fake.sent.length

    const statuses = await Promise.all(members.map((m) => post(m.member_id, '/报名 1').then((r) => r.status)))
    expect(statuses).toEqual(Array(80).fill(200))
    await eventually(async () => {
      await bench.adapter.idle()
      return mentionsPerTeacher(bench.fake.sent.slice(before).map((s) => s.text), 80).every((n) => n > 0)
    }, 'every teacher told', 30_000)
    const sent = bench.fake.sent.slice(before)
    expect(mentionsPerTeacher(sent.map((s) => s.text), 80)).toEqual(Array(80).fill(1))
    expect(sent.length).toBeLessThan(80 / 4)
    const gathered = sent.filter((s) => s.text.includes('#1「联合教研」报名：'))
    expect(gathered.length).toBeGreaterThan(0)
    // In a gathered message each teacher is @mentioned, so their phone tells them.
    for (const s of gathered) {
      const named = [...s.text.matchAll(/老师(\d+)：/g)].map((m) => m[1])
      expect(named.map((i) => s.text.includes(`<at user_id="ou_t${i}">`))).toEqual(named.map(() => true))
    }
  }, 60_000)
})
