import dayjs from 'dayjs'
import timezone from 'dayjs/plugin/timezone.js'
import utc from 'dayjs/plugin/utc.js'

dayjs.extend(utc)
dayjs.extend(timezone)

export { dayjs }

/**
 * Calendar days are "YYYY-MM-DD" strings. Arithmetic on them runs in UTC so
 * that it never depends on the machine's timezone.
 */
export type LocalDate = string

const day = (date: LocalDate) => dayjs.utc(date, 'YYYY-MM-DD')

export function isValidDate(year: number, month: number, dayOfMonth: number): boolean {
  const d = dayjs.utc(Date.UTC(year, month - 1, dayOfMonth))
  return d.year() === year && d.month() === month - 1 && d.date() === dayOfMonth
}

export function makeDate(year: number, month: number, dayOfMonth: number): LocalDate {
  return `${year}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return day(date).add(days, 'day').format('YYYY-MM-DD')
}

/** 1 = Monday … 7 = Sunday */
export function weekdayOf(date: LocalDate): number {
  return ((day(date).day() + 6) % 7) + 1
}

export function mondayOf(date: LocalDate): LocalDate {
  return addDays(date, 1 - weekdayOf(date))
}

export function daysBetween(from: LocalDate, to: LocalDate): number {
  return day(to).diff(day(from), 'day')
}

export function lastDayOfMonth(year: number, month: number): number {
  return dayjs.utc(Date.UTC(year, month - 1, 1)).daysInMonth()
}

export function yearOf(date: LocalDate): number {
  return Number(date.slice(0, 4))
}

/** The wall-clock date and time of an instant in a timezone. */
export function localParts(instant: Date, tz: string): { date: LocalDate; time: string } {
  // Intl, which dayjs's timezone plugin also reads, with one formatter kept per zone: nearly every command asks "what day is it here".
  const parts = wallClock(tz).formatToParts(instant)
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)!.value
  return { date: `${part('year')}-${part('month')}-${part('day')}`, time: `${part('hour')}:${part('minute')}` }
}

const wallClocks = new Map<string, Intl.DateTimeFormat>()

function wallClock(tz: string): Intl.DateTimeFormat {
  let format = wallClocks.get(tz)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    })
    wallClocks.set(tz, format)
  }
  return format
}

/** The instant of a wall-clock date and time in a timezone. */
export function toInstant(date: LocalDate, time: string, tz: string): Date {
  return dayjs.tz(`${date} ${time}`, tz).toDate()
}

/**
 * An instant as a zip entry's date shows it: a zip stores a wall-clock time
 * with no zone, read in the process's zone, so the district's local time is
 * given in that zone (17:20 in Shanghai shows 17:20, not 09:20 on a UTC server).
 */
export function zipTime(at: Date, timezone: string): Date {
  const { date, time } = localParts(at, timezone)
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number]
  const [h, mi] = time.split(':').map(Number) as [number, number]
  return new Date(y, mo - 1, d, h, mi)
}
