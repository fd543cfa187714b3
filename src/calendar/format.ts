import { texts } from '../core/texts/index.ts'
import { weekdayOf, yearOf, type LocalDate } from './dates.ts'

export function weekdayName(weekday: number): string {
  return texts.calendar.weekdays[weekday - 1] ?? ''
}

/** "12月3日(周四)"; the year is added when it is not the reference year. */
export function formatDate(date: LocalDate, referenceYear?: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const year = referenceYear !== undefined && y !== referenceYear ? texts.calendar.year(y) : ''
  return year + texts.calendar.dayOfWeek(texts.calendar.day(m, d), weekdayName(weekdayOf(date)))
}

/** "12月3日", without its weekday; the year is added when it is not the reference year ("2027年1月11日"). */
export function formatDay(date: LocalDate, referenceYear?: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return (referenceYear !== undefined && y !== referenceYear ? texts.calendar.year(y) : '') + texts.calendar.day(m, d)
}

/** "10月25日-31日", "11月30日-12月4日"; a year is added when it is not the reference year ("2027年3月1日-31日"). */
export function formatRange(from: LocalDate, to: LocalDate, referenceYear?: number): string {
  return yearOf(from) === yearOf(to) && from.slice(5, 7) === to.slice(5, 7)
    ? texts.calendar.sameMonthRange(formatDay(from, referenceYear), Number(to.slice(8)))
    : texts.calendar.range(formatDay(from, referenceYear), formatDay(to, referenceYear))
}

export function formatTime(start?: string | null, end?: string | null): string {
  if (!start) return ''
  return end ? `${start}-${end}` : start
}

/** "11月30日—12月4日": the days of a multi-day activity; a year is added when it is not the reference year. */
export function formatSpan(from: LocalDate, to: LocalDate, referenceYear?: number): string {
  return texts.calendar.span(formatDay(from, referenceYear), formatDay(to, referenceYear))
}

/** "2027年1月1日(周五)": always with the year (the days a district closes). */
export function formatFullDate(date: LocalDate): string {
  return formatDate(date, yearOf(date) + 1)
}
