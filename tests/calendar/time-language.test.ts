import { describe, expect, it } from 'vitest'
import { env, everyWeekday, MID_AUTUMN, NATIONAL_DAY, read, TIMETABLE, weekly } from '../helpers/time-table.ts'

/**
 * Issue 14 section 3: the time language of the seeds, as district offices
 * write it, and more of the same kind. Today is Tuesday 2026-09-01 09:00, the
 * first day of 第一学期 (tests/helpers/time-table.ts). Expected dates were
 * worked out by hand from a printed calendar (week N of the term starts on
 * Monday 31 Aug + 7(N-1) days) and, for long series, with everyWeekday (plain
 * Date arithmetic), not copied from the code's output.
 *
 * Rules stated here and in the replies:
 * - a multi-day range is ONE occurrence from its first to its last day;
 * - "12月第2周" is the Monday-to-Sunday week holding the month's 2nd Monday;
 * - 学期末 is the last two weeks of the term, 期中 the two middle weeks;
 * - 国庆后第一周 is the school week from the first Monday after the holiday;
 * - a vague rhythm (每2-3周) is 日期待定 over the rest of the term.
 */
const HOLIDAYS = { ...NATIONAL_DAY, ...MID_AUTUMN }
const skipsOf = (dates: string[]) => Object.fromEntries(Object.entries(HOLIDAYS).filter(([d]) => dates.includes(d)))
const series = (dates: string[], time = '') => weekly(dates, time, skipsOf(dates))

const section3: [string, string[] | string][] = [
  // ranges: one multi-day activity
  ['11月30日至12月4日', ['2026-11-30..2026-12-04']],
  ['11月30日-12月4日', ['2026-11-30..2026-12-04']],
  ['11月30日—12月4日', ['2026-11-30..2026-12-04']],
  ['10月12日-16日', ['2026-10-12..2026-10-16']],
  ['下周一至周五', ['2026-09-07..2026-09-11']],
  // several weekdays
  ['每周一、三下午', series(everyWeekday('2026-09-02', '2027-01-22', [1, 3]), '13:30')],
  ['第4周周一、周三下午', ['2026-09-21 13:30', '2026-09-23 13:30']],
  // week of a month
  ['12月第2周', 'pending 2026-12-14..2026-12-20'],
  ['9月第3周', 'pending 2026-09-21..2026-09-27'],
  ['十二月第二周', 'pending 2026-12-14..2026-12-20'],
  // spans and vague series
  ['11月中下旬', 'pending 2026-11-11..2026-11-30'],
  ['11月底12月初', 'pending 2026-11-24..2026-12-10'],
  ['开学第一周', 'pending 2026-09-01..2026-09-04'],
  ['学期末', 'pending 2027-01-11..2027-01-22'],
  ['国庆后第一周', 'pending 2026-10-12..2026-10-16'],
  ['下周', 'pending 2026-09-07..2026-09-13'],
  ['每2-3周', 'pending 2026-09-01..2027-01-22'],
  ['每月一次', 'pending 2026-09-01..2027-01-22'],
  // class periods with no 作息 yet: the date is kept
  ['第6周周四第三节课', ['2026-10-08', 'needsTimetable']],
  ['9月17日下午第一节', ['2026-09-17', 'needsTimetable']],
  ['周三下午放学后', ['2026-09-02', 'needsTimetable']],
  // annotations and other writing
  ['9月21日（第4周周一）下午', ['2026-09-21 13:30']],
  ['9月21日（第5周周一）下午', 'error:termWeekMismatch'],
  ['每周五下午（单周）', series(['2026-09-04', '2026-09-18', '2026-10-02', '2026-10-16', '2026-10-30', '2026-11-13', '2026-11-27', '2026-12-11', '2026-12-25', '2027-01-08', '2027-01-22'], '13:30')],
  ['每周四下午（第3-16周）', series(everyWeekday('2026-09-14', '2026-12-20', [4]), '13:30')],
  ['10-22 14:00', ['2026-10-22 14:00']],
  // seed 004's own phrasing in its 行事历 and tables
  ['双周一下午', series(everyWeekday('2026-09-07', '2027-01-22', [1], 2), '13:30')],
  ['第10周周三下午3点半', ['2026-11-04 15:30']],
  ['9月2日下午', ['2026-09-02 13:30']],
  ['第4周周一下午', ['2026-09-21 13:30']],
  ['10月12日下午', ['2026-10-12 13:30']],
]

