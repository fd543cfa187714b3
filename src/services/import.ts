import { createHash } from 'node:crypto'
import { normalizeText, parseNumber } from '../calendar/normalize.ts'
import { parseWhen } from '../calendar/parse-when.ts'
import { resolveWhen, type CalendarEnv, type Plan, type ResolveError } from '../calendar/resolve-when.ts'
import type { SemesterInfo } from '../calendar/semester.ts'
import type { LocalDate } from '../calendar/dates.ts'
import { LIMITS, longerThan } from '../core/limits.ts'
import { SCHOOL, SUBJECT } from '../core/vocabulary.ts'
import { readInChunks } from '../db/chunks.ts'
import type { Tx } from '../db/client.ts'
import type { District } from '../generated/prisma/client.ts'
import { createActivities, type ActivityDetails } from './activities.ts'
import { calendarEnv } from './calendar-env.ts'
import { MAX_LINE_CHARS, type ReadResult } from './file-reader/limits.ts'
import { readInWorker, type ParseLimits } from './file-reader/read-file.ts'

/**
 * The lines of a 行事历 file (Word, Excel, CSV or text), read in a worker
 * thread within the limits of file-reader/limits.ts; or why it cannot be read.
 */
export async function readLines(fileName: string, bytes: Buffer, limits?: ParseLimits): Promise<ReadResult> {
  return readInWorker(fileName, bytes, limits)
}

/** Longest title, place and subject an activity takes: what the rest of the bot shows in one line. */
export const MAX_TITLE_CHARS = LIMITS.title
export const MAX_PLACE_CHARS = LIMITS.place
export const MAX_SUBJECT_CHARS = LIMITS.subject

export type ImportReason =
  | ResolveError
  | { key: 'noTime' }
  | { key: 'noTitle' }
  | { key: 'unreadable'; part: string }
  | { key: 'tooLong'; what: 'line' | 'title' | 'place' | 'subject'; max: number }

export type ImportItem =
  | { ok: true; line: number; text: string; details: ActivityDetails; whenText: string; plan: Plan; key: string }
  | { ok: false; line: number; text: string; reason: ImportReason }

const MONTH_HEADING = /^(\d{1,2}|[一二三四五六七八九十]{1,2}|元)月份?[:：]?$/
const NUMBERING = /^(?:[（(]\s*[0-9一二三四五六七八九十]+\s*[)）]|[0-9一二三四五六七八九十]{1,2}\s*[、.．)）])\s*/
const WEEK = /^第([0-9一二三四五六七八九十]{1,3})周$/
const MONTH_TIME = /^(\d{1,2}|[一二三四五六七八九十]{1,2})月(底|初|上旬|中旬|下旬|中|末)?$/

/**
 * Reads a 行事历 line by line: a month heading ("10月：") applies to the lines
 * under it; each numbered line is an activity with its host school(s),
 * subject, and time (第N周 of that month's term, 10月底, or else the month
 * itself, as "date to be set"), read by the same time reader as /排期.
 */
export function planImport(lines: readonly string[], env: CalendarEnv): ImportItem[] {
  const items: ImportItem[] = []
  let month: number | null = null
  for (const [i, raw] of lines.entries()) {
    // An over-long line (the reader cut it one past the limit) is no activity; under a month heading it is reported.
    if (raw.length > MAX_LINE_CHARS) {
      if (month !== null) items.push({ ok: false, line: i + 1, text: `${raw.slice(0, 40)}…`, reason: { key: 'tooLong', what: 'line', max: MAX_LINE_CHARS } })
      continue
    }
    const text = normalizeText(raw).replace(/\s+/g, ' ').trim()
    if (!text) continue
    const heading = MONTH_HEADING.exec(text.replace(/\s/g, ''))
    if (heading) {
      month = heading[1] === '元' ? 1 : (parseNumber(heading[1]!) ?? month)
      continue
    }
    // Before the first month heading: a title or preamble, not an activity.
    if (month === null) continue
    items.push(readLine(i + 1, text, month, env))
  }
  return items
}

function readLine(line: number, text: string, month: number, env: CalendarEnv): ImportItem {
  const body = text.replace(NUMBERING, '').trim()
  // "主题式联合教研活动：育秀实验学校" is a title and a school.
  const words = body.split(/[ :]/).filter(Boolean)
  let week: string | undefined
  let monthTime: string | undefined
  let subject: string | undefined
  const schools: string[] = []
  const title: string[] = []
  for (const word of words) {
    const parts = word.split(/[、,，]/).filter(Boolean)
    if (WEEK.test(word)) week = word
    else if (MONTH_TIME.test(word)) monthTime = word
    else if (!subject && SUBJECT.test(word)) subject = word
    else if (parts.length > 0 && parts.every((p) => SCHOOL.test(p))) schools.push(...parts)
    else title.push(word)
  }
  if (title.length === 0) return { ok: false, line, text, reason: { key: 'noTitle' } }
  const term = month >= 8 || month === 1 ? '第一学期' : '第二学期'
  const whenText = week ? `${term}${week}` : monthTime ?? `${month}月`
  const parsed = parseWhen(whenText)
  if (!parsed.ok) return { ok: false, line, text, reason: { key: 'unreadable', part: whenText } }
  const resolved = resolveWhen(parsed.when, env)
  if (!resolved.ok) return { ok: false, line, text, reason: resolved.error }
  const details: ActivityDetails = {
    title: title.join(' ').replace(/,/g, '，'),
    ...(subject ? { subject } : {}),
    ...(schools.length ? { place: schools.join('、') } : {}),
  }
  const tooLong = overLimit(details)
  if (tooLong) return { ok: false, line, text, reason: tooLong }
  return { ok: true, line, text, details, whenText, plan: resolved.plan, key: importKey(details, whenText) }
}

