import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHarness, type Harness } from '../helpers/harness.ts'

/**
 * /排期 with the time language of issue 14 section 3, through the console
 * pipeline, checking what is stored. Today is Tuesday 2026-09-01 09:00
 * (+08:00), the first day of 第一学期; times are checked as UTC instants
 * (13:30 in Shanghai is 05:30Z).
 */
let h: Harness
beforeEach(async () => {
  h = await createHarness('2026-09-01T09:00:00+08:00')
  await h.say('/学期 2026-09-01 2027-01-22 第一学期')
})
afterEach(() => h.close())

const stored = (activityId: number) => h.app.db.occurrence.findMany({ where: { activityId }, orderBy: { startAt: 'asc' } })
const activity = (id: number) => h.app.db.activity.findUniqueOrThrow({ where: { id } })
const TIMETABLE = '/设置 作息 第1节 8:00 第2节 8:55 第3节 10:00 第4节 10:55 第5节 13:00 第6节 13:50 第7节 14:40 第8节 15:30 放学后 16:20'

describe('/排期 with ranges and several days', () => {
  it('keeps 11月30日至12月4日 as one activity over five days and shows it as a range', async () => {
    const [reply] = await h.say('/排期 11月30日至12月4日 教学视导 @肇文学校')
    expect(reply).toContain('时间：11月30日(周一)—12月4日(周五)，共5天')
    expect(reply).not.toContain('未写具体时刻')
    const rows = await stored(1)
    expect(rows).toHaveLength(1)
    expect(rows[0]!.date).toBe('2026-11-30')
    expect(rows[0]!.timed).toBe(false)
    expect(rows[0]!.endAt?.toISOString()).toBe('2026-12-04T15:59:00.000Z')
    const [detail] = await h.say('/活动 1')
    expect(detail).toContain('时间：11月30日(周一)—12月4日(周五)，共5天')
    h.setNow('2026-11-28T09:00:00+08:00')
    const [week] = await h.say('/下周')
    expect(week).toContain('#1 11月30日—12月4日 教学视导 · 肇文学校')
  })

  it('lists a multi-day activity while it runs, also in the week after it began', async () => {
    await h.say('/排期 12月3日至12月8日 跟岗培训')
    h.setNow('2026-12-07T09:00:00+08:00')
    const [week] = await h.say('/本周')
    expect(week).toContain('#1 12月3日—12月8日 跟岗培训')
    const [list] = await h.say('/活动')
    expect(list).toContain('#1 12月3日—12月8日 跟岗培训')
    expect(week).toContain('【本周(第15周)】12月7日-13日\n#1 12月3日—12月8日 跟岗培训')
    h.setNow('2026-12-14T09:00:00+08:00')
    const [after] = await h.say('/本周')
    expect(after).not.toContain('跟岗培训')
  })

  it.each([
    ['/排期 10月12日-16日 教学视导', '2026-10-12', '2026-10-16T15:59:00.000Z'],
    ['/排期 下周一至周五 听课周', '2026-09-07', '2026-09-11T15:59:00.000Z'],
    ['/排期 11月30日—12月4日 9:00-16:00 培训', '2026-11-30', '2026-12-04T08:00:00.000Z'],
  ])('%s is one occurrence from the first day to the last', async (text, first, endAt) => {
    await h.say(text)
    const rows = await stored(1)
    expect(rows.map((r) => [r.date, r.endAt?.toISOString()])).toEqual([[first, endAt]])
  })

  it('stores 第4周周一、周三下午 as two sessions and 每周一、三下午 as a series on both days', async () => {
    const [two] = await h.say('/排期 第4周周一、周三下午 听课')
    expect(two).toContain('时间：9月21日(周一)、9月23日(周三) 13:30，共 2 次')
    expect((await stored(1)).map((r) => r.startAt.toISOString())).toEqual(['2026-09-21T05:30:00.000Z', '2026-09-23T05:30:00.000Z'])
    const [series] = await h.say('/排期 每周一、三下午 课题研讨')
    // Mondays and Wednesdays from 2 Sep to 20 Jan: 41 days, 5 and 7 Oct are 国庆.
    // Each on its own line, to fit a phone: the rhythm, then the count and the first and last days.
    expect(series).toContain('时间：每周一、周三 13:30\n共 39 次，9月2日(周三)—2027年1月20日(周三)\n')
    // The two sessions 国庆节 pauses, one after the other, as one range.
    expect(series).toContain('假日暂停 2 次：10月5日-7日 国庆节')
    const rows = await stored(2)
    expect(rows).toHaveLength(41)
    expect(rows.filter((r) => r.skipReason).map((r) => r.date)).toEqual(['2026-10-05', '2026-10-07'])
  })
})

