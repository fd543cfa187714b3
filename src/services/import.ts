import { parseNumber } from '../calendar/normalize.ts'
import type { CalendarEnv } from '../calendar/resolve-when.ts'
import type { SemesterInfo } from '../calendar/semester.ts'
import type { LocalDate } from '../calendar/dates.ts'
import { readInChunks } from '../db/chunks.ts'
import type { Tx } from '../db/client.ts'
import type { District } from '../generated/prisma/client.ts'
import { toInstant } from '../calendar/dates.ts'
import { createActivities, type NewActivity } from './activities.ts'
import { qualifierWords, readActivityLine, readWords, toWords, type LineContext } from './import-line.ts'
import { withHeadLine } from './import-notice.ts'
import { findSameActivities, type SameActivity } from './import-existing.ts'
import { mergeDuplicates, type Merge } from './import-merge.ts'
import { captionOf, carryDown, readHeader, readRow, rowKinds, type ColumnKind, type Header } from './import-table.ts'
import type { ImportItem, ImportRules } from './import-types.ts'
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

export { MAX_PLACE_CHARS, MAX_SUBJECT_CHARS, MAX_TITLE_CHARS, type ImportItem, type ImportReason, type ImportRules } from './import-types.ts'

/** "9月：", "九月份", "2026年9月", "【10月】", "10月份安排：". */
/** "第二学期：", "【下学期】". */
const TERM_HEADING = /^[【[]?(第[一二]学期|上学期|下学期|秋季学期|春季学期)[】\]]?[:：]?$/
/** "其他：", "补充安排：": a heading that ends the month above it; no activity of its own. */
const OTHER_HEADING = /^[【[]?(?:[一二三四五六七八九十]{1,2}[、.．])?(其他|其它|其他安排|其他工作|补充|补充安排|备注|说明|附注|注|另外)[】\]]?[:：]?$/
const MONTH_HEADING = /^[【[]?(?:\d{4}年)?(\d{1,2}|[一二三四五六七八九十]{1,2}|元)月份?(?:工作)?(?:安排|计划|行事历)?[】\]]?[:：]?$/

/** A line of the file, or a table row (its cells). */
interface Record {
  line: number
  text: string
  cells: string[] | null
  tooLong?: boolean
  /** A row of tab-indented cell lines: the line each cell was on. */
  group?: number[]
}

function ungroup(record: Record): Record[] {
  return record.cells!.map((text, i) => ({ line: record.group![i]!, text, cells: null }))
}

/**
 * Reads a 行事历: a month heading ("10月：") applies to the lines under it
 * that have no date of their own; every line is read by /排期's reader (its
 * own date or time, title, place, subject, rules); a table under a header
 * row (周次, 日期, 活动内容, 承办学校, 学科, 备注…) is read by its columns. A
 * line that is no activity (no time, no heading) comes back with the reason
 * notActivity, so that the preview says why it was left.
 */
