/** How 签到 replies name a session and a time, in the district's clock. */
import { localParts } from '../src/calendar/dates.ts'
import { formatDate } from '../src/calendar/format.ts'
import type { DistrictContext } from '../src/core/command.ts'
import { texts } from '../src/core/texts/index.ts'
import type { Occurrence } from '../src/generated/prisma/client.ts'
import { describeOccurrence } from '../src/services/describe.ts'

export function sessionText(ctx: DistrictContext, session: Occurrence & { activity: { id: number; title: string } }): string {
  const when = describeOccurrence(session, { timezone: ctx.district.timezone, today: localParts(ctx.now, ctx.district.timezone).date, semesters: [] })
  return texts.checkin.session(session.activity.id, session.activity.title, when)
}

export function timeOf(ctx: DistrictContext, at: Date): string {
  return localParts(at, ctx.district.timezone).time
}

/** "12月3日(周四) 13:30" */
export function instantText(ctx: DistrictContext, at: Date): string {
  const { date, time } = localParts(at, ctx.district.timezone)
  return `${formatDate(date)} ${time}`
}
