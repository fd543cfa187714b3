import { weekdayOf } from '../src/calendar/dates.ts'
import { weekdayName, formatDay } from '../src/calendar/format.ts'
import { parseWhen } from '../src/calendar/parse-when.ts'
import { resolveWhen, type CalendarEnv, type Plan, type ResolveError } from '../src/calendar/resolve-when.ts'
import type { When } from '../src/calendar/when.ts'
import { Refusal } from '../src/core/command.ts'
import { texts } from '../src/core/texts/index.ts'
import { resolveErrorText } from './shared.ts'

/**
 * What is wrong with a day or a new time, said exactly ("10月19日是周一，不是周二",
 * "这个学期只有 21 周，没有第25周"); null for what needs more than a sentence
 * (no term set yet), which keeps its own text.
 */
export function problemOf(error: ResolveError): string | null {
  const day = (date: string) => formatDay(date)
  switch (error.key) {
    case 'needSemester':
    case 'termNotFound':
      return null
    case 'weekOutOfTerm': return texts.sessions.termWeeks(error.weeks, error.week)
    case 'weekdayMismatch': return texts.sessions.weekdayIs(day(error.date), weekdayName(weekdayOf(error.date)), weekdayName(error.written))
    case 'termWeekMismatch':
      return error.actual === null ? texts.sessions.notInTerm(day(error.date)) : texts.sessions.weekIs(day(error.date), error.actual, error.written)
    default: return texts.sessions.moveProblem[error.key]
  }
}

/** Why a session's day cannot be: "日期和星期对不上：10月19日是周一，不是周二". */
export function dayWhy(error: ResolveError): string {
  const why = texts.sessions.dayProblem
  switch (error.key) {
    case 'weekdayMismatch':
    case 'termWeekMismatch':
      return `${why[error.key]}：${problemOf(error)}`
    case 'weekOutOfTerm': return `${why.weekOutOfTerm}（${texts.sessions.weeksOnly(error.weeks)}）`
    default: return error.key in why ? why[error.key as keyof typeof why] : why.other
  }
}

/** A /改期 refused for its new time: what is wrong and a command that works. */
export function moveRefusal(error: ResolveError, example: string): Refusal {
  const problem = problemOf(error)
  return new Refusal(problem ? texts.sessions.badMove(problem, example) : resolveErrorText(error))
}

/** Reads a /改期's new time, or refuses with a /改期 example (never a /排期 one, never the words refused). */
export function readMoveTime(text: string, example: string): When {
  const parsed = parseWhen(text)
  if (parsed.ok) return parsed.when
  throw new Refusal(texts.sessions.unreadable(parsed.problem === 'unread' ? parsed.unread : text, example))
}

/** Places a /改期's new time, or refuses as moveRefusal does. */
export function planMove(when: When, env: CalendarEnv, example: string): Plan {
  const resolved = resolveWhen(when, env)
  if (!resolved.ok) throw moveRefusal(resolved.error, example)
  return resolved.plan
}