function overLimit(details: ActivityDetails): ImportReason | null {
  if (longerThan(details.title, MAX_TITLE_CHARS)) return { key: 'tooLong', what: 'title', max: MAX_TITLE_CHARS }
  if (longerThan(details.place ?? '', MAX_PLACE_CHARS)) return { key: 'tooLong', what: 'place', max: MAX_PLACE_CHARS }
  if (longerThan(details.subject ?? '', MAX_SUBJECT_CHARS)) return { key: 'tooLong', what: 'subject', max: MAX_SUBJECT_CHARS }
  return null
}

/** The same activity in the same week gets the same key, however the line was numbered or spaced. */
function importKey(details: ActivityDetails, whenText: string): string {
  return createHash('sha1').update([details.title, details.subject ?? '', details.place ?? '', whenText].join('|')).digest('hex').slice(0, 20)
}

/**
 * The day a 行事历 is read against: the start of the term under way or next,
 * or, when all terms are past, of the last school year's first term.
 */
export function referenceDate(semesters: SemesterInfo[], today: LocalDate): LocalDate | null {
  const sorted = [...semesters].sort((a, b) => (a.startDate < b.startDate ? -1 : 1))
  const current = sorted.find((s) => s.endDate >= today)
  if (current) return current.startDate
  const last = sorted.at(-1)
  if (!last) return null
  const previous = sorted.at(-2)
  const spring = Number(last.startDate.slice(5, 7)) < 8
  return spring && previous ? previous.startDate : last.startDate
}

export interface ImportResult {
  created: number[]
  existing: ImportItem[]
}

/** Saves the readable items not imported before, in one transaction (the caller's). */
export async function saveImport(
  tx: Tx,
  district: District,
  origin: { groupId: number | null; organizerId: number },
  items: ImportItem[],
  /** Told how many more are saved, a chunk at a time (the CLI's progress bar). */
  onProgress?: (created: number) => void,
): Promise<ImportResult> {
  const readable = items.filter((i): i is Fresh => i.ok)
  const known = await importedKeys(tx, district.id, readable)
  const existing = readable.filter((i) => known.has(i.key))
  // The same line twice in one file is one activity.
  const seen = new Set<string>()
  const fresh = readable.filter((i) => !known.has(i.key) && !seen.has(i.key) && seen.add(i.key))
  const list = fresh.flatMap((item) => {
    const when = parseWhen(item.whenText)
    return when.ok ? [{ details: item.details, schedule: { whenText: item.whenText, when: when.when, plan: item.plan }, importKey: item.key }] : []
  })
  const created = await createActivities(tx, district, origin, list, onProgress)
  return { created, existing }
}

/** At most this many activities from one 行事历: a term's plan has a few hundred at most; more is not a 行事历. */
export const MAX_IMPORT_ACTIVITIES = 5000

type Fresh = Extract<ImportItem, { ok: true }>
type Unreadable = Extract<ImportItem, { ok: false }>

/** A 行事历 read for a district: what it would create, what is there already, what cannot be read. */
export interface ImportPlan {
  reference: LocalDate
  items: ImportItem[]
  fresh: Fresh[]
  existing: number
  unreadable: Unreadable[]
}

/** Reads the lines against the district's school year and sorts them; null when no term is set. */
export async function prepareImport(tx: Tx, district: District, now: Date, lines: readonly string[]): Promise<ImportPlan | null> {
  const env = await calendarEnv(tx, district, now)
  const reference = referenceDate(env.semesters, env.today)
  if (!reference) return null
  const items = planImport(lines, { ...env, today: reference, nowTime: '00:00', allowPast: true })
  const known = await importedKeys(tx, district.id, items)
  return {
    reference,
    items,
    fresh: items.filter((i): i is Fresh => i.ok && !known.has(i.key)),
    existing: items.filter((i) => i.ok && known.has(i.key)).length,
    unreadable: items.filter((i): i is Unreadable => !i.ok),
  }
}

/** Keys of items already in the district, for the preview (a 行事历 may hold thousands: looked up a slice at a time). */
export async function importedKeys(tx: Tx, districtId: number, items: ImportItem[]): Promise<Set<string>> {
  const keys = items.filter((i) => i.ok).map((i) => (i as { key: string }).key)
  const rows = await readInChunks(keys, (slice) => tx.activity.findMany({ where: { districtId, importKey: { in: slice } }, select: { importKey: true } }))
  return new Set(rows.map((row) => row.importKey!))
}