it('names a run of weekdays as 周一至周五', async () => {
  const [reply] = await h.say('/排期 每周一至周五 8:00 晨读巡查 至 9月11日')
  // 2-4 and 7-11 September: eight school days.
  expect(reply).toContain('时间：每周一至周五 08:00\n共 8 次，9月2日(周三)—9月11日(周五)')
  expect((await stored(1)).map((r) => r.date)).toEqual(['2026-09-02', '2026-09-03', '2026-09-04', '2026-09-07', '2026-09-08', '2026-09-09', '2026-09-10', '2026-09-11'])
})

it('sums up the holidays a 周一至周五 series skips: a range for each holiday, one a line', async () => {
  const [reply] = await h.say('/排期 每周一至周五 8:00 晨读巡查')
  expect(reply).toContain(['假日暂停 6 次：', '9月25日(周五) 中秋', '10月1日-7日 国庆节'].join('\n'))
  // Every line of the confirmation reads on a phone (a 2027 date is the longest part).
  for (const line of reply!.split('\n')) expect(line.length, line).toBeLessThanOrEqual(32)
  // /活动 1 says the same.
  expect((await h.say('/活动 1'))[0]).toContain('10月1日-7日 国庆节')
})

describe('/排期 with spans and vague series', () => {
  it('keeps 12月第2周 as 日期待定 for the month\'s second week and says which', async () => {
    const [reply] = await h.say('/排期 12月第2周 青年教师比武')
    expect(reply).toContain('时间：12月第2周（12月7日-13日），具体日期待定。')
    expect(reply).not.toContain('时间：时间：')
    expect(reply).toContain('「12月第2周」是12月7日-13日这一周（一周大半在哪个月，就算那个月的）。')
    expect(await activity(1)).toMatchObject({ pendingFrom: '2026-12-07', pendingTo: '2026-12-13' })
    expect(await stored(1)).toEqual([])
  })

  it('keeps 每2-3周 as a series to be set, with the phrase', async () => {
    const [reply] = await h.say('/排期 每2-3周 读书会')
    expect(reply).toContain('时间：每2-3周（9月1日-2027年1月22日），具体日子待定。')
    expect(await activity(1)).toMatchObject({ title: '读书会', whenText: '每2-3周', pendingFrom: '2026-09-01', pendingTo: '2027-01-22' })
  })
})

describe('/排期 with class periods and the district 作息', () => {
  it('keeps the date until the 作息 is set, asks for it, then times the sessions', async () => {
    const [reply] = await h.say('/排期 第6周周四第三节课 公开课')
    expect(reply).toContain('时间：10月8日(周四) (第6周)')
    expect(reply).toContain('/设置 作息 第1节 8:00 第2节 8:55 … 放学后 15:40')
    expect((await stored(1)).map((r) => [r.date, r.timed])).toEqual([['2026-10-08', false]])
    const [saved] = await h.say(TIMETABLE)
    expect(saved).toContain('已设置作息：第1节 08:00、第2节 08:55')
    expect(saved).toContain('已按新作息补上 1 项活动的时刻。')
    expect((await stored(1)).map((r) => [r.startAt.toISOString(), r.timed])).toEqual([['2026-10-08T02:00:00.000Z', true]])
    const [even] = await h.say('/排期 双周周三下午第7、8节 教研组活动')
    expect(even).toContain('时间：双周周三 14:40')
    expect((await stored(2))[0]!.startAt.toISOString()).toBe('2026-09-09T06:40:00.000Z')
    const [after] = await h.say('/排期 周三下午放学后 教研组长会')
    expect(after).toContain('9月2日(周三) 16:20')
  })

  it('reads a 作息 written 上午第1节 … 下午第1节 …: the afternoon counted on from the morning', async () => {
    const [saved] = await h.say('/设置 作息 上午第1节 8:00 第2节 8:50 下午第1节 13:00 第2节 13:50 放学后 15:40')
    expect(saved).toContain('第1节 08:00、第2节 08:50、第3节 13:00、第4节 13:50')
    const [first] = await h.say('/排期 9月17日下午第一节 教研')
    expect(first).toContain('9月17日(周四) 13:00')
    const [morning] = await h.say('/排期 9月18日第一节 公开课')
    expect(morning).toContain('9月18日(周五) 08:00')
  })

  it('refuses a 作息 whose periods go back in time (it would time activities wrongly), and saves nothing', async () => {
    const [reply] = await h.say('/设置 作息 第1节 8:00 第2节 8:50 第1节 13:00')
    expect(reply).toContain('/设置 作息 第1节 8:00')
    const [back] = await h.say('/设置 作息 第1节 13:00 第2节 8:50')
    expect(back).toContain('/设置 作息 第1节 8:00')
    expect((await h.app.db.district.findFirstOrThrow()).timetable).toBeNull()
  })

  it('refuses a 作息 it cannot read, with an example, and saves nothing', async () => {
    const [reply] = await h.say('/设置 作息 第一节八点')
    expect(reply).toContain('/设置 作息 第1节 8:00')
    expect((await h.app.db.district.findFirstOrThrow()).timetable).toBeNull()
  })
})

