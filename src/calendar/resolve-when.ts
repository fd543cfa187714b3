import rrule, { type Options, type RRule as RRuleType } from 'rrule'
import {
  addDays, isValidDate, lastDayOfMonth, makeDate, mondayOf, weekdayOf, yearOf, type LocalDate,
} from './dates.ts'
import { dateInWeek, findTerm, semesterFrom, weekCount, weekOf, type SemesterInfo } from './semester.ts'
import type { DateSpec, MonthPart, PartOfDay, Repeat, TimeSpec, When } from './when.ts'

export interface DayDefaults {
  morning: string
  afternoon: string
  evening: string
}

/** Everything a time expression is read against; `today` is the reference day. */
export interface CalendarEnv {
  today: LocalDate
  nowTime: string
  semesters: SemesterInfo[]
  defaults: DayDefaults
  /** The holiday or district closure on that day, if any. */
  closedOn: (date: LocalDate) => string | null
  allowPast?: boolean
}

export interface PlannedOccurrence {
  date: LocalDate
  start?: string
  end?: string
  /** Why it does not take place (a holiday's name). */
  skip?: string
}

export type Plan =
  | { kind: 'dated'; occurrences: PlannedOccurrence[]; rrule?: string; holiday?: string }
  | { kind: 'pending'; from: LocalDate; to: LocalDate }

export type ResolveError =
  | { key: 'needSemester' }
  | { key: 'termNotFound' }
  | { key: 'weekOutOfTerm'; week: number; weeks: number }
  | { key: 'badDate' }
  | { key: 'inPast' }
  | { key: 'weekdayMismatch'; date: LocalDate; written: number }
  | { key: 'badTimeRange' }
  | { key: 'noOccurrence' }
  | { key: 'tooMany'; max: number }

export type Resolved = { ok: true; plan: Plan } | { ok: false; error: ResolveError }

interface Window {
  from: LocalDate
  to: LocalDate
}
type Step<T> = T | ResolveError

// rrule's Node entry is CommonJS: named imports fail at run time.
const { RRule } = rrule
const MAX_OCCURRENCES = 120
const fail = (error: ResolveError): Resolved => ({ ok: false, error })
const isError = (x: unknown): x is ResolveError => typeof x === 'object' && x !== null && 'key' in x

/** Turns a parsed expression into dates for one district. Pure. */
export function resolveWhen(when: When, env: CalendarEnv): Resolved {
  const times = resolveTimes(when.time, env.defaults)
  if (isError(times)) return fail(times)
  if (when.repeat) return resolveRepeat(when, when.repeat, times, env)
  const window = resolveDate(when.date!, env)
  if (isError(window)) return fail(window)
  if (!env.allowPast && window.to < env.today) return fail({ key: 'inPast' })
  if (window.from !== window.to) return { ok: true, plan: { kind: 'pending', ...window } }
  const date = window.from
  const started = date === env.today && times.start !== undefined && times.start <= env.nowTime
  if (!env.allowPast && started) return fail({ key: 'inPast' })
  const holiday = env.closedOn(date)
  const plan: Plan = { kind: 'dated', occurrences: [{ date, ...times }] }
  if (holiday) plan.holiday = holiday
  return { ok: true, plan }
}

function resolveTimes(t: TimeSpec, d: DayDefaults): Step<{ start?: string; end?: string }> {
  if (t.allDay) return {}
  const start = t.start ?? (t.part ? defaultTime(t.part, d) : undefined)
  if (!start) return {}
  let end = t.end
  if (end && end <= start) {
    const later = `${String(Number(end.slice(0, 2)) + 12).padStart(2, '0')}${end.slice(2)}`
    if (Number(end.slice(0, 2)) >= 12 || later <= start) return { key: 'badTimeRange' }
    end = later
  }
  return end ? { start, end } : { start }
}

function defaultTime(part: PartOfDay, d: DayDefaults): string {
  return part === 'noon' ? '12:00' : d[part]
}

/** A single day (from === to) or the window of a vague expression. */
export function resolveDate(spec: DateSpec, env: CalendarEnv): Step<Window> {
  switch (spec.kind) {
    case 'date': {
      const window = spec.year
        ? dayWindow(spec.year, spec.month, spec.day)
        : pickYear(env, (y) => dayWindow(y, spec.month, spec.day))
      if (!window) return { key: 'badDate' }
      if (spec.weekday && weekdayOf(window.from) !== spec.weekday) {
        return { key: 'weekdayMismatch', date: window.from, written: spec.weekday }
      }
      return window
    }
    case 'relativeDay':
      return single(addDays(env.today, spec.offset))
    case 'weekday':
      return single(weekdayDate(env.today, spec.weekOffset, spec.weekday))
    case 'semesterWeek':
      return semesterWeekWindow(spec, env)
    case 'month': {
      const window = spec.year ? monthWindow(spec.year, spec.month, spec.part) : pickYear(env, (y) => monthWindow(y, spec.month, spec.part))
      return window ?? { key: 'badDate' }
    }
  }
}

function single(date: LocalDate): Window {
  return { from: date, to: date }
}

