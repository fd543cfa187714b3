/**
 * The 学时 ledger: for each held session, who was expected or came, and
 * what each earned or why not. It reads the attendance written by check-in,
 * the approved 请假 and the sign-ups; the rules are hours-rules.ts. /学时,
 * the archive's 学时登记表, 签到 and 统计 sheets all read this one ledger.
 */
import type { Tx } from '../db/client.ts'
import { localParts, type LocalDate } from '../calendar/dates.ts'
import type { Member, Prisma } from '../generated/prisma/client.ts'
import { listName } from './members.ts'
import { sessionEnd, sessionMinutes } from './session-times.ts'
import {
  attendedSpan, earnedHours, factorOf, judgeAttendance, levelOf, namesIn, overlapping, roleOf, sessionHours,
  type HoursRole, type HoursRules, type Level, type Outcome,
} from './hours-rules.ts'

export interface LedgerScope {
  districtId: number
  from?: LocalDate
  to?: LocalDate
  memberId?: number
  activityId?: number
  /** Only the activities this member organizes (an organizer's archive). */
  organizerId?: number
  /** Sessions after this have not been held; without it every session in the scope counts as held (a term archived after it ended). */
  now?: Date
  /**
   * Read the sessions begun by this instant rather than by `now`: a page
   * showing check-ins live reads a session whose 签到 window has opened
   * before its start. Nobody is absent from it before it ends, as ever.
   */
  through?: Date
}

export interface LedgerEntry {
  memberId: number
  name: string
  school: string
  subject: string
  activityId: number
  title: string
  occurrenceId: number
  /** Local date and, for a timed session, start time ("14:00"). */
  date: LocalDate
  time: string | null
  level: Level
  role: HoursRole
  factor: number
  /** What the session is worth before the multiple; null for a day-only session whose hours are not set. */
  sessionHours: number | null
  outcome: Outcome
  /** Hours earned with the multiple: 0 when none, null while not set. */
  earned: number | null
  checkInAt: Date | null
  checkOutAt: Date | null
  /** The attendance row was made by an organizer (/到场), not by the member. */
  marked: boolean
}

const CHUNK = 500

type Session = Prisma.OccurrenceGetPayload<{ include: { activity: true } }>
type AttendanceRow = Prisma.AttendanceGetPayload<object>

/** What one ledger query reads: held sessions, their attendance, approved 请假 and sign-ups, and the members named. */
interface Reading {
  sessions: Session[]
  attendanceAt: Map<string, AttendanceRow>
  leaveAt: Set<string>
  /** 请假 asked and still waiting for /准假 at the session. */
  undecidedAt: Set<string>
  /** Members with an attendance row or a 请假, per session. */
  seenAt: Map<number, number[]>
  /** Sign-ups per activity. */
  expected: Map<number, { memberId: number; signedUpAt: Date }[]>
  members: Map<number, Member>
  /** Each presenter's or host's name that exactly one member of the district goes by, with that member. */
  holders: Map<string, number>
}

const key = (occurrenceId: number, memberId: number) => `${occurrenceId}:${memberId}`

function push<K, V>(map: Map<K, V[]>, k: K, v: V): void {
  const list = map.get(k)
  if (list) list.push(v)
  else map.set(k, [v])
}

