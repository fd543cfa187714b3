import type { Tx } from '../db/client.ts'
import { dateOrNull, type Stored } from '../db/rows.ts'
import type { Activity, District, Occurrence, Prisma } from '../generated/prisma/client.ts'
import { toInstant, type LocalDate } from '../calendar/dates.ts'
import type { Plan } from '../calendar/resolve-when.ts'
import type { When } from '../calendar/when.ts'
import { DAY_END } from './describe.ts'
import { promoteWaiting, type SignupWithMember } from './signups.ts'

export interface ActivityDetails {
  title: string
  subject?: string
  place?: string
  capacity?: number
  host?: string
  presenter?: string
}

export interface Schedule {
  whenText: string
  when: When
  plan: Plan
}

/** Titles of activities nobody signs up for (领导例会, 教学视导, 表彰): announced, not joined. */
const NOTICE_TITLE = /例会|视导|表彰/

export const isNoticeTitle = (title: string): boolean => NOTICE_TITLE.test(title)

export type ActivityWithOccurrences = Activity & { occurrences: Occurrence[]; organizer: { displayName: string } }

export async function createActivity(
  tx: Tx,
  district: District,
  origin: { groupId: number | null; organizerId: number },
  details: ActivityDetails,
  schedule: Schedule,
  today: LocalDate,
  /** Further columns set at creation: sign-up rules, the import key. */
  extra: Omit<Prisma.ActivityUncheckedCreateInput, 'districtId' | 'organizerId' | 'title' | 'whenText' | 'whenJson'> = {},
): Promise<{ activity: Activity; occurrences: Occurrence[] }> {
  const activity = await tx.activity.create({
    data: { ...extra, districtId: district.id, ...origin, ...details, ...scheduleColumns(schedule) },
  })
  return { activity, occurrences: await replaceOccurrences(tx, activity, schedule.plan, district.timezone, today) }
}

/** Returns the occurrences from today on, as now stored. */
export async function rescheduleActivity(tx: Tx, activity: Activity, district: District, schedule: Schedule, today: LocalDate): Promise<Occurrence[]> {
  await tx.activity.update({ where: { id: activity.id }, data: scheduleColumns(schedule) })
  return replaceOccurrences(tx, activity, schedule.plan, district.timezone, today)
}

/** Sign-ups are kept as they are: /恢复 brings the activity back with them. */
export async function cancelActivity(tx: Tx, activityId: number, reason: string | undefined): Promise<void> {
  await tx.activity.update({ where: { id: activityId }, data: { status: 'cancelled', cancelReason: reason ?? null } })
}

export async function restoreActivity(tx: Tx, activityId: number): Promise<void> {
  await tx.activity.update({ where: { id: activityId }, data: { status: 'scheduled', cancelReason: null } })
}

/** The time as written, when a one-off's only session was moved alone: its occurrence is already on the new day. */
export async function setWhenText(tx: Tx, activityId: number, whenText: string, when: When): Promise<void> {
  await tx.activity.update({ where: { id: activityId }, data: { whenText, whenJson: JSON.stringify(when) } })
}

/** What may be changed on an activity after it is scheduled: its details, sign-up rules, and whether sign-ups are taken. */
export type ActivityChanges = Partial<Pick<
  Activity,
  'title' | 'subject' | 'place' | 'host' | 'presenter' | 'capacity' | 'deadline' | 'minYears' | 'maxYears' | 'subjectRule' | 'schoolRule' | 'menteesOnly' | 'noticeWeeks' | 'workshopId' | 'noSignup'
  | 'checkinBefore' | 'checkinAfter' | 'checkinCode' | 'leaveApproval' | 'hours' | 'level'
>>

/**
 * Changes an activity's details and rules; places a larger capacity frees go
 * to those waiting, first come first served. The UPDATE holds the activity's
 * row for the rest of the transaction, and promoteWaiting takes the hold
 * (lockActivity) again before it reads the capacity and the places.
 */
export async function changeActivity(tx: Tx, activityId: number, changes: ActivityChanges): Promise<{ activity: Activity; promoted: SignupWithMember[] }> {
  const activity = await tx.activity.update({ where: { id: activityId }, data: changes })
  const promoted = await promoteWaiting(tx, activity)
  return { activity, promoted }
}

/** How many are signed up for an activity, confirmed or waiting. */
export function countSignedUp(tx: Tx, activityId: number): Promise<number> {
  return tx.signup.count({ where: { activityId, status: { in: ['confirmed', 'waiting'] } } })
}

