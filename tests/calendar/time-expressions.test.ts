import { describe, expect, it } from 'vitest'
import { nationalHoliday } from '../../src/calendar/holidays.ts'
import { parseWhen } from '../../src/calendar/parse-when.ts'
import { resolveWhen, type CalendarEnv } from '../../src/calendar/resolve-when.ts'
import type { SemesterInfo } from '../../src/calendar/semester.ts'

/**
 * Every expression the scheduling issue names, the seeds' own, and the
 * mistakes people make, each with its exact dates. Expected dates were worked
 * out independently (Python datetime, the rules in DOMAIN.md), not copied
 * from this code's output.
 *
 * Reference: Tuesday 2026-09-01 09:00 in Asia/Shanghai, first day of 第一学期
 * (2026-09-01 to 2027-01-22, 21 weeks; week 1 = 31 Aug-6 Sep). 第二学期 runs
 * 2027-02-22 to 2027-07-02. 中秋 25-27 Sep and 国庆 1-7 Oct 2026 are holidays.
 */
const TERMS: SemesterInfo[] = [
  { name: '第一学期', startDate: '2026-09-01', endDate: '2027-01-22' },
  { name: '第二学期', startDate: '2027-02-22', endDate: '2027-07-02' },
]

function env(overrides: Partial<CalendarEnv> = {}): CalendarEnv {
  return {
    today: '2026-09-01',
    nowTime: '09:00',
    semesters: TERMS,
    defaults: { morning: '09:00', afternoon: '13:30', evening: '19:00' },
    closedOn: nationalHoliday,
    ...overrides,
  }
}

/** One readable string per outcome, so each table row states exactly what is expected. */
function read(text: string, e: CalendarEnv = env()): string[] | string {
  const parsed = parseWhen(text)
  if (!parsed.ok) return parsed.problem === 'unread' ? `unread:${parsed.unread}` : parsed.problem
  const resolved = resolveWhen(parsed.when, e)
  if (!resolved.ok) return `error:${resolved.error.key}`
  const plan = resolved.plan
  if (plan.kind === 'pending') return `pending ${plan.from}..${plan.to}`
  const lines = plan.occurrences.map((o) =>
    [o.date, o.start ? (o.end ? `${o.start}-${o.end}` : o.start) : '', o.skip ? `skip:${o.skip}` : ''].filter(Boolean).join(' '),
  )
  return plan.holiday ? [...lines, `holiday:${plan.holiday}`] : lines
}

const weekly = (dates: string[], time = '', skips: Record<string, string> = {}) =>
  dates.map((d) => [d, time, skips[d] ? `skip:${skips[d]}` : ''].filter(Boolean).join(' '))

const NATIONAL_DAY = { '2026-10-01': '国庆节', '2026-10-02': '国庆节', '2026-10-05': '国庆节', '2026-10-06': '国庆节', '2026-10-07': '国庆节' }
const MID_AUTUMN = { '2026-09-25': '中秋' }

