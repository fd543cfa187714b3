/**
 * 签到 and 签退: who came to one session (an Occurrence), by themselves or
 * marked by an organizer or admin. Every write also leaves an
 * AttendanceChange naming who made it. The times and the window come from
 * session-times.ts, which 学时 reads too.
 */
import type { Tx } from '../db/client.ts'
import type { Activity, Attendance, Member, Occurrence } from '../generated/prisma/client.ts'
import { checkinWindow, isWithinWindow } from './session-times.ts'

export type SessionWithActivity = Occurrence & { activity: Activity }
export type Via = 'self' | 'code' | 'marked'

const DAY = 86_400_000

/**
 * The district's sessions whose 签到 window holds `now`, the earliest first,
 * including cancelled and skipped ones (the caller says why they are not
 * open). Of live and cancelled activities alike: a cancelled activity is
 * refused with its reason.
 */
export async function sessionsOpenAt(tx: Tx, districtId: number, now: Date, activityId?: number): Promise<SessionWithActivity[]> {
  const soon = new Date(now.getTime() + DAY)
  const rows = await tx.occurrence.findMany({
    where: {
      districtId,
      ...(activityId !== undefined ? { activityId } : {}),
      startAt: { lte: soon },
      OR: [{ startAt: { gte: new Date(now.getTime() - 2 * DAY) } }, { endAt: { gte: new Date(now.getTime() - DAY) } }],
    },
    include: { activity: true },
    orderBy: [{ startAt: 'asc' }, { id: 'asc' }],
  })
  return rows.filter((o) => isWithinWindow(checkinWindow(o.activity, o), now))
}

/** A place given up for 请假 ('leave') is still a sign-up, as 学时 reads it (hours.ts). */
const SIGNED_UP = ['confirmed', 'leave']

/** Of these sessions, the activities the member has a confirmed place in (or gave it up for 请假). */
export async function signedUpAmong(tx: Tx, memberId: number, activityIds: readonly number[]): Promise<Set<number>> {
  if (activityIds.length === 0) return new Set()
  const rows = await tx.signup.findMany({ where: { memberId, activityId: { in: [...activityIds] }, status: { in: SIGNED_UP } }, select: { activityId: true } })
  return new Set(rows.map((r) => r.activityId))
}

/**
 * How a member who comes to the session stood before: on 请假 for it
 * (approved or still asked: coming sets it aside, as 学时 and the summary
 * count them present only), signed up, or neither (a walk-in).
 */
export async function standingAt(tx: Tx, session: Pick<Occurrence, 'id' | 'activityId'>, memberId: number): Promise<'onLeave' | 'signedUp' | 'walkIn'> {
  const leave = await tx.leave.findFirst({ where: { occurrenceId: session.id, memberId, status: { in: ['approved', 'pending'] } }, select: { id: true } })
  if (leave) return 'onLeave'
  return (await signedUpAmong(tx, memberId, [session.activityId])).has(session.activityId) ? 'signedUp' : 'walkIn'
}

export async function attendanceOf(tx: Tx, occurrenceId: number, memberId: number): Promise<Attendance | null> {
  return tx.attendance.findUnique({ where: { occurrenceId_memberId: { occurrenceId, memberId } } })
}

interface Who {
  session: Pick<Occurrence, 'id' | 'activityId'>
  memberId: number
  /** Who made the change: the member themselves for a self check-in. */
  byId: number
  now: Date
}

/** A check-out must come after the check-in: a write that would put it at or before refuses, and says both times. */
export interface Misordered {
  misordered: { checkInAt: Date; checkOutAt: Date }
}

export type Checked = { done: boolean; attendance: Attendance }

/** Whether a check-in at `checkInAt` and a check-out at `checkOutAt` are out of order (either missing: never). */
function outOfOrder(checkInAt: Date | null | undefined, checkOutAt: Date | null | undefined): Misordered | null {
  if (!checkInAt || !checkOutAt || checkOutAt.getTime() > checkInAt.getTime()) return null
  return { misordered: { checkInAt, checkOutAt } }
}

/**
 * Checks the member in at `at`. A self check-in (via self or code) that
 * finds one already made changes nothing and says when it was; a marked one
 * sets the time given. A check-in at or after the check-out already recorded
 * changes nothing (Misordered).
 */
