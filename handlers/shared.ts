import { parseWhen } from '../src/calendar/parse-when.ts'
import { resolveWhen, type CalendarEnv, type Plan, type ResolveError } from '../src/calendar/resolve-when.ts'
import { weekdayName, formatDate, formatDay } from '../src/calendar/format.ts'
import { weekdayOf } from '../src/calendar/dates.ts'
import type { When } from '../src/calendar/when.ts'
import { argsWithMentions, type Arg, type CommandLine } from '../src/core/command-line.ts'
import { Refusal, type Context, type DistrictContext } from '../src/core/command.ts'
import { overLimit, type LimitedField } from '../src/core/limits.ts'
import { imitatesBot } from '../src/core/names.ts'
import { texts } from '../src/core/texts/index.ts'
import { oneLine } from '../src/core/visible-text.ts'
import type { ActivityWithOccurrences } from '../src/services/activities.ts'
import { mayChangeActivity } from '../src/services/activity-access.ts'
import type { ScheduleArgsError } from '../src/services/args/schedule-args.ts'
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
      return texts.schedule.weekdayMismatch(formatDay(error.date), weekdayName(error.written), weekdayName(weekdayOf(error.date)))
    case 'badTimeRange': return texts.schedule.badTimeRange
    case 'noOccurrence': return texts.schedule.noOccurrence
    case 'tooMany': return texts.schedule.tooMany(error.max)
    case 'termWeekMismatch':
      return texts.schedule.termWeekMismatch(formatDate(error.date), error.written, error.actual)
    case 'badSpan': return texts.schedule.badSpan
    case 'noSuchPeriod': return texts.schedule.noSuchPeriod(error.period)
    case 'needBase': return texts.schedule.shiftNeedsActivity
  }
}

export function argsErrorText(error: ScheduleArgsError): string {
  switch (error.key) {
    case 'noWhen': return texts.schedule.noWhen
    case 'noWhenFor': return texts.schedule.noWhenFor(error.title)
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
  // "/报名 3、4": one at a time, said with both commands to send.
  const several = raw ? /^(\d{1,9})(?:[、,，和及/]#?\d{1,9})+$/.exec(raw) : null
  if (several) throw new Refusal(texts.activity.oneAtATime(usage.command, raw!.split(/[、,，和及/]#?/)))
  if (!raw || !/^\d{1,9}$/.test(raw)) throw new Refusal(texts.activity.idUsage(usage.command, usage.example))
  const activity = await ctx.work.activities.findActivity(ctx.district.id, Number(raw))
  if (!activity) throw new Refusal(texts.activity.notFound(raw))
  return activity
}

/** Admins may change any activity; organizers only their own. */
export function assertMayChange(ctx: DistrictContext, activity: { organizerId: number }): void {
  if (mayChangeActivity(ctx.sender, activity)) return
  throw new Refusal(texts.activity.notOwner)
}

export function describeEnvOf(ctx: DistrictContext, env: CalendarEnv): DescribeEnv {
  return { timezone: ctx.district.timezone, today: env.today, semesters: env.semesters }
}

/** Refuses a text over its field's limit (texts.limits says the limit, with an example). */
export function assertFits(field: LimitedField, text: string | null | undefined): void {
  if (overLimit(field, text) !== null) throw new Refusal(texts.limits.tooLong(field))
}

/** A person named by someone else (代报名, mentors, mentees): one line, not too long, never one that could pass for the bot. */
export function personName(ctx: Context, word: string): string {
  const name = oneLine(word)
  assertFits('personName', name)
  if (imitatesBot(name, ctx.config.BOT_NAME)) throw new Refusal(texts.names.otherLikeBot(ctx.config.BOT_NAME))
  return name
}

/** The command's arguments with each @mention read as the person, exactly (argsWithMentions). */
export function argsOf(ctx: Context, line: CommandLine): Arg[] {
  return argsWithMentions(line, ctx.message.mentions)
}

/** The activity number a line starts with ("12", "#12"), for an example in a refusal; 12 when it has none. */
export function exampleId(line: CommandLine): string {
  return /^#?(\d{1,9})$/.exec(line.args[0] ?? '')?.[1] ?? '12'
}

/**
 * Where personal data and codes may be shown: a direct chat, or the console
 * group, which is the operator's own terminal (as /导出 saves its file there).
 */
export function isPrivateHere(ctx: Context): boolean {
  return ctx.message.chat.isDirect || ctx.message.platform === 'console'
}
