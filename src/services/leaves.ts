/**
 * 请假: a member signed up for an activity asks leave for one session (an
 * Occurrence). Without approval it is approved at once; with
 * Activity.leaveApproval it waits for the organizer's /准假 or /不准假.
 *
 * An approved leave for a single-session activity turns the sign-up's status
 * to 'leave' (see signups.ts) and a confirmed place goes to the first who
 * waits. For one session of a series the sign-up stays as it is (the member
 * comes to the other sessions) and nobody is promoted: a waiting member
 * signed up for the whole series, not for one day of it.
 */
import { isPlatform, type ChatRef } from '../core/message.ts'
import { readInChunks } from '../db/chunks.ts'
import type { Tx } from '../db/client.ts'
import { lockActivity } from '../db/lock.ts'
import type { Leave, Member } from '../generated/prisma/client.ts'
import { promoteWaiting, signUp, type SignupWithMember } from './signups.ts'

export type LeaveWithMember = Leave & { member: Member }

export interface LeaveTarget {
  activityId: number
  occurrenceId: number
  /** The activity has one session: the sign-up itself goes on leave. */
  single: boolean
  /** The session is still ahead: a freed place is worth giving to someone waiting. */
  ahead: boolean
}

export type AskOutcome =
  | { kind: 'notSignedUp' }
  | { kind: 'asked'; leave: Leave; again: boolean; promoted: SignupWithMember[] }

/** The member's leave for one session, asked (or asked again: the reason updated). */
export async function askLeave(
  tx: Tx,
  target: LeaveTarget,
  memberId: number,
  ask: { reason: string; groupId: number | null; approval: boolean; now: Date },
): Promise<AskOutcome> {
  await lockActivity(tx, target.activityId)
  const signup = await tx.signup.findUnique({ where: { activityId_memberId: { activityId: target.activityId, memberId } } })
  if (!signup || signup.status === 'cancelled') return { kind: 'notSignedUp' }
  const existing = await tx.leave.findUnique({ where: { occurrenceId_memberId: { occurrenceId: target.occurrenceId, memberId } } })
  if (existing && (existing.status === 'approved' || existing.status === 'pending')) {
    const leave = await tx.leave.update({ where: { id: existing.id }, data: { reason: ask.reason, groupId: ask.groupId } })
    return { kind: 'asked', leave, again: true, promoted: [] }
  }
  const status = ask.approval ? 'pending' : 'approved'
  const data = { reason: ask.reason, status, groupId: ask.groupId, askedAt: ask.now, refusal: null, decidedAt: null, decidedById: null }
  const leave = existing
    ? await tx.leave.update({ where: { id: existing.id }, data })
    : await tx.leave.create({ data: { activityId: target.activityId, occurrenceId: target.occurrenceId, memberId, ...data } })
  const promoted = status === 'approved' ? await takeLeave(tx, target, memberId) : []
  return { kind: 'asked', leave, again: false, promoted }
}

/** An approved leave of a single session's sign-up: the sign-up goes on leave and a confirmed place is given on. */
async function takeLeave(tx: Tx, target: LeaveTarget, memberId: number): Promise<SignupWithMember[]> {
  if (!target.single) return []
  const signup = await tx.signup.findUnique({ where: { activityId_memberId: { activityId: target.activityId, memberId } } })
  if (!signup || signup.status === 'leave' || signup.status === 'cancelled') return []
  await tx.signup.update({ where: { id: signup.id }, data: { status: 'leave' } })
  return signup.status === 'confirmed' && target.ahead ? promoteWaiting(tx, { id: target.activityId }) : []
}

/** The leaves still waiting for a decision on an activity, with who asked. */
export async function pendingLeaves(tx: Tx, activityId: number): Promise<LeaveWithMember[]> {
  return withMembers(tx, await tx.leave.findMany({ where: { activityId, status: 'pending' }, orderBy: { askedAt: 'asc' } }))
}

/** Leaves with who asked (Leave has no relation to Member: one read of the members). */
async function withMembers<L extends Leave>(tx: Tx, leaves: L[]): Promise<(L & { member: Member })[]> {
  const members = await readInChunks([...new Set(leaves.map((l) => l.memberId))], (ids) => tx.member.findMany({ where: { id: { in: ids } } }))
  const byId = new Map(members.map((m) => [m.id, m]))
  return leaves.map((l) => ({ ...l, member: byId.get(l.memberId)! }))
}

