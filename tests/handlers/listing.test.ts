import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHarness, type Harness } from '../helpers/harness.ts'

/**
 * Nothing the office planned disappears: what has no date yet shows in the
 * weeks it may fall in, lists say exactly how much more there is, and a
 * month, a week or the rest of the term can be listed.
 *
 * Term: 2026-09-01 to 2027-01-22; week 1 is 8月31日-9月6日, so 第3周 is
 * 9月14日-20日 and 第14周 is 11月30日-12月6日.
 */
let h: Harness
beforeEach(async () => {
  h = await createHarness('2026-09-01T09:00:00+08:00')
  await h.say('/学期 2026-09-01 2027-01-22 第一学期')
})
afterEach(() => h.close())

const dm = (as: string) => ({ as, direct: true, chat: `dm-${as}` })

describe('activities without a date', () => {
  beforeEach(async () => {
    await h.say('/排期 第3周 校本研修成果展示')
    await h.say('/排期 9月中旬 教学视导')
    await h.say('/排期 10月底 阅读指导课程展示 @育秀实验学校')
  })

  it('show in /本周 and /下周 of the weeks they may fall in, as 日期待定', async () => {
    h.setNow('2026-09-14T08:00:00+08:00')
    const [week] = await h.say('/本周')
    expect(week).toContain('【日期待定】')
    expect(week).toContain('#1 第3周（9月14日-18日，日期待定） 校本研修成果展示')
    expect(week).toContain('#2 9月中旬（9月11日-20日，日期待定） 教学视导')
    expect(week).not.toContain('阅读指导')
    expect(await h.say('/下周')).toEqual(['下周(第4周)(9月21日-27日)没有安排活动。'])
    h.setNow('2026-10-26T08:00:00+08:00')
    expect((await h.say('/本周'))[0]).toContain('#3 10月底（10月25日-31日，日期待定） 阅读指导课程展示 · 育秀实验学校')
  })

  it('are in the weekly digest of those weeks, and their organizer is asked in a direct chat once a week until the date is set', async () => {
    await h.say('/ping', dm('我'))
    h.setNow('2026-09-14T07:30:00+08:00')
    await h.tick()
    h.setNow('2026-09-14T09:00:00+08:00')
    await h.tick()
    const digest = h.sent.find((m) => m.chat.chatId === 'console' && m.text.startsWith('【本周'))!
    expect(digest.text).toContain('【日期待定】\n#2 9月中旬（9月11日-20日，日期待定） 教学视导\n#1 第3周（9月14日-18日，日期待定） 校本研修成果展示')
    const asked = h.sent.filter((m) => m.chat.chatId === 'dm-我').map((m) => m.text)
    expect(asked).toContain('【日期待定】#1「校本研修成果展示」（第3周，9月14日-18日）还没有定具体日期。定下来后请发送 /改期 1 <日期和时间>，例如：/改期 1 9月14日下午')
    // Once that week, not again on a later tick; the next Monday again, for those still open.
    const before = h.sent.length
    h.setNow('2026-09-15T09:00:00+08:00')
    await h.tick()
    expect(h.sent.slice(before).filter((m) => m.chat.chatId === 'dm-我')).toEqual([])
    await h.say('/改期 1 9月17日下午')
    h.setNow('2026-09-21T09:00:00+08:00')
    await h.tick()
    const later = h.sent.slice(before).filter((m) => m.chat.chatId === 'dm-我').map((m) => m.text.split('」')[0])
    expect(later).toEqual(['【日期待定】#3「阅读指导课程展示'])
  })
})

describe('/活动 says how much more there is, and lists a month, a week or the term', () => {
  it('counts every hidden one, dated and undated', async () => {
    // 20 Thursdays from 9月3日, and 12 undated: at most 8 dated (the eight weeks to 10月25日 hold 8) and 5 undated are listed.
    for (let week = 1; week <= 20; week++) await h.say(`/排期 第${week}周周四下午 联合教研${week}`)
    for (let n = 1; n <= 12; n++) await h.say(`/排期 11月中旬 展示课${n}`)
    const [list] = await h.say('/活动')
    const lines = list!.split('\n')
    expect(lines.filter((l) => /^#\d+ \d+月\d+日/.test(l))).toHaveLength(8)
    expect(lines.filter((l) => l.includes('日期待定）'))).toHaveLength(5)
    // Not shown: the 12 Thursdays of weeks 9-20, and 7 of the undated.
    expect(lines.at(-2)).toBe('……还有 19 项（其中日期待定 7 项），发送 /活动 全部 或 /活动 12月 查看。')
    // The look-ahead stays short, and says where every undated one is listed.
    expect(lines.at(-1)).toBe('日期待定共 12 项，全部列出请发送 /活动 待定')
  })

  it('lists a month, a week of the term, and the rest of the term', async () => {
    await h.say('/排期 11月26日下午 联合教研甲')
    await h.say('/排期 12月3日下午 联合教研乙')
    await h.say('/排期 12月下旬 期末研讨')
    await h.say('/排期 2027年1月14日下午 总结会')
    const [december] = await h.say('/活动 12月')
    expect(december).toContain('【12月的活动】')
    expect(december).toContain('#2 12月3日(周四) 13:30 联合教研乙')
    expect(december).toContain('#3 12月下旬（12月21日-31日，日期待定） 期末研讨')
    expect(december).not.toContain('联合教研甲')
    const [week14] = await h.say('/活动 第14周')
    expect(week14).toContain('【第14周】11月30日-12月6日')
    expect(week14).toContain('联合教研乙')
    expect(week14).not.toContain('期末研讨')
    const [term] = await h.say('/活动 全部')
    expect(term).toContain('【第一学期余下的活动】')
    for (const title of ['联合教研甲', '联合教研乙', '期末研讨', '总结会']) expect(term).toContain(title)
    expect(await h.say('/活动 第30周')).toEqual([expect.stringContaining('请写上活动编号')])
  })

  it('beyond the look-ahead names the next activity instead of saying there is nothing', async () => {
    await h.say('/排期 2027年1月14日下午 总结会')
    expect(await h.say('/活动')).toEqual(['8周内没有安排活动。下一项：#1 2027年1月14日(周四) 13:30 (第20周) 总结会'])
  })

  it('/活动 N shows the rules, the deadline and how many signed up, as the announcement did', async () => {
    await h.say('/排期 9月10日下午 新秀杯课堂教学评比 教龄1-8 名额30 截止 9月8日')
    await h.say('/我是 王芳 育秀实验学校 语文 教龄5', { as: '王芳' })
    expect((await h.say('/报名 1', { as: '王芳' }))[0]).toContain('报名成功')
    const [detail] = await h.say('/活动 1')
    expect(detail).toContain('报名截止：9月8日(周二) 23:59')
    expect(detail).toContain('报名限：教龄1-8年')
    expect(detail).toContain('已报名 1/30')
  })
})

describe('a multi-day activity', () => {
  it('is in the digest of every week it runs into, not only the week it starts', async () => {
    await h.say('/排期 11月27日至12月2日 青年教师技能比武周 @育秀实验学校')
    h.setNow('2026-11-30T07:30:00+08:00')
    await h.tick()
    const digest = h.sent.find((m) => m.chat.chatId === 'console' && m.text.startsWith('【本周'))
    expect(digest?.text).toContain('青年教师技能比武周')
  })
})
