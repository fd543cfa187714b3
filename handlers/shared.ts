import { parseWhen } from '../src/calendar/parse-when.ts'
import { resolveWhen, type CalendarEnv, type Plan, type ResolveError } from '../src/calendar/resolve-when.ts'
import { weekdayName, formatDate } from '../src/calendar/format.ts'
import { weekdayOf } from '../src/calendar/dates.ts'
import type { When } from '../src/calendar/when.ts'
import { Refusal, type DistrictContext } from '../src/core/command.ts'
import { texts } from '../src/core/texts.ts'
import { findActivity, type ActivityWithOccurrences } from '../src/services/activities.ts'
import type { ScheduleArgsError } from './schedule-args.ts'
import type { DescribeEnv } from '../src/services/describe.ts'

/** The refusal text for a time expression that reads but cannot be placed. */
export function resolveErrorText(error: ResolveError): string {
  switch (error.key) {
    case 'needSemester': return texts.schedule.needSemester
    case 'termNotFound': return texts.schedule.termNotFound
    case 'weekOutOfTerm': return texts.schedule.weekOutOfTerm(error.week, error.weeks)
    case 'badDate': return texts.schedule.badDate
    case 'inPast': return texts.schedule.inPast
    case 'weekdayMismatch':
      return texts.schedule.weekdayMismatch(formatDate(error.date).replace(/\(.*\)/, ''), weekdayName(error.written), weekdayName(weekdayOf(error.date)))
    case 'badTimeRange': return texts.schedule.badTimeRange
    case 'noOccurrence': return texts.schedule.noOccurrence
    case 'tooMany': return texts.schedule.tooMany(error.max)
  }
}

export function argsErrorText(error: ScheduleArgsError): string {
  switch (error.key) {
    case 'noWhen': return texts.schedule.noWhen
    case 'unreadable': return texts.schedule.unreadable(error.part)
    case 'noDate': return texts.schedule.noDate(error.part)
    case 'noTitle': return texts.schedule.noTitle
    case 'badCapacity': return texts.schedule.badCapacity(error.text)
    case 'badYears': return texts.rules.badYears(error.text)
    case 'badDeadline': return texts.rules.badDeadline(error.text)
  }
}

/** Reads and places a time expression, or refuses with the reason. */
export function planOrRefuse(when: When, env: CalendarEnv): Plan {
  const resolved = resolveWhen(when, env)
  if (!resolved.ok) throw new Refusal(resolveErrorText(resolved.error))
  return resolved.plan
}

export function parseWhenOrRefuse(text: string): When {
  const parsed = parseWhen(text)
  if (parsed.ok) return parsed.when
  if (parsed.problem === 'noDate') throw new Refusal(texts.schedule.noDate(text))
  if (parsed.problem === 'empty') throw new Refusal(texts.schedule.noWhen)
  throw new Refusal(texts.schedule.unreadable(parsed.unread))
}

/** "#12" or "12" as the first argument, else a refusal showing the usage. */
export async function activityFromArgs(
  ctx: DistrictContext,
  args: readonly string[],
  usage: { command: string; example: string },
): Promise<ActivityWithOccurrences> {
  const raw = args[0]?.replace(/^#/, '')
  if (!raw || !/^\d{1,9}$/.test(raw)) throw new Refusal(texts.activity.idUsage(usage.command, usage.example))
  const activity = await findActivity(ctx.tx, ctx.district.id, Number(raw))
  if (!activity) throw new Refusal(texts.activity.notFound(raw))
  return activity
}

/** Admins may change any activity; organizers only their own. */
export function assertMayChange(ctx: DistrictContext, activity: { organizerId: number }): void {
  if (ctx.sender.roles.has('admin') || activity.organizerId === ctx.sender.memberId) return
  throw new Refusal(texts.activity.notOwner)
}

export function describeEnvOf(ctx: DistrictContext, env: CalendarEnv): DescribeEnv {
  return { timezone: ctx.district.timezone, today: env.today, semesters: env.semesters }
}
