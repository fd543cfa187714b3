import type { Tx } from '../db/client.ts'
import type { Occurrence } from '../generated/prisma/client.ts'
import { localParts, toInstant, type LocalDate } from '../calendar/dates.ts'

/**
 * One session of an activity, changed alone: cancelled, restored or moved.
 * A cancelled session keeps its row (skipReason says why, so every reader of
 * live sessions leaves it out); the activity's sign-ups are never touched.
 */
export async function cancelSession(tx: Tx, occurrenceId: number, mark: string): Promise<void> {
  await tx.occurrence.update({ where: { id: occurrenceId }, data: { cancelled: true, skipReason: mark } })
}

export async function restoreSession(tx: Tx, occurrenceId: number): Promise<void> {
  await tx.occurrence.update({ where: { id: occurrenceId }, data: { cancelled: false, skipReason: null } })
}

/** Where a session goes: a day, and its clock times (none: the session's own). */
export interface SessionTarget {
  date: LocalDate
  start?: string
  end?: string
}

/**
 * Moves one session to another day. The row is replaced, not updated: the
 * reminders already sent for the old day are keyed by the old row, and the new
 * day's go out at their own times. A holiday-paused session moved is held.
 */
export async function moveSession(tx: Tx, session: Occurrence, target: SessionTarget, tz: string): Promise<Occurrence> {
  const own = { start: localParts(session.startAt, tz).time, end: session.endAt ? localParts(session.endAt, tz).time : undefined }
  const timed = target.start !== undefined || session.timed
  const start = target.start ?? (session.timed ? own.start : '00:00')
  const end = target.start !== undefined ? target.end : session.timed ? own.end : undefined
  await tx.occurrence.delete({ where: { id: session.id } })
  return tx.occurrence.create({
    data: {
      activityId: session.activityId,
      districtId: session.districtId,
      date: target.date,
      startAt: toInstant(target.date, start, tz),
      endAt: end ? toInstant(target.date, end, tz) : null,
      timed,
      movedFrom: session.movedFrom ?? session.date,
    },
  })
}
