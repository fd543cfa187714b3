import { Cursor } from './cursor.ts'
import { normalizeText, parseNumber, parseWeekday } from './normalize.ts'
import { MONTH_PARTS, readTermSpan } from './parse-spans.ts'
import { AND, NUM, WD } from './patterns.ts'
import type { DateSpec, PartOfDay, Term } from './when.ts'

/** One date expression: a written date, 明天, 下周三, 第4周周一, 10月底, 12月第2周, 学期末… */
export function readDate(c: Cursor): DateSpec | null {
  return (
    c.attempt(() => readTermSpan(c)) ??
    c.attempt(() => readAbsolute(c)) ??
    c.attempt(() => readRelativeDay(c)) ??
    c.attempt(() => readWeekday(c)) ??
    c.attempt(() => readSemesterWeek(c)) ??
    c.attempt(() => readMonth(c))
  )
}

function readAbsolute(c: Cursor): DateSpec | null {
  const date = readCalendarDate(c)
  if (!date || date.kind !== 'date') return date
  // "(周四)", "(第4周周一)", "第4周": what the writer added, checked when placed.
  const note = c.attempt(() => {
    c.skipSpace()
    const m = c.take(new RegExp(`(\\()?(?:第${NUM}周)?(?:周${WD}|${WD}(?=\\)))?(\\))?`))
    if (!m || (!m[2] && !m[3] && !m[4]) || Boolean(m[1]) !== Boolean(m[5])) return null
    const termWeek = m[2] ? parseNumber(m[2]) : undefined
    const weekday = m[3] ?? m[4]
    const day = weekday ? parseWeekday(weekday) : undefined
    if (termWeek === null || day === null || (termWeek !== undefined && termWeek > 30)) return null
    return { ...(termWeek ? { termWeek } : {}), ...(day ? { weekday: day } : {}) }
  })
  return note ? { ...date, ...note } : date
}

function readCalendarDate(c: Cursor): DateSpec | null {
  const iso = c.take(/(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d:])/)
  if (iso) return dateSpec(Number(iso[1]), Number(iso[2]), Number(iso[3]))
  const cn = c.take(new RegExp(`(?:(\\d{4})年)?(${NUM.slice(1, -1)}|元)月(?:份)?${NUM}(?:日|号)`))
  if (cn) return dateSpec(cn[1] ? Number(cn[1]) : undefined, monthOf(cn[2]!), parseNumber(cn[3]!))
  const slash = c.take(/(\d{1,2})[/.](\d{1,2})(?![\d/.])/)
  if (slash) return dateSpec(undefined, Number(slash[1]), Number(slash[2]))
  // "10-22 14:00" as a spreadsheet writes it; not "8-10点" (hours) or "3-16周".
  const dashed = c.take(/(\d{1,2})-(\d{1,2})(?![\d:点时周节号日月-])/)
  if (dashed) return dateSpec(undefined, Number(dashed[1]), Number(dashed[2]))
  return null
}

function dateSpec(year: number | undefined, month: number | null, day: number | null): DateSpec | null {
  if (!month || !day || month > 12 || day > 31) return null
  return year === undefined ? { kind: 'date', month, day } : { kind: 'date', year, month, day }
}

function monthOf(text: string): number | null {
  return text === '元' ? 1 : parseNumber(text)
}

const RELATIVE: Record<string, [number, PartOfDay?]> = {
  今天: [0], 今日: [0], 今晚: [0, 'evening'], 今早: [0, 'morning'], 明天: [1], 明日: [1],
  明晚: [1, 'evening'], 明早: [1, 'morning'], 后天: [2], 大后天: [3],
  昨天: [-1], 昨日: [-1], 昨晚: [-1, 'evening'], 前天: [-2], 大前天: [-3],
}

function readRelativeDay(c: Cursor): DateSpec | null {
  const m = c.take(/大后天|后天|明天|明日|明晚|明早|今天|今日|今晚|今早|大前天|前天|昨天|昨日|昨晚/)
  if (!m) return null
  const [offset, part] = RELATIVE[m[0]]!
  return part ? { kind: 'relativeDay', offset, part } : { kind: 'relativeDay', offset }
}

