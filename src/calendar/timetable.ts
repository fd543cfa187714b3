import { normalizeText, parseNumber, readClock } from './normalize.ts'
import type { PartOfDay } from './when.ts'

/**
 * A district's 作息时间: when each class period starts and when lessons end
 * (放学后), as "HH:mm". Stored as JSON on the district (/设置 作息).
 */
export interface Timetable {
  periods: Record<string, string>
  afterSchool?: string
}

export function timetableFromJson(json: string | null | undefined): Timetable | undefined {
  if (!json) return undefined
  try {
    const value = JSON.parse(json) as Timetable
    return value && typeof value.periods === 'object' ? value : undefined
  } catch {
    return undefined
  }
}

/**
 * `第1节 8:00 第2节 8:55 … 放学后 15:40` (also `第1节8:00`, `1节 8:00`) → the
 * timetable; null when a word cannot be read or no time is given.
 */
export function readTimetable(words: readonly string[]): Timetable | null {
  const text = normalizeText(words.join(' ')).replace(/\s+/g, ' ')
  const item = /(上午|下午|晚上)|(?:第?([0-9零〇一二两三四五六七八九十]{1,3})节(?:课)?|(放学后?|放学时间))[ :]*(\d{1,2}:\d{2})(?:-\d{1,2}:\d{2})?/g
  const timetable: Timetable = { periods: {} }
  // "上午第1节 8:00 第2节 8:50 下午第1节 13:00": the afternoon's periods counted on from the morning's.
  let base = 0
  let last = 0
  for (const m of text.matchAll(item)) {
    if (m[1]) {
      if (m[1] !== '上午') base = last
      continue
    }
    const time = readClock(m[4]!)
    if (!time) return null
    if (m[3]) timetable.afterSchool = time
    else {
      const written = parseNumber(m[2]!)
      if (!written) return null
      const n = written <= base ? written + base : written
      if (n > 12) return null
      timetable.periods[String(n)] = time
      last = Math.max(last, n)
    }
  }
  const leftover = text.replace(item, '').replace(/[ ,，;；、…。.]/g, '')
  if (!Object.keys(timetable.periods).length && !timetable.afterSchool) return null
  if (leftover) return null
  // Periods in the order of the day: a later period never starts earlier (a misread would move activities silently).
  const times = Object.entries(timetable.periods).sort(([a], [b]) => Number(a) - Number(b)).map(([, t]) => t)
  if (times.some((t, i) => i > 0 && t <= times[i - 1]!)) return null
  return timetable
}

export type PeriodTime = { start: string } | { missing: 'timetable' } | { missing: 'period'; period: number }

/**
 * The start of the first named period. With 下午, a number whose period is in
 * the morning counts the afternoon's periods ("下午第一节" is the first after
 * noon, "下午第7节" the 7th of the day).
 */
export function periodStart(periods: number[], part: PartOfDay | undefined, timetable: Timetable | undefined, after = false): PeriodTime {
  if (!timetable || Object.keys(timetable.periods).length === 0) return { missing: 'timetable' }
  if (after) return periodAfter(periods, part, timetable)
  const n = periods[0]!
  const at = timetable.periods[String(n)]
  if (part === 'afternoon' || part === 'evening') {
    if (at && at >= '12:00') return { start: at }
    const afternoon = Object.entries(timetable.periods)
      .filter(([, t]) => t >= '12:00')
      .sort((a, b) => Number(a[0]) - Number(b[0]))
    const nth = afternoon[n - 1]
    return nth ? { start: nth[1] } : { missing: 'period', period: n }
  }
  return at ? { start: at } : { missing: 'period', period: n }
}

/** "第二节课后": the start of the period after the last one named; after the day's last period, 放学后. */
function periodAfter(periods: number[], part: PartOfDay | undefined, timetable: Timetable): PeriodTime {
  const last = periodStart([periods.at(-1)!], part, timetable)
  if (!('start' in last)) return last
  const later = Object.values(timetable.periods).filter((t) => t > last.start).sort()
  if (later[0]) return { start: later[0] }
  return timetable.afterSchool ? { start: timetable.afterSchool } : { missing: 'timetable' }
}

/** "放学后": when lessons end, if the district has said. */
export function afterSchoolStart(timetable: Timetable | undefined): PeriodTime {
  return timetable?.afterSchool ? { start: timetable.afterSchool } : { missing: 'timetable' }
}