export async function checkIn(tx: Tx, who: Who & { at: Date; via: Via }): Promise<Checked | Misordered> {
  const found = await attendanceOf(tx, who.session.id, who.memberId)
  if (found?.checkInAt && found.status === 'present' && who.via !== 'marked') return { done: false, attendance: found }
  const refused = outOfOrder(who.at, found?.status === 'present' ? found.checkOutAt : null)
  if (refused) return refused
  const attendance = await write(tx, who, { status: 'present', checkInAt: who.at, via: who.via })
  await record(tx, who, 'checkIn', who.at.toISOString())
  return { done: true, attendance }
}

/**
 * Checks the member out at `at`. A self check-out needs a check-in first
 * (null without one); a second one changes nothing. A check-out at or before
 * the check-in changes nothing (Misordered).
 */
export async function checkOut(tx: Tx, who: Who & { at: Date; self: boolean }): Promise<Checked | Misordered | null> {
  const found = await attendanceOf(tx, who.session.id, who.memberId)
  if (who.self && (!found || found.status !== 'present' || !found.checkInAt)) return null
  if (who.self && found?.checkOutAt) return { done: false, attendance: found }
  const refused = outOfOrder(found?.status === 'present' ? found.checkInAt : null, who.at)
  if (refused) return refused
  const attendance = await write(tx, who, { status: 'present', checkOutAt: who.at, ...(found ? {} : { via: 'marked' }) })
  await record(tx, who, 'checkOut', who.at.toISOString())
  return { done: true, attendance }
}

/** Marks the member present (to the record: came, times as they are) or absent (times cleared). */
export async function mark(tx: Tx, who: Who & { status: 'present' | 'absent'; role?: 'presenter' | 'host' }): Promise<Attendance> {
  const attendance = who.status === 'present'
    ? await write(tx, who, { status: 'present', ...((await attendanceOf(tx, who.session.id, who.memberId)) ? {} : { via: 'marked' }), ...(who.role ? { role: who.role } : {}) })
    : await write(tx, who, { status: 'absent', checkInAt: null, checkOutAt: null, via: 'marked' })
  await record(tx, who, who.status, null)
  if (who.role) await record(tx, who, 'role', who.role)
  return attendance
}

type Fields = Partial<Pick<Attendance, 'status' | 'checkInAt' | 'checkOutAt' | 'via' | 'role'>>

function write(tx: Tx, who: Who, fields: Fields): Promise<Attendance> {
  const key = { occurrenceId: who.session.id, memberId: who.memberId }
  return tx.attendance.upsert({
    where: { occurrenceId_memberId: key },
    create: { ...key, activityId: who.session.activityId, status: 'present', ...fields, updatedAt: who.now },
    update: { ...fields, updatedAt: who.now },
  })
}

function record(tx: Tx, who: Who, action: string, value: string | null) {
  return tx.attendanceChange.create({ data: { occurrenceId: who.session.id, memberId: who.memberId, byId: who.byId, action, value, at: who.now } })
}

/** One session's people, for the organizer's summary and the record: sign-ups (those on 请假 too), attendance and approved 请假, each with the member. */
export async function sessionPeople(tx: Tx, session: Pick<Occurrence, 'id' | 'activityId'>): Promise<{
  signedUp: Member[]
  attendance: (Attendance & { member: Member })[]
  onLeave: Member[]
}> {
  const signups = await tx.signup.findMany({ where: { activityId: session.activityId, status: { in: SIGNED_UP } }, include: { member: true }, orderBy: { seq: 'asc' } })
  const rows = await tx.attendance.findMany({ where: { occurrenceId: session.id }, orderBy: [{ checkInAt: 'asc' }, { id: 'asc' }] })
  const leaves = await tx.leave.findMany({ where: { occurrenceId: session.id, status: 'approved' }, orderBy: { id: 'asc' } })
  const ids = [...new Set([...rows.map((r) => r.memberId), ...leaves.map((l) => l.memberId)])]
  const members = new Map((await tx.member.findMany({ where: { id: { in: ids } } })).map((m) => [m.id, m]))
  return {
    signedUp: signups.map((s) => s.member),
    attendance: rows.flatMap((r) => (members.has(r.memberId) ? [{ ...r, member: members.get(r.memberId)! }] : [])),
    // One who asked 请假 and came after all counts as present only.
    onLeave: leaves.flatMap((l) => (members.has(l.memberId) && !rows.some((r) => r.memberId === l.memberId && r.status === 'present') ? [members.get(l.memberId)!] : [])),
  }
}

/** The changes made to one member's attendance at a session, the oldest first (for the record and tests). */
export function changesOf(tx: Tx, occurrenceId: number, memberId: number) {
  return tx.attendanceChange.findMany({ where: { occurrenceId, memberId }, orderBy: { id: 'asc' } })
}