async function read(tx: Tx, scope: LedgerScope): Promise<Reading | null> {
  const activityWhere: Prisma.ActivityWhereInput = {
    districtId: scope.districtId,
    status: { not: 'cancelled' },
    ...(scope.activityId ? { id: scope.activityId } : {}),
    ...(scope.organizerId ? { organizerId: scope.organizerId } : {}),
  }
  const sessionWhere: Prisma.OccurrenceWhereInput = {
    districtId: scope.districtId,
    cancelled: false,
    skipReason: null,
    activity: activityWhere,
    ...(scope.from || scope.to ? { date: { ...(scope.from ? { gte: scope.from } : {}), ...(scope.to ? { lte: scope.to } : {}) } } : {}),
    ...(scope.now ? { startAt: { lte: scope.through ?? scope.now } } : {}),
  }
  const sessions = await tx.occurrence.findMany({ where: sessionWhere, include: { activity: true }, orderBy: [{ startAt: 'asc' }, { id: 'asc' }] })
  if (sessions.length === 0) return null
  const who = scope.memberId ? { memberId: scope.memberId } : {}
  // One after another: a transaction is one connection (pg warns of queries sent while one runs).
  const attendances = await tx.attendance.findMany({ where: { occurrence: sessionWhere, ...who } })
  const leaves = await tx.leave.findMany({ where: { occurrence: sessionWhere, status: { in: ['approved', 'pending'] }, ...who } })
  // A place given up for 请假 ('leave') is still a sign-up: absent at a session without an approved 请假 for it.
  const signups = await tx.signup.findMany({ where: { activity: activityWhere, status: { in: ['confirmed', 'leave'] }, ...who } })
  const reading: Reading = {
    sessions,
    attendanceAt: new Map(attendances.map((a) => [key(a.occurrenceId, a.memberId), a])),
    leaveAt: new Set(leaves.filter((l) => l.status === 'approved').map((l) => key(l.occurrenceId, l.memberId))),
    undecidedAt: new Set(leaves.filter((l) => l.status === 'pending').map((l) => key(l.occurrenceId, l.memberId))),
    seenAt: new Map(),
    expected: new Map(),
    members: await membersById(tx, [...attendances, ...leaves, ...signups].map((r) => r.memberId)),
    holders: await nameHolders(tx, scope.districtId, sessions.flatMap((o) => [...namesIn(o.activity.presenter), ...namesIn(o.activity.host)])),
  }
  for (const r of [...attendances, ...leaves]) push(reading.seenAt, r.occurrenceId, r.memberId)
  for (const s of signups) push(reading.expected, s.activityId, s)
  return reading
}

/** Every entry of the ledger in the scope, by session start, then by name. */
export async function ledger(tx: Tx, scope: LedgerScope): Promise<LedgerEntry[]> {
  const district = await tx.district.findUniqueOrThrow({ where: { id: scope.districtId } })
  const rules: HoursRules = { presenterFactor: district.presenterFactor, hostFactor: district.hostFactor, missShare: district.missShare }
  const reading = await read(tx, scope)
  if (!reading) return []
  const entries: LedgerEntry[] = []
  const spans = new Map<LedgerEntry, { from: number; to: number; minutes: number; activityId: number }>()
  for (const o of reading.sessions) {
    const end = sessionEnd(o).getTime()
    // Absent only once it ended, and only those signed up by then: one who signs up for a series later was not expected earlier.
    const signedUp = !scope.now || end <= scope.now.getTime() ? (reading.expected.get(o.activityId) ?? []).filter((s) => s.signedUpAt.getTime() <= end) : []
    const time = o.timed ? localParts(o.startAt, district.timezone).time : null
    const rows: LedgerEntry[] = []
    for (const memberId of new Set([...(reading.seenAt.get(o.id) ?? []), ...signedUp.map((s) => s.memberId)])) {
      const member = reading.members.get(memberId)
      if (!member) continue
      const entry = entryOf(o, time, member, reading, rules)
      const span = entry.outcome.kind === 'earned' ? attendedSpan(o, entry) : null
      if (span) spans.set(entry, { ...span, minutes: sessionMinutes(o), activityId: o.activityId })
      rows.push(entry)
    }
    entries.push(...rows.sort((x, y) => x.name.localeCompare(y.name, 'zh') || x.memberId - y.memberId))
  }
  voidOverlaps(spans, rules)
  return entries
}

/** One member's 学时 in the ledger's entries, and of those, within the term. */
export interface PersonHours {
  memberId: number
  name: string
  school: string
  term: number
  year: number
}

/**
 * Each member's hours in the entries (a school year's, or a term's), and
 * within `term` when there is one, by school then name: /学时 全部 lists
 * them, the console's 统计 counts them into ranges.
 */
export function hoursPerMember(entries: readonly LedgerEntry[], term: { startDate: LocalDate; endDate: LocalDate } | null): PersonHours[] {
  const people = new Map<number, PersonHours>()
  for (const e of entries) {
    const p = people.get(e.memberId) ?? { memberId: e.memberId, name: e.name, school: e.school, term: 0, year: 0 }
    const earned = e.earned ?? 0
    p.year += earned
    if (term && term.startDate <= e.date && e.date <= term.endDate) p.term += earned
    people.set(e.memberId, p)
  }
  return [...people.values()].sort((a, b) => a.school.localeCompare(b.school, 'zh') || a.name.localeCompare(b.name, 'zh'))
}

