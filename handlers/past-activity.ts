import { resolveWhen, type CalendarEnv, type Plan } from '../src/calendar/resolve-when.ts'
import type { When } from '../src/calendar/when.ts'
import { Refusal, type Context, type DistrictContext } from '../src/core/command.ts'
import { texts } from '../src/core/texts/index.ts'
import { describeOccurrence, type DescribeEnv } from '../src/services/describe.ts'
import { PAST_REQUEST_MINUTES } from '../src/services/past-activities.ts'
import { toInstant } from '../src/calendar/dates.ts'
import { scheduleFromArgs } from './schedule.ts'

export { PAST_ACTIVITY } from '../src/services/past-activities.ts'

/** Every session of the plan has begun: an event already held. */
export function isPast(ctx: DistrictContext, plan: Plan): boolean {
  if (plan.kind !== 'dated') return false
  return plan.occurrences.every((o) => toInstant(o.date, o.start ?? '23:59', ctx.district.timezone) <= ctx.now)
}

/** The plan of a time that is refused only for being past; null for any other time. */
export function pastPlan(ctx: DistrictContext, when: When, env: CalendarEnv): Plan | null {
  const now = resolveWhen(when, env)
  if (now.ok || now.error.key !== 'inPast') return null
  const then = resolveWhen(when, { ...env, allowPast: true })
  return then.ok && then.plan.kind === 'dated' && then.plan.occurrences.length > 0 && isPast(ctx, then.plan) ? then.plan : null
}

/** "10月20日已经过去。要补登记存档请发送 /确认 补登记": the line is kept for the confirmation. */
export async function askPastConfirmation(ctx: DistrictContext, args: readonly string[], plan: Plan, describe: DescribeEnv): Promise<void> {
  if (plan.kind !== 'dated') return
  await ctx.work.pastActivities.keepPastRequest(ctx.district.id, ctx.sender.memberId, { args: [...args], groupId: ctx.groupId }, ctx.now)
  const first = plan.occurrences[0]!
  const when = describeOccurrence({ date: first.date, startAt: toInstant(first.date, first.start ?? '00:00', describe.timezone), endAt: null, timed: first.start !== undefined }, describe)
  ctx.reply(texts.past.ask(when, PAST_REQUEST_MINUTES))
}

/** `/确认 补登记`: saves the past activity the sender asked for, as they wrote it. */
export async function confirmPastActivity(ctx: Context): Promise<void> {
  const open = await ctx.work.pastActivities.openPastRequest(ctx.sender.memberId, ctx.now, ctx.district)
  if (!open) throw new Refusal(texts.past.nothing)
  const { district, roles, request } = open
  if (!roles.has('admin') && !roles.has('organizer')) throw new Refusal(texts.router.forbidden('排期', 'organizer'))
  await ctx.work.pastActivities.closePastRequest(open.id, ctx.now)
  await scheduleFromArgs({ ...ctx, district, groupId: request.groupId, sender: { ...ctx.sender, roles } }, request.args, true)
}
