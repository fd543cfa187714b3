import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHarness, type Harness } from '../helpers/harness.ts'

/** An outside trial: teachers signing up in a 接龙, in their own words, were not answered at all. */
let h: Harness
beforeEach(async () => {
  h = await createHarness('2026-11-23T09:00:00+08:00')
  await h.say('/学期 2026-09-01 2027-01-22 第一学期')
  await h.say('/排期 12月3日下午 联合教研')
  await h.say('/排期 12月4日下午 史地教研 限史地')
})
afterEach(() => h.close())

const memberOf = (id: string) => h.app.db.account.findFirstOrThrow({ where: { userId: id }, include: { member: true } }).then((a) => a.member)
const profileOf = async (id: string) => {
  const m = await memberOf(id)
  return [m.realName, m.school, m.subject, m.teachingYears, m.teachingYearsOn]
}
const signedUp = async (activityId: number) =>
  (await h.app.db.signup.findMany({ where: { activityId }, include: { member: true }, orderBy: { seq: 'asc' } })).map((s) => s.member.displayName)

describe('报名 7 李明/西渡学校/历史/3年: a sign-up with the sender\'s profile', () => {
  it('signs the sender up and keeps the profile exactly as /我是 would', async () => {
    expect(await h.say('报名 2 李明/西渡学校/历史/3年', { as: '小李' })).toEqual(['李明 报名成功：#2「史地教研」，第 1 位。'])
    await h.say('/我是 李明/西渡学校/历史/3年', { as: '对照' })
    expect(await profileOf('小李')).toEqual(await profileOf('对照'))
    expect(await profileOf('小李')).toEqual(['李明', '西渡学校', '历史', 3, '2026-11-23'])
    // The list shows the profile, 接龙-style; the same with a slash, and with spaces around the slashes.
    expect((await h.say('/名单 2'))[0]).toContain('1. 李明 西渡学校 历史')
    expect((await h.say('/报名 1 王芳/育秀实验学校/语文/5年', { as: '小王' }))[0]).toContain('王芳 报名成功：#1')
    expect((await h.say('报名 #1 赵丽 / 肇文学校 / 数学 / 8年', { as: '小赵' }))[0]).toContain('赵丽 报名成功：#1')
    expect(await profileOf('小赵')).toEqual(['赵丽', '肇文学校', '数学', 8, '2026-11-23'])
  })

  it.each([
    ['接龙 1 吴敏/育秀实验学校/语文/4年', '吴敏', '育秀实验学校'],
    ['1 接龙 钱红/肇文学校/语文/6年', '钱红', '肇文学校'],
    ['报名 1 钱红 肇文学校 语文 6年', '钱红', '肇文学校'],
    ['/报名 1 钱红 肇文学校 语文 6年', '钱红', '肇文学校'],
    ['/接龙 1 吴敏/育秀实验学校/语文/4年', '吴敏', '育秀实验学校'],
  ])('%s signs the sender up with that profile (found by the second outside look)', async (text, name, school) => {
    expect((await h.say(text, { as: '老师' }))[0]).toContain(`${name} 报名成功：#1`)
    expect((await profileOf('老师')).slice(0, 2)).toEqual([name, school])
    expect(await h.app.db.signup.count()).toBe(1)
  })

  it('/接龙 1 is /报名 1; chat after 报名 that is no full profile is left alone', async () => {
    expect((await h.say('/接龙 1', { as: '老师' }))[0]).toContain('报名成功：#1')
    expect(await h.say('报名 1 个人了 还有谁', { as: '别人' })).toEqual([])
  })

  it('a profile it cannot read: one sentence with the form to copy, and nothing changed', async () => {
    await h.say('/我是 李明 西渡学校 历史 教龄3', { as: '小李' })
    expect(await h.say('报名 2 李明/西渡学校/历史/很多年', { as: '小李' })).toEqual([
      '没看懂资料「李明/西渡学校/历史/很多年」，没有报名。请这样写：报名 2 王芳/育秀实验学校/语文/5年',
    ])
    expect(await signedUp(2)).toEqual([])
    expect(await profileOf('小李')).toEqual(['李明', '西渡学校', '历史', 3, '2026-11-23'])
  })

  it('is one transaction: a sign-up its rules refuse keeps no profile either, and a profile that meets them signs up', async () => {
    expect((await h.say('报名 2 赵丽/肇文学校/语文/8年', { as: '小赵' }))[0]).toContain('此活动限史地老师')
    expect(await profileOf('小赵')).toEqual([null, null, null, null, null])
    expect((await h.say('报名 2 赵丽/肇文学校/地理/8年', { as: '小赵' }))[0]).toContain('赵丽 报名成功：#2')
  })

  it('an organizer naming people is still a sign-up for them (代报名), and a name is no profile', async () => {
    expect((await h.say('/报名 1 李明 赵丽'))[0]).toContain('代报名 #1「联合教研」')
    expect(await signedUp(1)).toEqual(['李明', '赵丽'])
  })
})

describe('接龙 报名 2, 接龙 2, 2 接龙', () => {
  it.each(['接龙 报名 1', '接龙 1', '1 接龙', '接龙报名#1', '1接龙'])('"%s" signs up for #1', async (text) => {
    expect(await h.say(text, { as: '王芳' })).toEqual(['王芳 报名成功：#1「联合教研」，第 1 位。'])
  })

  it.each(['接龙 1 个', '我来接龙', '报名 1 个人了', '报名 1 李明', '1 接龙了', '接龙', '报名 1 a/b c/d', '2 接龙 3'])('ordinary chat "%s" is left alone', async (text) => {
    expect(await h.say(text, { as: '王芳' })).toEqual([])
    expect(await signedUp(1)).toEqual([])
  })
})
