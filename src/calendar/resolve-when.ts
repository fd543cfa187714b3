import rrule, { type Options, type RRule as RRuleType } from 'rrule'
import { addDays, daysBetween, mondayOf, weekdayOf, yearOf, type LocalDate } from './dates.ts'
import { dayWindow, monthWindow, pickYear, single, spanWindow, type Window } from './resolve-spans.ts'
import { dateInWeek, findTerm, semesterFrom, semesterOn, weekCount, weekOf, type SemesterInfo } from './semester.ts'
import { afterSchoolStart, periodStart, type Timetable } from './timetable.ts'
import type { DateSpec, PartOfDay, Repeat, TimeSpec, When } from './when.ts'

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
  /** Reading a school year's plan (/导入): a day written without its year is never one a few weeks past. */
  planYear?: boolean
  /** The district's 作息时间, for 第三节课 and 放学后. */
  timetable?: Timetable
  /** The days an activity has now, which "推迟一周" moves (/改期). */
  base?: PlannedOccurrence[]
}

export interface PlannedOccurrence {
  date: LocalDate
  start?: string
  end?: string
  /** The last day of a multi-day activity ("11月30日至12月4日"), one occurrence from date to endDate. */
  endDate?: LocalDate
  /** Why it does not take place (a holiday's name). */
  skip?: string
}

/** needsTimetable: class periods or 放学后 were written and the district has no 作息 yet (the date is kept, the time is not). */
export type Plan =
  | { kind: 'dated'; occurrences: PlannedOccurrence[]; rrule?: string; holiday?: string; needsTimetable?: boolean }
  | { kind: 'pending'; from: LocalDate; to: LocalDate; needsTimetable?: boolean }

export type ResolveError =
  | { key: 'needSemester' }
  | { key: 'termNotFound' }
  | { key: 'weekOutOfTerm'; week: number; weeks: number }
  | { key: 'badDate' }
  | { key: 'inPast' }
  | { key: 'weekdayMismatch'; date: LocalDate; written: number }
  | { key: 'termWeekMismatch'; date: LocalDate; written: number; actual: number | null }
  | { key: 'badSpan' }
  | { key: 'noSuchPeriod'; period: number }
  | { key: 'needBase' }
  | { key: 'badTimeRange' }
  | { key: 'noOccurrence' }
  | { key: 'tooMany'; max: number }

export type Resolved = { ok: true; plan: Plan } | { ok: false; error: ResolveError }

type Step<T> = T | ResolveError

// rrule's Node entry is CommonJS: named imports fail at run time.
const { RRule } = rrule
const MAX_OCCURRENCES = 120
/** A multi-day activity (a 视导 week, a training) lasts at most this many days; a longer "range" is a mistake. */
const MAX_SPAN_DAYS = 62
const fail = (error: ResolveError): Resolved => ({ ok: false, error })
const isError = (x: unknown): x is ResolveError => typeof x === 'object' && x !== null && 'key' in x

/** Turns a parsed expression into dates for one district. Pure. */
export function resolveWhen(when: When, env: CalendarEnv): Resolved {
  const timed = resolveTimes(when.time, env)
  if (isError(timed)) return fail(timed)
  const { needsTimetable, ...times } = timed
  const resolved = resolvePlan(when, times, env)
  if (!resolved.ok || !needsTimetable) return resolved
  return { ok: true, plan: { ...resolved.plan, needsTimetable } }
}