function dayWindow(year: number, month: number, day: number): Window | null {
  return isValidDate(year, month, day) ? single(makeDate(year, month, day)) : null
}

function monthWindow(year: number, month: number, part: MonthPart | undefined): Window {
  const last = lastDayOfMonth(year, month)
  const [first, final] =
    part === 'early' ? [1, 10] : part === 'mid' ? [11, 20] : part === 'late' ? [21, last] : part === 'end' ? [last - 6, last] : [1, last]
  return { from: makeDate(year, month, first), to: makeDate(year, month, final) }
}

/**
 * A date written without a year falls in the semester under way (or next),
 * else on the next such day from today.
 */
function pickYear(env: CalendarEnv, make: (year: number) => Window | null): Window | null {
  const semester = semesterFrom(env.today, env.semesters)
  if (semester) {
    for (const year of new Set([yearOf(semester.startDate), yearOf(semester.endDate)])) {
      const w = make(year)
      if (w && w.to >= semester.startDate && w.from <= semester.endDate) return w
    }
  }
  const thisYear = yearOf(env.today)
  const current = make(thisYear)
  if (current && current.to >= env.today) return current
  return make(thisYear + 1) ?? make(thisYear + 4)
}

function weekdayDate(today: LocalDate, weekOffset: number | null, weekday: number): LocalDate {
  if (weekOffset === null) return addDays(today, (weekday - weekdayOf(today) + 7) % 7)
  return addDays(mondayOf(today), weekOffset * 7 + weekday - 1)
}

function semesterWeekWindow(spec: DateSpec & { kind: 'semesterWeek' }, env: CalendarEnv): Step<Window> {
  const semester = findTerm(spec.term, env.today, env.semesters)
  if (!semester) return { key: spec.term === 1 || spec.term === 2 ? 'termNotFound' : 'needSemester' }
  const weeks = weekCount(semester)
  if (spec.week > weeks) return { key: 'weekOutOfTerm', week: spec.week, weeks }
  if (spec.weekday) return single(dateInWeek(semester, spec.week, spec.weekday))
  return { from: dateInWeek(semester, spec.week, 1), to: dateInWeek(semester, spec.week, 5) }
}

function resolveRepeat(when: When, repeat: Repeat, times: { start?: string; end?: string }, env: CalendarEnv): Resolved {
  const from = when.from ? resolveDate(when.from, env) : undefined
  if (isError(from)) return fail(from)
  let start = from?.from ?? env.today
  if (start < env.today && !env.allowPast) start = env.today
  const semester = semesterFrom(start, env.semesters)
  if (semester && !from && start < semester.startDate) start = semester.startDate
  const until = when.until ? resolveDate(when.until, env) : undefined
  if (isError(until)) return fail(until)
  const end = until?.to ?? semester?.endDate
  if (!end || (repeat.kind === 'weekly' && repeat.parity && !semester)) return fail({ key: 'needSemester' })
  const rule = buildRule(repeat, start, end, semester)
  const dates = rule.all((_, i) => i <= MAX_OCCURRENCES).map(toLocalDate)
  if (dates.length > MAX_OCCURRENCES) return fail({ key: 'tooMany', max: MAX_OCCURRENCES })
  const occurrences = dates
    .filter((date) => env.allowPast || date > env.today || (date === env.today && (!times.start || times.start > env.nowTime)))
    .map((date): PlannedOccurrence => {
      const skip = env.closedOn(date)
      return skip ? { date, ...times, skip } : { date, ...times }
    })
  if (occurrences.length === 0) return fail({ key: 'noOccurrence' })
  return { ok: true, plan: { kind: 'dated', occurrences, rrule: rule.toString() } }
}

const WEEKDAYS = [RRule.MO, RRule.TU, RRule.WE, RRule.TH, RRule.FR, RRule.SA, RRule.SU]

function buildRule(repeat: Repeat, start: LocalDate, end: LocalDate, semester: SemesterInfo | undefined): RRuleType {
  const base: Partial<Options> = { dtstart: utcDate(start), until: utcDate(end) }
  if (repeat.kind === 'monthlyDay') return new RRule({ ...base, freq: RRule.MONTHLY, bymonthday: [repeat.day] })
  const weekday = WEEKDAYS[repeat.weekday - 1]!
  if (repeat.kind === 'monthlyNth') return new RRule({ ...base, freq: RRule.MONTHLY, byweekday: [weekday.nth(repeat.nth)] })
  let first = addDays(start, (repeat.weekday - weekdayOf(start) + 7) % 7)
  if (repeat.parity && semester) {
    const wanted = repeat.parity === 'even' ? 0 : 1
    if (weekOf(first, semester) % 2 !== wanted) first = addDays(first, 7)
  }
  const interval = repeat.parity || repeat.everyOther ? 2 : 1
  return new RRule({ ...base, dtstart: utcDate(first), freq: RRule.WEEKLY, interval, byweekday: [weekday] })
}

function utcDate(date: LocalDate): Date {
  return new Date(`${date}T00:00:00Z`)
}

function toLocalDate(d: Date): LocalDate {
  return d.toISOString().slice(0, 10)
}