const cases: [string, string[] | string][] = [
  // absolute dates and times
  ['2026-12-03 13:30-16:00', ['2026-12-03 13:30-16:00']],
  ['12月3日下午', ['2026-12-03 13:30']],
  ['12/3 14:00', ['2026-12-03 14:00']],
  ['2026年12月3日', ['2026-12-03']],
  ['12月3号 9:30', ['2026-12-03 09:30']],
  ['十二月三日下午两点', ['2026-12-03 14:00']],
  ['2026/12/3 上午10点', ['2026-12-03 10:00']],
  ['12月3日 下午2点到4点', ['2026-12-03 14:00-16:00']],
  ['12月3日下午2:30-4:00', ['2026-12-03 14:30-16:00']],
  ['12月3日 13:30-4:00', ['2026-12-03 13:30-16:00']],
  ['12月3日 上午9点至下午3点', ['2026-12-03 09:00-15:00']],
  ['元月5日', ['2027-01-05']],
  ['1月5日', ['2027-01-05']],
  ['12月3日(周四)', ['2026-12-03']],
  ['12月3日（周四）下午', ['2026-12-03 13:30']],
  ['12月3日 星期四 下午', ['2026-12-03 13:30']],
  ['12月3日 晚上7点', ['2026-12-03 19:00']],
  ['12月3日 中午12点', ['2026-12-03 12:00']],
  ['9月10日 下午三点半', ['2026-09-10 15:30']],
  ['9月10日 3点', ['2026-09-10 15:00']],
  ['9月10日 8点一刻', ['2026-09-10 08:15']],
  ['９月１０日　１４：００', ['2026-09-10 14:00']],
  ['12月3日 全天', ['2026-12-03']],
  ['2026.12.03 14:00', ['2026-12-03 14:00']],
  // relative to Tuesday 1 Sep 09:00
  ['明天下午3点', ['2026-09-02 15:00']],
  ['今天下午', ['2026-09-01 13:30']],
  ['今晚7点', ['2026-09-01 19:00']],
  ['今晚', ['2026-09-01 19:00']],
  ['后天上午', ['2026-09-03 09:00']],
  ['大后天', ['2026-09-04']],
  ['明早8点', ['2026-09-02 08:00']],
  ['下周三上午', ['2026-09-09 09:00']],
  ['本周五', ['2026-09-04']],
  ['这周四下午', ['2026-09-03 13:30']],
  ['周四', ['2026-09-03']],
  ['周二下午', ['2026-09-01 13:30']],
  ['下下周一', ['2026-09-14']],
  ['下星期三', ['2026-09-09']],
  ['下礼拜五下午4点', ['2026-09-11 16:00']],
  // semester weeks
  ['第4周周一下午', ['2026-09-21 13:30']],
  ['第4周一下午', ['2026-09-21 13:30']],
  ['第4周 周一 15:00', ['2026-09-21 15:00']],
  ['第二学期第3周周四', ['2027-03-11']],
  ['第一学期第7周周三', ['2026-10-14']],
  ['第十二周周五', ['2026-11-20']],
  ['第6周周一', ['2026-10-05', 'holiday:国庆节']],
  // vague: the date is to be set; the window is kept
  ['第4周', 'pending 2026-09-21..2026-09-25'],
  ['10月底', 'pending 2026-10-25..2026-10-31'],
  ['11月中旬', 'pending 2026-11-11..2026-11-20'],
  ['11月下旬', 'pending 2026-11-21..2026-11-30'],
  ['12月上旬', 'pending 2026-12-01..2026-12-10'],
  ['5月', 'pending 2027-05-01..2027-05-31'],
  ['3月初', 'pending 2027-03-01..2027-03-10'],
  ['元月份', 'pending 2027-01-01..2027-01-31'],
  // recurring, until the end of the semester unless 至 says otherwise
  ['每周三 15:30', weekly(['2026-09-02', '2026-09-09', '2026-09-16', '2026-09-23', '2026-09-30', '2026-10-07', '2026-10-14', '2026-10-21', '2026-10-28', '2026-11-04', '2026-11-11', '2026-11-18', '2026-11-25', '2026-12-02', '2026-12-09', '2026-12-16', '2026-12-23', '2026-12-30', '2027-01-06', '2027-01-13', '2027-01-20'], '15:30', { '2026-10-07': '国庆节' })],
  ['双周一下午', weekly(['2026-09-07', '2026-09-21', '2026-10-05', '2026-10-19', '2026-11-02', '2026-11-16', '2026-11-30', '2026-12-14', '2026-12-28', '2027-01-11'], '13:30', NATIONAL_DAY)],
  ['单周周五', weekly(['2026-09-04', '2026-09-18', '2026-10-02', '2026-10-16', '2026-10-30', '2026-11-13', '2026-11-27', '2026-12-11', '2026-12-25', '2027-01-08', '2027-01-22'], '', NATIONAL_DAY)],
  ['每月第一个周二', weekly(['2026-09-01', '2026-10-06', '2026-11-03', '2026-12-01', '2027-01-05'], '', NATIONAL_DAY)],
  ['每月最后一个周五', weekly(['2026-09-25', '2026-10-30', '2026-11-27', '2026-12-25'], '', MID_AUTUMN)],
  ['每月15号 14:00', weekly(['2026-09-15', '2026-10-15', '2026-11-15', '2026-12-15', '2027-01-15'], '14:00')],
  ['每周三 15:30 至 12月31日', weekly(['2026-09-02', '2026-09-09', '2026-09-16', '2026-09-23', '2026-09-30', '2026-10-07', '2026-10-14', '2026-10-21', '2026-10-28', '2026-11-04', '2026-11-11', '2026-11-18', '2026-11-25', '2026-12-02', '2026-12-09', '2026-12-16', '2026-12-23', '2026-12-30'], '15:30', { '2026-10-07': '国庆节' })],
  ['双周一下午 至 2026-10-31', weekly(['2026-09-07', '2026-09-21', '2026-10-05', '2026-10-19'], '13:30', NATIONAL_DAY)],
  ['隔周周四 16:00', weekly(['2026-09-03', '2026-09-17', '2026-10-01', '2026-10-15', '2026-10-29', '2026-11-12', '2026-11-26', '2026-12-10', '2026-12-24', '2027-01-07', '2027-01-21'], '16:00', NATIONAL_DAY)],
  ['从第3周起每周一', weekly(['2026-09-14', '2026-09-21', '2026-09-28', '2026-10-05', '2026-10-12', '2026-10-19', '2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23', '2026-11-30', '2026-12-07', '2026-12-14', '2026-12-21', '2026-12-28', '2027-01-04', '2027-01-11', '2027-01-18'], '', NATIONAL_DAY)],
  ['每周五下午 至第10周', weekly(['2026-09-04', '2026-09-11', '2026-09-18', '2026-09-25', '2026-10-02', '2026-10-09', '2026-10-16', '2026-10-23', '2026-10-30', '2026-11-06'], '13:30', { ...NATIONAL_DAY, ...MID_AUTUMN })],
  ['每个周三下午3点半 到11月4日', weekly(['2026-09-02', '2026-09-09', '2026-09-16', '2026-09-23', '2026-09-30', '2026-10-07', '2026-10-14', '2026-10-21', '2026-10-28', '2026-11-04'], '15:30', NATIONAL_DAY)],
  // what cannot be read or placed: quoted back, nothing saved
  ['第4周周八下午', 'unread:周八下午'],
  ['明天下午25点', 'unread:25点'],
  ['13月5日', 'unread:13月5日'],
  ['每月', 'unread:每月'],
  ['联合教研', 'unread:联合教研'],
  ['下午3点', 'noDate'],
  ['   ', 'empty'],
  ['2月30日', 'error:badDate'],
  ['12月3日(周五)', 'error:weekdayMismatch'],
  ['第25周周一', 'error:weekOutOfTerm'],
  ['2026-08-20', 'error:inPast'],
  ['今天上午8点', 'error:inPast'],
  ['12月3日 16:00-13:00', 'error:badTimeRange'],
  ['每周三 至 9月1日', 'error:noOccurrence'],
]

