import { addDays, daysBetween, localParts, mondayOf, yearOf, type LocalDate } from '../calendar/dates.ts'
import { formatDay, formatRange, formatSpan } from '../calendar/format.ts'
import { makeUpWorkday, nationalHoliday } from '../calendar/holidays.ts'
import { dateInWeek, semesterFrom, semesterOn, weekCount, type SemesterInfo } from '../calendar/semester.ts'
import { texts } from '../core/texts/index.ts'
import type { Tx } from '../db/client.ts'
import type { Activity } from '../generated/prisma/client.ts'
import { occurrencesBetween, pendingBetween, type OccurrenceWithActivity } from './activities.ts'
import { closedDaysFrom } from './closed-days.ts'
import { lastDayOf, occurrenceTime } from './describe.ts'
import { getDistrict } from './districts.ts'
import { signupCounts } from './signups.ts'

/**
 * A term as the district office prints it (seed 004's 行事历): one row per
 * teaching week, one cell per day, each day's sessions with their sign-ups,
 * the holidays in their cells, and what is planned for a week or a month
 * without a day yet. Built from the same reads as the chat's /活动 and /本周.
 */
export interface TermSemester extends SemesterInfo {
  id: number
}

export interface TermFilters {
  subject?: string
  school?: string
  workshopId?: number
}

export interface GridItem {
  activityId: number
  title: string
  /** "13:30-16:00"; '' when only the day is known. */
  time: string
  /** "11月30日—12月4日" for a session over several days. */
  span: string | null
  /** A later day of a session over several days. */
  continued: boolean
  place: string | null
  subject: string | null
  host: string | null
  presenter: string | null
  /** null for a notice-only activity (nobody signs up). */
  count: { signedUp: number; waiting: number; capacity: number | null } | null
  off: { kind: 'paused' | 'cancelled'; reason: string } | null
  movedFrom: string | null
}

export interface GridDay {
  date: LocalDate
  label: string
  inTerm: boolean
  /** A national holiday or a day the district closed. */
  closed: string | null
  /** The holiday a worked weekend day makes up for (调休). */
  makeUp: string | null
  items: GridItem[]
  /** Sessions of the day beyond MAX_PER_DAY, counted and not listed. */
  more?: number
}

export interface PendingItem {
  activityId: number
  title: string
  whenText: string
  window: string
  place: string | null
  subject: string | null
}

export interface GridWeek {
  week: number
  range: string
  current: boolean
  /** Monday to Sunday. */
  days: GridDay[]
  /** Planned for this week, the day still open. */
  pending: PendingItem[]
  /** Planned for a month whose first week this is, the day still open. */
  months: { month: number; items: PendingItem[] }[]
}

export interface TermOptions {
  subjects: string[]
  schools: string[]
  workshops: { id: number; name: string }[]
}

export type TermGrid =
  | { kind: 'noSemester' }
  | { kind: 'unknownSemester' }
  | { kind: 'grid'; semester: TermSemester; semesters: TermSemester[]; current: number | null; weeks: GridWeek[]; options: TermOptions; filters: TermFilters; total: number }

/**
 * The grid of a district's semester: `semesterId` picks one of its own (none:
 * the one holding today by the district's clock, else the next, else the
 * latest). Filters the options do not hold are dropped, so the caller can say so.
 */
export async function readTermGrid(tx: Tx, districtId: number, now: Date, semesterId: number | undefined, filters: TermFilters): Promise<TermGrid> {
  const district = await getDistrict(tx, districtId)
  const today = localParts(now, district.timezone).date
  const semesters = await tx.semester.findMany({ where: { districtId }, orderBy: { startDate: 'asc' }, select: { id: true, name: true, startDate: true, endDate: true } })
  if (semesters.length === 0) return { kind: 'noSemester' }
  const semester = semesterId === undefined ? defaultSemester(today, semesters) : semesters.find((s) => s.id === semesterId)
  if (!semester) return { kind: 'unknownSemester' }
  const weeks = weekCount(semester)
  const first = dateInWeek(semester, 1, 1)
  const last = dateInWeek(semester, weeks, 7)
  const occurrences = await occurrencesBetween(tx, districtId, first, last, undefined, district.timezone)
  const pending = await pendingBetween(tx, districtId, first, last)
  const options = await optionsOf(tx, [...occurrences.map((o) => o.activity), ...pending])
  const kept = keptFilters(filters, options)
  const shown = occurrences.filter((o) => matches(o.activity, kept))
  const shownPending = pending.filter((a) => matches(a, kept))
  const counts = await signupCounts(tx, [...new Set(shown.filter((o) => !o.activity.noSignup).map((o) => o.activityId))])
  const closed = await closedDaysFrom(tx, districtId, first, daysBetween(first, last) + 1)
  const closedOn = new Map(closed.filter((c) => c.date <= last).map((c) => [c.date, c.name]))
  const grid = Array.from({ length: weeks }, (_, i) => emptyWeek(semester, i + 1, today, closedOn))
  const year = yearOf(semester.startDate)
  for (const o of shown) placeOccurrence(grid, first, last, o, district.timezone, year, counts)
  for (const day of grid.flatMap((w) => w.days)) trimDay(day)
  for (const a of shownPending) placePending(grid, first, a, year)
  return {
    kind: 'grid', semester, semesters, current: semesterOn(today, semesters)?.id ?? null,
    weeks: grid, options, filters: kept, total: shown.length + shownPending.length,
  }
}

/** The one holding today, else the next to start, else the latest. */
function defaultSemester(today: LocalDate, semesters: TermSemester[]): TermSemester {
  return semesterFrom(today, semesters) ?? semesters.at(-1)!
}