describe('/排期 with annotations and an end after the title', () => {
  it('says when the written week does not agree with the date, and saves nothing', async () => {
    const [reply] = await h.say('/排期 9月21日（第5周周一）下午 教研')
    expect(reply).toBe('9月21日(周一)是第4周，不是第5周。请核对后再发。')
    expect(await h.app.db.activity.count()).toBe(0)
    const [ok] = await h.say('/排期 9月21日（第4周周一）下午 教研')
    expect(ok).toContain('时间：9月21日(周一) 13:30 (第4周)')
  })

  it('takes a day written after the title over a span word before it', async () => {
    const [reply] = await h.say('/排期 期末 质量分析会 1月18日下午')
    expect(reply).toContain('已安排 #1「期末 质量分析会」')
    expect((await stored(1)).map((r) => r.startAt.toISOString())).toEqual(['2027-01-18T05:30:00.000Z'])
  })

  it('ends a series at 至 12月31日 written after the title', async () => {
    const [reply] = await h.say('/排期 每周三 15:30 联合教研 至 12月31日')
    expect(reply).toContain('已安排 #1「联合教研」')
    expect(reply).toContain('—12月30日(周三)')
    const rows = await stored(1)
    expect(rows.at(-1)!.date).toBe('2026-12-30')
    expect((await activity(1)).whenText).toBe('每周三 15:30 至 12月31日')
  })

  it('reads 每周四下午（第3-16周） and 每周五下午（单周）', async () => {
    await h.say('/排期 每周四下午（第3-16周） 听评课')
    const thursdays = await stored(1)
    expect([thursdays[0]!.date, thursdays.at(-1)!.date, thursdays.length]).toEqual(['2026-09-17', '2026-12-17', 14])
    await h.say('/排期 每周五下午（单周） 读书会')
    const fridays = await stored(2)
    expect(fridays.slice(0, 3).map((r) => r.date)).toEqual(['2026-09-04', '2026-09-18', '2026-10-02'])
  })
})

