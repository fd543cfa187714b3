import { weekdayOf, yearOf, type LocalDate } from './dates.ts'

const WEEKDAY_NAMES = ['周一', '周二', '周三', '周四', '周五', '周六', '周日']

export function weekdayName(weekday: number): string {
  return WEEKDAY_NAMES[weekday - 1] ?? ''
}

/** "12月3日(周四)"; the year is added when it is not the reference year. */
export function formatDate(date: LocalDate, referenceYear?: number): string {
  const [y, m, d] = date.split('-').map(Number)
  const year = referenceYear !== undefined && y !== referenceYear ? `${y}年` : ''
  return `${year}${m}月${d}日(${weekdayName(weekdayOf(date))})`
}

/** "12月3日"; a short form for ranges. */
export function formatDay(date: LocalDate): string {
  const [, m, d] = date.split('-').map(Number)
  return `${m}月${d}日`
}

export function formatRange(from: LocalDate, to: LocalDate): string {
  return yearOf(from) === yearOf(to) && from.slice(5, 7) === to.slice(5, 7)
    ? `${formatDay(from)}-${Number(to.slice(8))}日`
    : `${formatDay(from)}-${formatDay(to)}`
}

export function formatTime(start?: string | null, end?: string | null): string {
  if (!start) return ''
  return end ? `${start}-${end}` : start
}
