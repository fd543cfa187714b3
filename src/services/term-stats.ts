/**
 * The web console's 统计 for one term of a district: participation per
 * school and month, sign-ups against capacity, attendance by subject, and
 * how many teachers earned how many 学时. Counts only, never a name. Read
 * from the 学时 ledger (hours.ts): a session counts here as it counts in
 * /学时 and in the archive's 统计 sheet.
 */
import type { Tx } from '../db/client.ts'
import { localParts, type LocalDate } from '../calendar/dates.ts'
import { hoursPerMember, ledger, type LedgerEntry } from './hours.ts'
import { signupCounts } from './signups.ts'
import { getDistrict } from './districts.ts'
import { semesterOn } from '../calendar/semester.ts'

export interface StatsTerm {
  id: number
  name: string
  startDate: LocalDate
  endDate: LocalDate
}

/** Per school ('' when the profile has none) and month ("2026-11"): people who came, or signed up where nobody's attendance was taken. */
export interface Participation {
  school: string
  month: string
  count: number
}

export interface SignupLine {
  id: number
  title: string
  confirmed: number
  waiting: number
  capacity: number | null
}

/** Per activity subject ('' when none), over the held sessions whose attendance was taken. */
export interface AttendanceLine {
  subject: string
  sessions: number
  present: number
  leave: number
  absent: number
}

/** A range of term 学时 and how many teachers' totals fall in it: (from, to], or exactly 0, or above `from` when `to` is null. */
export interface HoursRange {
  from: number
  to: number | null
  count: number
}

export interface TermNumbers {
  /** Activities of the term, not cancelled. */
  activities: number
  participation: Participation[]
  signups: SignupLine[]
  attendance: AttendanceLine[]
  hours: HoursRange[]
}

/** The upper ends of the 学时 ranges after 0: 0–2, 2–4, 4–6, 6–8, 8–12, 12–16, then above 16. */
const HOURS_EDGES = [2, 4, 6, 8, 12, 16] as const

/** The district's terms, latest first. */
export async function statsTerms(tx: Tx, districtId: number): Promise<StatsTerm[]> {
  return tx.semester.findMany({ where: { districtId }, orderBy: { startDate: 'desc' }, select: { id: true, name: true, startDate: true, endDate: true } })
}

/**
 * The term to show: the one asked for (a term of another district is none:
 * 'unknown'), else the one holding today, else the latest begun, else the
 * next to begin; null while the district has no term.
 */
export async function statsTerm(tx: Tx, districtId: number, asked: number | null, now: Date): Promise<StatsTerm | 'unknown' | null> {
  const terms = await statsTerms(tx, districtId)
  if (asked !== null) return terms.find((t) => t.id === asked) ?? 'unknown'
  const today = localParts(now, (await getDistrict(tx, districtId)).timezone).date
  // Latest first: after the one holding today, the first begun is the latest begun.
  return semesterOn(today, terms) ?? terms.find((t) => t.startDate <= today) ?? terms.at(-1) ?? null
}

/** Every number of the 统计 page for the term, as of `now` (sessions after it are not held). */
export async function termNumbers(tx: Tx, districtId: number, term: StatsTerm, now: Date): Promise<TermNumbers> {
  const { startDate: from, endDate: to } = term
  const activities = await tx.activity.findMany({
    where: {
      districtId, status: { not: 'cancelled' },
      OR: [{ occurrences: { some: { date: { gte: from, lte: to } } } }, { pendingFrom: { lte: to }, pendingTo: { gte: from } }],
    },
    select: { id: true, title: true, subject: true, capacity: true, noSignup: true },
    orderBy: { id: 'asc' },
  })
  const entries = await ledger(tx, { districtId, from, to, now })
  const counts = await signupCounts(tx, activities.filter((a) => !a.noSignup).map((a) => a.id))
  const subjects = new Map(activities.map((a) => [a.id, a.subject ?? '']))
  return {
    activities: activities.length,
    participation: participation(entries),
    signups: activities.filter((a) => !a.noSignup).map((a) => ({ id: a.id, title: a.title, capacity: a.capacity, ...counts.get(a.id)! })),
    attendance: attendanceBySubject(entries, subjects),
    hours: hoursRanges(hoursPerMember(entries, term).map((p) => p.term)),
  }
}

/** Came to the session (late, early or at another session at once still came); not on 请假, not absent. */
function came(e: LedgerEntry): boolean {
  return e.outcome.kind === 'earned' || (e.outcome.why.key !== 'absent' && e.outcome.why.key !== 'leave')
}

/** Someone's attendance was taken at the session: anyone came, or an organizer marked someone (缺席 too). */
function attendanceTaken(session: readonly LedgerEntry[]): boolean {
  return session.some((e) => came(e) || e.marked)
}

function bySession(entries: readonly LedgerEntry[]): LedgerEntry[][] {
  const sessions = new Map<number, LedgerEntry[]>()
  for (const e of entries) (sessions.get(e.occurrenceId) ?? sessions.set(e.occurrenceId, []).get(e.occurrenceId)!).push(e)
  return [...sessions.values()]
}

/** Where a session's attendance was not taken, those signed up (and not on 请假) stand for who came: the ledger lists them as absent. */
function participation(entries: readonly LedgerEntry[]): Participation[] {
  const counts = new Map<string, Participation>()
  for (const session of bySession(entries)) {
    const taken = attendanceTaken(session)
    for (const e of session) {
      if (taken ? !came(e) : e.outcome.kind !== 'none' || e.outcome.why.key !== 'absent') continue
      const month = e.date.slice(0, 7)
      const key = `${e.school}\n${month}`
      const line = counts.get(key) ?? counts.set(key, { school: e.school, month, count: 0 }).get(key)!
      line.count++
    }
  }
  return [...counts.values()]
}

function attendanceBySubject(entries: readonly LedgerEntry[], subjects: ReadonlyMap<number, string>): AttendanceLine[] {
  const lines = new Map<string, AttendanceLine>()
  for (const session of bySession(entries)) {
    if (!attendanceTaken(session)) continue
    const subject = subjects.get(session[0]!.activityId) ?? ''
    const line = lines.get(subject) ?? lines.set(subject, { subject, sessions: 0, present: 0, leave: 0, absent: 0 }).get(subject)!
    line.sessions++
    for (const e of session) {
      if (came(e)) line.present++
      else if (e.outcome.kind === 'none' && e.outcome.why.key === 'leave') line.leave++
      else line.absent++
    }
  }
  return [...lines.values()].sort((a, b) => a.subject.localeCompare(b.subject, 'zh'))
}

/** How many totals fall in each range; every range is listed, empty ones too, so terms compare at a glance. */
function hoursRanges(totals: readonly number[]): HoursRange[] {
  const ranges: HoursRange[] = [{ from: 0, to: 0, count: 0 }]
  let from = 0
  for (const to of HOURS_EDGES) {
    ranges.push({ from, to, count: 0 })
    from = to
  }
  ranges.push({ from, to: null, count: 0 })
  for (const total of totals) {
    const t = Math.round(total * 100) / 100
    const range = t <= 0 ? ranges[0]! : ranges.slice(1).find((r) => r.to === null || t <= r.to)!
    range.count++
  }
  return ranges
}