export function planImport(lines: readonly string[], env: CalendarEnv): ImportItem[] {
  const items: ImportItem[] = []
  let month: number | null = null
  /** The term a heading names (第二学期：), for the 第N周 under it. */
  let term: 1 | 2 | undefined
  let table: { header: Header; caption: string | null; above: string[] } | null = null
  /** The last lines that are no activity: the head of a notice block whose time comes below. */
  let titleRows: ImportItem[] = []
  let lastPlain: string | null = null
  const pending = toRecords(lines)
  for (let at = 0; at < pending.length; at++) {
    let record = pending[at]!
    // Tab-indented lines outside a table, under no header, are lines of text (an indented list), one by one.
    if (record.group && !table && !readHeader(record.cells!)) {
      pending.splice(at, 1, ...ungroup(record))
      record = pending[at]!
    }
    if (record.tooLong) {
      items.push({ ok: false, line: record.line, text: `${record.text.slice(0, 40)}…`, reason: { key: 'tooLong', what: 'line', max: MAX_LINE_CHARS } })
      continue
    }
    const header = record.cells ? readHeader(record.cells) : null
    if (header) {
      table = { header, caption: lastPlain === null ? null : captionOf(lastPlain), above: [] }
      titleRows = []
      continue
    }
    if (record.cells && table) {
      const item = readTableRow(record, table, { month, ...(term ? { term } : {}) }, env)
      if (item) items.push(item)
      titleRows = []
      continue
    }
    const text = record.cells ? record.cells.filter((c) => c.trim()).join(' ') : record.text
    const heading = MONTH_HEADING.exec(text.replace(/\s/g, ''))
    if (heading) {
      month = heading[1] === '元' ? 1 : (parseNumber(heading[1]!) ?? month)
      term = undefined
      titleRows = []
      continue
    }
    if (OTHER_HEADING.test(text.replace(/\s/g, ''))) {
      month = null
      titleRows = []
      items.push({ ok: false, line: record.line, text: text.trim(), reason: { key: 'notActivity' } })
      continue
    }
    const termHeading = TERM_HEADING.exec(text.replace(/\s/g, ''))
    if (termHeading) {
      term = /第一|上|秋/.test(termHeading[1]!) ? 1 : 2
      month = null
      titleRows = []
      continue
    }
    if (!text.trim()) continue
    // A line of text ends the table above it (a month heading does not: it groups the rows).
    table = null
    lastPlain = text
    const item = readActivityLine(record.line, text, { month, ...(term ? { term } : {}) }, env) ?? { ok: false, line: record.line, text: text.trim(), reason: { key: 'notActivity' } }
    const merged = !item.ok && item.reason.key === 'noTitle' ? withHeadLine(item, titleRows, { month, ...(term ? { term } : {}) }, env) : null
    if (merged) {
      for (const row of merged.taken) items.splice(items.indexOf(row), 1)
      items.push(merged.item)
      titleRows = []
      continue
    }
    items.push(item)
    titleRows = !item.ok && item.reason.key === 'notActivity' ? [...titleRows, item].slice(-3) : []
  }
  return items
}

/** Stands for a table row's title among the words the reader sees: no time, school, subject or rule. */
const TITLE_STAND_IN = '活动'

/** Columns that make a row an activity of its own; a row with text only elsewhere (备注, unnamed columns) is not one. */
const OWN_KINDS = new Set<ColumnKind>(['term', 'month', 'week', 'date', 'title', 'place', 'subject', 'host'])

function readTableRow(record: Record, table: { header: Header; caption: string | null; above: string[] }, context: LineContext, env: CalendarEnv): ImportItem | null {
  const cells = record.cells!
  if (!cells.some((c) => c.trim())) return null
  const kinds = rowKinds(table.header, cells.length)
  const text = cells.map((c) => c.trim()).filter(Boolean).join(' ')
  if (!kinds.some((k, i) => OWN_KINDS.has(k) && cells[i]?.trim())) return { ok: false, line: record.line, text, reason: { key: 'notesOnly' } }
  const filled = carryDown(kinds, cells, table.above)
  table.above = filled
  const row = readRow(kinds, filled, table.caption, context.month)
  if (!row.title) return { ok: false, line: record.line, text, reason: { key: 'noTitle' } }
  // The title is the column's, less the qualifiers that are rules; the reader sees the time and note columns, those rules, and a stand-in for the title.
  const rules: string[] = []
  const title = row.title.replace(/[（(]([^（）()]{1,40})[）)]/g, (whole, inner: string) => {
    const words = qualifierWords(inner.trim())
    if (words) rules.push(...words)
    return words ? '' : whole
  }).trim()
  const words = [...row.timeWords, ...toWords(row.noteWords.join(' ')), ...rules, TITLE_STAND_IN]
  const fixed = { title: title || row.title, ...(row.place ? { place: row.place } : {}), ...(row.subject ? { subject: row.subject } : {}), ...(row.host ? { host: row.host } : {}) }
  const term = row.term ?? context.term
  return readWords(record.line, text, words, { month: row.month, ...(term ? { term } : {}) }, env, fixed)
}

/**
 * The file's lines as records: a line with tabs between cells is a row (a
 * spreadsheet's, a Word table's, or one pasted from Excel); lines each
 * holding one tab-indented cell, up to a blank line, are one row too (a
 * Word table copied as text, as in seed 004).
 */
