import { Cursor } from './cursor.ts'
import { normalizeText, parseNumber, parseWeekday } from './normalize.ts'
import { readMonthRange, readParityNote, readTermSpan, readVague, readWeekRange } from './parse-spans.ts'
import { readTime } from './parse-time.ts'
import { AND, NUM, WD } from './patterns.ts'
import type { DateSpec, MonthPart, ParseResult, PartOfDay, Repeat, Term, When } from './when.ts'

/**
 * Reads a whole time expression. Never throws: on failure it says which part
 * could not be read, or that a date is missing.
 */
export function parseWhen(input: string): ParseResult {
  const c = new Cursor(normalizeText(input).trim())
  if (c.done) return { ok: false, problem: 'empty' }
  const when: When = { time: {} }
  c.skipSpace()
  const from = c.attempt(() => readFrom(c))
  if (from) when.from = from
  c.skipSpace()
  const weeks = c.attempt(() => readWeekRange(c))
  if (weeks) setWeeks(when, weeks)
  c.skipSpace()
  const vague = c.attempt(() => readVague(c))
  const repeat = vague ? null : readRepeat(c)
  if (vague) when.vague = vague
  else if (repeat) when.repeat = repeat
  else if (!weeks) {
    const months = c.attempt(() => readMonthRange(c))
    const date = months ? null : readDate(c)
    if (months) [when.date, when.dateTo] = months
    if (date) {
      c.skipSpace()
      if (c.take(/起|开始/)) {
        when.from = date
        c.skipSpace()
        const later = readRepeat(c)
        if (!later) return unread(c)
        when.repeat = later
      } else readDays(c, when, date)
    }
  }
  if (!readNotes(c, when)) return unread(c)
  c.skipSpace()
  const implied = when.date?.kind === 'relativeDay' ? when.date.part : undefined
  const time = readTime(c, implied)
  if (time) when.time = time
  if (!readNotes(c, when)) return unread(c)
  c.skipSpace()
  const until = c.attempt(() => readUntil(c))
  if (until) when.until = until
  c.skipSpace()
  if (!c.done) return unread(c)
  if (weeks && !when.repeat && !when.vague) moveWeeksToSpan(when, weeks)
  if (!when.date && !when.repeat && !when.vague) {
    return Object.keys(when.time).length > 0 ? { ok: false, problem: 'noDate' } : unread(c)
  }
  return { ok: true, when }
}

/** A date, and what may follow it: the last day of a span, more days ("、周三"). */
function readDays(c: Cursor, when: When, date: DateSpec): void {
  when.date = date
  const to = c.attempt(() => readSpanEnd(c, date))
  if (to) when.dateTo = to
  const also: DateSpec[] = []
  for (;;) {
    const more = c.attempt(() => readAlso(c, also.at(-1) ?? date))
    if (!more) break
    also.push(more)
  }
  if (also.length) when.also = also
}

/** Weeks of the semester a series runs in ("第3-16周"): from its Monday to its Sunday. */
function setWeeks(when: When, [a, b]: [number, number]): void {
  when.from = { kind: 'semesterWeek', week: a, weekday: 1 }
  when.until = { kind: 'semesterWeek', week: b, weekday: 7 }
}

/** "第3-16周" alone is a span to be set, Monday of the first week to Friday of the last. */
function moveWeeksToSpan(when: When, [a, b]: [number, number]): void {
  delete when.from
  delete when.until
  when.date = { kind: 'semesterWeek', week: a }
  when.dateTo = { kind: 'semesterWeek', week: b }
}

/** Notes in brackets or after the time: (单周), (第3-16周). False when one contradicts the series. */
function readNotes(c: Cursor, when: When): boolean {
  for (;;) {
    c.skipSpace()
    const parity = c.attempt(() => readParityNote(c))
    if (parity) {
      if (when.repeat?.kind !== 'weekly') return false
      when.repeat = { ...when.repeat, parity }
      delete when.repeat.everyOther
      continue
    }
    const weeks = when.repeat ? c.attempt(() => readWeekRange(c)) : null
    if (weeks) {
      setWeeks(when, weeks)
      continue
    }
    return true
  }
}

function unread(c: Cursor): ParseResult {
  const at = Math.min(Math.max(c.furthest, c.pos), c.text.length)
  const from = c.text.slice(0, at).lastIndexOf(' ') + 1
  const quoted = (at < c.text.length ? c.text.slice(at) : c.text.slice(from)).trim()
  return { ok: false, problem: 'unread', unread: quoted.slice(0, 40) || c.text.slice(0, 40), consumed: at }
}

