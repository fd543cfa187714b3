import { Cursor } from './cursor.ts'
import { normalizeText, parseNumber, parseWeekday } from './normalize.ts'
import { readAlso, readCompactDays, readDate, readSpanEnd } from './parse-date.ts'
import { MOVE_TO, readMonthRange, readParityNote, readShift, readVague, readWeekRange } from './parse-spans.ts'
import { readTime } from './parse-time.ts'
import { AND, NUM, WD } from './patterns.ts'
import type { DateSpec, ParseResult, Repeat, When } from './when.ts'

export { readDate, readDayRange } from './parse-date.ts'

/**
 * Reads a whole time expression. Never throws: on failure it says which part
 * could not be read, or that a date is missing.
 */
export function parseWhen(input: string): ParseResult {
  // "本学期每月第二个周四": the term is what every series runs in; "12月3日、4日两天": the days already say how many.
  const text = normalizeText(input).trim().replace(/^(?:本|这个?)学期(?=每|第|的)/, '').replace(/(?<=日)\s*(?:共)?[两二三四五六七]天$/, '')
  const c = new Cursor(text)
  if (c.done) return { ok: false, problem: 'empty' }
  const when: When = { time: {} }
  c.skipSpace()
  if (c.take(MOVE_TO)) c.skipSpace()
  const shift = c.attempt(() => readShift(c))
  if (shift !== null) {
    c.skipSpace()
    return c.done ? { ok: true, when: { time: {}, shift } } : unread(c)
  }
  const lead = c.take(/(?:拟定?于|定于|计划于|暂定于|暂定|拟)(?=\S)/)
  if (lead?.[0].startsWith('暂定')) when.tentative = true
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
    const group = months ? null : c.attempt(() => readCompactDays(c))
    const date = months || group ? null : readDate(c)
    if (months) [when.date, when.dateTo] = months
    if (group) Object.assign(when, group)
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
  if (time) c.attempt(() => (c.skipSpace(), c.take(/开始|起/)))
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
  if (date.kind === 'semesterWeek' && !date.weekday && c.attempt(() => readWeekDates(c, when, date))) return
  // "10月底前", "第14周左右": the same span.
  if (!['date', 'relativeDay', 'weekday'].includes(date.kind)) c.take(/之前|以前|前后|左右|前|内/)
  const to = c.attempt(() => readSpanEnd(c, date))
  if (to) when.dateTo = to
  // "12月3日或4日", "第4周或第5周": either, so the date is to be set within them.
  const either = to ? null : c.attempt(() => (c.skipSpace(), c.take(/或者?/) ? readSpanEnd(c, date, true) : null))
  if (either) {
    when.dateTo = either
    when.window = true
  }
  // "10月12日-16日（第7周）": the week the writer added, checked against the first day.
  const week = to && date.kind === 'date' ? c.attempt(() => (c.skipSpace(), c.take(new RegExp(`\\(?第${NUM}周\\)?`)))) : null
  const termWeek = week ? parseNumber(week[1]!) : null
  if (termWeek && date.kind === 'date') when.date = { ...date, termWeek }
  const also: DateSpec[] = []
  for (;;) {
    const more = c.attempt(() => readAlso(c, also.at(-1) ?? date))
    if (!more) break
    also.push(more)
  }
  if (also.length) when.also = also
}

/**
 * "第7周（10月12日-16日）": the dates the writer gave the week, checked
 * against it; a range stays 日期待定 within those days, one date is the day.
 */
function readWeekDates(c: Cursor, when: When, week: Extract<DateSpec, { kind: 'semesterWeek' }>): true | null {
  c.skipSpace()
  if (!c.take(/\(/)) return null
  const first = readDate(c)
  if (first?.kind !== 'date') return null
  const last = c.attempt(() => readSpanEnd(c, first))
  if (!c.take(/\)/) || (last && last.kind !== 'date')) return null
  when.date = { ...first, termWeek: week.week }
  if (last) {
    when.dateTo = last
    when.window = true
  }
  return true
}

/** "第8周周三下午（10月21日）": the date written after the time, checked against the week and weekday. */
function readDateNote(c: Cursor, date: DateSpec | undefined): DateSpec | null {
  const named = date?.kind === 'weekday' || (date?.kind === 'semesterWeek' && date.weekday)
  if (!named || !c.take(/\(/)) return null
  const written = readDate(c)
  if (written?.kind !== 'date' || !c.take(/\)/)) return null
  return { ...written, weekday: date.weekday!, ...(date.kind === 'semesterWeek' ? { termWeek: date.week } : {}) }
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
    const note = c.take(/\(?(?:暂定|待定|拟定|初定|暂排)\)?/)
    if (note) {
      if (!note[0].includes('拟定')) when.tentative = true
      continue
    }
    const dated = c.attempt(() => readDateNote(c, when.date))
    if (dated) {
      when.date = dated
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
    const weekly = c.take(new RegExp(`(每个?周|每?双周|每?单周|隔周|每隔一周|每两周|每2周)(?:一次)? ?(?:的)?周?${WD}`))
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