function toRecords(lines: readonly string[]): Record[] {
  const records: Record[] = []
  let group: Record | null = null
  const close = () => {
    if (group && group.cells!.length === 1) records.push({ line: group.line, text: group.cells![0]!, cells: null })
    else if (group) records.push(group)
    group = null
  }
  for (const [i, raw] of lines.entries()) {
    if (raw.length > MAX_LINE_CHARS) {
      close()
      records.push({ line: i + 1, text: raw, cells: null, tooLong: true })
    } else if (/^\t[^\t]*$/.test(raw)) {
      group ??= { line: i + 1, text: '', cells: [], group: [] }
      group.cells!.push(raw.slice(1).trim())
      group.group!.push(i + 1)
    } else {
      close()
      if (/\S\s*\t|\t.*\t/.test(raw)) records.push({ line: i + 1, text: raw, cells: raw.split('\t').map((c) => c.trim()) })
      else records.push({ line: i + 1, text: raw, cells: null })
    }
  }
  close()
  return records
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
  // The time as the reader read it (its text, kept for the archive, may not read alone: "第一学期每周四下午（第3-16周）").
  const list = fresh.map((item) => ({
    details: item.details, schedule: { whenText: item.whenText, when: item.when, plan: item.plan }, importKey: item.key, rules: ruleColumns(item.rules, district.timezone),
  }))
  const created = await createActivities(tx, district, origin, list, onProgress)
  return { created, existing }
}

function ruleColumns(rules: ImportRules, tz: string): NonNullable<NewActivity['rules']> {
  const { deadline, ...rest } = rules
  if (!deadline) return rest
  // A deadline day without a time closes at its last second, as /排期's does.
  const at = deadline.start ? toInstant(deadline.date, deadline.start, tz) : new Date(toInstant(deadline.date, '23:59', tz).getTime() + 59_000)
  return { ...rest, deadline: at }
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
  /** Activities of the file the district has already: imported before, or the same activity from another file. */
  existing: number
  /** Lines that write an activity another line of the file wrote already (a table and the 行事历): merged into it. */
  merges: Merge[]
  /** Lines that are an activity of the district imported from another file or scheduled (counted in existing). */
  same: { item: Fresh; activity: SameActivity }[]
  /** Lines that look like activities but cannot be read, each with its reason. */
  unreadable: Unreadable[]
  /** Lines that are no activity (prose, a title): listed too, so that nothing is left without a word. */
  notActivities: Unreadable[]
}

/** Reads the lines against the district's school year and sorts them; null when no term is set. */
export async function prepareImport(tx: Tx, district: District, now: Date, lines: readonly string[]): Promise<ImportPlan | null> {
  const env = await calendarEnv(tx, district, now)
  const reference = referenceDate(env.semesters, env.today)
  if (!reference) return null
  const items = planImport(lines, { ...env, today: reference, nowTime: '00:00', allowPast: true, planYear: true })
  const readable = items.filter((i): i is Fresh => i.ok)
  // The same activity twice in one file (a table and the 行事历 both list it) is created once.
  const { items: activities, merges } = mergeDuplicates(readable)
  // Each line's own key (imported alone before) and each merged activity's.
  const known = await importedKeys(tx, district.id, [...readable, ...activities])
  const knownInto = new Set(merges.filter((m) => known.has(m.key)).map((m) => m.into))
  const unknown = activities.filter((i) => !known.has(i.key) && !knownInto.has(i.line))
  const same = await findSameActivities(tx, district, unknown)
  return {
    reference,
    items,
    fresh: unknown.filter((i) => !same.has(i)),
    existing: activities.length - unknown.length + same.size,
    merges,
    same: [...same].map(([item, activity]) => ({ item, activity })),
    unreadable: items.filter((i): i is Unreadable => !i.ok && i.reason.key !== 'notActivity'),
    notActivities: items.filter((i): i is Unreadable => !i.ok && i.reason.key === 'notActivity'),
  }
}

/** Keys of items already in the district, for the preview (a 行事历 may hold thousands: looked up a slice at a time). */
export async function importedKeys(tx: Tx, districtId: number, items: ImportItem[]): Promise<Set<string>> {
  const keys = [...new Set(items.filter((i) => i.ok).map((i) => (i as { key: string }).key))]
  const rows = await readInChunks(keys, (slice) => tx.activity.findMany({ where: { districtId, importKey: { in: slice } }, select: { importKey: true } }))
  return new Set(rows.map((row) => row.importKey!))
}
