import { localParts } from '../src/calendar/dates.ts'
import { formatDate, formatDay } from '../src/calendar/format.ts'
import type { CalendarEnv } from '../src/calendar/resolve-when.ts'
import { Refusal, type Command, type DistrictContext } from '../src/core/command.ts'
import { texts } from '../src/core/texts/index.ts'
import type { Occurrence } from '../src/generated/prisma/client.ts'
import type { ActivityWithOccurrences } from '../src/services/activities.ts'
import { describeOccurrence, describeWhen, type DescribeEnv } from '../src/services/describe.ts'
import { closeCancelAsk } from './cancel-series.ts'
import { dayWhy } from './move-refusals.ts'
import { badNamedDay, readNamedDay } from './session-args.ts'
import { exampleSession, heldAhead, isAhead, moveExample, sessionExample } from './session-examples.ts'
import { activityFromArgs, assertFits, assertMayChange, describeEnvOf } from './shared.ts'
import { tellSignedUp } from './tell-signed-up.ts'

/** An activity held more than once: its sessions are cancelled and moved one by one. */
export const isSeries = (activity: ActivityWithOccurrences): boolean => activity.occurrences.length > 1

export const plain = (env: DescribeEnv): DescribeEnv => ({ ...env, semesters: [] })
export const dayText = (date: string, env: DescribeEnv) => formatDate(date, Number(env.today.slice(0, 4)))

/** A session that has begun (or whose day is past) is history: not cancelled, moved or restored. */
export function assertAhead(ctx: DistrictContext, session: Occurrence, env: CalendarEnv, describe: DescribeEnv): void {
  if (!isAhead(session, env, ctx.now)) throw new Refusal(texts.sessions.past(dayText(session.date, describe)))
}

/** The session an example of the command names: /恢复 one cancelled, the others one held (the one on `near` if any). */
function exampleFor(command: string, activity: ActivityWithOccurrences, env: CalendarEnv, now: Date, near?: string): Occurrence | undefined {
  if (command !== '恢复') return exampleSession(activity, env, now, near)
  const cancelled = activity.occurrences.filter((o) => o.cancelled && isAhead(o, env, now))
  return cancelled.find((o) => o.date === near) ?? cancelled[0]
}

/**
 * The session named by the first words ("11月16日", "第12周周一", "11-16") and
 * the words after it; null when the words do not start with a day. A day the
 * activity is not held on is refused with its next sessions.
 */
export function sessionFromWords(
  ctx: DistrictContext, activity: ActivityWithOccurrences, words: readonly string[], env: CalendarEnv, command: string,
): { session: Occurrence; rest: string[] } | null {
  const describe = describeEnvOf(ctx, env)
  const example = (near?: string) => sessionExample(command, activity, env, ctx.district.timezone, exampleFor(command, activity, env, ctx.now, near))
  const day = readNamedDay(words, env)
  if (!day) {
    const bad = badNamedDay(words, env)
    if (bad) throw new Refusal(texts.sessions.badDay(bad.text, dayWhy(bad.error), example(bad.error.key === 'weekdayMismatch' ? bad.error.date : undefined)))
    return null
  }
  // A session moved alone is still found by the day it was first planned on.
  const session = activity.occurrences.find((o) => o.date === day.date)
    ?? (day.monthDay ? activity.occurrences.find((o) => o.date.slice(5) === day.monthDay) : undefined)
    ?? activity.occurrences.find((o) => o.movedFrom === day.date)
    // A day inside a multi-day activity (11月30日至12月4日) is that activity's one session.
    ?? activity.occurrences.find((o) => o.endAt && o.date < day.date && localParts(o.endAt, describe.timezone).date >= day.date)
  if (!session) {
    const list = heldAhead(activity, env, ctx.now).slice(0, 4).map((o) => describeOccurrence(o, plain(describe))).join('、')
    throw new Refusal(texts.sessions.notASession(activity.id, dayText(day.date, describe), list, example(day.date)))
  }
  return { session, rest: words.slice(day.taken) }
}

/** `/取消 4 11月16日 与主题式联合教研冲突`: that session only, told to those signed up. */
export async function cancelOneSession(ctx: DistrictContext, activity: ActivityWithOccurrences, session: Occurrence, reasonWords: string[], env: CalendarEnv): Promise<void> {
  const describe = describeEnvOf(ctx, env)
  const date = dayText(session.date, describe)
  const move = () => moveExample(activity, env, ctx.district.timezone, session)
  if (session.cancelled) throw new Refusal(texts.sessions.alreadyCancelled(activity.id, formatDay(session.date, Number(describe.today.slice(0, 4))), move()))
  if (session.skipReason) throw new Refusal(texts.sessions.holidayPaused(date, session.skipReason, move()))
  assertAhead(ctx, session, env, describe)
  const reason = reasonWords.join(' ').trim() || undefined
  assertFits('cancelReason', reason)
  await ctx.work.sessions.cancelSession(session.id, texts.sessions.mark(reason))
  // A cancelling of the whole series still waiting for /确认 is not what was meant after all.
  await closeCancelAsk(ctx, activity.id)
  await tellSignedUp(ctx, activity, texts.sessions.cancelled(activity.id, activity.title, describeOccurrence(session, plain(describe)), reason))
}

export const restore: Command = {
  id: 'restore',
  name: '恢复',
  aliases: ['restore', 'uncancel'],
  role: 'organizer',
  scope: 'district',
  async run(ctx, line) {
    const activity = await activityFromArgs(ctx, line.args, { command: '恢复', example: '12' })
    assertMayChange(ctx, activity)
    const env = await ctx.work.calendarEnv.calendarEnv(ctx.district, ctx.now)
    const describe = describeEnvOf(ctx, env)
    const words = line.args.slice(1)
    const cancelledOne = exampleFor('恢复', activity, env, ctx.now)
    if (words.length === 0) {
      if (activity.status !== 'cancelled') throw new Refusal(texts.restore.notCancelled(activity.id, cancelledOne && sessionExample('恢复', activity, env, ctx.district.timezone, cancelledOne)))
      await ctx.work.activities.restoreActivity(activity.id)
      const count = await ctx.work.activities.countSignedUp(activity.id)
      const when = describeWhen(activity, activity.occurrences.filter((o) => o.date >= env.today), describe)
      return tellSignedUp(ctx, activity, texts.restore.restored(activity.id, activity.title, when, count))
    }
    if (activity.status === 'cancelled') throw new Refusal(texts.restore.wholeCancelled(activity.id))
    const picked = sessionFromWords(ctx, activity, words, env, '恢复')
    if (!picked || picked.rest.length > 0) {
      throw new Refusal(texts.sessions.unreadable(picked ? picked.rest.join(' ') : words.join(' '), sessionExample('恢复', activity, env, ctx.district.timezone, cancelledOne)))
    }
    const { session } = picked
    if (!session.cancelled) throw new Refusal(texts.sessions.notCancelled(activity.id, dayText(session.date, describe)))
    assertAhead(ctx, session, env, describe)
    await ctx.work.sessions.restoreSession(session.id)
    await tellSignedUp(ctx, activity, texts.sessions.restored(activity.id, activity.title, describeOccurrence(session, plain(describe))))
  },
}
