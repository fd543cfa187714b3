import { addDays, daysBetween, isValidDate, lastDayOfMonth, makeDate, mondayOf, weekdayOf, yearOf, type LocalDate } from './dates.ts'
import { dateInWeek, semesterFrom, weekCount, type SemesterInfo } from './semester.ts'
import type { DateSpec, FixedHoliday, MonthPart } from './when.ts'

/** The days a date expression may mean, first to last (one day when from === to). */
export interface Window {
  from: LocalDate
  to: LocalDate
}

/** What placing a span needs: the reference day, the terms, the closed days. */
export interface SpanEnv {
  today: LocalDate
  semesters: SemesterInfo[]
  closedOn: (date: LocalDate) => string | null
}

export function single(date: LocalDate): Window {
  return { from: date, to: date }
}

export function dayWindow(year: number, month: number, day: number): Window | null {
  return isValidDate(year, month, day) ? single(makeDate(year, month, day)) : null
}

/** 上旬 1-10, 中旬 11-20, 下旬 21-end, 月底 the last 7 days, 上中旬 1-20, 中下旬 11-end. */
export function monthWindow(year: number, month: number, part: MonthPart | undefined): Window {
  const last = lastDayOfMonth(year, month)
  const bounds: Record<MonthPart, [number, number]> = {
    early: [1, 10], mid: [11, 20], late: [21, last], end: [last - 6, last], earlyMid: [1, 20], midLate: [11, last],
  }
  const [first, final] = part ? bounds[part] : [1, last]
  return { from: makeDate(year, month, first), to: makeDate(year, month, final) }
}

/**
 * A date written without a year falls in the semester under way (or next),
 * else on the next such day from today.
 */
export function pickYear(env: SpanEnv, make: (year: number) => Window | null, recentPast = false): Window | null {
  const semester = semesterFrom(env.today, env.semesters)
  if (semester) {
    for (const year of new Set([yearOf(semester.startDate), yearOf(semester.endDate)])) {
      const w = make(year)
      if (w && w.to >= semester.startDate && w.from <= semester.endDate) return w
    }
  }
  const thisYear = yearOf(env.today)
  const current = make(thisYear)
  // A day a few weeks ago (recentPast: a single day written without its year) is that day, and
  // recording a past activity asks to confirm it; a month or span already over is next year's.
  if (current && (current.to >= env.today || (recentPast && daysBetween(current.to, env.today) <= RECENT_PAST_DAYS))) return current
  return make(thisYear + 1) ?? make(thisYear + 4)
}

/** How far back a date written without its year is still taken as this year's (about a quarter). */
const RECENT_PAST_DAYS = 92

/**
 * Week N of a month is the Nth Monday-to-Sunday week that lies mostly in the
 * month: the one holding its Nth Thursday ("12月第2周" of 2026 is 7-13
 * December, since 30 November-6 December is mostly December). So
 * "12月第2周周三" is "12月第二个周三". With a weekday, that day.
 */
function monthWeekWindow(year: number, month: number, week: number, weekday?: number): Window | null {
  const first = makeDate(year, month, 1)
  const last = makeDate(year, month, lastDayOfMonth(year, month))
  const thursday = week === -1 ? addDays(last, -((weekdayOf(last) - 4 + 7) % 7)) : addDays(first, (4 - weekdayOf(first) + 7) % 7 + (week - 1) * 7)
  if (Number(thursday.slice(5, 7)) !== month) return null
  const monday = addDays(thursday, -3)
  return weekday ? single(addDays(monday, weekday - 1)) : { from: monday, to: addDays(monday, 6) }
}

/** "12月第二个周三": the Nth such weekday of the month (-1: the last). */
function monthNthDay(year: number, month: number, nth: number, weekday: number): Window | null {
  if (nth === -1) {
    const last = makeDate(year, month, lastDayOfMonth(year, month))
    return single(addDays(last, -((weekdayOf(last) - weekday + 7) % 7)))
  }
  const first = makeDate(year, month, 1)
  const day = addDays(first, (weekday - weekdayOf(first) + 7) % 7 + (nth - 1) * 7)
  return Number(day.slice(5, 7)) === month ? single(day) : null
}

