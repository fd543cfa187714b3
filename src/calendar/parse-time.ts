import type { Cursor } from './cursor.ts'
import { parseNumber } from './normalize.ts'
import { AND, NUM } from './patterns.ts'
import type { PartOfDay, TimeSpec } from './when.ts'

const PARTS: Record<string, PartOfDay> = {
  上午: 'morning', 早上: 'morning', 早晨: 'morning', 清晨: 'morning', 中午: 'noon',
  午后: 'afternoon', 下午: 'afternoon', 傍晚: 'evening', 晚上: 'evening', 晚间: 'evening', 夜里: 'evening', 晚: 'evening',
}
const PART_RE = /上午|早上|早晨|清晨|中午|午后|下午|傍晚|晚上|晚间|夜里|晚/
const AFTER_SCHOOL = /放学后|放学以后|课后/

/**
 * The time of day: 全天, a part (下午), a clock (3点半, 14:00, to an end), class
 * periods (第三节课, 下午第7、8节) or 放学后.
 */
export function readTime(c: Cursor, implied: PartOfDay | undefined): TimeSpec | null {
  if (c.take(/全天/)) return { allDay: true }
  // "11月30日至12月4日 每天下午": the time of each day of a span.
  c.take(/每天|每日/)
  c.skipSpace()
  const partMatch = c.take(PART_RE)
  const part = partMatch ? PARTS[partMatch[0]] : implied
  c.skipSpace()
  const periods = c.attempt(() => readPeriods(c))
  if (periods) {
    // "第二节课后": from the end of the period on, i.e. when the next one would start.
    const after = c.take(/之?后|以后/) ? { afterPeriods: true } : {}
    return { ...(part ? { part } : {}), periods, ...after }
  }
  if (c.take(AFTER_SCHOOL)) return part ? { part, afterSchool: true } : { afterSchool: true }
  const start = c.attempt(() => readClock(c, part))
  if (!start) return part ? { part } : null
  const spec: TimeSpec = { start }
  if (part) spec.part = part
  const end = c.attempt(() => {
    c.skipSpace()
    if (!c.take(/-|~|至|到/)) return null
    c.skipSpace()
    const endPart = c.take(PART_RE)
    c.skipSpace()
    return readClock(c, endPart ? PARTS[endPart[0]] : part)
  })
  if (end) spec.end = end
  return spec
}

/** "第三节课", "第7、8节", "第7-8节" → the period numbers. */
function readPeriods(c: Cursor): number[] | null {
  const m = c.take(new RegExp(`第${NUM}((?:(?:${AND}|-|至|到)?第?${NUM})*)节(?:课)?`))
  if (!m) return null
  const first = parseNumber(m[1]!)
  const rest = (m[2] ?? '').split(/、|和|及|与|\/|-|至|到|第/).filter(Boolean)
  const numbers = [first, ...rest.map(parseNumber)]
  if (numbers.some((n) => n === null || n < 1 || n > 12)) return null
  const list = numbers as number[]
  // "第7-8节" and "第7至9节" name every period between.
  if (/-|至|到/.test(m[2] ?? '') && list.length === 2) {
    const [a, b] = list as [number, number]
    if (b < a) return null
    return Array.from({ length: b - a + 1 }, (_, i) => a + i)
  }
  return list
}

function readClock(c: Cursor, part: PartOfDay | undefined): string | null {
  const colon = c.take(/(\d{1,2}):(\d{2})(?!\d)/)
  let hour: number | null
  let minute = 0
  if (colon) {
    hour = Number(colon[1])
    minute = Number(colon[2])
  } else {
    const m = c.take(new RegExp(`${NUM}(?:点|时)(?:(半)|(一刻)|(三刻)|${NUM}分?|整)?`))
    if (!m) return null
    hour = parseNumber(m[1]!)
    minute = m[2] ? 30 : m[3] ? 15 : m[4] ? 45 : m[5] ? (parseNumber(m[5]) ?? 99) : 0
  }
  if (hour === null || hour > 23 || minute > 59) return null
  return clock(toDayHour(hour, part), minute)
}

/** Applies 下午/晚上; with no part, 1-6 o'clock means afternoon (school hours). */
function toDayHour(hour: number, part: PartOfDay | undefined): number {
  if (part === 'afternoon' || part === 'evening') return hour < 12 ? hour + 12 : hour
  if (part === 'noon') return hour < 6 ? hour + 12 : hour
  if (part === 'morning') return hour
  return hour >= 1 && hour <= 6 ? hour + 12 : hour
}

function clock(hour: number, minute: number): string {
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`
}
