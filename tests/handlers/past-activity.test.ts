import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHarness, type Harness } from '../helpers/harness.ts'

let h: Harness
beforeEach(async () => {
  h = await createHarness('2026-09-01T09:00:00+08:00')
  await h.say('/学期 2026-09-01 2027-01-22 第一学期')
  h.setNow('2026-11-30T10:00:00+08:00')
})
afterEach(() => h.close())

const count = () => h.app.db.activity.count()

describe('recording a past activity for the archive', () => {
  it('asks for a confirmation, then saves it as held, never reminded', async () => {
    expect(await h.say('/排期 10月20日下午 教学视导（补登记） @肇文学校')).toEqual([
      '10月20日(周二) 13:30 (第8周) 已经过去。如果是补登记已举行的活动（存档用，不发提醒），请在30分钟内发送：/确认 补登记',
    ])
    expect(await count()).toBe(0)
    const { sent } = await h.send('/确认 补登记')
    // How the title's brackets are kept is the /排期 reader's (section 4); here: what is saved and said.
    const [head, ...rest] = sent[0]!.text.split('\n')
    expect(head).toMatch(/^已补登记 #1「教学视导[（(]补登记[）)]」$/)
    expect(rest).toEqual(['时间：10月20日(周二) 13:30 (第8周)', '地点：肇文学校', '已举行，存档用，不发提醒。'])
    expect(sent[0]!.buttons).toBeUndefined()
    const activity = await h.app.db.activity.findUniqueOrThrow({ where: { id: 1 }, include: { occurrences: true } })
    expect(activity).toMatchObject({ status: 'scheduled', place: '肇文学校', noSignup: true })
    expect(activity.occurrences.map((o) => [o.date, o.startAt.toISOString()])).toEqual([['2026-10-20', '2026-10-20T05:30:00.000Z']])
    const before = h.sent.length
    await h.tick()
    expect(h.sent.slice(before).filter((m) => m.text.includes('#1'))).toEqual([])
    expect((await h.say('/报名 1', { as: '王芳' }))[0]).toContain('无需报名')
  })

  it.each([
    // A date written without its year, a few weeks back, is this year's: it is recorded, not put a year ahead.
    ['2026-09-01T09:00:00+08:00', '8月31日下午 开学准备会 @育秀实验学校', '2026-08-31'],
    ['2026-10-26T09:00:00+08:00', '8月28日下午 暑期培训总结（补登记）', '2026-08-28'],
    ['2026-11-30T10:00:00+08:00', '昨天下午 期中质量分析会', '2026-11-29'],
    ['2026-11-30T10:00:00+08:00', '前天下午 学科沙龙', '2026-11-28'],
  ])('on %s, /排期 %s asks to record %s', async (now, words, date) => {
    h.setNow(now)
    const [asked] = await h.say(`/排期 ${words}`)
    expect(asked).toContain('已经过去。如果是补登记')
    await h.say('/确认 补登记')
    expect((await h.app.db.occurrence.findMany()).map((o) => o.date)).toEqual([date])
  })

  it('a date months back is next year\'s, as before: 1月5日 on 11月30日 is 2027', async () => {
    const [reply] = await h.say('/排期 1月5日下午 期末复习研讨')
    expect(reply).toContain('1月5日(周二)')
    expect((await h.app.db.occurrence.findMany()).map((o) => o.date)).toEqual(['2027-01-05'])
  })

  it('saves an event of yesterday without reminding anyone of it', async () => {
    await h.say('/排期 11月29日 9:00 期中质量分析会')
    await h.say('/确认')
    expect((await h.app.db.occurrence.findMany()).map((o) => o.date)).toEqual(['2026-11-29'])
    const before = h.sent.length
    await h.tick()
    expect(h.sent.slice(before).filter((m) => m.text.startsWith('【活动提醒】'))).toEqual([])
  })

  it('confirms nothing after 30 minutes, or for someone else', async () => {
    await h.say('/授权 @李明 组织者', { mentions: [{ id: '李明', name: '李明' }] })
    await h.say('/排期 10月20日下午 教学视导 @肇文学校')
    expect((await h.say('/确认 补登记', { as: '李明' }))[0]).toContain('没有等待确认的补登记')
    h.setNow('2026-11-30T10:31:00+08:00')
    expect((await h.say('/确认 补登记'))[0]).toContain('没有等待确认的补登记')
    expect(await count()).toBe(0)
  })

  it('still refuses a past time that is not a whole past event', async () => {
    expect((await h.say('/排期 第25周周一 教研'))[0]).toContain('没有第25周')
    expect(await count()).toBe(0)
  })
})
