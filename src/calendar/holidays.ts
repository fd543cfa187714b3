import chineseDays from 'chinese-days'
import { addDays, type LocalDate } from './dates.ts'

/**
 * National holidays and make-up workdays (调休) from chinese-days, which knows
 * only the years whose official schedule had been published when it was
 * released (../shared/RECIPES.md): later dates read as ordinary days.
 */
export function nationalHoliday(date: LocalDate): string | null {
  if (date > holidayDataEnd) return null
  const detail = chineseDays.getDayDetail(date)
  if (detail.work) return null
  const [, chinese] = detail.name.split(',')
  return chinese ?? null
}

/** The make-up workday's holiday name when a weekend day is worked (调休). */
export function makeUpWorkday(date: LocalDate): string | null {
  if (date > holidayDataEnd) return null
  const detail = chineseDays.getDayDetail(date)
  if (!detail.work || !detail.name.includes(',')) return null
  return detail.name.split(',')[1] ?? null
}

/**
 * The last day the holiday data covers: 31 Dec of the last year whose 1 Jan is
 * a named holiday (元旦). Dates past the data carry a bare weekday name.
 */
export const holidayDataEnd: LocalDate = findDataEnd()

function findDataEnd(): LocalDate {
  let year = 2010
  while (chineseDays.getDayDetail(`${year + 1}-01-01`).name.includes(',')) year++
  return `${year}-12-31`
}

export interface HolidaySpan {
  name: string
  from: LocalDate
  to: LocalDate
}

/** National holidays between two days, merged into spans ("国庆节 10月1日-7日"). */
export function holidaysBetween(from: LocalDate, to: LocalDate): HolidaySpan[] {
  const spans: HolidaySpan[] = []
  for (const date of chineseDays.getHolidaysInRange(from, to <= holidayDataEnd ? to : holidayDataEnd, false)) {
    const name = nationalHoliday(date)
    if (!name) continue
    const last = spans.at(-1)
    if (last && last.name === name && addDays(last.to, 1) === date) last.to = date
    else spans.push({ name, from: date, to: date })
  }
  return spans
}
