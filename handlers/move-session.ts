import { addDays } from '../src/calendar/dates.ts'
import { parseWhen } from '../src/calendar/parse-when.ts'
import { resolveWhen, type CalendarEnv, type Resolved } from '../src/calendar/resolve-when.ts'
import type { When } from '../src/calendar/when.ts'
import { Refusal, type DistrictContext } from '../src/core/command.ts'
import { texts } from '../src/core/texts/index.ts'
import type { Occurrence } from '../src/generated/prisma/client.ts'
import type { ActivityWithOccurrences } from '../src/services/activities.ts'
import { describeOccurrence } from '../src/services/describe.ts'
import type { SessionTarget } from '../src/services/sessions.ts'
import { moveRefusal, readMoveTime } from './move-refusals.ts'
import { sessionWarnings } from './schedule-warnings.ts'
import { readMove, readNamedDay, type Move } from './session-args.ts'
import { dayWord, exampleSession, isAhead, moveExample } from './session-examples.ts'
import { assertAhead, dayText, isSeries, plain, sessionFromWords } from './sessions.ts'
import { assertFits, describeEnvOf } from './shared.ts'
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
 * session to another day, with /排期's warnings (weekend, holiday, clash). A
 * cancelled session moved is held on its new day.
 */
export async function moveOneSession(ctx: DistrictContext, activity: ActivityWithOccurrences, move: Exclude<Move, { kind: 'whole' }>, env: CalendarEnv): Promise<void> {
  const describe = describeEnvOf(ctx, env)
  const tz = ctx.district.timezone
  if (activity.occurrences.length === 0) throw new Refusal(texts.sessions.pending(activity.id, moveExample(activity, env, tz)))
  const session = sessionToMove(ctx, activity, move, env)
  assertAhead(ctx, session, env, describe)
  const example = moveExample(activity, env, tz, session)
  const { target, fromSession } = move.kind === 'shift'
    ? { target: shiftTarget(ctx, session, move.days, env, example), fromSession: false }
    : toTarget(session, move, env, example)
  if (move.kind === 'to' && move.later && target.date <= session.date) {
    throw new Refusal(texts.sessions.notLater(dayText(session.date, describe), dayText(target.date, describe), example))
  }
  if (activity.occurrences.some((o) => o.id !== session.id && o.date === target.date && !o.skipReason)) {
    throw new Refusal(texts.sessions.clash(dayText(target.date, describe), activity.id, dayWord(session.date, env), example))
  }
  const moved = await ctx.work.sessions.moveSession(session, target, tz)
  if (!isSeries(activity) && move.kind === 'to') {
    await ctx.work.activities.setWhenText(activity.id, move.to, readMoveTime(move.to, example))
  }
  const lines = [
    texts.sessions.moved(activity.id, activity.title),
    ...(session.cancelled
      ? [texts.sessions.restoredMoved(dayWord(session.date, env), describeOccurrence(moved, plain(describe)))]
      : [texts.sessions.from(describeOccurrence(session, describe)), texts.sessions.to(describeOccurrence(moved, describe))]),
    ...(fromSession && move.kind === 'to' ? [texts.sessions.fromSession(move.to, dayText(session.date, describe))] : []),
    ...(await sessionWarnings(ctx, activity, moved, env, describe)),
    ...(isSeries(activity) ? [texts.sessions.othersSame] : []),
  ]
  await tellSignedUp(ctx, activity, lines.join('\n'))
}

/** The session a move names, or the next one held. */
function sessionToMove(ctx: DistrictContext, activity: ActivityWithOccurrences, move: Exclude<Move, { kind: 'whole' }>, env: CalendarEnv): Occurrence {
  const tz = ctx.district.timezone
  if (move.session.length > 0) {
    const picked = sessionFromWords(ctx, activity, move.session, env, '改期')
    if (picked && picked.rest.length === 0) return picked.session
    const part = picked ? picked.rest.join(' ') : move.session.join(' ')
    throw new Refusal(texts.sessions.unreadable(part, moveExample(activity, env, tz, exampleSession(activity, env, ctx.now))))
  }
  const next = activity.occurrences.find((o) => !o.skipReason && isAhead(o, env, ctx.now))
  if (next) return next
  // Only a session paused by a holiday is left ahead: it can be named.
  const paused = activity.occurrences.find((o) => o.skipReason && !o.cancelled && isAhead(o, env, ctx.now))
  throw new Refusal(texts.sessions.noNext(activity.id, paused && moveExample(activity, env, tz, paused)))
}

function shiftTarget(ctx: DistrictContext, session: Occurrence, days: number, env: CalendarEnv, example: string): SessionTarget {
  const date = addDays(session.date, days)
  const startAt = new Date(session.startAt.getTime() + days * 86_400_000)
  if (date < env.today || (session.timed && date === env.today && startAt <= ctx.now)) throw moveRefusal({ key: 'inPast' }, example)
  return { date }
}

/** 下周三, 周三, 明天: read from a day rather than written as one. */
const isRelative = (when: When) => when.date?.kind === 'weekday' || when.date?.kind === 'relativeDay'
const firstDay = (r: Resolved) => (r.ok && r.plan.kind === 'dated' ? r.plan.occurrences[0]?.date : undefined)

/**
 * Where "改到 …" puts the session. A 顺延/推迟 to 下周三 whose reading from
 * today is not after the session ("/改期 1 第15周周一 顺延到下周三") is read
 * from the session: the week after the session's week.
 */
function toTarget(session: Occurrence, move: Extract<Move, { kind: 'to' }>, env: CalendarEnv, example: string): { target: SessionTarget; fromSession: boolean } {
  if (!move.to) throw new Refusal(texts.sessions.moveUsage(session.activityId, example))
  assertFits('whenText', move.to)
  const when = readMoveTime(move.to, example)
  if (when.repeat) throw new Refusal(texts.sessions.oneDay(example))
  let resolved = resolveWhen(when, env)
  let fromSession = false
  const day = firstDay(resolved)
  if (move.later && isRelative(when) && (!day || day <= session.date)) {
    const again = resolveWhen(when, { ...env, today: session.date })
    const later = firstDay(again)
    if (later && later > session.date) [resolved, fromSession] = [again, true]
  }
  if (!resolved.ok) throw moveRefusal(resolved.error, example)
  const plan = resolved.plan
  if (plan.kind !== 'dated' || plan.occurrences.length !== 1) throw new Refusal(texts.sessions.oneDay(example))
  const [o] = plan.occurrences
  return { target: { date: o!.date, ...(o!.start ? { start: o!.start } : {}), ...(o!.end ? { end: o!.end } : {}) }, fromSession }
}
