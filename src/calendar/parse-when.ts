import { Cursor } from './cursor.ts'
import { normalizeText, parseNumber, parseWeekday } from './normalize.ts'
import type { DateSpec, MonthPart, ParseResult, PartOfDay, Repeat, Term, TimeSpec, When } from './when.ts'

const NUM = '(\\d{1,4}|[零〇一二两三四五六七八九十]{1,3})'
const WD = '([一二三四五六日天1-7])'

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
  const repeat = readRepeat(c)
  if (repeat) when.repeat = repeat
  else {
    const date = readDate(c)
    if (date) {
      c.skipSpace()
      if (c.take(/起|开始/)) {
        when.from = date
        c.skipSpace()
        const later = readRepeat(c)
        if (!later) return unread(c)
        when.repeat = later
      } else when.date = date
    }
  }
  c.skipSpace()
  const implied = when.date?.kind === 'relativeDay' ? when.date.part : undefined
  const time = readTime(c, implied)
  if (time) when.time = time
  c.skipSpace()
  const until = c.attempt(() => readUntil(c))
  if (until) when.until = until
  c.skipSpace()
  if (!c.done) return unread(c)
  if (!when.date && !when.repeat) return when.time.start || when.time.part ? { ok: false, problem: 'noDate' } : unread(c)
  return { ok: true, when }
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
      const head = weekly[1]!
      if (head.includes('双')) return { kind: 'weekly', weekday, parity: 'even' }
      if (head.includes('单')) return { kind: 'weekly', weekday, parity: 'odd' }
      if (head.startsWith('每个周') || head === '每周') return { kind: 'weekly', weekday }
      return { kind: 'weekly', weekday, everyOther: true }
    }
    const nth = c.take(new RegExp(`每个?月的?(?:第${NUM}(?:个|周的?)?|(最后)一?个?)周${WD}`))
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

export function readDate(c: Cursor): DateSpec | null {
  return (
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
  const weekday = c.attempt(() => {
    c.skipSpace()
    const m = c.take(new RegExp(`\\(?周${WD}\\)?`))
    return m ? parseWeekday(m[1]!) : null
  })
  return weekday ? { ...date, weekday } : date
}

function readCalendarDate(c: Cursor): DateSpec | null {
  const iso = c.take(/(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d:])/)
  if (iso) return dateSpec(Number(iso[1]), Number(iso[2]), Number(iso[3]))
  const cn = c.take(new RegExp(`(?:(\\d{4})年)?(${NUM.slice(1, -1)}|元)月(?:份)?${NUM}(?:日|号)`))
  if (cn) return dateSpec(cn[1] ? Number(cn[1]) : undefined, monthOf(cn[2]!), parseNumber(cn[3]!))
  const slash = c.take(/(\d{1,2})[/.](\d{1,2})(?![\d/.])/)
  if (slash) return dateSpec(undefined, Number(slash[1]), Number(slash[2]))
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
  if (day) spec.weekday = day
  return spec
}

const MONTH_PARTS: Record<string, MonthPart> = {
  初: 'early', 上旬: 'early', 中: 'mid', 中旬: 'mid', 下旬: 'late', 底: 'end', 末: 'end',
}

function readMonth(c: Cursor): DateSpec | null {
  const m = c.take(new RegExp(`(?:(\\d{4})年)?(${NUM.slice(1, -1)}|元)月(?:份)?(上旬|中旬|下旬|初|中|底|末)?`))
  if (!m) return null
  const month = monthOf(m[2]!)
  if (!month || month > 12) return null
  const spec: DateSpec = { kind: 'month', month }
  if (m[1]) spec.year = Number(m[1])
  if (m[3]) spec.part = MONTH_PARTS[m[3]]!
  return spec
}

const PARTS: Record<string, PartOfDay> = {
  上午: 'morning', 早上: 'morning', 早晨: 'morning', 清晨: 'morning', 中午: 'noon',
  午后: 'afternoon', 下午: 'afternoon', 傍晚: 'evening', 晚上: 'evening', 晚间: 'evening', 夜里: 'evening', 晚: 'evening',
}
const PART_RE = /上午|早上|早晨|清晨|中午|午后|下午|傍晚|晚上|晚间|夜里|晚/

function readTime(c: Cursor, implied: PartOfDay | undefined): TimeSpec | null {
  if (c.take(/全天/)) return { allDay: true }
  const partMatch = c.take(PART_RE)
  const part = partMatch ? PARTS[partMatch[0]] : implied
  c.skipSpace()
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