describe('time expressions (第一学期 2026, today Tue 1 Sep 09:00)', () => {
  it('has at least 60 cases', () => expect(cases.length).toBeGreaterThanOrEqual(60))
  it.each(cases)('%s', (text, expected) => {
    expect(read(text)).toEqual(expected)
  })
})

describe('time expressions with no semester set', () => {
  const bare = env({ semesters: [] })
  it.each([
    ['第4周周一', 'error:needSemester'],
    ['双周一', 'error:needSemester'],
    ['每周三', 'error:needSemester'],
    ['第二学期第3周', 'error:termNotFound'],
    ['每周三 至 9月16日', ['2026-09-02', '2026-09-09', '2026-09-16']],
    ['12月3日下午', ['2026-12-03 13:30']],
  ] as [string, string | string[]][])('%s', (text, expected) => {
    expect(read(text, bare)).toEqual(expected)
  })
})

describe("seed 004's 行事历 (育秀教育集团, 第一学期 from 2019-09-02)", () => {
  const seed = env({
    today: '2019-09-02',
    nowTime: '08:00',
    semesters: [
      { name: '第一学期', startDate: '2019-09-02', endDate: '2020-01-17' },
      { name: '第二学期', startDate: '2020-02-17', endDate: '2020-06-30' },
    ],
  })
  it.each([
    ['第一学期 第4周', 'pending 2019-09-23..2019-09-27'],
    ['第4周', 'pending 2019-09-23..2019-09-27'],
    ['第7周', 'pending 2019-10-14..2019-10-18'],
    ['第8周', 'pending 2019-10-21..2019-10-25'],
    ['第12周', 'pending 2019-11-18..2019-11-22'],
    ['第14周', 'pending 2019-12-02..2019-12-06'],
    ['10月底', 'pending 2019-10-25..2019-10-31'],
    ['10月', 'pending 2019-10-01..2019-10-31'],
    ['第二学期 第3周', 'pending 2020-03-02..2020-03-06'],
    ['第二学期第5周', 'pending 2020-03-16..2020-03-20'],
    ['元月份', 'pending 2020-01-01..2020-01-31'],
    [
      '双周一下午',
      weekly(['2019-09-09', '2019-09-23', '2019-10-07', '2019-10-21', '2019-11-04', '2019-11-18', '2019-12-02', '2019-12-16', '2019-12-30', '2020-01-13'], '13:30', { '2019-10-07': '国庆节' }),
    ],
  ] as [string, string | string[]][])('%s', (text, expected) => {
    expect(read(text, seed)).toEqual(expected)
  })
})