const more: [string, string[] | string][] = [
  // ranges as notices and spreadsheets write them
  ['11月30日(周一)至12月4日(周五)', ['2026-11-30..2026-12-04']],
  ['2026.11.30-2026.12.04', ['2026-11-30..2026-12-04']],
  ['12/3-12/5', ['2026-12-03..2026-12-05']],
  ['11-30至12-04', ['2026-11-30..2026-12-04']],
  ['10月12日至16日下午', ['2026-10-12..2026-10-16 13:30']],
  ['11月30日—12月4日 9:00-16:00', ['2026-11-30..2026-12-04 09:00-16:00']],
  ['第4周周一至周五', ['2026-09-21..2026-09-25']],
  ['本周三至周五', ['2026-09-02..2026-09-04']],
  ['12月28日至1月3日', ['2026-12-28..2027-01-03']],
  ['2027年1月1日至1月3日', ['2027-01-01..2027-01-03']],
  ['12月4日至11月30日', 'error:badSpan'],
  // several days
  ['9月2日、9日、16日下午', ['2026-09-02 13:30', '2026-09-09 13:30', '2026-09-16 13:30']],
  ['本周四、五', ['2026-09-03', '2026-09-04']],
  ['第4周周一、三下午', ['2026-09-21 13:30', '2026-09-23 13:30']],
  ['第6周周一、周三', ['2026-10-05 skip:国庆节', '2026-10-07 skip:国庆节']],
  ['10月12日、10月14日 14:00', ['2026-10-12 14:00', '2026-10-14 14:00']],
  // several weekdays in a series
  ['每周二、四 15:30 至 9月30日', weekly(everyWeekday('2026-09-01', '2026-09-30', [2, 4]), '15:30')],
  ['每周一至周五 8:00 至 9月11日', weekly(everyWeekday('2026-09-02', '2026-09-11', [1, 2, 3, 4, 5]), '08:00')],
  ['双周周一、周三下午', series(everyWeekday('2026-09-07', '2027-01-22', [1, 3], 2), '13:30')],
  ['单周周二、周四 16:00', series(everyWeekday('2026-08-31', '2027-01-22', [2, 4], 2).filter((d) => d >= '2026-09-01'), '16:00')],
  ['每周二和周四下午', series(everyWeekday('2026-09-01', '2027-01-22', [2, 4]), '13:30')],
  // parity and term weeks written as notes
  ['每周三下午(双周)', series(everyWeekday('2026-09-07', '2027-01-22', [3], 2), '13:30')],
  ['每周三下午（单周）', series(everyWeekday('2026-08-31', '2027-01-22', [3], 2).filter((d) => d >= '2026-09-01'), '13:30')],
  ['每周四下午 第3-16周', series(everyWeekday('2026-09-14', '2026-12-20', [4]), '13:30')],
  ['第3-16周每周四下午', series(everyWeekday('2026-09-14', '2026-12-20', [4]), '13:30')],
  ['第3周至第16周 每周四', series(everyWeekday('2026-09-14', '2026-12-20', [4]))],
  ['每周一下午（第10-12周）', series(['2026-11-02', '2026-11-09', '2026-11-16'], '13:30')],
  ['第16-17周', 'pending 2026-12-14..2026-12-25'],
  // date annotations
  ['9月21日 第4周周一 下午', ['2026-09-21 13:30']],
  ['9月21日(第4周)', ['2026-09-21']],
  ['第4周周一(9月21日)下午', ['2026-09-21 13:30']],
  ['第4周周二(9月21日)', 'error:weekdayMismatch'],
  ['9月22日（第4周周一）', 'error:weekdayMismatch'],
  ['9月10日(星期四)下午2:00', ['2026-09-10 14:00']],
  ['9月10日下午2:00-4:30', ['2026-09-10 14:00-16:30']],
  ['9月10号下午两点半', ['2026-09-10 14:30']],
  ['10-22下午', ['2026-10-22 13:30']],
  ['12-3 14:00-16:00', ['2026-12-03 14:00-16:00']],
  ['第3周星期五下午', ['2026-09-18 13:30']],
  ['第二周周三', ['2026-09-09']],
  ['11月30日上午8:30', ['2026-11-30 08:30']],
  // weeks and days of a month
  ['12月第二个周三', ['2026-12-09']],
  ['11月最后一个周五', ['2026-11-27']],
  ['12月第2周周三', ['2026-12-16']],
  ['9月第一周', 'pending 2026-09-07..2026-09-13'],
  ['10月第1周', 'pending 2026-10-05..2026-10-11'],
  ['1月第3周', 'pending 2027-01-18..2027-01-24'],
  ['每月最后一周的周五', weekly(['2026-09-25', '2026-10-30', '2026-11-27', '2026-12-25'], '', MID_AUTUMN)],
  // parts of months, months, spans of months
  ['十月份', 'pending 2026-10-01..2026-10-31'],
  ['十二月份', 'pending 2026-12-01..2026-12-31'],
  ['十二月上旬', 'pending 2026-12-01..2026-12-10'],
  ['11月上中旬', 'pending 2026-11-01..2026-11-20'],
  ['10月下旬', 'pending 2026-10-21..2026-10-31'],
  ['12月初', 'pending 2026-12-01..2026-12-10'],
  ['9-10月', 'pending 2026-09-01..2026-10-31'],
  ['11月至12月', 'pending 2026-11-01..2026-12-31'],
  ['12月-1月', 'pending 2026-12-01..2027-01-31'],
  ['11月下旬-12月上旬', 'pending 2026-11-21..2026-12-10'],
  ['11月底至12月初', 'pending 2026-11-24..2026-12-10'],
  ['2027年上半年', 'pending 2027-01-01..2027-06-30'],
  // the term's own spans
  ['期中', 'pending 2026-11-02..2026-11-15'],
  ['期末', 'pending 2027-01-11..2027-01-22'],
  ['寒假前', 'pending 2027-01-11..2027-01-22'],
  ['开学初', 'pending 2026-09-01..2026-09-04'],
  ['开学第二周', 'pending 2026-09-07..2026-09-11'],
  ['国庆节后第一周', 'pending 2026-10-12..2026-10-16'],
  ['国庆后第二周', 'pending 2026-10-19..2026-10-23'],
  ['国庆假期后', 'pending 2026-10-12..2026-10-16'],
  ['元旦后第一周', 'pending 2027-01-04..2027-01-08'],
  ['下下周', 'pending 2026-09-14..2026-09-20'],
  ['本周', 'pending 2026-09-01..2026-09-06'],
  // vague rhythms: a series whose dates are to be set
  ['每两周一次', 'pending 2026-09-01..2027-01-22'],
  ['每学期两次', 'pending 2026-09-01..2027-01-22'],
  ['每月1-2次', 'pending 2026-09-01..2027-01-22'],
  ['不定期', 'pending 2026-09-01..2027-01-22'],
  ['每月一次 至 12月31日', 'pending 2026-09-01..2026-12-31'],
  // what offices add around a date
  ['拟于9月10日下午', ['2026-09-10 13:30']],
  ['周四(9月10日)下午', ['2026-09-10 13:30']],
  ['下周四（9月10日）', ['2026-09-10']],
  ['周五(9月10日)', 'error:weekdayMismatch'],
  ['9月10、11日', ['2026-09-10', '2026-09-11']],
  ['9月10-11日下午', ['2026-09-10..2026-09-11 13:30']],
  ['10月底前', 'pending 2026-10-25..2026-10-31'],
  ['第14周左右', 'pending 2026-11-30..2026-12-04'],
  ['12月中旬前后', 'pending 2026-12-11..2026-12-20'],
  ['本月底', 'pending 2026-09-24..2026-09-30'],
  ['下个月初', 'pending 2026-10-01..2026-10-10'],
  ['下月', 'pending 2026-10-01..2026-10-31'],
  ['9月10日下午（暂定）', ['2026-09-10 13:30']],
  ['9月10日下午2点开始', ['2026-09-10 14:00']],
  ['待定', 'pending 2026-09-01..2027-01-22'],
  ['时间待定', 'pending 2026-09-01..2027-01-22'],
  ['每月初', 'pending 2026-09-01..2027-01-22'],
  ['每两周的周一 至 9月30日', ['2026-09-07', '2026-09-21']],
  ['每周的周三 至 9月9日', ['2026-09-02', '2026-09-09']],
  ['每两周', 'pending 2026-09-01..2027-01-22'],
  // what still cannot be read
  ['9月2日（单周）', 'unread:9月2日(单周)'],
  ['第4周周八', 'unread:周八'],
]

