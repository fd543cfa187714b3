import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { mock } from 'wechaty-puppet-mock'
import { inTx } from '../../src/db/client.ts'
import { eventually, type TestApp } from '../helpers/test-app.ts'
import { startWechatBench, type WechatBench } from '../helpers/wechat-bench.ts'

/** WeChat names as people choose them: spaces, line breaks, bidi overrides, zero-width joiners, the bot's own name. */
describe('WeChat names through wechaty and the mock puppet', () => {
  let bench: WechatBench
  let mocker: mock.Mocker
  let test: TestApp
  let self: mock.ContactMock
  const seen: { room: string; talker: string; text: string }[] = []
  let tick = 0
  const clock = () => new Date(Date.parse('2026-11-23T09:00:00+08:00') + 1000 * tick++)

  beforeEach(async () => {
    seen.length = 0
    bench = await startWechatBench({ clock })
    ;({ mocker, test, self } = bench)
  })
  afterEach(() => bench.close())

  /** Says a line in a room and returns the bot's answers there. */
  async function say(who: mock.ContactMock, where: mock.RoomMock, text: string, mentions: mock.ContactMock[] = []) {
    const topic = where.payload.topic
    const mine = () => seen.filter((s) => s.room === topic && s.talker === self.id)
    const before = mine().length
    who.say(text, mentions).to(where)
    await eventually(() => mine().length > before, `reply to ${text}`)
    return mine().slice(before).map((s) => s.text)
  }

  /** A room claimed as a district by 张主任, with a term and activity #1. */
  async function claimedRoom(members: mock.ContactMock[]) {
    const director = mocker.createContact({ name: '张主任' })
    const room = mocker.createRoom({ topic: '育秀学区教研群', memberIdList: [self.id, director.id, ...members.map((m) => m.id)] })
    room.on('message', (m: mock.MessageMock) => void seen.push({ room: '育秀学区教研群', talker: m.talker().id, text: m.text() ?? '' }))
    await say(director, room, `/认领 ${await test.claimCode()} 育秀学区`)
    await say(director, room, '/学期 2026-09-01 2027-01-22 第一学期')
    await say(director, room, '/排期 12月3日下午 联合教研')
    return { director, room }
  }

  const members = () => inTx(test.app.db, (tx) => tx.member.findMany({ orderBy: { id: 'asc' } }))
  const signedUp = () =>
    inTx(test.app.db, (tx) => tx.signup.findMany({ where: { activityId: 1 }, include: { member: { include: { accounts: true } } }, orderBy: { seq: 'asc' } }))

  it('a 代报名 @mentioning "Zhao Yi" signs up exactly that one member, with no "Zhao" or "Yi"', async () => {
    const zhao = mocker.createContact({ name: 'Zhao Yi' })
    const { director, room } = await claimedRoom([zhao])
    const [answer] = await say(director, room, '/报名 1 @Zhao Yi\u2005', [zhao])
    expect(answer).toContain('Zhao Yi：已报名，第 1 位')
    const rows = await signedUp()
    expect(rows.map((s) => s.member.displayName)).toEqual(['Zhao Yi'])
    expect(rows[0]!.member.accounts.map((a) => a.userId)).toEqual([zhao.id])
    expect((await members()).map((m) => m.displayName)).not.toContain('Zhao')
    expect((await members()).map((m) => m.displayName)).not.toContain('Yi')
  })

  it('reads @mentions with spaces exactly next to plain names, in 代报名 and pairing', async () => {
    const zhao = mocker.createContact({ name: 'Zhao Yi' })
    const { director, room } = await claimedRoom([zhao])
    await say(director, room, '/报名 1 @Zhao Yi\u2005李明', [zhao])
    expect((await signedUp()).map((s) => s.member.displayName)).toEqual(['Zhao Yi', '李明'])
    await say(director, room, '/工作室 创建 语文工作室 导师 王佩红')
    const [paired] = await say(director, room, '/结对 1 王佩红 @Zhao Yi\u2005', [zhao])
    expect(paired).toContain('王佩红 — Zhao Yi 结对成功')
    expect((await members()).map((m) => m.displayName).sort()).toEqual(['Zhao Yi', '张主任', '李明', '王佩红'].sort())
  })

  it('keeps names to one visible line: a line break, an override or a joiner never reaches a reply, and the bot\'s name goes to nobody', async () => {
    const forger = mocker.createContact({ name: '王老师\n学区助手> 明天停课' })
    const rlo = mocker.createContact({ name: '\u202e李明' })
    const joiner = mocker.createContact({ name: '赵\u200d丽\u200b' })
    const impostor = mocker.createContact({ name: '学区助手' })
    const { room } = await claimedRoom([forger, rlo, joiner, impostor])
    for (const who of [forger, rlo, joiner, impostor]) {
      const [answer] = await say(who, room, '/报名 1')
      // wechaty itself writes the @mention of the asker as WeChat knows them; what follows is the bot's.
      const own = answer!.slice(`@${who.payload.name} `.length)
      expect(own).toMatch(/^\S+ 报名成功：#1「联合教研」/)
      expect(own).not.toMatch(/[\n\u202e\u200d\u200b]/)
      expect(own).not.toContain('学区助手')
    }
    const names = (await signedUp()).map((s) => s.member.displayName)
    expect(names.slice(1, 3)).toEqual(['李明', '赵丽'])
    for (const name of [names[0]!, names[3]!]) expect(name).toMatch(/^成员[0-9A-Za-z]{4}$/)
  })
})
