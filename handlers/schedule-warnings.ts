import { weekdayOf } from '../src/calendar/dates.ts'
import { formatDate } from '../src/calendar/format.ts'
import { makeUpWorkday } from '../src/calendar/holidays.ts'
import type { Plan } from '../src/calendar/resolve-when.ts'
import { semesterOn } from '../src/calendar/semester.ts'
import type { DistrictContext } from '../src/core/command.ts'
import { texts } from '../src/core/texts/index.ts'
import type { Activity, Occurrence } from '../src/generated/prisma/client.ts'
import { findClashes } from '../src/services/clashes.ts'
import type { DescribeEnv } from '../src/services/describe.ts'

/** Said without refusing: a clash at the same place and time, a duplicate, a one-off on a weekend that is not worked. */
export async function warnings(ctx: DistrictContext, activity: Activity, occurrences: Occurrence[], plan: Plan, env: DescribeEnv): Promise<string[]> {
  const year = Number(env.today.slice(0, 4))
  const lines: string[] = []
  // Outside every term set: said, since 第N周 and holidays are counted from the terms.
  const first = plan.kind === 'pending' ? plan.from : plan.occurrences[0]?.date
  if (first && env.semesters.length > 0 && !semesterOn(first, env.semesters)) lines.push(texts.schedule.outsideTerm(env.semesters.map((t) => t.name).join('、')))
  const only = plan.kind !== 'pending' && plan.occurrences.length === 1 ? plan.occurrences[0]!.date : null
  if (only && weekdayOf(only) >= 6 && !makeUpWorkday(only)) lines.push(texts.schedule.onWeekend(formatDate(only, year)))
  for (const c of await findClashes(ctx.tx, activity, occurrences)) {
    const when = formatDate(c.date, year)
    lines.push(c.kind === 'duplicate' ? texts.schedule.duplicate(when, c.activityId, c.title, activity.id) : texts.schedule.samePlace(when, c.activityId, c.title))
  }
  return lines
}
