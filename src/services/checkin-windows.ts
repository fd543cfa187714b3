/**
 * Which session of an activity a 签到 is for, and why none is: read from its
 * sessions and the 签到 window (session-times.ts). Pure.
 */
import type { Activity, Occurrence } from '../generated/prisma/client.ts'
import { checkinWindow, isWithinWindow } from './session-times.ts'

export type SessionState =
  | { kind: 'open'; session: Occurrence }
  /** Its window holds now, but this session (or the whole activity) is cancelled or skipped. */
  | { kind: 'notHeld'; session: Occurrence | null; reason: string | null }
  | { kind: 'notYet'; session: Occurrence; opensAt: Date }
  | { kind: 'closed'; session: Occurrence; closesAt: Date }
  /** No dated session at all (日期待定). */
  | { kind: 'none' }

type WindowFields = Pick<Activity, 'checkinBefore' | 'checkinAfter' | 'status' | 'cancelReason'>

export const isHeld = (o: Pick<Occurrence, 'skipReason' | 'cancelled'>): boolean => !o.skipReason && !o.cancelled

/**
 * The session whose window holds `now` (a series: that day's); else the next
 * one to open; else the last one closed. A cancelled activity, or a session
 * not held today, is said so.
 */
export function sessionForCheckin(activity: WindowFields, sessions: readonly Occurrence[], now: Date): SessionState {
  if (activity.status === 'cancelled') return { kind: 'notHeld', session: null, reason: activity.cancelReason }
  const open = sessions.filter((o) => isWithinWindow(checkinWindow(activity, o), now))
  const held = open.find(isHeld)
  if (held) return { kind: 'open', session: held }
  if (open[0]) return { kind: 'notHeld', session: open[0], reason: open[0].skipReason }
  const next = sessions.filter(isHeld).map((o) => ({ o, w: checkinWindow(activity, o) })).find(({ w }) => w.opensAt > now)
  if (next) return { kind: 'notYet', session: next.o, opensAt: next.w.opensAt }
  const last = sessions.filter(isHeld).at(-1)
  return last ? { kind: 'closed', session: last, closesAt: checkinWindow(activity, last).closesAt } : { kind: 'none' }
}

/**
 * The session a correction is for: the one of the named day; else the one
 * whose window holds now; else the latest begun. Null when none fits.
 */
export function sessionToMark(activity: WindowFields, sessions: readonly Occurrence[], now: Date, date?: string): Occurrence | null {
  if (date) return sessions.find((o) => o.date === date) ?? null
  const open = sessions.find((o) => isHeld(o) && isWithinWindow(checkinWindow(activity, o), now))
  return open ?? sessions.filter((o) => isHeld(o) && o.startAt <= now).at(-1) ?? null
}

/** Whether an instant lies in the session's window (a correction's time must). */
export function inSessionWindow(activity: WindowFields, session: Occurrence, at: Date): boolean {
  return isWithinWindow(checkinWindow(activity, session), at)
}
