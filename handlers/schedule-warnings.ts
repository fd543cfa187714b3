import { formatDate } from '../src/calendar/format.ts'
import type { CalendarEnv, Plan } from '../src/calendar/resolve-when.ts'
import { semesterOn } from '../src/calendar/semester.ts'
import type { DistrictContext } from '../src/core/command.ts'
import { texts } from '../src/core/texts/index.ts'
import type { Activity, Occurrence } from '../src/generated/prisma/client.ts'
import { makeUpDay, weekendDay } from '../src/services/clashes.ts'
import type { DescribeEnv } from '../src/services/describe.ts'

/**
 * Said without refusing, by /排期 and /改期 alike: outside every term, a
 * one-off on a weekend that is not worked, a clash at the same place and
 * time, a duplicate. A move (`moving`) is not told to /取消 the duplicate: that
 * would cancel the activity moved.
 */
export async function warnings(ctx: DistrictContext, activity: Activity, occurrences: Occurrence[], plan: Plan, env: DescribeEnv, moving = false): Promise<string[]> {
  const year = Number(env.today.slice(0, 4))
  const lines: string[] = []
  // Outside every term set: said, since 第N周 and holidays are counted from the terms.
  const first = plan.kind === 'pending' ? plan.from : plan.occurrences[0]?.date
  if (first && env.semesters.length > 0 && !semesterOn(first, env.semesters)) lines.push(texts.schedule.outsideTerm(env.semesters.map((t) => t.name).join('、')))
  const weekend = weekendDay(plan)
  if (weekend) lines.push(texts.schedule.onWeekend(formatDate(weekend, year)))
  for (const c of await ctx.work.clashes.findClashes(activity, occurrences)) {
    const when = formatDate(c.date, year)
    if (c.kind === 'samePlace') lines.push(texts.schedule.samePlace(when, c.activityId, c.title))
    else lines.push(moving ? texts.schedule.duplicateMoved(when, c.activityId, c.title) : texts.schedule.duplicate(when, c.activityId, c.title, activity.id))
  }
  return lines
}

/** The same for one session moved (/改期 4 11月16日 改到 …), with the holiday or the 调休 workday it lands on. */
export async function sessionWarnings(ctx: DistrictContext, activity: Activity, moved: Occurrence, env: CalendarEnv, describe: DescribeEnv): Promise<string[]> {
  const holiday = env.closedOn(moved.date)
  const plan: Plan = { kind: 'dated', occurrences: [{ date: moved.date }] }
  const makeUp = makeUpDay(plan)
  return [
    ...(holiday ? [texts.schedule.onHoliday(holiday)] : []),
    ...(makeUp ? [texts.schedule.makeUpDay(formatDate(makeUp.date, Number(env.today.slice(0, 4))), makeUp.holiday)] : []),
    ...(await warnings(ctx, activity, [moved], plan, describe, true)),
  ]
}
