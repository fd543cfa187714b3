import { addDays, lastDayOfMonth, makeDate, mondayOf, type LocalDate } from '../src/calendar/dates.ts'
import { normalizeText, parseNumber } from '../src/calendar/normalize.ts'
import { dateInWeek, semesterFrom, weekCount, type SemesterInfo } from '../src/calendar/semester.ts'

/** The days a listing covers, and how the reply names them. */
export interface ListRange {
  from: LocalDate
  to: LocalDate
  kind: 'term' | 'month' | 'week'
  month?: number
  year?: number
  week?: number
}

/** `/活动 待定`: every activity whose date is still to be set. */
export interface PendingList {
  kind: 'pending'
}

const PENDING_WORDS = /^(日期|时间)?(待定|未定)(的?活动)?$/
const MONTH = /^(?:(20\d{2})年)?(\d{1,2}|[一二三四五六七八九十]{1,3}|元)月份?$/
const YEAR_MONTH = /^(20\d{2})[-./](\d{1,2})$/

/**
 * What `/活动 全部`, `/活动 12月`, `/活动 第14周`, `/活动 待定` ask for: the
 * rest of the current (or next) term; a whole month (`2027年1月`, or this
 * year's unless it has ended); a whole week of the term; the activities
 * still without a date. Null when the words are not a range (then they are
 * an activity number, or wrong).
 */
export function readListRange(words: string, today: LocalDate, semesters: SemesterInfo[]): ListRange | PendingList | null | 'noTerm' {
  const text = normalizeText(words).replace(/\s+/g, '').replace(/的?活动$/, '')
  if (PENDING_WORDS.test(text)) return { kind: 'pending' }
  const term = semesterFrom(today, semesters)
  if (/^(全部|所有|全学期|本学期|整个学期|all)$/i.test(text)) {
    if (!term) return 'noTerm'
    return { from: today > term.startDate ? today : term.startDate, to: term.endDate, kind: 'term' }
  }
  if (/^(本月|这个月)$/.test(text)) return monthRange(Number(today.slice(5, 7)), today)
  if (/^下个?月$/.test(text)) return monthRange((Number(today.slice(5, 7)) % 12) + 1, today)
  const month = MONTH.exec(text) ?? YEAR_MONTH.exec(text)
  if (month) {
    const n = month[2] === '元' ? 1 : parseNumber(month[2]!)
    return n !== null && n >= 1 && n <= 12 ? monthRange(n, today, month[1] ? Number(month[1]) : undefined) : null
  }
  const week = /^第(\d{1,2}|[一二三四五六七八九十]{1,3})周$/.exec(text)
  if (week) {
    if (!term) return 'noTerm'
    const n = parseNumber(week[1]!)
    if (n === null || n < 1 || n > weekCount(term)) return null
    const monday = dateInWeek(term, n, 1)
    return { from: monday, to: addDays(monday, 6), kind: 'week', week: n }
  }
  if (/^(本周|这周)$/.test(text)) return weekFrom(mondayOf(today))
  if (/^下周$/.test(text)) return weekFrom(addDays(mondayOf(today), 7))
  return null
}

const weekFrom = (monday: LocalDate): ListRange => ({ from: monday, to: addDays(monday, 6), kind: 'week' })

/** A month of the year given; without one, this year's if it has not ended, else next year's. */
function monthRange(month: number, today: LocalDate, year?: number): ListRange {
  const thisYear = Number(today.slice(0, 4))
  const y = year ?? (makeDate(thisYear, month, lastDayOfMonth(thisYear, month)) < today ? thisYear + 1 : thisYear)
  return { from: makeDate(y, month, 1), to: makeDate(y, month, lastDayOfMonth(y, month)), kind: 'month', month, year: y }
}