function readWeekday(c: Cursor): DateSpec | null {
  const m = c.take(new RegExp(`(?:(本|这个?|下下个?|下个?|上个?)(?:周 +)?)?周${WD}`))
  if (!m) return null
  const weekday = parseWeekday(m[2]!)
  if (!weekday) return null
  // "周四(9月10日)": the date the writer added is the day, checked against the weekday.
  const dated = c.attempt(() => {
    c.skipSpace()
    if (!c.take(/\(/)) return null
    const date = readCalendarDate(c)
    return date?.kind === 'date' && c.take(/\)/) ? date : null
  })
  if (dated?.kind === 'date') return { ...dated, weekday }
  const prefix = m[1] ?? ''
  const weekOffset = prefix === '' ? null : prefix.startsWith('下下') ? 2 : prefix.startsWith('下') ? 1 : prefix.startsWith('上') ? -1 : 0
  return { kind: 'weekday', weekOffset, weekday }
}

const TERMS: Record<string, Term> = { 第一学期: 1, 上学期: 1, 第二学期: 2, 下学期: 2, 本学期: 'current' }

function readSemesterWeek(c: Cursor): DateSpec | null {
  const term = c.take(/第一学期|第二学期|上学期|下学期|本学期/)
  c.skipSpace()
  const week = c.take(new RegExp(`第${NUM}周`))
  if (!week) return null
  const n = parseNumber(week[1]!)
  if (!n || n > 30) return null
  const spec: DateSpec = { kind: 'semesterWeek', week: n }
  if (term) spec.term = TERMS[term[0]]!
  const day = c.attempt(() => {
    c.skipSpace()
    const m = c.take(new RegExp(`的?周?${WD}`))
    return m ? parseWeekday(m[1]!) : null
  })
  if (!day) return spec
  spec.weekday = day
  // "第4周周一(9月21日)": the date the writer added, checked when placed.
  const dated = c.attempt(() => {
    c.skipSpace()
    if (!c.take(/\(/)) return null
    const date = readCalendarDate(c)
    return date?.kind === 'date' && c.take(/\)/) ? date : null
  })
  return dated?.kind === 'date' ? { ...dated, weekday: day, termWeek: n } : spec
}


function readMonth(c: Cursor): DateSpec | null {
  const m = c.take(new RegExp(`(?:(\\d{4})年)?(${NUM.slice(1, -1)}|元)月(?:份)?(上中旬|中下旬|上旬|中旬|下旬|初|中|底|末)?`))
  if (!m) return null
  const month = monthOf(m[2]!)
  if (!month || month > 12) return null
  const year = m[1] ? { year: Number(m[1]) } : {}
  if (m[3]) return { kind: 'month', month, ...year, part: MONTH_PARTS[m[3]]! }
  return c.attempt(() => readWeekOfMonth(c, month, year)) ?? { kind: 'month', month, ...year }
}

/** "12月第2周", "12月第二周周三", "12月第二个周三", "12月最后一个周五" after the month. */
function readWeekOfMonth(c: Cursor, month: number, year: { year?: number }): DateSpec | null {
  c.skipSpace()
  const nth = c.take(new RegExp(`的?(?:第${NUM}|(最后)一)个(?:周|星期)${WD}`))
  if (nth) {
    const n = nth[2] ? -1 : parseNumber(nth[1]!)
    const weekday = parseWeekday(nth[3]!)
    if (!n || n > 5 || !weekday) return null
    return { kind: 'monthNth', month, nth: n, weekday, ...year }
  }
  const week = c.take(new RegExp(`的?(?:第${NUM}|(最后一|末))周(?:的?周?${WD})?`))
  if (!week) return null
  // "12月最后一周": the week holding the month's last Thursday.
  const n = week[2] ? -1 : parseNumber(week[1]!)
  const weekday = week[3] ? parseWeekday(week[3]) : undefined
  if (!n || n > 5 || weekday === null) return null
  return { kind: 'monthWeek', month, week: n, ...year, ...(weekday ? { weekday } : {}) }
}

