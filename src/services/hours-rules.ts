/**
 * 学时 (continuing-education hours), as a rule book: what one session is
 * worth, at which level, by which multiple for a presenter or host, and
 * whether a member who came late or left early still earns it. Pure: the
 * ledger (hours.ts) reads the rows and asks these.
 */
import { missedMinutes, sessionEnd, sessionMinutes, type SessionTimes } from './session-times.ts'

export type Level = 'school' | 'district' | 'county' | 'city'
export type HoursRole = 'presenter' | 'host' | 'participant'

/** Why a member earns nothing for a session they were expected at. */
export type NoHours =
  | { key: 'late'; minutes: number }
  | { key: 'early'; minutes: number }
  | { key: 'lateAndEarly'; late: number; early: number }
  /** `undecided`: a 请假 was asked and never approved or refused. */
  | { key: 'absent'; undecided?: true }
  | { key: 'leave' }
  /** At another session (activity #activityId) for the same time: one person earns one session's hours at a time. */
  | { key: 'overlap'; activityId: number }

/** One member at one session: earned (hours null while a day-only session's hours are not set), or why not. */
export type Outcome =
  | { kind: 'earned'; hours: number | null; late: number; early: number }
  | { kind: 'none'; why: NoHours }

export interface HoursRules {
  presenterFactor: number
  hostFactor: number
  /** Missing this share of a session or more (late plus early) earns none. */
  missShare: number
}

/** A session's default 学时: its length rounded to the nearest half hour (14:00–16:30 is 2.5, 100 minutes 1.5); a day-only session has none. */
export function defaultHours(session: SessionTimes): number | null {
  if (!session.timed) return null
  return Math.round(sessionMinutes(session) / 30) / 2
}

/** What a session is worth: the activity's own 学时 (/设置 12 学时 3), else the default. */
export function sessionHours(activity: { hours: number | null }, session: SessionTimes): number | null {
  return activity.hours ?? defaultHours(session)
}

/** The activity's level; not set means 学区级 (the district's own activity). */
export function levelOf(level: string | null): Level {
  return level === 'school' || level === 'county' || level === 'city' ? level : 'district'
}

/** Names written in a presenter or host field ("王芳、李明"). */
export function namesIn(field: string | null): string[] {
  return (field ?? '').split(/[、,，;；\s]+/).filter(Boolean)
}

/**
 * The member's role at the session: as the attendance row says when given,
 * else by the name written as the activity's 主讲 or 主持, when `holders`
 * says that name is this member's: the one member of the district going by
 * it. A name anyone may give themselves (/我是) earns no multiple by itself:
 * while two go by it, neither is taken for the presenter.
 */
export function roleOf(
  attendanceRole: string | null | undefined,
  member: { id: number },
  activity: { presenter: string | null; host: string | null },
  holders: ReadonlyMap<string, number>,
): HoursRole {
  if (attendanceRole === 'presenter' || attendanceRole === 'host') return attendanceRole
  const mine = (n: string) => holders.get(n) === member.id
  if (namesIn(activity.presenter).some(mine)) return 'presenter'
  if (namesIn(activity.host).some(mine)) return 'host'
  return 'participant'
}

export function factorOf(role: HoursRole, rules: HoursRules): number {
  return role === 'presenter' ? rules.presenterFactor : role === 'host' ? rules.hostFactor : 1
}

/**
 * Whether one who attended earns the session's hours: missing the district's
 * share of it or more, late and early together, earns none, saying why.
 */
export function judgeAttendance(
  session: SessionTimes,
  attendance: { checkInAt: Date | null; checkOutAt: Date | null },
  hours: number | null,
  rules: Pick<HoursRules, 'missShare'>,
): Outcome {
  const { late, early } = missedMinutes(session, attendance)
  const missed = late + early
  if (missed > 0 && missed >= rules.missShare * sessionMinutes(session)) {
    const why: NoHours = late && early ? { key: 'lateAndEarly', late, early } : late ? { key: 'late', minutes: late } : { key: 'early', minutes: early }
    return { kind: 'none', why }
  }
  return { kind: 'earned', hours, late, early }
}

/** When a member was at a timed session: from their check-in (or its start) to their check-out (or its end), within the session. */
export function attendedSpan(session: SessionTimes, attendance: { checkInAt: Date | null; checkOutAt: Date | null }): { from: number; to: number } | null {
  if (!session.timed) return null
  const start = session.startAt.getTime()
  const end = sessionEnd(session).getTime()
  return { from: Math.max(start, attendance.checkInAt?.getTime() ?? start), to: Math.min(end, attendance.checkOutAt?.getTime() ?? end) }
}

/**
 * Of a member's sessions that earned hours, one that overlaps an earlier one
 * (by its attended span) for the district's share of its length or more
 * earns none: nobody is at two sessions at once. The one they came to first
 * keeps its hours. Returns the indexes to void, each with the activity it clashed with.
 */
export function overlapping(spans: readonly { from: number; to: number; minutes: number; activityId: number }[], missShare: number): Map<number, number> {
  const order = spans.map((s, i) => ({ ...s, i })).sort((a, b) => a.from - b.from || a.i - b.i)
  const kept: typeof order = []
  const voided = new Map<number, number>()
  for (const s of order) {
    const clash = kept.find((k) => Math.min(k.to, s.to) - Math.max(k.from, s.from) >= Math.max(1, missShare * s.minutes * 60_000))
    if (clash) voided.set(s.i, clash.activityId)
    else kept.push(s)
  }
  return voided
}

/** Hours earned with a role's multiple, to two decimals (2.5 × 1.5 = 3.75). */
export function earnedHours(outcome: Outcome, factor: number): number | null {
  if (outcome.kind === 'none') return 0
  if (outcome.hours === null) return null
  return Math.round(outcome.hours * factor * 100) / 100
}

/** The school year (9月1日 to 8月31日) holding a day, as local dates. */
export function schoolYearOf(date: string): { from: string; to: string; startYear: number } {
  const year = Number(date.slice(0, 4))
  const startYear = Number(date.slice(5, 7)) >= 9 ? year : year - 1
  return { from: `${startYear}-09-01`, to: `${startYear + 1}-08-31`, startYear }
}

export interface Totals {
  total: number
  byLevel: Partial<Record<Level, number>>
  /** Sessions attended whose hours are not set (day-only, no /设置 12 学时). */
  unset: number
}

/** Hours earned across entries, in all and per level. */
export function totalsOf(entries: readonly { level: Level; earned: number | null; outcome: Outcome }[]): Totals {
  const totals: Totals = { total: 0, byLevel: {}, unset: 0 }
  for (const e of entries) {
    if (e.earned === null) {
      if (e.outcome.kind === 'earned') totals.unset++
      continue
    }
    if (e.earned === 0) continue
    totals.total = Math.round((totals.total + e.earned) * 100) / 100
    totals.byLevel[e.level] = Math.round(((totals.byLevel[e.level] ?? 0) + e.earned) * 100) / 100
  }
  return totals
}
