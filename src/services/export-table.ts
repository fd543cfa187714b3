/**
 * One table of the web console as an Excel workbook: one sheet with a
 * Chinese name, the header row and the rows exactly as the page shows them
 * (a blank cell where the page shows none).
 */
import { addSheet } from './export-attendance.ts'
import { excel, workbookBytes } from './export.ts'

export type Cell = string | number | null

export interface Table {
  columns: readonly string[]
  rows: readonly (readonly Cell[])[]
}

/** Column width in Excel's units: a Chinese character takes about two. */
function widthOf(texts: readonly Cell[]): number {
  const chars = Math.max(...texts.map((t) => [...String(t ?? '')].reduce((n, ch) => n + (ch.charCodeAt(0) > 0xff ? 2 : 1), 0)))
  return Math.min(48, Math.max(8, chars + 2))
}

export async function tableWorkbook(sheet: string, table: Table): Promise<Buffer> {
  const wb = new (await excel()).Workbook()
  wb.creator = 'xuequ-bot'
  wb.created = new Date(0)
  const columns = table.columns.map((header, i) => ({ header, key: `c${i}`, width: widthOf([header, ...table.rows.map((r) => r[i] ?? null)]) }))
  const ws = addSheet(wb, sheet, columns)
  for (const row of table.rows) ws.addRow([...row])
  return workbookBytes(wb)
}
