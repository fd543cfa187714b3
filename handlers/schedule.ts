import { formatDate, formatRange } from '../src/calendar/format.ts'
import { describeAttendance } from '../src/services/describe-attendance.ts'
import { makeUpDay } from '../src/services/clashes.ts'
import { resolveWhen, type CalendarEnv, type Plan } from '../src/calendar/resolve-when.ts'
import type { When } from '../src/calendar/when.ts'
import { Refusal, type Command, type DistrictContext } from '../src/core/command.ts'
import { texts } from '../src/core/texts/index.ts'
import type { Activity, Occurrence } from '../src/generated/prisma/client.ts'
import { isNoticeTitle, type ActivityWithOccurrences } from '../src/services/activities.ts'
import { parseScheduleArgs } from '../src/services/args/schedule-args.ts'
import { NO_SIGNUP_WORDS } from '../src/services/args/detail-args.ts'
import { describeDetails, describeRules, describeSkipped, describeWhen, describeWhenLines, type DescribeEnv } from '../src/services/describe.ts'
import { NUMBERING, toWords } from '../src/services/import-line.ts'
import { moveOneSession, sessionMove } from './move-session.ts'
import { planMove, problemOf, readMoveTime } from './move-refusals.ts'
import { askPastConfirmation, isPast, pastPlan } from './past-activity.ts'
import { ruleColumns } from './rules.ts'
import { warnings } from './schedule-warnings.ts'
import { dayWord, exampleSession, moveExample, wholeExample } from './session-examples.ts'
import { isSeries } from './sessions.ts'
import { shiftBase } from './shift.ts'
import { signupButtons } from './signup.ts'
import {
  activityFromArgs, argsErrorText, assertFits, assertMayChange, describeEnvOf, planOrRefuse, resolveErrorText,
} from './shared.ts'
import { tellSignedUp } from './tell-signed-up.ts'

export const schedule: Command = {
  id: 'schedule',
  name: '排期',
  aliases: ['schedule'],
  role: 'organizer',
  scope: 'district',
  // The words as typed: quotes in a title (“育秀杯”) are the title's own, not argument marks.
  run: (ctx, line) => scheduleFromArgs(ctx, line.raw.split(/[\s\u3000]+/).filter(Boolean)),
}

/**
 * Saves what /排期 says. A time already past is not refused but asked about
 * (/确认 补登记); confirmed, it is saved as a past, held activity (`past`),
 * never reminded.
 */
export async function scheduleFromArgs(ctx: DistrictContext, args: readonly string[], past = false): Promise<void> {
  // Written as a 行事历 line is: numbering dropped, labels and bracketed rules read as the import reads them.
  const words = toWords(args.join(' ').replace(NUMBERING, ''))
  const noticeWords = words.filter((w) => NO_SIGNUP_WORDS.has(w))
  const parsed = parseScheduleArgs(words.filter((w) => !NO_SIGNUP_WORDS.has(w)))
  if (!parsed.ok) throw new Refusal(argsErrorText(parsed.error))
  const env = { ...(await ctx.work.calendarEnv.calendarEnv(ctx.district, ctx.now)), allowPast: past }
  const { whenText, when, details, rules, attendance } = parsed.value
  for (const field of ['title', 'place', 'subject', 'host', 'presenter'] as const) assertFits(field, details[field])
  assertFits('whenText', whenText)
  const held = past ? null : pastPlan(ctx, when, env)
  if (held) return askPastConfirmation(ctx, args, held, describeEnvOf(ctx, env))
  const plan = planOrRefuse(when, env)
  if (past && !isPast(ctx, plan)) throw new Refusal(texts.past.notPast)
  const origin = { groupId: ctx.groupId, organizerId: ctx.sender.memberId }
  const columns = { ...(await ruleColumns(ctx, rules, env)), ...attendance, noSignup: past || noticeWords.length > 0 || isNoticeTitle(details.title) }
  const { activity, occurrences } = await ctx.work.activities.createActivity(ctx.district, origin, details, { whenText, when, plan }, env.today, columns)
  const describe = describeEnvOf(ctx, env)
  const workshop = activity.workshopId ? await ctx.work.workshops.findWorkshop(ctx.district.id, activity.workshopId) : null
  const title = past ? texts.past.saved(activity.id, activity.title) : texts.schedule.created(activity.id, activity.title)
  const lines = [
    title,
    ...summary(activity, occurrences, plan, describe),
    ...(past ? [] : await warnings(ctx, activity, occurrences, plan, describe)),
    ...describeRules(activity, describe, workshop?.name),
    ...(Object.keys(attendance).length > 0 ? describeAttendance(activity) : []),
    past ? texts.past.never : activity.noSignup ? texts.notice.line(activity.id) : texts.signup.howTo(activity.id),
  ]
  ctx.reply(lines.join('\n'), activity.noSignup ? { title } : { buttons: signupButtons(activity.id), title })
}

