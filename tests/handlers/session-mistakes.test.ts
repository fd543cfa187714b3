import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHarness, type Harness } from '../helpers/harness.ts'

/**
 * A clerk's slip in a session's date never acts on the whole series. On
 * 2026-09-20 (a Sunday of week 3): #1 is 双周一 13:30 (9-21, 10-05 国庆,
 * 10-19, 11-02, 11-16, 11-30, 12-14, 12-28, 1-11), #2 每周四 13:30.
 */
let h: Harness
beforeEach(async () => {
  h = await createHarness('2026-09-20T09:00:00+08:00')
  await h.say('/学期 2026-09-01 2027-01-22 第一学期')
  await h.say('/排期 双周一下午 常态化联合教研')
  await h.say('/排期 每周四下午 读书沙龙')
  await h.say('/报名 1', { as: '王老师' })
  h.sent.length = 0
})
afterEach(() => h.close())

const live = async (id: number) => (await h.app.db.occurrence.count({ where: { activityId: id, skipReason: null } }))

describe('a wrong day in /取消 or /改期 changes nothing and says why', () => {
  it.each([
    ['/取消 1 11月31日 区里开会', '「11月31日」这个日期不存在，没有改动任何活动。请核对日期，例如：/取消 1 9月21日'],
    ['/取消 1 第25周周一 区里开会', '「第25周周一」学期里没有这一周（这个学期只有 21 周），没有改动任何活动。请核对日期，例如：/取消 1 9月21日'],
    ['/取消 1 10月19日（周二） 区里开会', '「10月19日(周二)」日期和星期对不上：10月19日是周一，不是周二，没有改动任何活动。请核对日期，例如：/取消 1 10月19日'],
    ['/取消 1 13月5日 开会', '「13月5日」这个日期不存在，没有改动任何活动。请核对日期，例如：/取消 1 9月21日'],
  ])('%s', async (command, answer) => {
    const before = await live(1)
    expect(await h.say(command)).toEqual([answer])
    expect((await h.app.db.activity.findUniqueOrThrow({ where: { id: 1 } })).status).toBe('scheduled')
    expect(await live(1)).toBe(before)
    // Nobody was told anything.
    expect(h.sent.filter((m) => (m.mentions ?? []).length > 0)).toEqual([])
  })

  it('one day given to a series asks which session instead of making the series that one day', async () => {
    const before = await live(2)
    expect(await h.say('/改期 2 9月24日下午')).toEqual([
      '#2 是例行活动，只写一个日子不知道改哪一次，没有改动。\n改某一次：/改期 2 9月24日 改到 9月24日下午\n整个改成别的时间：/改期 2 每周五下午',
    ])
    expect(await live(2)).toBe(before)
    // A new rhythm still moves the whole series.
    expect((await h.say('/改期 2 每周五下午'))[0]).toContain('每周五 13:30')
  })

  it('顺延 never moves a session earlier', async () => {
    expect(await h.say('/改期 1 11月2日 顺延到 10月28日')).toEqual([
      '顺延（推迟）要往后改，10月28日(周三)不在11月2日(周一)之后，没有改动。请写具体日期，例如：/改期 1 11月2日 改到 11月3日下午',
    ])
    expect(await h.app.db.occurrence.count({ where: { activityId: 1, date: '2026-11-02' } })).toBe(1)
    // Moving it later is done.
    expect((await h.say('/改期 1 11月2日 顺延到 11月4日下午'))[0]).toContain('改为：11月4日(周三) 13:30 (第10周)')
  })
})

describe('a day inside a multi-day activity', () => {
  it('/取消 with a day of 11月30日至12月4日 cancels that activity, with the rest as its reason', async () => {
    await h.say('/排期 11月30日至12月4日 青年教师技能比武周 @育秀实验学校')
    const [reply] = await h.say('/取消 3 12月2日 当天全区质量监测')
    expect(reply).toContain('已取消，原因：当天全区质量监测。')
    expect((await h.app.db.activity.findUniqueOrThrow({ where: { id: 3 } })).status).toBe('cancelled')
  })
})
