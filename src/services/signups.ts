import { readInChunks } from '../db/chunks.ts'
import type { Tx } from '../db/client.ts'
import { lockActivity } from '../db/lock.ts'
import { dateOrNull, type Stored } from '../db/rows.ts'
import type { Activity, Member, Signup } from '../generated/prisma/client.ts'

export type SignupWithMember = Signup & { member: Member }

/*
 * Signup.status: 'confirmed' | 'waiting' | 'cancelled' | 'leave'. 'leave' is
 * an approved 请假 for a single-session activity (leaves.ts): counted neither
 * as confirmed nor as waiting, listed apart in rosters; signing up again (or
 * /销假) puts the member back in line as a new sign-up, like after a cancel.
 */

export type SignupOutcome =
  | { kind: 'confirmed' | 'waiting'; signup: Signup; position: number }
  | { kind: 'already'; signup: Signup; position: number }

export interface Place {
  status: 'confirmed' | 'waiting'
  position: number
}

/**
 * Signs a member up. The first `capacity` are confirmed, the rest wait in
 * arrival order. Signing up again changes nothing; after a cancel, a new
 * sign-up goes to the end of the line. The activity is held (lockActivity)
 * from the read of its places and last seq to the write, so seq is the
 * arrival order and no place is given twice, whatever runs beside it; its
 * capacity is read under that hold, not taken from the caller.
 */
export async function signUp(
  tx: Tx,
  activity: Pick<Activity, 'id' | 'capacity'>,
  memberId: number,
  origin: { groupId: number | null; byId: number | null; now: Date },
): Promise<SignupOutcome> {
  await lockActivity(tx, activity.id)
  // The member's row, the capacity, the last seq and both counts in one read: a burst of sign-ups is this command many times over.
  const [line] = await tx.$queryRaw<LineRow[]>`
    SELECT s.*,
           (SELECT "capacity" FROM "Activity" WHERE "id" = a."id") AS "capacity",
           (SELECT max("seq") FROM "Signup" WHERE "activityId" = a."id") AS "lastSeq",
           (SELECT count(*) FROM "Signup" WHERE "activityId" = a."id" AND "status" = 'confirmed') AS "confirmed",
           (SELECT count(*) FROM "Signup" WHERE "activityId" = a."id" AND "status" = 'waiting') AS "waiting"
    FROM (SELECT CAST(${activity.id} AS INTEGER) AS "id") a LEFT JOIN "Signup" s ON s."activityId" = a."id" AND s."memberId" = ${memberId}`
  const existing = signupOf(line!)
  if (existing && existing.status !== 'cancelled' && existing.status !== 'leave') {
    return { kind: 'already', signup: existing, position: await positionOf(tx, existing) }
  }
  const [confirmed, waiting] = [Number(line!.confirmed), Number(line!.waiting)]
  const seq = Number(line!.lastSeq ?? 0) + 1
  const capacity = line!.capacity === null ? null : Number(line!.capacity)
  // Nobody jumps the waiting line: a place is free only when no one waits.
  const status = capacity === null || (waiting === 0 && confirmed < capacity) ? 'confirmed' : 'waiting'
  const data = { status, seq, groupId: origin.groupId, byId: origin.byId, signedUpAt: origin.now, cancelledAt: null }
  // Signing up again while on leave (请假) takes the leave back (as /销假 does): the place was given on.
  if (existing?.status === 'leave') {
    await tx.leave.updateMany({ where: { activityId: activity.id, memberId, status: { in: ['approved', 'pending'] } }, data: { status: 'withdrawn' } })
  }
  const signup = existing
    ? await tx.signup.update({ where: { id: existing.id }, data })
    : await insertSignup(tx, { activityId: activity.id, memberId, ...data })
  return { kind: status, signup, position: status === 'confirmed' ? confirmed + 1 : waiting + 1 }
}

/** The member's sign-up row (all null when there is none), the last seq and both counts. */
type LineRow = { [K in keyof Stored<Signup>]: Stored<Signup>[K] | null } & {
  capacity: number | bigint | null
  lastSeq: number | bigint | null
  confirmed: number | bigint
  waiting: number | bigint
}

function signupOf(row: LineRow): Signup | null {
  if (row.id === null) return null
  return {
    id: row.id, activityId: row.activityId!, memberId: row.memberId!, status: row.status!, seq: row.seq!,
    groupId: row.groupId, byId: row.byId, signedUpAt: new Date(row.signedUpAt!), cancelledAt: dateOrNull(row.cancelledAt),
  }
}

