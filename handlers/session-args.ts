import type { LocalDate } from '../src/calendar/dates.ts'
import { parseWhen } from '../src/calendar/parse-when.ts'
import { resolveWhen, type CalendarEnv, type ResolveError } from '../src/calendar/resolve-when.ts'
import type { When } from '../src/calendar/when.ts'

/** The most words a session's date is written in ("11月16日", "第12周 周一", "2026年 11月 16日"). */
const MAX_DATE_WORDS = 3

/** A day named at the start of a command's words: the days it may mean, and how many words it took. */
export interface NamedDay {
  text: string
  /** The day as resolved; a date written without a year also matches that month and day in another year. */
  date: LocalDate
  monthDay?: string
  taken: number
}

/**
 * The day the first words name, read by the time reader ("11月16日",
 * "第12周周一", "11-16"), past days included; null when they do not start
 * with one day. Pure.
 */
export function readNamedDay(words: readonly string[], env: CalendarEnv): NamedDay | null {
  for (let n = Math.min(MAX_DATE_WORDS, words.length); n >= 1; n--) {
    const text = words.slice(0, n).join(' ')
    const when = singleDay(text)
    if (!when) continue
    const resolved = resolveWhen(when, { ...env, allowPast: true })
    if (!resolved.ok || resolved.plan.kind !== 'dated' || resolved.plan.occurrences.length !== 1) continue
    const date = resolved.plan.occurrences[0]!.date
    const spec = when.date!
    const monthDay = spec.kind === 'date' && spec.year === undefined ? date.slice(5) : undefined
    return { text, date, taken: n, ...(monthDay ? { monthDay } : {}) }
  }
  return null
}

/**
 * Words that begin with a day which cannot be: 11月31日, 第25周周一 in a
 * 21-week term, 10月19日(周二) on a Monday. Its text and why, so a command
 * never takes it for a reason and acts on the whole activity instead.
 */
export function badNamedDay(words: readonly string[], env: CalendarEnv): { text: string; error: ResolveError } | null {
  for (let n = Math.min(MAX_DATE_WORDS, words.length); n >= 1; n--) {
    const text = words.slice(0, n).join(' ')
    const when = singleDay(text)
    if (!when) continue
    const resolved = resolveWhen(when, { ...env, allowPast: true })
    if (!resolved.ok) return { text, error: resolved.error }
  }
  // A month-day no reader takes (13月5日, 11/31): still a day, and a wrong one.
  const first = words[0] ?? ''
  return /^\d{1,2}(月|\/|\.)\d{1,2}/.test(first) && !readNamedDay(words, env) ? { text: first, error: { key: 'badDate' } } : null
}

/** A time expression naming one day, not a series or a span. */
function singleDay(text: string): When | null {
  const parsed = parseWhen(text)
  if (parsed.ok) return parsed.when.date && !parsed.when.repeat && !parsed.when.until && !parsed.when.from ? parsed.when : null
  // "11-16" as offices write month-day, should the reader not take it.
  const md = /^(\d{1,2})-(\d{1,2})$/.exec(text)
  return md ? { date: { kind: 'date', month: Number(md[1]), day: Number(md[2]) }, time: {} } : null
}

/** The words of /改期 split: which session (may be empty), and how it moves. */
export type Move =
  | { kind: 'to'; session: string[]; to: string; later?: boolean }
  | { kind: 'shift'; session: string[]; days: number }
  | { kind: 'whole'; to: string }

const MOVE_WORD = /(改到|改为|改成|改至|调到|调至|调整到|调整为|移到|挪到|换到|延到|延至|延期到|延期至|推迟到|推迟至|推到|顺延到|顺延至|提前到|提前至)/
const SHIFT = /(推迟|延后|推后|顺延|延期|提前)([一二两三四五六七八九十\d]{1,2})个?(周|星期|礼拜|天|日)$/
const NUMBERS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 }

/**
 * Reads what follows the activity's number in /改期: "11月16日 改到 11月17日下午",
 * "推迟一周", "11月16日 推迟一周", "顺延到下周三", or a new time for the whole
 * activity. Pure.
 */
export function readMove(words: readonly string[]): Move {
  const text = words.join(' ').trim()
  const split = MOVE_WORD.exec(text)
  if (split) {
    const before = text.slice(0, split.index).trim()
    const after = text.slice(split.index + split[0].length).trim()
    // 顺延, 推迟, 延期: the new day is later than the old one.
    const later = /顺延|推迟|延/.test(split[0])
    return { kind: 'to', session: before ? before.split(/\s+/) : [], to: after, ...(later ? { later } : {}) }
  }
  const shift = SHIFT.exec(text)
  if (shift) {
    const n = /^\d+$/.test(shift[2]!) ? Number(shift[2]) : (NUMBERS[shift[2]!] ?? 0)
    const days = n * (shift[3] === '天' || shift[3] === '日' ? 1 : 7) * (shift[1] === '提前' ? -1 : 1)
    const before = text.slice(0, shift.index).trim()
    return { kind: 'shift', session: before ? before.split(/\s+/) : [], days }
  }
  return { kind: 'whole', to: text }
}