function readFrom(c: Cursor): DateSpec | null {
  if (!c.take(/从/)) return null
  c.skipSpace()
  const date = readDate(c)
  if (!date) return null
  c.skipSpace()
  c.take(/起|开始/)
  return date
}

function readUntil(c: Cursor): DateSpec | null {
  if (!c.take(/至|到|截至|截止到?|直到/)) return null
  c.skipSpace()
  const date = readDate(c)
  if (!date) return null
  c.take(/止|为止|结束/)
  return date
}

function readRepeat(c: Cursor): Repeat | null {
  return c.attempt(() => {
    const weekly = c.take(new RegExp(`(每个?周|每?双周|每?单周|隔周|每隔一周|每两周|每2周)周?${WD}`))
    if (weekly) {
      const weekday = parseWeekday(weekly[2]!)
      if (!weekday) return null
      const more = readMoreWeekdays(c, weekday)
      if (!more) return null
      const head = weekly[1]!
      const rule: Repeat = head.includes('双')
        ? { kind: 'weekly', weekday, parity: 'even' }
        : head.includes('单')
          ? { kind: 'weekly', weekday, parity: 'odd' }
          : head.startsWith('每个周') || head === '每周'
            ? { kind: 'weekly', weekday }
            : { kind: 'weekly', weekday, everyOther: true }
      return more.length ? { ...rule, more } : rule
    }
    const nth = c.take(new RegExp(`每个?月的?(?:第${NUM}(?:个|周的?)?|(最后)一?(?:个|周的?)?)周${WD}`))
    if (nth) {
      const n = nth[2] ? -1 : parseNumber(nth[1]!)
      const weekday = parseWeekday(nth[3]!)
      if (n === null || !weekday || n === 0 || n > 5) return null
      return { kind: 'monthlyNth', nth: n, weekday }
    }
    const day = c.take(new RegExp(`每个?月的?${NUM}(?:日|号)`))
    if (day) {
      const n = parseNumber(day[1]!)
      return n && n <= 31 ? { kind: 'monthlyDay', day: n } : null
    }
    return null
  })
}

/** "、三", "和周四", "至周五" after 每周一: the further weekdays (empty when none); null when one is not a weekday. */
function readMoreWeekdays(c: Cursor, first: number): number[] | null {
  const through = c.take(new RegExp(`(?:至|到|-)周?${WD}`))
  if (through) {
    const last = parseWeekday(through[1]!)
    if (!last || last <= first) return null
    return Array.from({ length: last - first }, (_, i) => first + i + 1)
  }
  const more: number[] = []
  for (;;) {
    const m = c.take(new RegExp(`${AND}周?${WD}`))
    if (!m) return more
    const day = parseWeekday(m[1]!)
    if (!day || day === first || more.includes(day)) return null
    more.push(day)
  }
}

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
}

function readRelativeDay(c: Cursor): DateSpec | null {
  const m = c.take(/大后天|后天|明天|明日|明晚|明早|今天|今日|今晚|今早/)
  if (!m) return null
  const [offset, part] = RELATIVE[m[0]]!
  return part ? { kind: 'relativeDay', offset, part } : { kind: 'relativeDay', offset }
}

function readWeekday(c: Cursor): DateSpec | null {
  const m = c.take(new RegExp(`(本|这个?|下下个?|下个?|上个?)?周${WD}`))
  if (!m) return null
  const weekday = parseWeekday(m[2]!)
  if (!weekday) return null
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

const MONTH_PARTS: Record<string, MonthPart> = {
  初: 'early', 上旬: 'early', 中: 'mid', 中旬: 'mid', 下旬: 'late', 底: 'end', 末: 'end', 上中旬: 'earlyMid', 中下旬: 'midLate',
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
  const week = c.take(new RegExp(`的?第${NUM}周(?:的?周?${WD})?`))
  if (!week) return null
  const n = parseNumber(week[1]!)
  const weekday = week[2] ? parseWeekday(week[2]) : undefined
  if (!n || n > 5 || weekday === null) return null
  return { kind: 'monthWeek', month, week: n, ...year, ...(weekday ? { weekday } : {}) }
}

/** The end of a span after its first day: "至12月4日", "-16日", "至周五", "12月初" after "11月底". */
function readSpanEnd(c: Cursor, first: DateSpec): DateSpec | null {
  c.skipSpace()
  const joined = c.take(/(?:持续|一直)?到|直到|至|-|~/)
  if (!joined && first.kind !== 'month') return null
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
function readAlso(c: Cursor, previous: DateSpec): DateSpec | null {
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