const HOLIDAY_START: Record<FixedHoliday, [number, number, number]> = {
  // month, day, usual length when the holiday data does not reach that year
  national: [10, 1, 7], newYear: [1, 1, 3], labour: [5, 1, 5],
}

/**
 * "国庆后第一周": the school week (Monday to Friday) that starts on the first
 * Monday after the holiday's last day; "第二周" the one after.
 */
function afterHolidayWindow(env: SpanEnv, holiday: FixedHoliday, week: number): Window | null {
  const [month, day, usual] = HOLIDAY_START[holiday]
  return pickYear(env, (year) => {
    const start = makeDate(year, month, day)
    let last = addDays(start, usual - 1)
    if (env.closedOn(start)) {
      last = start
      while (env.closedOn(addDays(last, 1)) && last < addDays(start, 14)) last = addDays(last, 1)
    }
    const monday = addDays(mondayOf(last), 7 * week)
    return { from: monday, to: addDays(monday, 4) }
  })
}

/** "学期末": the last two weeks of the semester under way (or next), to its last day. */
function termEndWindow(semester: SemesterInfo): Window {
  const weeks = weekCount(semester)
  return { from: dateInWeek(semester, Math.max(1, weeks - 1), 1), to: semester.endDate }
}

/** "期中": Monday of week ⌊n/2⌋ to Sunday of the week after. */
function termMidWindow(semester: SemesterInfo): Window {
  const middle = Math.max(1, Math.floor(weekCount(semester) / 2))
  return { from: dateInWeek(semester, middle, 1), to: dateInWeek(semester, middle + 1, 7) }
}

export type SpanKind = Extract<DateSpec, { kind: 'monthWeek' | 'monthNth' | 'week' | 'termEnd' | 'termMid' | 'halfYear' | 'afterHoliday' | 'relativeMonth' }>

/** The window of the spans the plans name; null when there is no such day, 'needSemester' for 学期末 with no term. */
export function spanWindow(spec: SpanKind, env: SpanEnv): Window | null | 'needSemester' {
  switch (spec.kind) {
    case 'monthWeek': {
      const make = (y: number) => monthWeekWindow(y, spec.month, spec.week, spec.weekday)
      return spec.year ? make(spec.year) : pickYear(env, make)
    }
    case 'monthNth': {
      const make = (y: number) => monthNthDay(y, spec.month, spec.nth, spec.weekday)
      return spec.year ? make(spec.year) : pickYear(env, make)
    }
    case 'week': {
      const monday = addDays(mondayOf(env.today), spec.weekOffset * 7)
      return { from: monday < env.today && spec.weekOffset === 0 ? env.today : monday, to: addDays(monday, 6) }
    }
    case 'termEnd': {
      const semester = semesterFrom(env.today, env.semesters)
      return semester ? termEndWindow(semester) : 'needSemester'
    }
    case 'termMid': {
      const semester = semesterFrom(env.today, env.semesters)
      return semester ? termMidWindow(semester) : 'needSemester'
    }
    case 'halfYear': {
      const make = (y: number): Window =>
        spec.half === 1 ? { from: makeDate(y, 1, 1), to: makeDate(y, 6, 30) } : { from: makeDate(y, 7, 1), to: makeDate(y, 12, 31) }
      return spec.year ? make(spec.year) : pickYear(env, make)
    }
    case 'afterHoliday':
      return afterHolidayWindow(env, spec.holiday, spec.week)
    case 'relativeMonth': {
      const index = yearOf(env.today) * 12 + Number(env.today.slice(5, 7)) - 1 + spec.offset
      const window = monthWindow(Math.floor(index / 12), (index % 12) + 1, spec.part)
      return window.from < env.today && window.to >= env.today ? { ...window, from: env.today } : window
    }
  }
}
