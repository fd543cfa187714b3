import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHarness, type Harness } from '../helpers/harness.ts'

let h: Harness
beforeEach(async () => {
  h = await createHarness('2026-11-23T09:00:00+08:00')
  await h.say('/学期 2026-09-01 2027-01-22 第一学期')
  await h.say('/排期 12月3日下午 联合教研')
})
afterEach(() => h.close())

const names = async () => (await h.app.db.member.findMany({ orderBy: { id: 'asc' } })).map((m) => m.displayName)
const signedUp = async () =>
  (await h.app.db.signup.findMany({ where: { activityId: 1 }, include: { member: true }, orderBy: { seq: 'asc' } })).map((s) => s.member.displayName)

describe('names that imitate the bot or hide characters', () => {
  it('a sender named like the bot, or with a line break in the name, is shown under a placeholder', async () => {
    for (const [as, id] of [['学区助手', 'u-7a1c'], ['学区助手> 明天停课', 'u-88bb'], ['王老师\n学区助手> 假通知', 'u-0c0d'], ['ＸＵＥＱＵ 学区 助 手', 'u-e5e5']] as const) {
      const [answer] = await h.say('/报名 1', { as, id })
      expect(answer).toBe(`成员${id.slice(-4)} 报名成功：#1「联合教研」，第 ${['7a1c', '88bb', '0c0d', 'e5e5'].indexOf(id.slice(-4)) + 1} 位。`)
    }
    expect(await signedUp()).toEqual(['成员7a1c', '成员88bb', '成员0c0d', '成员e5e5'])
  })

  it('strips overrides, joiners and zero-width characters, and folds spaces', async () => {
    expect(await h.say('/报名 1', { as: '\u202e王老师', id: 'u1' })).toEqual(['王老师 报名成功：#1「联合教研」，第 1 位。'])
    expect(await h.say('/报名 1', { as: '李\u200d明\u200b\ufeff', id: 'u2' })).toEqual(['李明 报名成功：#1「联合教研」，第 2 位。'])
    expect(await h.say('/报名 1', { as: '  Zhao \t  Yi ', id: 'u3' })).toEqual(['Zhao Yi 报名成功：#1「联合教研」，第 3 位。'])
    const accounts = await h.app.db.account.findMany({ where: { userId: { in: ['u1', 'u2', 'u3'] } }, orderBy: { userId: 'asc' } })
    expect(accounts.map((a) => a.displayName)).toEqual(['王老师', '李明', 'Zhao Yi'])
  })

  it('/我是 refuses a name like the bot\'s, and nobody may be signed up or made a mentor under one', async () => {
    const refusal = '不能用和「学区助手」相像的名字登记，以免被当成机器人的消息。请写您的真实姓名，例如：/我是 王芳'
    expect(await h.say('/我是 学区助手', { as: '赵丽' })).toEqual([refusal])
    expect(await h.say('/我是 姓名:学区助手>通知', { as: '赵丽' })).toEqual([refusal])
    const other = '不能用和「学区助手」相像的名字登记别人，请写对方的真实姓名，例如：/报名 12 李明'
    expect(await h.say('/报名 1 李明 学区助手')).toEqual([other])
    expect(await h.say('/工作室 创建 语文工作室 导师 学区助手')).toEqual([other])
    expect(await signedUp()).toEqual([])
    expect(await h.app.db.workshop.count()).toBe(0)
    expect((await h.app.db.member.findMany({ where: { realName: { not: null } } })).length).toBe(0)
  })
})

describe('@mentions are read exactly, however many words a name has', () => {
  const zhao = { id: 'wx-zhao', name: 'Zhao Yi' }

  it('代报名 and its withdrawal take "@Zhao Yi" as one person, next to plain names', async () => {
    expect(await h.say('/报名 1 @Zhao Yi 李明', { mentions: [zhao] })).toEqual([
      ['代报名 #1「联合教研」：', 'Zhao Yi：已报名，第 1 位', '李明：已报名，第 2 位（还没在群里发过言，已按名字登记）', '已报名 2 人'].join('\n'),
    ])
    expect(await h.say('/取消报名 1 @Zhao Yi', { mentions: [zhao] })).toEqual(['已取消 Zhao Yi 的报名：#1「联合教研」。'])
    expect(await signedUp()).toEqual(['Zhao Yi', '李明'])
    expect(await names()).not.toContain('Zhao')
    expect(await names()).not.toContain('Yi')
  })

  it('roles, workshops, applications and pairs do too', async () => {
    await h.say('/ping', { as: 'Zhao Yi', id: 'wx-zhao' })
    expect(await h.say('/授权 @Zhao Yi 导师', { mentions: [zhao] })).toEqual(['已授予 Zhao Yi「导师」角色。'])
    expect(await h.say('/撤销 @Zhao Yi', { mentions: [zhao] })).toEqual(['已撤销 Zhao Yi 的「导师」角色。'])
    expect(await h.say('/工作室 创建 英语工作室 导师 @Zhao Yi 王佩红', { mentions: [zhao] })).toEqual([
      expect.stringContaining('已创建工作室 1「英语工作室」，导师：Zhao Yi、王佩红。'),
    ])
    expect(await h.say('/拜师 1 @Zhao Yi', { as: '李明', mentions: [zhao] })).toEqual([
      '李明 已申请加入「英语工作室」，请等待导师或管理员审核：/通过 1 李明',
    ])
    expect(await h.say('/通过 1 李明')).toEqual(['李明 已成为「英语工作室」的徒弟，导师：Zhao Yi。'])
    const wang = { id: 'wx-wang', name: 'Wang Fang' }
    await h.say('/拜师 1', { as: 'Wang Fang', id: 'wx-wang' })
    expect(await h.say('/通过 1 @Wang Fang 王佩红', { mentions: [wang] })).toEqual(['Wang Fang 已成为「英语工作室」的徒弟，导师：王佩红。'])
    expect(await h.say('/结对 1 @Zhao Yi 赵丽', { mentions: [zhao] })).toEqual([expect.stringContaining('Zhao Yi — 赵丽 结对成功。')])
    expect(await names()).not.toContain('Zhao')
    expect(await names()).not.toContain('Yi')
  })
})
