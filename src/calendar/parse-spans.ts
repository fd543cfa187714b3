import type { Cursor } from './cursor.ts'
import { parseNumber } from './normalize.ts'
import { NUM, WD, WD_CHARS } from './patterns.ts'
import type { DateSpec, FixedHoliday, MonthPart } from './when.ts'

export const MONTH_PARTS: Record<string, MonthPart> = {
  初: 'early', 上旬: 'early', 中: 'mid', 中旬: 'mid', 下旬: 'late', 底: 'end', 末: 'end', 上中旬: 'earlyMid', 中下旬: 'midLate',
}

/**
 * Spans a plan names without a day: 开学第一周, 学期末, 国庆后第一周, 下周.
 * Each is kept as 日期待定 for its span.
 */
export function readTermSpan(c: Cursor): DateSpec | null {
  const opening = c.take(new RegExp(`开学(?:后)?(?:的)?(?:第${NUM}(?:个)?周|(初|第一天|首周|当周))`))
  if (opening) {
    const week = opening[2] ? 1 : parseNumber(opening[1]!)
    return week && week <= 30 ? { kind: 'semesterWeek', week } : null
  }
  if (c.take(/(?:本|这个?)?学期(?:末|结束前)|期末(?:考试(?:前|后|结束后)?|阶段|前|后)?|(?:寒假|暑假|放假)前/)) return { kind: 'termEnd' }
  if (c.take(/(?:本|这个?)?学期中|期中(?:考试前后|考试|阶段|前后)?/)) return { kind: 'termMid' }
  const half = c.take(/(?:(\d{4})年)?(?:度)?(上|下)半年/)
  if (half) return { kind: 'halfYear', half: half[2] === '上' ? 1 : 2, ...(half[1] ? { year: Number(half[1]) } : {}) }
  // "元旦前": the second half of the month before it (12月下旬).
  const before = c.take(/(国庆节?|十一|元旦节?|新年|五一|劳动节)(?:假期|长假|节)?(?:以)?前(?!\d)/)
  if (before) return { kind: 'month', month: /元旦|新年/.test(before[1]!) ? 12 : /国庆|十一/.test(before[1]!) ? 9 : 4, part: 'late' }
  const after = c.take(new RegExp(`(国庆节?|十一|元旦节?|五一|劳动节)(?:假期|长假|节)?(?:以)?后(?:的)?(?:第${NUM}(?:个)?周)?`))
  if (after) {
    const week = after[2] ? parseNumber(after[2]) : 1
    return week && week <= 10 ? { kind: 'afterHoliday', holiday: holidayOf(after[1]!), week } : null
  }
  // "月底" alone is this month's.
  const month = c.take(/(本|这个?|下个?|上个?)月份?(上中旬|中下旬|上旬|中旬|下旬|初|中|底|末)?/) ?? c.take(/()月(上中旬|中下旬|上旬|中旬|下旬|初|底|末)/)
  if (month) {
    const offset = month[1]!.startsWith('下') ? 1 : month[1]!.startsWith('上') ? -1 : 0
    return { kind: 'relativeMonth', offset, ...(month[2] ? { part: MONTH_PARTS[month[2]]! } : {}) }
  }
  const week = c.take(new RegExp(`(本|这个?|下下个?|下个?|上个?)(?:周|星期)(?!\\s*周?${WD})`))
  if (week) {
    const prefix = week[1]!
    const weekOffset = prefix.startsWith('下下') ? 2 : prefix.startsWith('下') ? 1 : prefix.startsWith('上') ? -1 : 0
    return { kind: 'week', weekOffset }
  }
  return null
}

function holidayOf(name: string): FixedHoliday {
  if (name.startsWith('元旦')) return 'newYear'
  if (name === '五一' || name === '劳动节') return 'labour'
  return 'national'
}

/** "第3-16周", "第3周至第16周", "(第3-16周)": the first and last semester week. */
export function readWeekRange(c: Cursor): [number, number] | null {
  const m = c.take(new RegExp(`\\(?第${NUM}(?:周)?(?:-|至|到|~)第?${NUM}周\\)?`))
  if (!m) return null
  const a = parseNumber(m[1]!)
  const b = parseNumber(m[2]!)
  return a && b && a <= b && b <= 30 ? [a, b] : null
}

/** "(单周)", "（双周）" after a weekly series. */
export function readParityNote(c: Cursor): 'odd' | 'even' | null {
  const m = c.take(new RegExp(`\\(?(单|双)周\\)?(?!${WD})`))
  if (!m) return null
  return m[1] === '单' ? 'odd' : 'even'
}

/**
 * A series whose rhythm is vague: 每2-3周, 每两周一次, 每月一次, 每学期两次,
 * 不定期. The phrase is kept; its dates are to be set.
 */
export function readVague(c: Cursor): string | null {
  const m =
    c.take(new RegExp(`每(?:隔)?${NUM}(?:-|至|到|~)?${NUM}?个?(?:周|星期|月)(?:一次|1次)?(?:左右)?(?! ?[的周${WD_CHARS}])`)) ??
    c.take(new RegExp(`每(?:个)?(?:周|星期|月|学期|学年)(?:至少|不少于|最多)?${NUM}(?:(?:-|至|到|~)${NUM})?次(?:左右)?`)) ??
    c.take(/每个?月(?:上旬|中旬|下旬|初|中|底|末)|每个?月(?![0-9零〇一二两三四五六七八九十第的最])|每周末|不定期|定期|(?:时间|日期)?(?:待定|另行通知|另定)/)
  return m ? m[0] : null
}

/** "9-10月", "9月至10月", "2017年9-10月": the first and last month of a span. */
export function readMonthRange(c: Cursor): [DateSpec, DateSpec] | null {
  const m = c.take(new RegExp(`(?:(\\d{4})年)?${NUM}(?:月份?)?(?:-|至|到|~)${NUM}月份?`))
  if (!m) return null
  const a = parseNumber(m[2]!)
  const b = parseNumber(m[3]!)
  if (!a || !b || a > 12 || b > 12) return null
  const year = m[1] ? { year: Number(m[1]) } : {}
  const endYear = m[1] && b < a ? { year: Number(m[1]) + 1 } : year
  return [{ kind: 'month', month: a, ...year }, { kind: 'month', month: b, ...endYear }]
}

/** "改到", "顺延到", "推迟至" before a new time: only a way of saying it. */
export const MOVE_TO = /(?:改到|改为|改在|改成|调整到|调整为|调整至|调到|挪到|顺延到|顺延至|推迟到|推迟至|延期到|延期至|延后到|延后至|提前到|提前至)/

/** "推迟一周", "顺延两周", "延后3天", "提前一天", "顺延": how many days to move by. */
export function readShift(c: Cursor): number | null {
  const m = c.take(new RegExp(`(推迟|延后|推后|顺延|往后推|后延|延期|提前)(?:${NUM}(?:个)?(周|天|日))?`))
  if (!m) return null
  if (!m[2]) return m[1] === '顺延' ? 7 : null
  const n = parseNumber(m[2])
  if (!n || n > 60) return null
  const days = m[3] === '周' ? n * 7 : n
  return m[1] === '提前' ? -days : days
}
