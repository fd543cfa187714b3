import { localParts } from '../src/calendar/dates.ts'
import type { PlannedOccurrence } from '../src/calendar/resolve-when.ts'
import { Refusal } from '../src/core/command.ts'
import { texts } from '../src/core/texts/index.ts'
import type { ActivityWithOccurrences } from '../src/services/activities.ts'
import { DAY_END, lastDayOf } from '../src/services/describe.ts'

/**
 * The days "/改期 12 推迟一周" moves: the activity's own days from today on,
 * with their times. A series is given its new rhythm instead, and a 日期待定
 * activity its date.
 */
export function shiftBase(activity: ActivityWithOccurrences, today: string, tz: string, example: string): PlannedOccurrence[] {
  if (activity.rrule) throw new Refusal(texts.schedule.shiftSeries(activity.id))
  const coming = activity.occurrences.filter((o) => o.date >= today)
  if (coming.length === 0) throw new Refusal(texts.schedule.shiftPending(activity.id, example))
  return coming.map((o) => {
    const last = lastDayOf(o, tz)
    const end = o.endAt ? localParts(o.endAt, tz) : null
    return {
      date: o.date,
      ...(o.timed ? { start: localParts(o.startAt, tz).time } : {}),
      ...(o.timed && end && (end.date === o.date || end.time !== DAY_END) ? { end: end.time } : {}),
      ...(last ? { endDate: last } : {}),
    }
  })
}
