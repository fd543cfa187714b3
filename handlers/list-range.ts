import { addDays, lastDayOfMonth, makeDate, mondayOf, type LocalDate } from '../src/calendar/dates.ts'
import { normalizeText, parseNumber } from '../src/calendar/normalize.ts'
import { dateInWeek, semesterFrom, weekCount, type SemesterInfo } from '../src/calendar/semester.ts'

/** The days a listing covers, and how the reply names them. */
export interface ListRange {
  from: LocalDate
  to: LocalDate
  kind: 'term' | 'month' | 'week'
  month?: number
  week?: number
}

/**
 * What `/活动 全部`, `/活动 12月`, `/活动 第14周` ask for: the rest of the
 * current (or next) term; a whole month (this year's unless it has ended);
 * a whole week of the term. Null when the words are not a range (then they
 * are an activity number, or wrong).
 */
export function readListRange(words: string, today: LocalDate, semesters: SemesterInfo[]): ListRange | null | 'noTerm' {
  const text = normalizeText(words).replace(/\s+/g, '').replace(/的?活动$/, '')
  const term = semesterFrom(today, semesters)
  if (/^(全部|所有|全学期|本学期|整个学期|all)$/i.test(text)) {
    if (!term) return 'noTerm'
    return { from: today > term.startDate ? today : term.startDate, to: term.endDate, kind: 'term' }
  }
  if (/^(本月|这个月)$/.test(text)) return monthRange(Number(today.slice(5, 7)), today)
  if (/^下个?月$/.test(text)) return monthRange((Number(today.slice(5, 7)) % 12) + 1, today)
  const month = /^(\d{1,2}|[一二三四五六七八九十]{1,3})月份?$/.exec(text)
  if (month) {
    const n = parseNumber(month[1]!)
    return n !== null && n >= 1 && n <= 12 ? monthRange(n, today) : null
  }
  const week = /^第(\d{1,2}|[一二三四五六七八九十]{1,3})周$/.exec(text)
  if (week) {
    if (!term) return 'noTerm'
    const n = parseNumber(week[1]!)
    if (n === null || n < 1 || n > weekCount(term)) return null
    const monday = dateInWeek(term, n, 1)
    return { from: monday, to: addDays(monday, 6), kind: 'week', week: n }
  }
  if (/^(本周|这周)$/.test(text)) return { from: mondayOf(today), to: addDays(mondayOf(today), 6), kind: 'week' }
  return null
}

/** A month named without a year: this year's if it has not ended, else next year's. */
function monthRange(month: number, today: LocalDate): ListRange {
  const thisYear = Number(today.slice(0, 4))
  const year = makeDate(thisYear, month, lastDayOfMonth(thisYear, month)) < today ? thisYear + 1 : thisYear
  const first = makeDate(year, month, 1)
  return { from: first, to: makeDate(year, month, lastDayOfMonth(year, month)), kind: 'month', month }
}
