import { parseNumber } from '../calendar/normalize.ts'
import { SUBJECT } from '../core/vocabulary.ts'

/**
 * A 行事历 table, read by its header row: which column holds the term, month,
 * week, date or time, the activity, the host school, the subject, the notes.
 * Headers as district offices write them: 周次, 日期, 活动内容, 承办学校, 学科,
 * 备注, 月份, 时间, 主题, 学校, 地点, 学校教研组… in any order.
 */
export type ColumnKind = 'ignore' | 'term' | 'month' | 'week' | 'date' | 'notes' | 'capacity' | 'host' | 'subject' | 'place' | 'title' | 'other'

const HEADERS: [RegExp, ColumnKind][] = [
  [/^(序号|编号|no\.?|#)$/i, 'ignore'],
  [/^(学期|学年学期)$/, 'term'],
  [/^(月份?|月次)$/, 'month'],
  [/^(周次|周|教学周|第几周|周数|周别)$/, 'week'],
  [/^(日期|时间|时段|星期|日期时间|活动(日期|时间)|具体(日期|时间)|开始时间)$/, 'date'],
  [/^(备注|说明|要求|参加对象|对象|参加人员|参与人员|参加范围)$/, 'notes'],
  [/^(名额|人数|参加人数)$/, 'capacity'],
  [/^(主持人?|负责人|主讲人?|执教人?|执教教师|主讲教师|联系人|组织者)$/, 'host'],
  [/^(学科|学科组|科目|教研组|学科教研组)$/, 'subject'],
  [/^((承办|主办|举办|活动|执教|承办)?(学校|地点|单位|场所)|学校教研组|校区|地址)$/, 'place'],
  [/^((活动|工作|具体|研讨|教研|研究)?(内容|主题|名称|项目|安排)|活动|事项|课题)$/, 'title'],
]

const TIME_KINDS = new Set<ColumnKind>(['term', 'month', 'week', 'date'])

export interface Header {
  kinds: ColumnKind[]
}

/** The columns of a header row; null when the row is no header (it needs a time column and an activity or place column). */
export function readHeader(cells: readonly string[]): Header | null {
  const kinds: ColumnKind[] = []
  let known = 0
  for (const [i, cell] of cells.entries()) {
    // "日期（周次）", "活动内容*": the name without its note.
    const name = cell.replace(/[（(][^（）()]*[）)]/g, '').replace(/[\s:：*]/g, '')
    if (name.length > 8) return null
    const kind = name ? (HEADERS.find(([re]) => re.test(name))?.[1] ?? 'other') : i > 0 && TIME_KINDS.has(kinds[i - 1]!) ? kinds[i - 1]! : 'other'
    if (name && kind !== 'other') known++
    kinds.push(kind)
  }
  const filled = cells.filter((c) => c.trim()).length
  const hasTime = kinds.some((k) => TIME_KINDS.has(k))
  const hasWhat = kinds.some((k) => k === 'title' || k === 'place')
  return hasTime && hasWhat && known >= 2 && known * 2 >= filled ? { kinds } : null
}

/**
 * The kinds of a row's cells: when a row has more cells than its header (the
 * header's 时间 spans 学期 and 周次, as in seed 004's tables), the first time
 * column takes the extra ones.
 */
export function rowKinds(header: Header, cells: number): ColumnKind[] {
  const extra = cells - header.kinds.length
  if (extra <= 0) return header.kinds
  const at = header.kinds.findIndex((k) => TIME_KINDS.has(k))
  if (at === -1) return header.kinds
  return [...header.kinds.slice(0, at), ...Array<ColumnKind>(extra).fill(header.kinds[at]!), ...header.kinds.slice(at)]
}

/** A row read by its columns: the words of its time, and what its other columns give outright. */
export interface TableRow {
  timeWords: string[]
  noteWords: string[]
  title?: string
  place?: string
  subject?: string
  host?: string
  month: number | null
  term?: 1 | 2
}

/** Carries a time column down from the row above when it is empty (a merged cell), unless a time column left of it has text. */
export function carryDown(kinds: readonly ColumnKind[], cells: readonly string[], above: readonly string[]): string[] {
  const out = [...cells]
  let seen = false
  for (const [i, kind] of kinds.entries()) {
    if (!TIME_KINDS.has(kind)) continue
    if (out[i]?.trim()) seen = true
    else if (!seen && above[i]) out[i] = above[i]!
  }
  return out
}

const PENDING_THEME = /^(待定|主题待定|暂定|无|\/|-|—)$/
const TERM_CELL: Record<string, 1 | 2> = { 第一学期: 1, 上学期: 1, 秋季学期: 1, 第二学期: 2, 下学期: 2, 春季学期: 2 }
const HAS_MONTH = /\d{1,2}\s*月|\d{1,2}[/.-]\d{1,2}|[一二三四五六七八九十]{1,2}月|元月/

/** What a row's columns say; caption is the table's own title (the line above it), for a row whose theme is 待定. */
export function readRow(kinds: readonly ColumnKind[], cells: readonly string[], caption: string | null, headingMonth: number | null): TableRow {
  const row: TableRow = { timeWords: [], noteWords: [], month: headingMonth }
  let week = ''
  let month = ''
  /** The date, then any time of day in a column of its own. */
  const dates: string[] = []
  for (const [i, kind] of kinds.entries()) {
    const cell = (cells[i] ?? '').replace(/\s+/g, ' ').trim()
    if (!cell) continue
    const term = TERM_CELL[cell.replace(/\s/g, '')]
    if (term) {
      row.term = term
      continue
    }
    if (kind === 'month' || (TIME_KINDS.has(kind) && /^(\d{1,2}|[一二三四五六七八九十]{1,2}|元)月份?$/.test(cell))) month = /月/.test(cell) ? cell.replace('份', '') : `${cell}月`
    else if (kind === 'week' || (TIME_KINDS.has(kind) && /^第.{1,3}周$/.test(cell))) week = /周/.test(cell) ? cell : `第${cell}周`
    else if (TIME_KINDS.has(kind)) dates.push(cell)
    else if (kind === 'title') row.title ??= cell
    else if (kind === 'subject') row.subject ??= cell
    else if (kind === 'host') row.host ??= cell
    else if (kind === 'capacity') row.noteWords.push(/^\d+$/.test(cell) ? `名额${cell}` : cell)
    else if (kind === 'place') readPlaceCell(cell, row)
    else if (kind === 'notes') row.noteWords.push(...cell.split(' '))
  }
  const [date = '', ...clock] = dates
  const monthNumber = month ? monthOf(month) : null
  if (monthNumber) row.month = monthNumber
  if (row.term === undefined && monthNumber) row.term = monthNumber >= 8 || monthNumber === 1 ? 1 : 2
  const when = HAS_MONTH.test(date) ? date : week ? `${week}${date}` : month ? `${month}${/^\d{1,2}$/.test(date) ? `${date}日` : date}` : date
  row.timeWords = [when, ...clock].join(' ').split(' ').filter(Boolean)
  if (!row.title || PENDING_THEME.test(row.title)) {
    if (caption) row.title = caption
    else delete row.title
  }
  return row
}

/** "育秀实验学校    中小学语文" (seed 004's 学校教研组): the school is the place, the subject the subject. */
function readPlaceCell(cell: string, row: TableRow): void {
  const words = cell.split(' ')
  const subject = words.filter((w) => SUBJECT.test(w))
  const place = words.filter((w) => !SUBJECT.test(w))
  if (subject.length && !row.subject) row.subject = subject.join('、')
  if (place.length) row.place ??= place.join(' ')
}

function monthOf(text: string): number | null {
  const m = /^(\d{1,2}|[一二三四五六七八九十]{1,2}|元)月/.exec(text)
  if (!m) return null
  const n = m[1] === '元' ? 1 : parseNumber(m[1]!)
  return n && n <= 12 ? n : null
}

/**
 * A table's caption: the line just above it, without its numbering and
 * past its first pause ("2、主题式联合教研活动:每学期至少两所学校" → 主题式联合教研活动).
 */
export function captionOf(line: string): string | null {
  const text = line
    .replace(/^\s*(?:[（(]\s*[0-9一二三四五六七八九十]+\s*[)）]|[0-9一二三四五六七八九十]{1,2}\s*[、.．)）])\s*/, '')
    .split(/[:：，。,;；（(]/)[0]!
    .trim()
  return text && text.length <= 30 ? text : null
}