/** A new sign-up row (one statement; the adapter writes the dates as Prisma does). */
async function insertSignup(tx: Tx, row: Omit<Signup, 'id'>): Promise<Signup> {
  const [{ id }] = (await tx.$queryRaw<{ id: number }[]>`
    INSERT INTO "Signup" ("activityId", "memberId", "status", "seq", "groupId", "byId", "signedUpAt", "cancelledAt")
    VALUES (${row.activityId}, ${row.memberId}, ${row.status}, ${row.seq}, ${row.groupId}, ${row.byId}, ${row.signedUpAt}, ${row.cancelledAt})
    RETURNING "id"`) as [{ id: number }]
  return { id: Number(id), ...row }
}

/** Withdraws a sign-up; a freed place goes to the first who waits. Null when there was none. */
export async function withdraw(
  tx: Tx,
  activity: Pick<Activity, 'id'>,
  memberId: number,
  now: Date,
): Promise<{ was: 'confirmed' | 'waiting'; promoted: SignupWithMember[] } | null> {
  await lockActivity(tx, activity.id)
  const existing = await tx.signup.findUnique({ where: { activityId_memberId: { activityId: activity.id, memberId } } })
  if (!existing || existing.status === 'cancelled') return null
  await tx.signup.update({ where: { id: existing.id }, data: { status: 'cancelled', cancelledAt: now } })
  // Leaves for sessions still ahead go with the sign-up; those of past sessions stay for the record.
  await tx.leave.updateMany({ where: { activityId: activity.id, memberId, status: { in: ['approved', 'pending'] }, occurrence: { startAt: { gt: now } } }, data: { status: 'withdrawn' } })
  const promoted = existing.status === 'confirmed' ? await promoteWaiting(tx, activity) : []
  return { was: existing.status as 'confirmed' | 'waiting', promoted }
}

/** Fills free places from the waiting list, first come first served, under the activity's hold and its capacity as it is now; returns those promoted. */
export async function promoteWaiting(tx: Tx, activity: Pick<Activity, 'id'>): Promise<SignupWithMember[]> {
  await lockActivity(tx, activity.id)
  const { capacity } = await tx.activity.findUniqueOrThrow({ where: { id: activity.id }, select: { capacity: true } })
  const confirmed = await tx.signup.count({ where: { activityId: activity.id, status: 'confirmed' } })
  const free = capacity === null ? Infinity : capacity - confirmed
  if (free <= 0) return []
  const next = await tx.signup.findMany({
    where: { activityId: activity.id, status: 'waiting' },
    orderBy: [{ seq: 'asc' }, { id: 'asc' }],
    include: { member: true },
    ...(Number.isFinite(free) ? { take: free } : {}),
  })
  if (next.length === 0) return []
  // The same rows, picked again in the database: a list of their ids would grow past what one statement binds.
  await tx.$executeRaw`
    UPDATE "Signup" SET "status" = 'confirmed'
    WHERE "id" IN (SELECT "id" FROM "Signup" WHERE "activityId" = ${activity.id} AND "status" = 'waiting' ORDER BY "seq", "id" LIMIT ${next.length})`
  return next.map((s) => ({ ...s, status: 'confirmed' }))
}

/** 1-based place among the confirmed, or in the waiting line. */
export async function positionOf(tx: Tx, signup: Pick<Signup, 'activityId' | 'status' | 'seq'>): Promise<number> {
  return tx.signup.count({ where: { activityId: signup.activityId, status: signup.status, seq: { lte: signup.seq } } })
}

export async function placeOf(tx: Tx, activityId: number, memberId: number): Promise<Place | null> {
  const signup = await tx.signup.findUnique({ where: { activityId_memberId: { activityId, memberId } } })
  if (!signup || signup.status === 'cancelled' || signup.status === 'leave') return null
  return { status: signup.status as Place['status'], position: await positionOf(tx, signup) }
}

export async function roster(tx: Tx, activityId: number): Promise<{ confirmed: SignupWithMember[]; waiting: SignupWithMember[] }> {
  const rows = await tx.signup.findMany({
    where: { activityId, status: { in: ['confirmed', 'waiting'] } },
    orderBy: { seq: 'asc' },
    include: { member: true },
  })
  return { confirmed: rows.filter((r) => r.status === 'confirmed'), waiting: rows.filter((r) => r.status === 'waiting') }
}

export async function signupCounts(tx: Tx, activityIds: number[]): Promise<Map<number, { confirmed: number; waiting: number }>> {
  const rows = await readInChunks(activityIds, (ids) =>
    tx.signup.groupBy({
      by: ['activityId', 'status'],
      where: { activityId: { in: ids }, status: { in: ['confirmed', 'waiting'] } },
      _count: { _all: true },
    }),
  )
  const counts = new Map(activityIds.map((id) => [id, { confirmed: 0, waiting: 0 }]))
  for (const row of rows) {
    const entry = counts.get(row.activityId)!
    if (row.status === 'confirmed') entry.confirmed = row._count._all
    else entry.waiting = row._count._all
  }
  return counts
}
