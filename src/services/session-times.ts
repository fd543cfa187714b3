/**
 * When one session (an Occurrence) is held, as check-in, the organizer's
 * summary, 学时 and the archive all read it: its end, its 签到 window, and
 * how late a member came and how early they left. Pure.
 */

/** Minutes before the start and after the end that check-in stays open, unless /设置 12 签到 says otherwise. */
export const DEFAULT_CHECKIN_MINUTES = 30
/** A timed session whose end was not given is taken to last this long (a 教研 session: two 课时 and the break). */
export const DEFAULT_SESSION_MINUTES = 90

const MINUTE = 60_000

export interface SessionTimes {
  startAt: Date
  endAt: Date | null
  /** false when only the day is known: startAt is that day's local midnight. */
  timed: boolean
}

/** The session's end: as given, else the start plus DEFAULT_SESSION_MINUTES; a day-only session ends at the next midnight. */
export function sessionEnd(session: SessionTimes): Date {
  if (!session.timed) return new Date(session.startAt.getTime() + 24 * 60 * MINUTE)
  return session.endAt ?? new Date(session.startAt.getTime() + DEFAULT_SESSION_MINUTES * MINUTE)
}

/**
 * The session is over by `now`: it ended (sessionEnd). Until then it is still
 * to come or under way, and every list of what is coming keeps it, whatever
 * the calendar day says (a session that ended at 10:30 is over at 21:50).
 */
export function hasEnded(session: SessionTimes, now: Date): boolean {
  return sessionEnd(session).getTime() <= now.getTime()
}

/**
 * hasEnded as database conditions on Occurrence, for lists of the sessions
 * not yet over and of those over. Kept beside sessionEnd, whose three cases
 * they write out: an end given, a timed session without one, a day-only
 * session. Each is spelled out rather than negated: NOT over a null endAt
 * matches nothing in SQL.
 */
export function notEndedWhere(now: Date) {
  return endWhere(now, 'gt')
}

export function endedWhere(now: Date) {
  return endWhere(now, 'lte')
}

function endWhere(now: Date, op: 'gt' | 'lte') {
  const t = now.getTime()
  return {
    OR: [
      { timed: true, endAt: { [op]: now } },
      { timed: true, endAt: null, startAt: { [op]: new Date(t - DEFAULT_SESSION_MINUTES * MINUTE) } },
      { timed: false, startAt: { [op]: new Date(t - 24 * 60 * MINUTE) } },
    ],
  }
}

/** Length in minutes (a day-only session has none: 0). */
export function sessionMinutes(session: SessionTimes): number {
  if (!session.timed) return 0
  return Math.max(0, Math.round((sessionEnd(session).getTime() - session.startAt.getTime()) / MINUTE))
}

/**
 * When members may check in and out: from `checkinBefore` minutes before the
 * start to `checkinAfter` after the end (30 each by default); a day-only
 * session, the whole day.
 */
export function checkinWindow(
  activity: { checkinBefore: number | null; checkinAfter: number | null },
  session: SessionTimes,
): { opensAt: Date; closesAt: Date } {
  if (!session.timed) return { opensAt: session.startAt, closesAt: sessionEnd(session) }
  const before = activity.checkinBefore ?? DEFAULT_CHECKIN_MINUTES
  const after = activity.checkinAfter ?? DEFAULT_CHECKIN_MINUTES
  return {
    opensAt: new Date(session.startAt.getTime() - before * MINUTE),
    closesAt: new Date(sessionEnd(session).getTime() + after * MINUTE),
  }
}

export function isWithinWindow(window: { opensAt: Date; closesAt: Date }, at: Date): boolean {
  return at.getTime() >= window.opensAt.getTime() && at.getTime() <= window.closesAt.getTime()
}

/** An instant to its minute, as every reply and sheet shows it (14:05:40 is 14:05). */
const toMinute = (at: Date): number => Math.floor(at.getTime() / MINUTE) * MINUTE

/**
 * Whole minutes missed at the start (checked in after the start) and at the
 * end (checked out before the end), counted on the minutes shown (a check-out
 * at 16:00:30 from a session ending 16:30 is 30 minutes early, as 16:00 reads).
 * A missing check-out is not an early leave: nobody is docked for a step they
 * forgot; a day-only session has no clock to be late by.
 */
export function missedMinutes(
  session: SessionTimes,
  attendance: { checkInAt: Date | null; checkOutAt: Date | null },
): { late: number; early: number } {
  if (!session.timed) return { late: 0, early: 0 }
  const end = sessionEnd(session)
  const late = attendance.checkInAt ? Math.max(0, Math.round((toMinute(attendance.checkInAt) - toMinute(session.startAt)) / MINUTE)) : 0
  const early = attendance.checkOutAt ? Math.max(0, Math.round((toMinute(end) - toMinute(attendance.checkOutAt)) / MINUTE)) : 0
  const length = sessionMinutes(session)
  return { late: Math.min(late, length), early: Math.min(early, length) }
}

/**
 * A session not yet begun (a day-only one: its day not yet past): only such a
 * session may be cancelled, moved or restored, or asked leave for.
 */
export function isAhead(session: SessionTimes & { date: string }, today: string, now: Date): boolean {
  return session.timed ? session.startAt > now : session.date >= today
}