function scheduleColumns({ whenText, when, plan }: Schedule) {
  return {
    whenText,
    whenJson: JSON.stringify(when),
    rrule: plan.kind === 'dated' ? (plan.rrule ?? null) : null,
    pendingFrom: plan.kind === 'pending' ? plan.from : null,
    pendingTo: plan.kind === 'pending' ? plan.to : null,
  }
}

/** Past occurrences stay for the archive; from today on, the plan replaces them. */
async function replaceOccurrences(tx: Tx, activity: Activity, plan: Plan, tz: string, today: LocalDate): Promise<Occurrence[]> {
  await tx.occurrence.deleteMany({ where: { activityId: activity.id, date: { gte: today } } })
  if (plan.kind !== 'dated') return []
  return tx.occurrence.createManyAndReturn({ data: occurrenceRows(activity, plan, tz) })
}

/** The rows of a plan's occurrences, as stored. */
function occurrenceRows(activity: Pick<Activity, 'id' | 'districtId'>, plan: Plan, tz: string) {
  if (plan.kind !== 'dated') return []
  return plan.occurrences.map((o) => ({
    activityId: activity.id,
    districtId: activity.districtId,
    date: o.date,
    startAt: toInstant(o.date, o.start ?? '00:00', tz),
    // A multi-day activity is one occurrence ending on its last day (at the end time written, else DAY_END).
    endAt: o.endDate ? toInstant(o.endDate, o.end ?? DAY_END, tz) : o.end ? toInstant(o.date, o.end, tz) : null,
    timed: o.start !== undefined,
    skipReason: o.skip ?? null,
  }))
}

/** One activity to create among many (an imported 行事历): its details, when, and the key it is known by again. */
export interface NewActivity {
  details: ActivityDetails
  schedule: Schedule
  importKey: string
  /** Sign-up rules the 行事历 line sets (教龄1-8, 提前公示…). */
  rules?: Pick<Prisma.ActivityUncheckedCreateInput, 'minYears' | 'maxYears' | 'subjectRule' | 'schoolRule' | 'menteesOnly' | 'noticeWeeks' | 'capacity' | 'deadline'>
}

/**
 * Creates many activities at once, a few statements a chunk instead of a few
 * per activity: a 5 000-line 行事历 saves in about a second, not holding the
 * database (and every other command) for a quarter of a minute. Returns the
 * new ids in the order given.
 */
export async function createActivities(
  tx: Tx,
  district: District,
  origin: { groupId: number | null; organizerId: number },
  list: readonly NewActivity[],
  onProgress?: (created: number) => void,
): Promise<number[]> {
  const ids: number[] = []
  for (let i = 0; i < list.length; i += 200) {
    const chunk = list.slice(i, i + 200)
    const rows = await tx.activity.createManyAndReturn({
      data: chunk.map((a) => ({
        districtId: district.id, ...origin, ...a.rules, ...a.details, ...scheduleColumns(a.schedule), importKey: a.importKey, noSignup: isNoticeTitle(a.details.title),
      })),
      select: { id: true, districtId: true, importKey: true },
    })
    const byKey = new Map(rows.map((r) => [r.importKey!, r]))
    const made = chunk.map((a) => byKey.get(a.importKey)!)
    await tx.occurrence.createMany({ data: chunk.flatMap((a, j) => occurrenceRows(made[j]!, a.schedule.plan, district.timezone)) })
    ids.push(...made.map((r) => r.id))
    onProgress?.(made.length)
  }
  return ids
}

/**
 * An activity of the district with its occurrences (by start) and its
 * organizer's name, in one read: nearly every command on an activity starts
 * here (see Stored for how its rows are typed).
 */
