import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WechatyBuilder, types, type Wechaty } from 'wechaty'
import { PuppetMock, mock } from 'wechaty-puppet-mock'
import { createLogger } from '../../src/log.ts'
import { LARK_EVENTS_PATH, type LarkAdapter } from '../../src/platforms/lark/index.ts'
import { createSendRouter } from '../../src/platforms/platform.ts'
import { WechatAdapter } from '../../src/platforms/wechat/index.ts'
import { createReminders } from '../../src/reminders/runner.ts'
import { cardButtons, cardTrigger, encrypt, messageEvent, postSigned, startLarkBench, type FakeLark, type LarkBench } from '../helpers/fake-lark.ts'
import { eventually, openTestApp, type TestApp } from '../helpers/test-app.ts'

describe('签到 in a WeChat room (wechaty mock puppet)', () => {
  let mocker: mock.Mocker
  let bot: Wechaty
  let test: TestApp
  let adapter: WechatAdapter
  let self: mock.ContactMock
  let director: mock.ContactMock
  let teacher: mock.ContactMock
  let room: mock.RoomMock
  let now = new Date('2026-11-23T09:00:00+08:00')
  const seen: string[] = []
  const inbox: { text: string; type: number }[] = []

  beforeAll(async () => {
    mocker = new mock.Mocker()
    bot = WechatyBuilder.build({ puppet: new PuppetMock({ mocker }) })
    const router = createSendRouter()
    test = await openTestApp({ send: router.send, clock: () => now })
    adapter = new WechatAdapter({ bot, dispatch: test.app.dispatch, announce: test.app.announce, log: createLogger('silent'), botName: '学区助手', sendIntervalMs: 0, sendJitterMs: 0, clock: () => now })
    router.use('wechat', (m) => adapter.send(m))
    await adapter.start()
    self = mocker.createContact({ name: '学区助手' })
    mocker.login(self)
    await eventually(() => bot.isLoggedIn, 'login')
    director = mocker.createContact({ name: '张主任' })
    teacher = mocker.createContact({ name: '王老师' })
    room = mocker.createRoom({ topic: '育秀学区教研群', memberIdList: [self.id, director.id, teacher.id] })
    room.on('message', (m: mock.MessageMock) => void (m.talker().id === self.id && seen.push(m.text() ?? '')))
    director.on('message', (m: mock.MessageMock) => void (m.talker().id === self.id && !m.room() && inbox.push({ text: m.text() ?? '', type: m.payload.type })))
    expect(await say(director, `/认领 ${await test.claimCode()} 育秀学区`)).toContain('认领成功')
    await say(director, '/学期 2026-09-01 2027-01-22 第一学期')
    await say(director, '/排期 11月25日 14:00-16:00 联合教研')
    await say(teacher, '/报名 1')
  })
  afterAll(async () => {
    await adapter.stop()
    await test.close()
  })

  async function say(who: mock.ContactMock, text: string): Promise<string> {
    const before = seen.length
    who.say(text).to(room)
    await eventually(() => seen.length > before, text)
    return seen[before]!
  }

  it('checks in only within the window; a teacher cannot mark anyone; the organizer\'s correction is recorded', async () => {
    now = new Date('2026-11-25T13:00:00+08:00')
    expect(await say(teacher, '签到')).toMatch(/^@王老师\s现在没有可以签到的活动/)
    expect(await say(teacher, '签到 1')).toMatch(/^@王老师\s#1 签到 11月25日\(周三\) 13:30 开始/)
    now = new Date('2026-11-25T13:40:00+08:00')
    expect(await say(teacher, '签到')).toMatch(/^@王老师\s王老师 已签到：#1「联合教研」11月25日\(周三\) 14:00-16:00，13:40。/)
    expect(await say(teacher, '/缺席 1 张主任')).toContain('只有学区管理员和这项活动的组织者')
    now = new Date('2026-11-25T15:00:00+08:00')
    expect(await say(teacher, '签退')).toContain('王老师 已签退：#1「联合教研」11月25日(周三) 14:00-16:00，15:00（早退60分钟）。')
    // A time still ahead is refused; once it has passed, the organizer's correction stands.
    expect(await say(director, '/签退 1 王老师 16:00')).toContain('16:00 还没到（现在 15:00）')
    now = new Date('2026-11-25T16:05:00+08:00')
    expect(await say(director, '/签退 1 王老师 16:00')).toContain('已更正：王老师 在 16:00 签退')
    const rows = await test.app.db.attendanceChange.findMany({ orderBy: { id: 'asc' } })
    const directorId = (await test.app.db.member.findFirstOrThrow({ where: { displayName: '张主任' } })).id
    expect(rows.map((r) => [r.action, r.byId === directorId])).toEqual([['checkIn', false], ['checkOut', false], ['checkOut', true]])
  })

  it('sends the code\'s QR as an image in the organizer\'s direct chat, never in the room', async () => {
    await say(director, '/设置 1 签到码')
    now = new Date('2026-11-25T14:20:00+08:00')
    expect(await say(director, '/签到码 1')).toContain('签到码不能发在群里')
    director.say('/签到码 1').to(self)
    await eventually(() => inbox.length >= 2, 'the code and its image')
    const code = /签到码：(\d{4})/.exec(inbox[0]!.text)![1]!
    expect(inbox[1]!.type).toBe(types.Message.Image)
    expect(seen.join('\n')).not.toContain(`签到码：${code}`)
    // The code typed in the room is refused (those at home read the room); in a direct chat it is taken.
    const late = mocker.createContact({ name: '李老师' })
    await room.add(late)
    expect(await say(late, `签到 1 ${code}`)).toContain('签到码请私聊我发送，不要发在群里')
    expect(await test.app.db.attendance.count({ where: { via: 'code' } })).toBe(0)
    const replies: string[] = []
    late.on('message', (m: mock.MessageMock) => void (m.talker().id === self.id && !m.room() && replies.push(m.text() ?? '')))
    late.say(`签到 1 ${code}`).to(self)
    await eventually(() => replies.length > 0, 'the check-in in a direct chat')
    expect(replies[0]).toContain('李老师 已签到')
    expect(await test.app.db.attendance.count({ where: { via: 'code' } })).toBe(1)
  })
})

describe('签到 in a Lark group (fake Open Platform)', () => {
  const KEY = 'test-encrypt-key'
  const TOKEN = 'test-verification-token'
  const CHAT = 'oc_district_group'
  let bench: LarkBench
  let fake: FakeLark
  let adapter: LarkAdapter
  let base: string
  const now = new Date('2026-11-23T08:00:00+08:00')

  beforeAll(async () => {
    bench = await startLarkBench({
      now, encryptKey: KEY, verificationToken: TOKEN,
      chats: { [CHAT]: { name: '育秀学区飞书群', members: [{ member_id: 'ou_zhang', name: '张主任' }, { member_id: 'ou_wang', name: '王芳' }, { member_id: 'ou_li', name: '李明' }] } },
    })
    ;({ fake, adapter, base } = bench)
    await say('ou_zhang', `/认领 ${await bench.test.claimCode()} 育秀学区`)
    await say('ou_zhang', '/学期 2026-09-01 2027-01-22 第一学期')
    await say('ou_zhang', '/排期 11月23日 10:00-11:00 联合教研')
    await say('ou_wang', '/报名 1')
    await say('ou_li', '/报名 1')
  })
  afterAll(() => bench.close())

  async function say(sender: string, text: string, o: Partial<Parameters<typeof messageEvent>[0]> = {}) {
    const before = fake.sent.length
    const event = messageEvent({ token: TOKEN, chatId: CHAT, sender, text, ...o })
    expect((await postSigned(`${base}${LARK_EVENTS_PATH}`, encrypt(event, KEY), KEY)).status).toBe(200)
    await adapter.idle()
    return fake.sent.slice(before)
  }

  it('the reminder before the start carries a 签到 button that checks the presser in; a reply 「签到」 to it works too', async () => {
    now.setTime(Date.parse('2026-11-23T09:00:00+08:00'))
    const reminders = createReminders({ db: bench.test.app.db, send: (m) => adapter.send(m), log: createLogger('silent'), clock: () => now })
    await reminders.tick()
    await adapter.idle()
    const card = fake.sent.find((s) => s.text.includes('【活动提醒】#1'))!
    expect(card.msgType).toBe('interactive')
    expect(cardButtons(card.card!)).toEqual([{ label: '签到', command: '/签到 1' }])
    now.setTime(Date.parse('2026-11-23T09:40:00+08:00'))
    const press = cardTrigger({ token: TOKEN, openId: 'ou_wang', chatId: CHAT, messageId: card.messageId, value: { command: '/签到 1' } })
    const answer = JSON.parse((await postSigned(`${base}${LARK_EVENTS_PATH}`, encrypt(press, KEY), KEY)).body) as { toast: { type: string; content: string } }
    expect(answer.toast.content).toContain('王芳 已签到：#1「联合教研」11月23日(周一) 10:00-11:00，09:40。')
    const [replied] = await say('ou_li', '签到', { parentId: card.messageId })
    expect(replied!.text).toContain('李明 已签到：#1「联合教研」')
    const rows = await bench.test.app.db.attendance.findMany()
    expect(rows.map((r) => r.status)).toEqual(['present', 'present'])
  })

  it('sends the QR code as a Lark image in a direct chat', async () => {
    await say('ou_zhang', '/设置 1 签到码')
    await say('ou_zhang', '/ping', { chatType: 'p2p', chatId: 'oc_p2p_zhang' })
    const sent = await say('ou_zhang', '/签到码 1', { chatType: 'p2p', chatId: 'oc_p2p_zhang' })
    expect(sent.map((s) => s.msgType)).toEqual(['text', 'image'])
    expect(sent[0]!.text).toMatch(/签到码：\d{4}/)
    const key = /\[image (\S+)\]/.exec(sent[1]!.text)![1]!
    expect(fake.images.get(key)!.png).toBe(true)
  })
})