describe('issue 14 section 3: the time language of the seeds', () => {
  it.each(section3)('%s', (text, expected) => expect(read(text)).toEqual(expected))
})

describe('more of the seeds’ time language', () => {
  it('has at least 60 cases of its own', () => expect(more.length).toBeGreaterThanOrEqual(60))
  it.each(more)('%s', (text, expected) => expect(read(text)).toEqual(expected))
})

describe('class periods read through the district’s 作息', () => {
  const e = env({ timetable: TIMETABLE })
  it.each([
    ['第6周周四第三节课', ['2026-10-08 10:00']],
    ['9月17日下午第一节', ['2026-09-17 13:00']],
    ['双周周三下午第7、8节', series(everyWeekday('2026-09-07', '2027-01-22', [3], 2), '14:40')],
    ['周三下午放学后', ['2026-09-02 16:20']],
    ['下周三下午第二节', ['2026-09-09 13:50']],
    ['9月10日第3-4节', ['2026-09-10 10:00']],
    ['周四放学后', ['2026-09-03 16:20']],
    ['下周一 第一节课', ['2026-09-07 08:00']],
    ['每周二下午第7节 至 9月30日', weekly(everyWeekday('2026-09-01', '2026-09-30', [2]), '14:40')],
    ['9月10日第9节', 'error:noSuchPeriod'],
  ] as [string, string[] | string][])('%s', (text, expected) => expect(read(text, e)).toEqual(expected))
})

describe("seed 004's phrasing in its own year (第一学期 from Monday 2019-09-02)", () => {
  const seed = env({
    today: '2019-09-02',
    nowTime: '08:00',
    semesters: [{ name: '第一学期', startDate: '2019-09-02', endDate: '2020-01-17' }],
  })
  it.each([
    ['第10周周三下午3点半', ['2019-11-06 15:30']],
    ['9月2日下午', ['2019-09-02 13:30']],
    ['第4周周一下午', ['2019-09-23 13:30']],
    ['12月第2周', 'pending 2019-12-09..2019-12-15'],
    ['第4周周一、周三下午', ['2019-09-23 13:30', '2019-09-25 13:30']],
  ] as [string, string[] | string][])('%s', (text, expected) => expect(read(text, seed)).toEqual(expected))
})