export async function findActivity(tx: Tx, districtId: number, id: number): Promise<ActivityWithOccurrences | null> {
  // The activity's columns on every row, one row per occurrence (one row of nulls when it has none).
  const rows = await tx.$queryRaw<ActivityRow[]>`
    SELECT a.*, (SELECT "displayName" FROM "Member" WHERE "id" = a."organizerId") AS "organizerName",
           o."id" AS "o_id", o."date" AS "o_date", o."startAt" AS "o_startAt", o."endAt" AS "o_endAt", o."timed" AS "o_timed",
           o."skipReason" AS "o_skipReason", o."cancelled" AS "o_cancelled", o."movedFrom" AS "o_movedFrom"
    FROM "Activity" a LEFT JOIN "Occurrence" o ON o."activityId" = a."id"
    WHERE a."id" = ${id} AND a."districtId" = ${districtId}
    ORDER BY o."startAt", o."id"`
  const row = rows[0]
  if (!row) return null
  const occurrences = rows.flatMap((o): Occurrence[] =>
    o.o_id === null
      ? []
      : [{
          id: o.o_id, activityId: row.id, districtId: row.districtId, date: o.o_date!,
          startAt: new Date(o.o_startAt!), endAt: dateOrNull(o.o_endAt), timed: Boolean(o.o_timed), skipReason: o.o_skipReason,
          cancelled: Boolean(o.o_cancelled), movedFrom: o.o_movedFrom,
        }],
  )
  const activity: Activity = {
    id: row.id, districtId: row.districtId, groupId: row.groupId, organizerId: row.organizerId,
    title: row.title, subject: row.subject, place: row.place, capacity: row.capacity, host: row.host,
    whenText: row.whenText, whenJson: row.whenJson, rrule: row.rrule, pendingFrom: row.pendingFrom, pendingTo: row.pendingTo,
    status: row.status, cancelReason: row.cancelReason, deadline: dateOrNull(row.deadline),
    minYears: row.minYears, maxYears: row.maxYears, subjectRule: row.subjectRule, schoolRule: row.schoolRule,
    menteesOnly: Boolean(row.menteesOnly), workshopId: row.workshopId, noticeWeeks: row.noticeWeeks, importKey: row.importKey,
    noSignup: Boolean(row.noSignup), presenter: row.presenter, checkinBefore: row.checkinBefore, checkinAfter: row.checkinAfter,
    checkinCode: Boolean(row.checkinCode), codeSecret: row.codeSecret, leaveApproval: Boolean(row.leaveApproval),
    hours: row.hours === null ? null : Number(row.hours), level: row.level, createdAt: new Date(row.createdAt), updatedAt: new Date(row.updatedAt),
  }
  return { ...activity, occurrences, organizer: { displayName: row.organizerName } }
}

type OccurrenceColumns = Stored<Omit<Occurrence, 'activityId' | 'districtId'>>
/** An activity's row joined with one of its occurrences, whose columns are prefixed o_ (null when it has none). */
type ActivityRow = Stored<Activity> & { organizerName: string } & { [K in keyof OccurrenceColumns as `o_${K}`]: OccurrenceColumns[K] | null }

export type OccurrenceWithActivity = Occurrence & { activity: Activity }

/**
 * Occurrences of the district's live activities on days from..to (inclusive);
 * given the district's timezone, also a multi-day one begun before `from` and
 * still running then.
 */
export function occurrencesBetween(
  tx: Tx, districtId: number, from: LocalDate, to: LocalDate, take?: number, tz?: string,
): Promise<OccurrenceWithActivity[]> {
  const days = { date: { gte: from, lte: to } }
  const running = tz ? [{ date: { lt: from }, endAt: { gte: toInstant(from, '00:00', tz) } }] : []
  return tx.occurrence.findMany({
    where: { districtId, OR: [days, ...running], activity: { status: 'scheduled' } },
    include: { activity: true },
    orderBy: [{ startAt: 'asc' }, { activityId: 'asc' }],
    ...(take ? { take } : {}),
  })
}

/** Live activities whose date is still to be set and whose window meets days from..to, the earliest window first. */
export function pendingBetween(tx: Tx, districtId: number, from: LocalDate, to: LocalDate, take?: number): Promise<Activity[]> {
  return tx.activity.findMany({
    where: pendingWhere(districtId, from, to),
    orderBy: [{ pendingFrom: 'asc' }, { id: 'asc' }],
    ...(take ? { take } : {}),
  })
}

/** How many live activities are still to be dated within days from..to. */
export function countPendingBetween(tx: Tx, districtId: number, from: LocalDate, to: LocalDate): Promise<number> {
  return tx.activity.count({ where: pendingWhere(districtId, from, to) })
}

const pendingWhere = (districtId: number, from: LocalDate, to: LocalDate) =>
  ({ districtId, status: 'scheduled', pendingTo: { gte: from }, pendingFrom: { lte: to } }) as const

/** How many occurrences of live activities fall on days from..to. */
export function countOccurrencesBetween(tx: Tx, districtId: number, from: LocalDate, to: LocalDate): Promise<number> {
  return tx.occurrence.count({ where: { districtId, date: { gte: from, lte: to }, activity: { status: 'scheduled' } } })
}

/** The first held occurrence after a day, for "nothing soon; next is …". */
export function nextOccurrenceAfter(tx: Tx, districtId: number, after: LocalDate): Promise<OccurrenceWithActivity | null> {
  return tx.occurrence.findFirst({
    where: { districtId, date: { gt: after }, skipReason: null, activity: { status: 'scheduled' } },
    include: { activity: true },
    orderBy: [{ startAt: 'asc' }, { activityId: 'asc' }],
  })
}