describe('/改期 with a relative move', () => {
  it('moves a one-off activity by 推迟一周 and 提前两天, keeping its time, and a span as a whole', async () => {
    await h.say('/排期 9月10日下午3点 听课')
    const [later] = await h.say('/改期 1 推迟一周')
    expect(later).toContain('时间：9月17日(周四) 15:00 (第3周)')
    expect(later).toContain('原定：9月10日(周四) 15:00 (第2周)')
    await h.say('/改期 1 提前两天')
    expect((await stored(1)).map((r) => r.startAt.toISOString())).toEqual(['2026-09-15T07:00:00.000Z'])
    await h.say('/排期 11月30日至12月4日 视导')
    await h.say('/改期 2 推迟一周')
    const rows = await stored(2)
    expect(rows.map((r) => [r.date, r.endAt?.toISOString()])).toEqual([['2026-12-07', '2026-12-11T15:59:00.000Z']])
  })

  it('reads 顺延到下周三下午 and 改到 9月24日下午 as the new time', async () => {
    await h.say('/排期 9月10日下午3点 听课')
    // 改到 下周三 is next week's Wednesday, earlier than the activity: moved there.
    expect((await h.say('/改期 1 改到 下周三下午'))[0]).toContain('改为：9月9日(周三) 13:30')
    // 顺延到下周三, read from today, would be earlier than the activity (9月9日): read from the activity's week instead.
    const [later] = await h.say('/改期 1 顺延到下周三下午')
    expect(later).toContain('原定：9月9日(周三) 13:30 (第2周)\n改为：9月16日(周三) 13:30 (第3周)')
    expect((await h.say('/改期 1 改到 9月24日下午'))[0]).toContain('改为：9月24日(周四) 13:30')
  })

  it('asks for a new time for a series or an undated activity, and /排期 refuses a move', async () => {
    await h.say('/排期 每周三下午 教研')
    // A series moves its next session, which here would land on the one after: refused, nothing changed.
    expect(await h.say('/改期 1 推迟一周')).toEqual([
      '9月9日(周三)已经有这项活动的一次了，没有改动。可以：\n只取消9月2日这一次：/取消 1 9月2日\n或改到别的日子：/改期 1 9月2日 改到 9月3日下午',
    ])
    await h.say('/排期 10月底 展示')
    // The example is a day of its own window (10月25日-31日).
    expect(await h.say('/改期 2 推迟一周')).toEqual(['#2 的日期还没定，请直接写日期，例如：/改期 2 10月26日下午'])
    expect(await h.say('/排期 推迟一周 教研')).toEqual(['「推迟一周」这样的写法用于改期，例如：/改期 12 推迟一周'])
    expect(await h.app.db.activity.count()).toBe(2)
  })
})

describe('/放假 with a written range', () => {
  it('registers 2027年1月1日至1月3日 and answers with the year', async () => {
    expect(await h.say('/放假 2027年1月1日至1月3日 元旦')).toEqual(['已登记 2027年1月1日-3日「元旦」。'])
    const days = await h.app.db.closedDay.findMany({ orderBy: { date: 'asc' } })
    expect(days.map((d) => [d.date, d.name])).toEqual([['2027-01-01', '元旦'], ['2027-01-02', '元旦'], ['2027-01-03', '元旦']])
  })

  it('says a holiday registered twice is there already, and updates one whose days changed', async () => {
    await h.say('/排期 每周一 15:30 教研')
    const closed = async () => (await h.app.db.closedDay.findMany({ orderBy: { date: 'asc' } })).map((d) => `${d.date} ${d.name}`)
    const paused = async () => (await stored(1)).filter((o) => o.skipReason && o.date >= '2027').map((o) => `${o.date} ${o.skipReason}`)
    expect(await h.say('/放假 2027年1月1日至1月3日 元旦')).toEqual(['已登记 2027年1月1日-3日「元旦」。'])
    expect(await h.say('/放假 2027年1月1日至1月3日 元旦')).toEqual(['元旦 2027年1月1日-3日 已经登记过了。'])
    // One more day (a Monday, when 教研 meets): the registration grows, and the session that day pauses.
    expect(await h.say('/放假 2027年1月1日至1月4日 元旦')).toEqual(['已更新「元旦」：2027年1月1日-4日\n原为 2027年1月1日-3日。\n1 次活动暂停。'])
    expect(await paused()).toEqual(['2027-01-04 元旦'])
    // Back to three days: the Monday is freed and its session resumes.
    expect(await h.say('/放假 2027-01-01 至 2027-01-03 元旦')).toEqual(['已更新「元旦」：2027年1月1日-3日\n原为 2027年1月1日-4日。\n1 次活动恢复。'])
    expect(await paused()).toEqual([])
    expect(await closed()).toEqual(['2027-01-01 元旦', '2027-01-02 元旦', '2027-01-03 元旦'])
    // Days beside it that do not overlap are a registration of their own; another name is another holiday.
    expect(await h.say('/放假 2027-01-05 元旦')).toEqual(['已登记 2027年1月5日(周二)「元旦」。'])
    expect(await h.say('/放假 2027-01-11 元旦调休')).toEqual(['已登记 2027年1月11日(周一)「元旦调休」，期间 1 次活动暂停。'])
    expect(await closed()).toHaveLength(5)
  })
})