/** /准假 or /不准假: the pending leave decided; an approval takes effect as an immediate leave would. */
export async function decideLeave(
  tx: Tx,
  leaveId: number,
  target: LeaveTarget,
  decision: { approve: boolean; refusal: string | null; byId: number; now: Date },
): Promise<{ leave: Leave; promoted: SignupWithMember[] }> {
  await lockActivity(tx, target.activityId)
  const leave = await tx.leave.update({
    where: { id: leaveId },
    data: { status: decision.approve ? 'approved' : 'refused', refusal: decision.refusal, decidedAt: decision.now, decidedById: decision.byId },
  })
  const promoted = decision.approve ? await takeLeave(tx, target, leave.memberId) : []
  return { leave, promoted }
}

/** The member's open leaves (approved or pending) on an activity's sessions from `after` on, earliest first. */
export function openLeaves(tx: Tx, activityId: number, memberId: number, after: Date): Promise<Leave[]> {
  return tx.leave.findMany({
    where: { activityId, memberId, status: { in: ['approved', 'pending'] }, occurrence: { startAt: { gt: after } } },
    orderBy: { occurrence: { startAt: 'asc' } },
  })
}

/**
 * /销假: the leave withdrawn. A single session's sign-up comes back as a new
 * sign-up would (signUp): confirmed while a place is free and nobody waits,
 * else at the end of the waiting list, since the place was given on.
 */
export async function withdrawLeave(
  tx: Tx,
  leave: Leave,
  target: LeaveTarget,
  now: Date,
): Promise<{ back: 'confirmed' | 'waiting' | null; position: number }> {
  await lockActivity(tx, target.activityId)
  await tx.leave.update({ where: { id: leave.id }, data: { status: 'withdrawn' } })
  const signup = await tx.signup.findUnique({ where: { activityId_memberId: { activityId: target.activityId, memberId: leave.memberId } } })
  if (!target.single || signup?.status !== 'leave') return { back: null, position: 0 }
  const outcome = await signUp(tx, { id: target.activityId, capacity: null }, leave.memberId, { groupId: signup.groupId, byId: signup.byId, now })
  return { back: outcome.signup.status as 'confirmed' | 'waiting', position: outcome.position }
}

/** The leaves (approved and pending) of some sessions, with who asked: for rosters and digests. */
export async function sessionLeaves(tx: Tx, occurrenceIds: readonly number[]): Promise<LeaveWithMember[]> {
  const leaves = await tx.leave.findMany({ where: { occurrenceId: { in: [...occurrenceIds] }, status: { in: ['approved', 'pending'] } }, orderBy: { askedAt: 'asc' } })
  return withMembers(tx, leaves)
}

/**
 * Every approved leave of some activities, with who asked and the session's
 * day: for the archive's 签到 and 统计 sheets and the 教研活动记录表 (请假, not
 * absent). Pending and refused ones are not leave.
 */
export async function leavesFor(tx: Tx, activityIds: readonly number[]): Promise<(LeaveWithMember & { occurrence: { date: string; startAt: Date } })[]> {
  const leaves = await readInChunks([...activityIds], (ids) => tx.leave.findMany({
    where: { activityId: { in: ids }, status: 'approved' },
    include: { occurrence: { select: { date: true, startAt: true } } },
    orderBy: [{ activityId: 'asc' }, { occurrenceId: 'asc' }, { askedAt: 'asc' }],
  }))
  return withMembers(tx, leaves)
}

/** Approved leaves per session, for counts beside sign-up counts. */
export async function leaveCounts(tx: Tx, occurrenceIds: readonly number[]): Promise<Map<number, number>> {
  const rows = await tx.leave.groupBy({ by: ['occurrenceId'], where: { occurrenceId: { in: [...occurrenceIds] }, status: 'approved' }, _count: { _all: true } })
  return new Map(rows.map((r) => [r.occurrenceId, r._count._all]))
}

/** Where a leave was asked, to tell the teacher there: a group of the district, or a direct chat with the bot. */
export async function askedChat(tx: Tx, groupId: number | null, districtId: number): Promise<{ chat: ChatRef; direct: boolean } | null> {
  const group = groupId === null ? null : await tx.group.findUnique({ where: { id: groupId } })
  if (!group || !isPlatform(group.platform) || (!group.direct && group.districtId !== districtId)) return null
  return { chat: { platform: group.platform, chatId: group.chatId }, direct: group.direct }
}
