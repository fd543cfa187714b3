import { addDays } from '../src/calendar/dates.ts'
import { parseWhen } from '../src/calendar/parse-when.ts'
import type { CalendarEnv } from '../src/calendar/resolve-when.ts'
import { Refusal, type DistrictContext } from '../src/core/command.ts'
import { texts } from '../src/core/texts/index.ts'
import type { Occurrence } from '../src/generated/prisma/client.ts'
import type { ActivityWithOccurrences } from '../src/services/activities.ts'
import { describeOccurrence } from '../src/services/describe.ts'
import { moveSession, type SessionTarget } from '../src/services/sessions.ts'
import { sessionWarnings } from './schedule-warnings.ts'
import { readMove, readNamedDay, type Move } from './session-args.ts'
import { assertAhead, dayText, isSeries, sessionFromWords } from './sessions.ts'
import { assertFits, describeEnvOf, parseWhenOrRefuse, planOrRefuse } from './shared.ts'
import { tellSignedUp } from './tell-signed-up.ts'

/**
 * Reads /改期's words as a move of one session; null when they move the whole
 * activity ("/改期 12 第5周周三下午"), or the whole activity's new time
 * after a "改到" ({ kind: 'whole' }). A series given a session's day and a new
 * time without "改到" ("11月16日 11月17日下午") moves that session.
 */
export function sessionMove(activity: ActivityWithOccurrences, words: readonly string[], env: CalendarEnv): Move | null {
  const move = readMove(words)
  // A one-off or a span moved by 推迟一周 moves whole (its span kept); a series moves one session.
  if (move.kind === 'shift') return isSeries(activity) ? move : null
  if (move.kind === 'to') {
    if (move.session.length > 0 || isSeries(activity)) return move
    // A one-off "改到 12月8日" keeps its clock time, as a session moved does; a new series or a pending one is rewritten whole.
    const parsed = parseWhen(move.to)
    const oneDay = parsed.ok && parsed.when.date && !parsed.when.repeat
    return activity.occurrences.length === 1 && oneDay ? move : { kind: 'whole', to: move.to }
  }
  if (!isSeries(activity)) return null
  const day = readNamedDay(words, env)
  if (!day || day.taken >= words.length || !activity.occurrences.some((o) => o.date === day.date)) return null
  const to = words.slice(day.taken).join(' ')
  return parseWhen(to).ok ? { kind: 'to', session: words.slice(0, day.taken), to } : null
}

/**
 * `/改期 4 11月16日 改到 11月17日下午`, `/改期 4 推迟一周`, `/改期 4 顺延到下周三`: one
 * session to another day, with /排期's warnings (weekend, holiday, clash).
 */
export async function moveOneSession(ctx: DistrictContext, activity: ActivityWithOccurrences, move: Exclude<Move, { kind: 'whole' }>, env: CalendarEnv): Promise<void> {
  const describe = describeEnvOf(ctx, env)
  if (activity.occurrences.length === 0) throw new Refusal(texts.sessions.pending(activity.id))
  let session: Occurrence | undefined
  if (move.session.length > 0) {
    const picked = sessionFromWords(activity, move.session, env, describe, '改期')
    if (!picked || picked.rest.length > 0) throw new Refusal(texts.schedule.unreadable(picked ? picked.rest.join(' ') : move.session.join(' ')))
    session = picked.session
  } else {
    session = activity.occurrences.find((o) => !o.skipReason && (o.timed ? o.startAt > ctx.now : o.date >= env.today))
    if (!session) throw new Refusal(texts.sessions.noNext(activity.id))
  }
  const date = dayText(session.date, describe)
  if (session.cancelled) throw new Refusal(texts.sessions.alreadyCancelled(activity.id, date.replace(/\(.*\)/, '')))
  assertAhead(ctx, session, env, describe)
  const target = move.kind === 'shift' ? shiftTarget(ctx, session, move.days, env) : toTarget(activity.id, move.to, env)
  if (move.kind === 'to' && move.later && target.date <= session.date) {
    const later = dayText(addDays(session.date, 2), describe).replace(/\(.*\)/, '')
    throw new Refusal(texts.sessions.notLater(dayText(session.date, describe), dayText(target.date, describe), activity.id, later))
  }
  if (activity.occurrences.some((o) => o.id !== session.id && o.date === target.date && !o.skipReason)) {
    throw new Refusal(texts.sessions.clash(dayText(target.date, describe)))
  }
  const moved = await moveSession(ctx.tx, session, target, ctx.district.timezone)
  if (!isSeries(activity) && move.kind === 'to') {
    await ctx.tx.activity.update({ where: { id: activity.id }, data: { whenText: move.to, whenJson: JSON.stringify(parseWhenOrRefuse(move.to)) } })
  }
  const lines = [texts.sessions.moved(activity.id, activity.title), texts.sessions.from(describeOccurrence(session, describe)), texts.sessions.to(describeOccurrence(moved, describe))]
  lines.push(...(await sessionWarnings(ctx, activity, moved, env, describe)))
  if (isSeries(activity)) lines.push(texts.sessions.othersSame)
  await tellSignedUp(ctx, activity, lines.join('\n'))
}

function shiftTarget(ctx: DistrictContext, session: Occurrence, days: number, env: CalendarEnv): SessionTarget {
  const date = addDays(session.date, days)
  const startAt = new Date(session.startAt.getTime() + days * 86_400_000)
  if (date < env.today || (session.timed && date === env.today && startAt <= ctx.now)) throw new Refusal(texts.schedule.inPast)
  return { date }
}

function toTarget(id: number, text: string, env: CalendarEnv): SessionTarget {
  if (!text) throw new Refusal(texts.sessions.moveUsage(id))
  assertFits('whenText', text)
  const when = parseWhenOrRefuse(text)
  if (when.repeat) throw new Refusal(texts.sessions.oneDay(id))
  const plan = planOrRefuse(when, env)
  if (plan.kind !== 'dated' || plan.occurrences.length !== 1) throw new Refusal(texts.sessions.oneDay(id))
  const [o] = plan.occurrences
  return { date: o!.date, ...(o!.start ? { start: o!.start } : {}), ...(o!.end ? { end: o!.end } : {}) }
}