/** One person earns one session's hours at a time: of two sessions attended at once, the later-begun earns none (hours-rules overlapping). */
function voidOverlaps(spans: Map<LedgerEntry, { from: number; to: number; minutes: number; activityId: number }>, rules: HoursRules): void {
  const byMember = new Map<number, LedgerEntry[]>()
  for (const entry of spans.keys()) push(byMember, entry.memberId, entry)
  for (const list of byMember.values()) {
    if (list.length < 2) continue
    for (const [i, activityId] of overlapping(list.map((e) => spans.get(e)!), rules.missShare)) {
      const entry = list[i]!
      entry.outcome = { kind: 'none', why: { key: 'overlap', activityId } }
      entry.earned = 0
    }
  }
}

/** One member at one session: attended (judged by the rules), else on approved 请假, else absent. */
function entryOf(o: Session, time: string | null, member: Member, reading: Reading, rules: HoursRules): LedgerEntry {
  const a = o.activity
  const att = reading.attendanceAt.get(key(o.id, member.id))
  const hours = sessionHours(a, o)
  const outcome: Outcome =
    att?.status === 'present' ? judgeAttendance(o, att, hours, rules)
    : reading.leaveAt.has(key(o.id, member.id)) ? { kind: 'none', why: { key: 'leave' } }
    : { kind: 'none', why: reading.undecidedAt.has(key(o.id, member.id)) ? { key: 'absent', undecided: true } : { key: 'absent' } }
  const role = roleOf(att?.role, member, a, reading.holders)
  const factor = factorOf(role, rules)
  return {
    memberId: member.id, name: listName(member), school: member.school ?? '', subject: member.subject ?? '',
    activityId: a.id, title: a.title, occurrenceId: o.id, date: o.date, time,
    level: levelOf(a.level), role, factor, sessionHours: hours, outcome, earned: earnedHours(outcome, factor),
    // An approved 请假 outweighs a 缺席 marked over it: the row marked is not what the entry says.
    checkInAt: att?.checkInAt ?? null, checkOutAt: att?.checkOutAt ?? null, marked: att?.via === 'marked' && !(outcome.kind === 'none' && outcome.why.key === 'leave'),
  }
}

/**
 * The names that exactly one member of the district goes by (display name,
 * profile name or an account's name, as findMemberByName reads them) and
 * that member holds a role an admin granted: a name anyone may take with
 * /我是 earns no multiple by itself (a presenter from outside the district,
 * not yet a member, would be anyone's to claim). Others are named with
 * /到场 12 @王佩红 主讲.
 */
async function nameHolders(tx: Tx, districtId: number, names: string[]): Promise<Map<string, number>> {
  const unique = [...new Set(names)]
  const holders = new Map<string, Set<number>>()
  for (let i = 0; i < unique.length; i += CHUNK) {
    const chunk = unique.slice(i, i + CHUNK)
    const rows = await tx.membership.findMany({
      where: { districtId, member: { OR: [{ displayName: { in: chunk } }, { realName: { in: chunk } }, { accounts: { some: { displayName: { in: chunk } } } }] } },
      select: { member: { select: { id: true, displayName: true, realName: true, accounts: { select: { displayName: true } }, roles: { where: { districtId }, select: { role: true } } } } },
    })
    for (const { member } of rows) {
      const granted = member.roles.length > 0
      for (const name of new Set([member.displayName, member.realName, ...member.accounts.map((a) => a.displayName)])) {
        // Unroled members count toward a name's holders (two such make it nobody's) but never hold it.
        if (name && chunk.includes(name)) holders.set(name, (holders.get(name) ?? new Set()).add(granted ? member.id : -member.id))
      }
    }
  }
  return new Map([...holders].flatMap(([name, ids]) => (ids.size === 1 && [...ids][0]! > 0 ? [[name, [...ids][0]!] as const] : [])))
}

async function membersById(tx: Tx, ids: number[]): Promise<Map<number, Member>> {
  const unique = [...new Set(ids)]
  const out = new Map<number, Member>()
  for (let i = 0; i < unique.length; i += CHUNK) {
    for (const m of await tx.member.findMany({ where: { id: { in: unique.slice(i, i + CHUNK) } } })) out.set(m.id, m)
  }
  return out
}
