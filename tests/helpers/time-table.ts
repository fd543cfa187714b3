import { nationalHoliday } from '../../src/calendar/holidays.ts'
import { parseWhen } from '../../src/calendar/parse-when.ts'
import { resolveWhen, type CalendarEnv } from '../../src/calendar/resolve-when.ts'
import type { SemesterInfo } from '../../src/calendar/semester.ts'

/**
 * The reference of the table-driven time tests: Tuesday 2026-09-01 09:00 in
 * Asia/Shanghai, first day of 第一学期 (2026-09-01 to 2027-01-22, 21 weeks;
 * week 1 = 31 Aug-6 Sep). 第二学期 runs 2027-02-22 to 2027-07-02. 中秋 25-27
 * Sep and 国庆 1-7 Oct 2026 are holidays.
 */
export const TERMS: SemesterInfo[] = [
  { name: '第一学期', startDate: '2026-09-01', endDate: '2027-01-22' },
  { name: '第二学期', startDate: '2027-02-22', endDate: '2027-07-02' },
]

export function env(overrides: Partial<CalendarEnv> = {}): CalendarEnv {
  return {
    today: '2026-09-01',
    nowTime: '09:00',
    semesters: TERMS,
    defaults: { morning: '09:00', afternoon: '13:30', evening: '19:00' },
    closedOn: nationalHoliday,
    ...overrides,
  }
}

/**
 * One readable string per outcome, so each table row states exactly what is
 * expected: "2026-12-03 13:30-16:00", "2026-11-30..2026-12-04" for one
 * occurrence over several days, "skip:国庆节", "pending from..to",
 * "needsTimetable" when class periods wait for the district's 作息.
 */
export function read(text: string, e: CalendarEnv = env()): string[] | string {
  const parsed = parseWhen(text)
  if (!parsed.ok) return parsed.problem === 'unread' ? `unread:${parsed.unread}` : parsed.problem
  const resolved = resolveWhen(parsed.when, e)
  if (!resolved.ok) return `error:${resolved.error.key}`
  const plan = resolved.plan
  if (plan.kind === 'pending') return `pending ${plan.from}..${plan.to}`
  const lines = plan.occurrences.map((o) =>
    [o.endDate ? `${o.date}..${o.endDate}` : o.date, o.start ? (o.end ? `${o.start}-${o.end}` : o.start) : '', o.skip ? `skip:${o.skip}` : '']
      .filter(Boolean)
      .join(' '),
  )
  const flags = [...(plan.holiday ? [`holiday:${plan.holiday}`] : []), ...(plan.needsTimetable ? ['needsTimetable'] : [])]
  return [...lines, ...flags]
}

export const weekly = (dates: string[], time = '', skips: Record<string, string> = {}) =>
  dates.map((d) => [d, time, skips[d] ? `skip:${skips[d]}` : ''].filter(Boolean).join(' '))

/**
 * Every date from..to (inclusive) on the given weekdays (1 = Monday), counted
 * with the plain JavaScript Date in UTC, independently of the code under test.
 */
export function everyWeekday(from: string, to: string, weekdays: number[], step = 1): string[] {
  const out: string[] = []
  const first = new Date(`${from}T00:00:00Z`)
  const firstMonday = first.getTime() - ((first.getUTCDay() + 6) % 7) * 86_400_000
  for (let t = first.getTime(); t <= new Date(`${to}T00:00:00Z`).getTime(); t += 86_400_000) {
    const d = new Date(t)
    const week = Math.floor((t - firstMonday) / (7 * 86_400_000))
    if (weekdays.includes(((d.getUTCDay() + 6) % 7) + 1) && week % step === 0) out.push(d.toISOString().slice(0, 10))
  }
  return out
}

export const NATIONAL_DAY = { '2026-10-01': '国庆节', '2026-10-02': '国庆节', '2026-10-05': '国庆节', '2026-10-06': '国庆节', '2026-10-07': '国庆节' }
export const MID_AUTUMN = { '2026-09-25': '中秋' }

/** A 作息 as a district sets it with /设置 作息. */
export const TIMETABLE = {
  periods: { '1': '08:00', '2': '08:55', '3': '10:00', '4': '10:55', '5': '13:00', '6': '13:50', '7': '14:40', '8': '15:30' },
  afterSchool: '16:20',
}
