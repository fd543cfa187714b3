/**
 * The lines of mammoth's HTML for a Word document: a paragraph a line, a
 * table row a line with its cells joined by tabs (as a spreadsheet row is),
 * so that a 行事历 table is read by its columns. A cell merged down
 * (rowspan) repeats in the rows it covers; one merged across (colspan) fills
 * its first column and leaves the others empty. A table inside a cell is
 * that cell's text.
 */
export function htmlLines(html: string, emit: (line: string) => void): void {
  const state = new HtmlState(emit)
  const TOKEN = /<(\/?)([a-zA-Z0-9]+)([^>]*)>|([^<]+)/g
  for (let m = TOKEN.exec(html); m; m = TOKEN.exec(html)) {
    if (m[4] !== undefined) state.text(decodeEntities(m[4]))
    else if (m[1]) state.close(m[2]!.toLowerCase())
    else state.open(m[2]!.toLowerCase(), m[3] ?? '')
  }
  state.flush()
}

const BLOCK = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li'])

interface Table {
  cells: string[]
  /** Columns covered by a cell merged down from a row above: its text and how many rows more. */
  spans: Map<number, { text: string; rows: number }>
  cell: string | null
  colspan: number
  rowspan: number
}

class HtmlState {
  private tables: Table[] = []
  /** Tables opened inside a cell: read as that cell's text. */
  private nested = 0
  private line = ''

  constructor(private readonly emit: (line: string) => void) {}

  private get table(): Table | undefined {
    return this.tables.at(-1)
  }

  text(t: string): void {
    const table = this.table
    if (table && table.cell !== null) table.cell += t
    else if (!table) this.line += t
  }

  open(tag: string, attrs: string): void {
    const table = this.table
    if (tag === 'table') {
      if (table && table.cell !== null) this.nested++
      else this.tables.push({ cells: [], spans: new Map(), cell: null, colspan: 1, rowspan: 1 })
    } else if (this.nested > 0 && table?.cell) {
      if (tag === 'td' || tag === 'th' || tag === 'br' || BLOCK.has(tag)) table.cell += ' '
    } else if (!table) {
      if (tag === 'br' || BLOCK.has(tag)) this.separate()
    } else if (tag === 'tr') {
      table.cells = []
      this.fillSpans(table)
    } else if (tag === 'td' || tag === 'th') {
      this.fillSpans(table)
      table.cell = ''
      table.colspan = attrNumber(attrs, 'colspan')
      table.rowspan = attrNumber(attrs, 'rowspan')
    } else if ((tag === 'br' || BLOCK.has(tag)) && table.cell) table.cell += ' '
  }

  close(tag: string): void {
    const table = this.table
    if (tag === 'table' && this.nested > 0) {
      this.nested--
      return
    }
    if (this.nested > 0) return
    if (!table) {
      // An empty paragraph is a line too: line numbers count paragraphs as Word shows them.
      if (BLOCK.has(tag)) this.separate(true)
    } else if ((tag === 'td' || tag === 'th') && table.cell !== null) {
      const text = table.cell.replace(/\s+/g, ' ').trim()
      const col = table.cells.length
      table.cells.push(text)
      if (table.rowspan > 1) table.spans.set(col, { text, rows: table.rowspan - 1 })
      for (let i = 1; i < table.colspan; i++) table.cells.push('')
      table.cell = null
      this.fillSpans(table)
    } else if (tag === 'tr') {
      this.fillSpans(table)
      this.emit(table.cells.join('\t').replace(/\t+$/, ''))
    } else if (tag === 'table') this.tables.pop()
  }

  flush(): void {
    this.separate()
  }

  /** Ends the paragraph being read (if it has text, unless asked). */
  private separate(always = false): void {
    if (this.line || always) this.emit(this.line)
    this.line = ''
  }

  private fillSpans(table: Table): void {
    for (let span = table.spans.get(table.cells.length); span; span = table.spans.get(table.cells.length)) {
      const col = table.cells.length
      table.cells.push(span.text)
      if (--span.rows === 0) table.spans.delete(col)
    }
  }
}

function attrNumber(attrs: string, name: string): number {
  const m = new RegExp(`${name}="(\\d{1,3})"`).exec(attrs)
  return m ? Math.max(1, Math.min(100, Number(m[1]))) : 1
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos|nbsp);/g, (_, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ''
    }
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' } as Record<string, string>)[e]!
  })
}
