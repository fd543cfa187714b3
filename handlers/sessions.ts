import { localParts } from '../src/calendar/dates.ts'
import { formatDate } from '../src/calendar/format.ts'
import type { CalendarEnv } from '../src/calendar/resolve-when.ts'
import { Refusal, type Command, type DistrictContext } from '../src/core/command.ts'
import { texts } from '../src/core/texts/index.ts'
import type { Occurrence } from '../src/generated/prisma/client.ts'
import { restoreActivity, type ActivityWithOccurrences } from '../src/services/activities.ts'
import { calendarEnv } from '../src/services/calendar-env.ts'
import { describeOccurrence, describeWhen, type DescribeEnv } from '../src/services/describe.ts'
import { cancelSession, restoreSession } from '../src/services/sessions.ts'
import { badNamedDay, readNamedDay } from './session-args.ts'
import { activityFromArgs, assertFits, assertMayChange, describeEnvOf } from './shared.ts'
import { tellSignedUp } from './tell-signed-up.ts'

/** An activity held more than once: its sessions are cancelled and moved one by one. */
export const isSeries = (activity: ActivityWithOccurrences): boolean => activity.occurrences.length > 1

export const plain = (env: DescribeEnv): DescribeEnv => ({ ...env, semesters: [] })
export const dayText = (date: string, env: DescribeEnv) => formatDate(date, Number(env.today.slice(0, 4)))

/** A session that has begun (or whose day is past) is history: not cancelled, moved or restored. */
export function assertAhead(ctx: DistrictContext, session: Occurrence, env: CalendarEnv, describe: DescribeEnv): void {
  const begun = session.timed ? session.startAt <= ctx.now : session.date < env.today
  if (begun) throw new Refusal(texts.sessions.past(dayText(session.date, describe)))
}

/**
 * The session named by the first words ("11月16日", "第12周周一", "11-16") and
 * the words after it; null when the words do not start with a day. A day the
 * activity is not held on is refused with its next sessions.
 */
export function sessionFromWords(
  activity: ActivityWithOccurrences, words: readonly string[], env: CalendarEnv, describe: DescribeEnv, command: string,
): { session: Occurrence; rest: string[] } | null {
  const day = readNamedDay(words, env)
  if (!day) {
    const bad = badNamedDay(words, env)
    if (bad) {
      const next = activity.occurrences.find((o) => o.date >= env.today && !o.skipReason)
      const example = `/${command} ${activity.id} ${next ? dayText(next.date, describe).replace(/\(.*\)/, '') : '11月16日'}`
      throw new Refusal(texts.sessions.badDay(bad.text, texts.sessions.dayProblem[bad.key as keyof typeof texts.sessions.dayProblem] ?? texts.sessions.dayProblem.other, example))
    }
    return null
  }
  // A session moved alone is still found by the day it was first planned on.
  const session = activity.occurrences.find((o) => o.date === day.date)
    ?? (day.monthDay ? activity.occurrences.find((o) => o.date.slice(5) === day.monthDay) : undefined)
    ?? activity.occurrences.find((o) => o.movedFrom === day.date)
    // A day inside a multi-day activity (11月30日至12月4日) is that activity's one session.
    ?? activity.occurrences.find((o) => o.endAt && o.date < day.date && localParts(o.endAt, describe.timezone).date >= day.date)
  if (!session) {
    const next = activity.occurrences.filter((o) => o.date >= env.today && !o.skipReason).slice(0, 4)
    const list = next.map((o) => describeOccurrence(o, plain(describe))).join('、')
    const example = `/${command} ${activity.id} ${next[0] ? dayText(next[0].date, describe).replace(/\(.*\)/, '') : '11月16日'}`
    throw new Refusal(texts.sessions.notASession(activity.id, dayText(day.date, describe), list, example))
  }
  return { session, rest: words.slice(day.taken) }
}

/** `/取消 4 11月16日 与主题式联合教研冲突`: that session only, told to those signed up. */
export async function cancelOneSession(ctx: DistrictContext, activity: ActivityWithOccurrences, session: Occurrence, reasonWords: string[], env: CalendarEnv): Promise<void> {
  const describe = describeEnvOf(ctx, env)
  const date = dayText(session.date, describe)
  if (session.cancelled) throw new Refusal(texts.sessions.alreadyCancelled(activity.id, date.replace(/\(.*\)/, '')))
  if (session.skipReason) throw new Refusal(texts.sessions.holidayPaused(date, session.skipReason, activity.id))
  assertAhead(ctx, session, env, describe)
  const reason = reasonWords.join(' ').trim() || undefined
  assertFits('cancelReason', reason)
  await cancelSession(ctx.tx, session.id, texts.sessions.mark(reason))
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
    const env = await calendarEnv(ctx.tx, ctx.district, ctx.now)
    const describe = describeEnvOf(ctx, env)
    const words = line.args.slice(1)
    if (words.length === 0) {
      if (activity.status !== 'cancelled') throw new Refusal(texts.restore.notCancelled(activity.id))
      await restoreActivity(ctx.tx, activity.id)
      const count = await ctx.tx.signup.count({ where: { activityId: activity.id, status: { in: ['confirmed', 'waiting'] } } })
      const when = describeWhen(activity, activity.occurrences.filter((o) => o.date >= env.today), describe)
      return tellSignedUp(ctx, activity, texts.restore.restored(activity.id, activity.title, when, count))
    }
    if (activity.status === 'cancelled') throw new Refusal(texts.restore.wholeCancelled(activity.id))
    const picked = sessionFromWords(activity, words, env, describe, '恢复')
    if (!picked || picked.rest.length > 0) throw new Refusal(texts.schedule.unreadable(picked ? picked.rest.join(' ') : words.join(' ')))
    const { session } = picked
    if (!session.cancelled) throw new Refusal(texts.sessions.notCancelled(activity.id, dayText(session.date, describe)))
    assertAhead(ctx, session, env, describe)
    await restoreSession(ctx.tx, session.id)
    await tellSignedUp(ctx, activity, texts.sessions.restored(activity.id, activity.title, describeOccurrence(session, plain(describe))))
  },
}
