import { addDays, localParts, weekdayOf, type LocalDate } from '../src/calendar/dates.ts'
import { weekdayName, formatDay } from '../src/calendar/format.ts'
import type { CalendarEnv } from '../src/calendar/resolve-when.ts'
import type { Occurrence } from '../src/generated/prisma/client.ts'
import type { ActivityWithOccurrences } from '../src/services/activities.ts'
import { isAhead as sessionAhead } from '../src/services/session-times.ts'

/**
 * The examples a refusal of /改期, /取消 or /恢复 gives: commands that work,
 * built from the activity's own sessions and a day it could move to, never
 * from the words that were refused.
 */

/** "11月16日" (the year when not this year's): a session's day as a command names it. */
export const dayWord = (date: LocalDate, env: CalendarEnv): string => formatDay(date, Number(env.today.slice(0, 4)))

/** A session not yet begun (session-times.ts, which the web console reads too). */
export const isAhead = (o: Occurrence, env: CalendarEnv, now: Date): boolean => sessionAhead(o, env.today, now)

/** The sessions still to come that take place (not paused by a holiday, not cancelled). */
export const heldAhead = (activity: ActivityWithOccurrences, env: CalendarEnv, now: Date): Occurrence[] =>
  activity.occurrences.filter((o) => !o.skipReason && isAhead(o, env, now))

/** The session an example names: the held one on `near` or closest to it (the earlier of two), else the next one. */
export function exampleSession(activity: ActivityWithOccurrences, env: CalendarEnv, now: Date, near?: LocalDate): Occurrence | undefined {
  const ahead = heldAhead(activity, env, now)
  if (!near) return ahead[0]
  const distance = (o: Occurrence) => Math.abs(Date.parse(o.date) - Date.parse(near))
  return [...ahead].sort((a, b) => distance(a) - distance(b))[0]
}

/** The first weekday after `date`, from today on, that is no holiday and holds no session of the activity. */
export function freeDayAfter(activity: ActivityWithOccurrences, date: LocalDate, env: CalendarEnv): LocalDate {
  let day = addDays(date < env.today ? addDays(env.today, -1) : date, 1)
  const taken = new Set(activity.occurrences.filter((o) => !o.skipReason).map((o) => o.date))
  for (let i = 0; i < 60 && (weekdayOf(day) >= 6 || env.closedOn(day) || taken.has(day)); i++) day = addDays(day, 1)
  return day
}

/** "下午" when the session is at the district's afternoon time (and so on); nothing keeps the session's own time. */
function partWord(session: Occurrence | undefined, env: CalendarEnv, tz: string): string {
  if (!session?.timed) return session ? '' : '下午'
  const time = localParts(session.startAt, tz).time
  return time === env.defaults.afternoon ? '下午' : time === env.defaults.morning ? '上午' : time === env.defaults.evening ? '晚上' : ''
}

/**
 * `/改期 4 11月16日 改到 11月17日下午`: that session to the next free day. A one-off simply to a day, a span
 * by a week, an undated activity to a day of its window, a series without sessions ahead to a new rhythm.
 */
export function moveExample(activity: ActivityWithOccurrences, env: CalendarEnv, tz: string, session?: Occurrence): string {
  if (activity.occurrences.length > 1 && !session) return wholeExample(activity, env, tz)
  if (session?.endAt && localParts(session.endAt, tz).date > session.date) return `/改期 ${activity.id} 推迟一周`
  const from = session?.date ?? activity.pendingFrom ?? env.today
  const part = partWord(session, env, tz)
  const to = `${dayWord(freeDayAfter(activity, addDays(from, session ? 0 : -1), env), env)}${part}`
  if (activity.occurrences.length > 1 && session) return `/改期 ${activity.id} ${dayWord(session.date, env)} 改到 ${to}`
  // "改到" keeps a one-off's own clock time; a bare day would drop it.
  return part ? `/改期 ${activity.id} ${to}` : `/改期 ${activity.id} 改到 ${to}`
}

/** `/改期 4 每周二下午`: a new rhythm for the whole series, on the weekday after its own. */
export function wholeExample(activity: ActivityWithOccurrences, env: CalendarEnv, tz: string): string {
  const first = activity.occurrences.find((o) => !o.skipReason) ?? activity.occurrences[0]
  const weekday = first ? (weekdayOf(first.date) % 5) + 1 : 4
  return `/改期 ${activity.id} 每${weekdayName(weekday)}${partWord(first, env, tz) || '下午'}`
}

/** The example for a command naming one session: /取消 and /恢复 name the day, /改期 also where to. */
export function sessionExample(command: string, activity: ActivityWithOccurrences, env: CalendarEnv, tz: string, session?: Occurrence): string {
  if (command === '改期') return moveExample(activity, env, tz, session)
  // No session to name: where the clerk sees the sessions there are.
  return session ? `/${command} ${activity.id} ${dayWord(session.date, env)}` : `/活动 ${activity.id}`
}
