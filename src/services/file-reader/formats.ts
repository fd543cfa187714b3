import { Readable } from 'node:stream'
import dayjs from 'dayjs'
import customParseFormat from 'dayjs/plugin/customParseFormat.js'
import utc from 'dayjs/plugin/utc.js'
import { crc32 } from 'node:zlib'
import { decodeText } from './decode-text.ts'
import { FileRefusal, MAX_CELLS_PER_ROW, MAX_FILE_BYTES, MAX_LINE_CHARS, MAX_LINES, MAX_ROWS } from './limits.ts'
import { htmlLines } from './docx-html.ts'
import { checkZip, mergedRanges, rebuildZip, type Part } from './zip.ts'

dayjs.extend(customParseFormat)
dayjs.extend(utc)

/**
 * The lines of a 行事历 file: Word (.docx, a paragraph or a table row a line),
 * Excel (.xlsx) or CSV (a row with text a line, its cells joined by tabs), or
 * text (UTF-8, GB18030, or UTF-16 with its mark; other bytes are refused as
 * not text). A line over MAX_LINE_CHARS is cut to one character more, so the
 * reader of the lines sees that it was too long. Throws FileRefusal at a limit.
 */
export async function readFileLines(fileName: string, bytes: Buffer): Promise<string[]> {
  if (bytes.length > MAX_FILE_BYTES) throw new FileRefusal({ key: 'tooBig' })
  const lines = new Lines()
  const ext = fileName.toLowerCase().split('.').pop()
  if (ext === 'docx') await readDocx(bytes, lines)
  else if (ext === 'xlsx') await readXlsx(bytes, lines)
  else if (ext === 'csv') await readCsv(bytes, lines)
  else for (const line of splitLines(textOf(bytes))) lines.add(line)
  return lines.all
}

/** A .txt's or .csv's characters; a file of other bytes given that name (a picture, a zip, a program) is refused. */
function textOf(bytes: Buffer): string {
  const text = decodeText(bytes)
  if (text === null) throw new FileRefusal({ key: 'notText' })
  return text
}

/** The lines read so far, stopped at MAX_ROWS rows (empty ones too) and MAX_LINES lines with text. */
class Lines {
  readonly all: string[] = []
  private rows = 0
  private filled = 0

  /** A row or paragraph without text, which still takes reading. */
  skip(): void {
    if (++this.rows > MAX_ROWS) throw new FileRefusal({ key: 'tooManyRows' })
  }

  add(text: string): void {
    this.skip()
    const line = clip(text)
    if (line.trim() && ++this.filled > MAX_LINES) throw new FileRefusal({ key: 'tooManyLines' })
    this.all.push(line)
  }
}

const clip = (text: string) => (text.length > MAX_LINE_CHARS ? text.slice(0, MAX_LINE_CHARS + 1) : text)

function* splitLines(text: string): Generator<string> {
  let start = 0
  for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
    yield text.slice(start, end > start && text[end - 1] === '\r' ? end - 1 : end)
    start = end + 1
  }
  yield text.slice(start)
}

async function readDocx(bytes: Buffer, lines: Lines): Promise<void> {
  const checked = await checkZip(bytes, (name) => /\.(xml|rels)$/i.test(name))
  const clean = await rebuildZip(checked, checked.entries)
  const mammoth = (await import('mammoth')).default
  // HTML keeps a table's rows and cells, which plain text runs together.
  const { value } = await mammoth.convertToHtml({ buffer: clean }, { ignoreEmptyParagraphs: false }).catch(() => {
    throw new FileRefusal({ key: 'corrupt' })
  })
  htmlLines(value, (line) => lines.add(line))
}

/** The parts exceljs's streaming reader takes, in the order it needs them: sheets last, so none waits in a temporary file. */
const XLSX_PARTS: { pattern: RegExp; standIn?: [string, string] }[] = [
  { pattern: /^xl\/_rels\/workbook\.xml\.rels$/, standIn: ['xl/_rels/workbook.xml.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>'] },
  { pattern: /^xl\/workbook\.xml$/ },
  { pattern: /^xl\/styles\.xml$/ },
  { pattern: /^xl\/sharedStrings\.xml$/, standIn: ['xl/sharedStrings.xml', '<sst/>'] },
  { pattern: /^xl\/worksheets\/sheet\d+\.xml$/ },
]

