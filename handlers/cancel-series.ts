import type { CalendarEnv } from '../src/calendar/resolve-when.ts'
import { Refusal, type Context, type DistrictContext } from '../src/core/command.ts'
import { MAX_ECHO_CHARS } from '../src/core/limits.ts'
import { texts } from '../src/core/texts/index.ts'
import type { Occurrence } from '../src/generated/prisma/client.ts'
import type { ActivityWithOccurrences } from '../src/services/activities.ts'
import { describeOccurrence, describeWhen } from '../src/services/describe.ts'
import { dayWord, heldAhead } from './session-examples.ts'
import { assertMayChange, describeEnvOf } from './shared.ts'
import { tellSignedUp } from './tell-signed-up.ts'

/** The kind of confirmation /确认 looks for (handlers/accounts.ts). */
export { CANCEL_SERIES } from '../src/services/series-cancels.ts'

/** How long a /取消 of a whole series waits for /确认 取消. */
const CONFIRM_MINUTES = 30

/** Words of a reason that mean one time, not the whole series ("区里统一安排停一次"). */
const ONCE = /暂停一次|停一次|这一次|这次|本次|本周|这周/

/**
 * `/取消 2 原因` of a whole activity: done at once for a one-off or a series
 * with one session left; a series with more sessions to come is asked about
 * first (how many sessions and sign-ups, and how to cancel only one).
 */
export async function cancelOrAsk(ctx: DistrictContext, activity: ActivityWithOccurrences, reason: string | undefined, env: CalendarEnv): Promise<void> {
  const ahead = heldAhead(activity, env, ctx.now)
  if (ahead.length > 1) return askCancelSeries(ctx, activity, ahead, reason, env)
  await cancelWhole(ctx, activity, reason, env)
}

/** Cancels the activity and tells those signed up. */
async function cancelWhole(ctx: DistrictContext, activity: ActivityWithOccurrences, reason: string | undefined, env: CalendarEnv): Promise<void> {
  const when = describeWhen(activity, activity.occurrences.filter((o) => o.date >= env.today), describeEnvOf(ctx, env))
  await ctx.work.activities.cancelActivity(activity.id, reason)
  await closeCancelAsk(ctx, activity.id)
  await tellSignedUp(ctx, activity, texts.activity.cancelled(activity.id, activity.title, when, reason))
}

async function askCancelSeries(ctx: DistrictContext, activity: ActivityWithOccurrences, ahead: Occurrence[], reason: string | undefined, env: CalendarEnv): Promise<void> {
  const ask = { districtId: ctx.district.id, memberId: ctx.sender.memberId, activityId: activity.id, reason: reason ?? null }
  await ctx.work.seriesCancels.askCancelSeries(ask, ctx.now, new Date(ctx.now.getTime() + CONFIRM_MINUTES * 60_000))
  const signups = await ctx.work.activities.countSignedUp(activity.id)
  const describe = describeEnvOf(ctx, env)
  const next = ahead[0]!
  const oneForm = `/取消 ${activity.id} ${dayWord(next.date, env)}`
  const once = reason ? ONCE.exec(reason)?.[0] : undefined
  // The reason goes into the example when it can be shown whole.
  const withReason = reason && [...reason].length <= MAX_ECHO_CHARS && !/\s/.test(reason) ? `${oneForm} ${reason}` : oneForm
  ctx.reply([
    texts.cancelSeries.ask(activity.id, activity.title, ahead.length, describeOccurrence(next, { ...describe, semesters: [] }), signups),
    once ? texts.cancelSeries.once(once, withReason) : texts.cancelSeries.oneOnly(oneForm),
    texts.cancelSeries.confirm(activity.id, ahead.length, signups, CONFIRM_MINUTES),
  ].join('\n'))
}

/** The sender's cancelling of a series still waiting for /确认 is closed: the activity was cancelled, or one session of it. */
export async function closeCancelAsk(ctx: Context, activityId: number): Promise<void> {
  await ctx.work.seriesCancels.closeCancelAsk(ctx.sender.memberId, activityId, ctx.now)
}

/** `/确认 取消 2` (or `/确认` alone): cancels the series the sender asked to, in a group of its district. */
export async function confirmCancelSeries(ctx: Context, args: readonly string[]): Promise<void> {
  const ask = await ctx.work.seriesCancels.openCancelAsk(ctx.sender.memberId, ctx.now)
  if (!ask) throw new Refusal(texts.cancelSeries.nothing)
  const { activityId, reason } = ask
  const named = args[0]?.replace(/^#/, '')
  // Cancelling a whole series takes its number (/确认 取消 2): a bare /确认 meant for something else never cancels one.
  if (!named) throw new Refusal(texts.cancelSeries.nameIt(activityId))
  if (named !== String(activityId)) throw new Refusal(texts.cancelSeries.otherActivity(activityId))
  if (!ctx.district || ctx.district.id !== ask.districtId) throw new Refusal(texts.cancelSeries.inGroup(activityId))
  const district = ctx.district
  const dctx: DistrictContext = { ...ctx, district }
  const activity = await ctx.work.activities.findActivity(district.id, activityId)
  if (!activity) throw new Refusal(texts.activity.notFound(String(activityId)))
  assertMayChange(dctx, activity)
  if (activity.status === 'cancelled') throw new Refusal(texts.activity.alreadyCancelled(activity.id))
  await cancelWhole(dctx, activity, reason ?? undefined, await ctx.work.calendarEnv.calendarEnv(district, ctx.now))
}