/** The schools a place names: "育秀实验学校、肇文学校" is two, "育秀实验学校 会议室" one (the room is dropped). */
function schoolsOf(place: string | null): string[] {
  if (!place) return []
  return place.split(/[、，,;；/]/).map((p) => p.trim().split(/\s+/)[0] ?? '').filter(Boolean)
}

function matches(a: Activity, f: TermFilters): boolean {
  if (f.subject !== undefined && a.subject !== f.subject) return false
  if (f.school !== undefined && !schoolsOf(a.place).includes(f.school)) return false
  return f.workshopId === undefined || a.workshopId === f.workshopId
}

function keptFilters(f: TermFilters, options: TermOptions): TermFilters {
  return {
    ...(f.subject !== undefined && options.subjects.includes(f.subject) ? { subject: f.subject } : {}),
    ...(f.school !== undefined && options.schools.includes(f.school) ? { school: f.school } : {}),
    ...(f.workshopId !== undefined && options.workshops.some((w) => w.id === f.workshopId) ? { workshopId: f.workshopId } : {}),
  }
}

/** What the term's activities name: the filters offer only these. */
async function optionsOf(tx: Tx, activities: Activity[]): Promise<TermOptions> {
  const sorted = (values: Iterable<string>) => [...new Set(values)].sort((a, b) => a.localeCompare(b, 'zh-CN'))
  const workshopIds = [...new Set(activities.flatMap((a) => (a.workshopId === null ? [] : [a.workshopId])))]
  const workshops = workshopIds.length === 0 ? [] : await tx.workshop.findMany({ where: { id: { in: workshopIds } }, orderBy: { id: 'asc' }, select: { id: true, name: true } })
  return {
    subjects: sorted(activities.flatMap((a) => (a.subject ? [a.subject] : []))),
    schools: sorted(activities.flatMap((a) => schoolsOf(a.place))),
    workshops,
  }
}

function emptyWeek(semester: SemesterInfo, week: number, today: LocalDate, closedOn: Map<LocalDate, string>): GridWeek {
  const monday = dateInWeek(semester, week, 1)
  const year = yearOf(semester.startDate)
  const days = Array.from({ length: 7 }, (_, i): GridDay => {
    const date = addDays(monday, i)
    return {
      date, label: formatDay(date), inTerm: semester.startDate <= date && date <= semester.endDate,
      closed: closedOn.get(date) ?? nationalHoliday(date), makeUp: makeUpWorkday(date), items: [],
    }
  })
  const sunday = addDays(monday, 6)
  return { week, range: formatRange(monday, sunday, year), current: monday <= today && today <= sunday, days, pending: [], months: [] }
}

/** The most sessions a day's cell lists: a district of thousands still prints, the rest are counted (the filters narrow them). */
export const MAX_PER_DAY = 12

function trimDay(day: GridDay): void {
  if (day.items.length <= MAX_PER_DAY) return
  day.more = day.items.length - MAX_PER_DAY
  day.items = day.items.slice(0, MAX_PER_DAY)
}

/** A session in its day's cell; one over several days in each of its days the grid shows. */
function placeOccurrence(
  grid: GridWeek[], first: LocalDate, last: LocalDate, o: OccurrenceWithActivity, tz: string, year: number,
  counts: Map<number, { confirmed: number; waiting: number }>,
): void {
  const a = o.activity
  const lastDay = lastDayOf(o, tz)
  const count = counts.get(a.id)
  const item: GridItem = {
    activityId: a.id, title: a.title, time: occurrenceTime(o, tz), span: lastDay ? formatSpan(o.date, lastDay, year) : null, continued: false,
    place: a.place, subject: a.subject, host: a.host, presenter: a.presenter,
    count: count ? { signedUp: count.confirmed, waiting: count.waiting, capacity: a.capacity } : null,
    // A session cancelled without a reason keeps the bare mark as its skipReason.
    off: o.cancelled ? { kind: 'cancelled', reason: o.skipReason === texts.sessions.mark() ? '' : (o.skipReason ?? '') } : o.skipReason ? { kind: 'paused', reason: o.skipReason } : null,
    movedFrom: o.movedFrom ? formatDay(o.movedFrom, year) : null,
  }
  const to = lastDay === null ? o.date : lastDay < last ? lastDay : last
  for (let date = o.date < first ? first : o.date; date <= to; date = addDays(date, 1)) {
    const index = daysBetween(first, date)
    grid[Math.floor(index / 7)]?.days[index % 7]?.items.push({ ...item, continued: date !== o.date })
  }
}

/**
 * An undated activity under its week when its window is one week, else under
 * the month it starts in, on the row of that month's first week in the grid.
 */
function placePending(grid: GridWeek[], first: LocalDate, a: Activity, year: number): void {
  const from = a.pendingFrom!
  const to = a.pendingTo!
  const item: PendingItem = { activityId: a.id, title: a.title, whenText: a.whenText, window: formatRange(from, to, year), place: a.place, subject: a.subject }
  if (mondayOf(from) === mondayOf(to)) {
    grid[Math.floor(daysBetween(first, from) / 7)]?.pending.push(item)
    return
  }
  const anchor = from < first ? first : from
  const monthStart = `${anchor.slice(0, 8)}01`
  const row = grid[Math.floor(daysBetween(first, monthStart < first ? first : monthStart) / 7)]
  if (!row) return
  const month = Number(anchor.slice(5, 7))
  const entry = row.months.find((m) => m.month === month)
  if (entry) entry.items.push(item)
  else row.months.push({ month, items: [item] })
}