async function readXlsx(bytes: Buffer, lines: Lines): Promise<void> {
  const checked = await checkZip(bytes)
  const parts: Part[] = []
  for (const { pattern, standIn } of XLSX_PARTS) {
    const found = checked.entries.filter((e) => pattern.test(e.fileName)).sort((a, b) => sheetNumber(a.fileName) - sheetNumber(b.fileName))
    // Without rels or shared strings exceljs would park every sheet in a temporary file: an empty part stands in.
    if (found.length === 0 && standIn) parts.push(storedPart(...standIn))
    parts.push(...found)
  }
  const sheets = checked.entries.filter((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.fileName))
  const merges = new Map(await Promise.all(sheets.map(async (e) => [String(sheetNumber(e.fileName)), await mergedRanges(checked, e)] as const)))
  const ExcelJS = (await import('exceljs')).default
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([await rebuildZip(checked, parts)]), {
    sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore',
  })
  try {
    for await (const sheet of reader) {
      // A cell merged down holds its text in its first row only: the rows below get it too.
      const starts = new Map<number, { col: number; to: number }[]>()
      for (const range of merges.get(String((sheet as { id?: unknown }).id)) ?? []) starts.set(range.from, [...(starts.get(range.from) ?? []), range])
      const open = new Map<number, { value: unknown; to: number }>()
      for await (const row of sheet) {
        const values = [...(row.values as unknown[])]
        for (const [col, span] of open) {
          if (span.to < row.number) open.delete(col)
          else if (values[col] === undefined || values[col] === null) values[col] = span.value
        }
        for (const { col, to } of starts.get(row.number) ?? []) open.set(col, { value: values[col], to })
        if (values.some((v) => v !== undefined && v !== null && v !== '')) lines.add(rowText(values))
        else lines.skip()
      }
    }
  } catch (err) {
    throw err instanceof FileRefusal ? err : new FileRefusal({ key: 'corrupt' })
  }
}

const sheetNumber = (name: string) => Number(/(\d+)\.xml$/.exec(name)?.[1] ?? 0)

function storedPart(fileName: string, text: string): Part {
  const data = Buffer.from(text, 'utf8')
  return { fileName, data, crc32: crc32(data) }
}

async function readCsv(bytes: Buffer, lines: Lines): Promise<void> {
  const text = textOf(bytes)
  let rows = 0
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) if (++rows > MAX_ROWS) throw new FileRefusal({ key: 'tooManyRows' })
  const ExcelJS = (await import('exceljs')).default
  const ws = await new ExcelJS.Workbook().csv.read(Readable.from([text]), { map: csvValue }).catch(() => {
    throw new FileRefusal({ key: 'corrupt' })
  })
  ws.eachRow((row) => lines.add(rowText(row.values as unknown[])))
}

/** exceljs's own date formats for CSV cells. */
const CSV_DATE_FORMATS = ['YYYY-MM-DD[T]HH:mm:ssZ', 'YYYY-MM-DD[T]HH:mm:ss', 'MM-DD-YYYY', 'YYYY-MM-DD']

/**
 * A CSV cell as exceljs's default mapping reads it (empty, number, one of its
 * date formats, else the text), but trying the dates only on text that starts
 * like one: its trying every format on every cell took 95 % of the time
 * (5 000 lines in 2.5 s).
 */
function csvValue(datum: string): unknown {
  if (datum === '') return null
  const number = Number(datum)
  if (!Number.isNaN(number) && number !== Infinity) return number
  if (/^\d{2,4}-/.test(datum)) {
    for (const format of CSV_DATE_FORMATS) {
      // As UTC, so that the day read is the day written whatever the machine's timezone (cellText reads it in UTC).
      const date = dayjs.utc(datum, format, true)
      if (date.isValid()) return date.toDate()
    }
  }
  return datum
}

/**
 * A row's cells joined by tabs, each in its column (an empty cell stays
 * empty, so a table is read by its columns): the first MAX_CELLS_PER_ROW
 * columns, each cell clipped. exceljs puts column A at index 1.
 */
function rowText(values: unknown[]): string {
  const cells: string[] = []
  for (let col = 1; col < Math.min(values.length, MAX_CELLS_PER_ROW + 1); col++) cells.push(clip(cellText(values[col]).replace(/[\t\r\n]+/g, ' ')))
  return cells.join('\t').replace(/\t+$/, '')
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return `${value.getUTCMonth() + 1}月${value.getUTCDate()}日`
  if (typeof value === 'object' && 'richText' in (value as object)) return (value as { richText: { text: string }[] }).richText.map((r) => r.text).join('')
  if (typeof value === 'object' && 'text' in (value as object)) return String((value as { text: unknown }).text)
  return String(value).trim()
}