/** The end of a span after its first day: "至12月4日", "-16日", "至周五", "12月初" after "11月底". */
export function readSpanEnd(c: Cursor, first: DateSpec, joined = false): DateSpec | null {
  c.skipSpace()
  if (!joined && !c.take(/(?:持续|一直)?到|直到|至|-|~/) && first.kind !== 'month') return null
  c.skipSpace()
  if (first.kind === 'date') {
    const day = c.take(new RegExp(`${NUM}(?:日|号)(?!\\d)`))
    if (day) return dateSpec(first.year, first.month, parseNumber(day[1]!))
  }
  const sameWeek = sameWeekDay(c, first)
  if (sameWeek) return sameWeek
  const date = readDate(c)
  return date && date.kind !== 'relativeDay' ? date : null
}

/** "周三" or "三" after a day named by its week ("第4周周一", "下周一"): that weekday of the same week. */
function sameWeekDay(c: Cursor, first: DateSpec): DateSpec | null {
  if (first.kind !== 'weekday' && !(first.kind === 'semesterWeek' && first.weekday)) return null
  const m = c.take(new RegExp(`周?${WD}`))
  const weekday = m ? parseWeekday(m[1]!) : null
  return weekday ? { ...first, weekday } : null
}

/** One more day of a list: "、周三" after "第4周周一", "、9日" after "9月2日", "、10月12日". */
export function readAlso(c: Cursor, previous: DateSpec): DateSpec | null {
  c.skipSpace()
  if (!c.take(new RegExp(AND))) return null
  c.skipSpace()
  const sameWeek = sameWeekDay(c, previous)
  if (sameWeek) return sameWeek
  if (previous.kind === 'date') {
    const day = c.take(new RegExp(`${NUM}(?:日|号)(?!\\d)`))
    if (day) return dateSpec(previous.year, previous.month, parseNumber(day[1]!))
  }
  const date = c.attempt(() => readAbsolute(c)) ?? c.attempt(() => readWeekday(c)) ?? c.attempt(() => readSemesterWeek(c))
  return date && (date.kind !== 'semesterWeek' || date.weekday) ? date : null
}

type DaySpec = Extract<DateSpec, { kind: 'date' }>

/**
 * "2027年1月1日至1月3日 元旦", "2027-02-10 至 2027-02-17 寒假": the first and
 * last written date at the start of a text, and the words after them.
 */
export function readDayRange(input: string): { from: DaySpec; to?: DaySpec; rest: string } | null {
  const c = new Cursor(normalizeText(input).trim())
  const from = c.attempt(() => readAbsolute(c))
  if (from?.kind !== 'date') return null
  const to = c.attempt(() => readSpanEnd(c, from))
  if (to && to.kind !== 'date') return null
  c.skipSpace()
  return { from, ...(to ? { to } : {}), rest: c.rest.trim() }
}

/** "9月10、11日" (two days) and "9月10-11日" (one span) as one word. */
export function readCompactDays(c: Cursor): { date: DaySpec; dateTo: DaySpec } | { date: DaySpec; also: DaySpec[] } | null {
  const m = c.take(new RegExp(`(?:(\\d{4})年)?(${NUM.slice(1, -1)}|元)月${NUM}((?:(?:-|至|到|~)${NUM})|(?:(?:${AND}${NUM})+))(?:日|号)`))
  if (!m) return null
  const year = m[1] ? Number(m[1]) : undefined
  const month = monthOf(m[2]!)
  const first = dateSpec(year, month, parseNumber(m[3]!))
  const rest = m[4]!.split(/、|和|及|与|\/|-|至|到|~/).filter(Boolean).map((d) => dateSpec(year, month, parseNumber(d)))
  if (first?.kind !== 'date' || rest.some((d) => d?.kind !== 'date')) return null
  const days = rest as DaySpec[]
  return /^(?:-|至|到|~)/.test(m[4]!) ? { date: first, dateTo: days[0]! } : { date: first, also: days }
}