function resolvePlan(when: When, times: Times, env: CalendarEnv): Resolved {
  if (when.shift !== undefined) return resolveShift(when.shift, env)
  if (when.vague) return resolveVague(when, env)
  if (when.repeat) return resolveRepeat(when, when.repeat, times, env)
  const window = resolveDate(when.date!, env)
  if (isError(window)) return fail(window)
  if (when.dateTo) return resolveSpan(window, when.dateTo, times, env, when.window)
  // "周一、周三": the days of one week, the week of the first.
  const anchored = (d: DateSpec) => (d.kind === 'weekday' && d.weekOffset === null ? { ...env, today: window.from } : env)
  if (when.also) return resolveDays([window, ...when.also.map((d) => resolveDate(d, anchored(d)))], times, env)
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

type Times = { start?: string; end?: string }

/** "推迟一周": the activity's days moved, times kept; a day that is now a holiday says so. */
function resolveShift(days: number, env: CalendarEnv): Resolved {
  if (!env.base?.length) return fail({ key: 'needBase' })
  const occurrences = env.base.map(({ skip: _, ...o }): PlannedOccurrence => {
    const date = addDays(o.date, days)
    const moved = { ...o, date, ...(o.endDate ? { endDate: addDays(o.endDate, days) } : {}) }
    const skip = env.closedOn(date)
    return skip && env.base!.length > 1 ? { ...moved, skip } : moved
  })
  if (!env.allowPast && occurrences[0]!.date < env.today) return fail({ key: 'inPast' })
  const plan: Plan = { kind: 'dated', occurrences }
  const holiday = occurrences.length === 1 ? env.closedOn(occurrences[0]!.date) : null
  if (holiday) plan.holiday = holiday
  return { ok: true, plan }
}

/**
 * "11月30日至12月4日": one activity over several days, one occurrence from the
 * first to the last; a span between vague ends ("11月底12月初") is 日期待定.
 */
function resolveSpan(first: Window, toSpec: DateSpec, times: Times, env: CalendarEnv, window = false): Resolved {
  const anchored = toSpec.kind === 'weekday' && toSpec.weekOffset === null ? { ...env, today: first.from } : env
  let last = resolveDate(toSpec, anchored)
  if (isError(last)) return fail(last)
  if (last.to < first.from && (toSpec.kind === 'date' || toSpec.kind === 'month') && !toSpec.year) {
    const next = resolveDate({ ...toSpec, year: yearOf(first.from) + 1 }, env)
    if (!isError(next)) last = next
  }
  if (last.to < first.from || daysBetween(first.from, last.to) > 366) return fail({ key: 'badSpan' })
  if (!env.allowPast && last.to < env.today) return fail({ key: 'inPast' })
  if (window || first.from !== first.to || last.from !== last.to) return { ok: true, plan: { kind: 'pending', from: first.from, to: last.to } }
  if (daysBetween(first.from, last.to) >= MAX_SPAN_DAYS) return fail({ key: 'badSpan' })
  if (first.from === last.to) return resolveDays([first], times, env)
  if (!env.allowPast && first.from < env.today) return fail({ key: 'inPast' })
  return { ok: true, plan: { kind: 'dated', occurrences: [{ date: first.from, endDate: last.to, ...times }] } }
}

/** "第4周周一、周三下午": one occurrence on each day named. */
function resolveDays(windows: Step<Window>[], times: Times, env: CalendarEnv): Resolved {
  const dates: LocalDate[] = []
  for (const w of windows) {
    if (isError(w)) return fail(w)
    if (w.from !== w.to) return fail({ key: 'badDate' })
    if (!dates.includes(w.from)) dates.push(w.from)
  }
  dates.sort()
  if (!env.allowPast && dates[0]! < env.today) return fail({ key: 'inPast' })
  const occurrences = dates.map((date): PlannedOccurrence => {
    const skip = env.closedOn(date)
    return skip && dates.length > 1 ? { date, ...times, skip } : { date, ...times }
  })
  const plan: Plan = { kind: 'dated', occurrences }
  const holiday = dates.length === 1 ? env.closedOn(dates[0]!) : null
  if (holiday) plan.holiday = holiday
  return { ok: true, plan }
}

/** "每2-3周", "每月一次": the dates are to be set, within the series' reach (to the term's end). */
function resolveVague(when: When, env: CalendarEnv): Resolved {
  const from = when.from ? resolveDate(when.from, env) : undefined
  if (isError(from)) return fail(from)
  const semester = semesterFrom(from?.from ?? env.today, env.semesters)
  let start = from?.from ?? (semester && semester.startDate > env.today ? semester.startDate : env.today)
  if (start < env.today && !env.allowPast) start = env.today
  const until = when.until ? resolveDate(when.until, env) : undefined
  if (isError(until)) return fail(until)
  const end = until?.to ?? semester?.endDate
  if (!end) return fail({ key: 'needSemester' })
  if (end < start) return fail({ key: 'noOccurrence' })
  return { ok: true, plan: { kind: 'pending', from: start, to: end } }
}

function resolveTimes(t: TimeSpec, env: CalendarEnv): Step<Times & { needsTimetable?: true }> {
  const d = env.defaults
  if (t.allDay) return {}
  if (t.periods || t.afterSchool) {
    const at = t.periods ? periodStart(t.periods, t.part, env.timetable, t.afterPeriods) : afterSchoolStart(env.timetable)
    if ('start' in at) return { start: at.start }
    if (at.missing === 'period') return { key: 'noSuchPeriod', period: at.period }
    return { needsTimetable: true }
  }
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
        : pickYear(env, (y) => dayWindow(y, spec.month, spec.day), !env.planYear)
      if (!window) return { key: 'badDate' }
      if (spec.weekday && weekdayOf(window.from) !== spec.weekday) {
        return { key: 'weekdayMismatch', date: window.from, written: spec.weekday }
      }
      if (spec.termWeek !== undefined) {
        const semester = semesterOn(window.from, env.semesters)
        const actual = semester ? weekOf(window.from, semester) : null
        if (actual !== spec.termWeek) return { key: 'termWeekMismatch', date: window.from, written: spec.termWeek, actual }
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
    default: {
      const window = spanWindow(spec, env)
      if (window === 'needSemester') return { key: 'needSemester' }
      return window ?? { key: 'badDate' }
    }
  }
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
  const monday = dateInWeek(semester, spec.week, 1)
  return { from: monday < semester.startDate ? semester.startDate : monday, to: dateInWeek(semester, spec.week, 5) }
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
  const interval = repeat.parity || repeat.everyOther ? 2 : 1
  const wanted = repeat.parity === 'even' ? 0 : 1
  const wrongWeek = (day: LocalDate) => repeat.parity !== undefined && semester !== undefined && weekOf(day, semester) % 2 !== wanted
  if (repeat.more?.length) {
    // Several weekdays: the series starts in the first week of the right parity; rrule counts its weeks from there.
    const first = wrongWeek(start) ? addDays(mondayOf(start), 7) : start
    const byweekday = [repeat.weekday, ...repeat.more].map((d) => WEEKDAYS[d - 1]!)
    return new RRule({ ...base, dtstart: utcDate(first), freq: RRule.WEEKLY, interval, byweekday, wkst: RRule.MO })
  }
  let first = addDays(start, (repeat.weekday - weekdayOf(start) + 7) % 7)
  if (wrongWeek(first)) first = addDays(first, 7)
  return new RRule({ ...base, dtstart: utcDate(first), freq: RRule.WEEKLY, interval, byweekday: [weekday] })
}

function utcDate(date: LocalDate): Date {
  return new Date(`${date}T00:00:00Z`)
}

function toLocalDate(d: Date): LocalDate {
  return d.toISOString().slice(0, 10)
}