export const reschedule: Command = {
  id: 'reschedule',
  name: '改期',
  aliases: ['reschedule', 'move'],
  role: 'organizer',
  scope: 'district',
  async run(ctx, line) {
    const activity = await activityFromArgs(ctx, line.args, { command: '改期', example: '12 第5周周三下午' })
    assertMayChange(ctx, activity)
    if (activity.status === 'cancelled') throw new Refusal(texts.activity.cancelledNoMove(activity.id))
    const env = await ctx.work.calendarEnv.calendarEnv(ctx.district, ctx.now)
    const tz = ctx.district.timezone
    const move = sessionMove(activity, line.args.slice(1), env)
    if (move && move.kind !== 'whole') return moveOneSession(ctx, activity, move, env)
    const whenText = move?.kind === 'whole' ? move.to : line.args.slice(1).join(' ')
    assertFits('whenText', whenText)
    const example = isSeries(activity) ? wholeExample(activity, env, tz) : moveExample(activity, env, tz, exampleSession(activity, env, ctx.now))
    const when = readMoveTime(whenText, example)
    // A series given one day would become that one day, its other sessions gone: asked which session instead.
    if (isSeries(activity) && !move && when.date && !when.repeat && when.shift === undefined) throw whichSession(ctx, activity, when, whenText, env)
    if (when.shift !== undefined) env.base = shiftBase(activity, env.today, tz, example)
    const describe = describeEnvOf(ctx, env)
    const before = describeWhen(activity, activity.occurrences.filter((o) => o.date >= env.today), describe)
    const plan = planMove(when, env, example)
    // Sessions cancelled or moved one by one are planned again with the rest: said, so none is lost unnoticed.
    const changedAlone = activity.occurrences.some((o) => o.date >= env.today && (o.cancelled || o.movedFrom))
    const occurrences = await ctx.work.activities.rescheduleActivity(activity, ctx.district, { whenText, when, plan }, env.today)
    const moved = { ...activity, whenText, whenJson: JSON.stringify(when) }
    const text = [
      texts.activity.moved(activity.id, activity.title),
      ...summary(moved, occurrences, plan, describe),
      texts.activity.movedFrom(before),
      ...(await warnings(ctx, moved, occurrences, plan, describe, true)),
      ...(changedAlone ? [texts.sessions.replanned(activity.id)] : []),
    ].join('\n')
    await tellSignedUp(ctx, activity, text)
  },
}

/**
 * "/改期 2 9月24日下午" for a series: which session? Answered with a command
 * moving the session nearest that day, and what is wrong with the day if
 * anything (10月19日是周一，不是周二), never the day refused as an example.
 */
function whichSession(ctx: DistrictContext, activity: ActivityWithOccurrences, when: When, whenText: string, env: CalendarEnv): Refusal {
  const tz = ctx.district.timezone
  const resolved = resolveWhen(when, env)
  const whole = wholeExample(activity, env, tz)
  const single = resolved.ok && resolved.plan.kind === 'dated' && resolved.plan.occurrences.length === 1 ? resolved.plan.occurrences[0]!.date : undefined
  const near = single ?? (!resolved.ok && resolved.error.key === 'weekdayMismatch' ? resolved.error.date : undefined)
  const session = exampleSession(activity, env, ctx.now, near)
  if (!resolved.ok) {
    const problem = problemOf(resolved.error)
    return new Refusal(problem ? texts.sessions.badSeriesMove(problem, activity.id, moveExample(activity, env, tz, session), whole) : resolveErrorText(resolved.error))
  }
  const example = single && session ? `/改期 ${activity.id} ${dayWord(session.date, env)} 改到 ${whenText}` : moveExample(activity, env, tz, session)
  return new Refusal(texts.sessions.seriesToOneDay(activity.id, example, whole))
}

/** The lines after "已安排 #12": when, where, and what holidays change. */
function summary(activity: Activity, occurrences: Occurrence[], plan: Plan, env: DescribeEnv): string[] {
  const year = Number(env.today.slice(0, 4))
  const lines: string[] = []
  const when = JSON.parse(activity.whenJson) as When
  if (plan.kind === 'pending') {
    const range = formatRange(plan.from, plan.to, year)
    lines.push(when.vague ? texts.schedule.vaguePending(activity.whenText, range, activity.id) : texts.schedule.pending(activity.whenText, range, activity.id))
    if (when.date?.kind === 'monthWeek') lines.push(texts.schedule.monthWeekRule(when.date.month, when.date.week, range))
    if (plan.needsTimetable) lines.push(texts.schedule.needTimetable)
  } else {
    lines.push(...describeWhenLines({ ...activity, pendingFrom: null, pendingTo: null }, occurrences, env))
    const skipped = describeSkipped(occurrences, env)
    if (skipped) lines.push(skipped)
    if (plan.holiday) lines.push(texts.schedule.onHoliday(plan.holiday))
    const makeUp = makeUpDay(plan)
    if (makeUp) lines.push(texts.schedule.makeUpDay(formatDate(makeUp.date, year), makeUp.holiday))
    if (plan.needsTimetable) lines.push(texts.schedule.needTimetable)
    else if (plan.occurrences.every((o) => o.start === undefined && !o.endDate)) lines.push(texts.schedule.noClock)
  }
  lines.push(...describeDetails(activity))
  return lines
}
