import { readFileSync } from 'node:fs'
import path from 'node:path'
import { Document, Packer, Paragraph } from 'docx'
import { describe, expect, it } from 'vitest'
import { decodeText } from '../../src/services/file-reader/decode-text.ts'
import { MAX_FILE_BYTES, MAX_LINE_CHARS, type ReadResult } from '../../src/services/file-reader/limits.ts'
import { planImport, readLines } from '../../src/services/import.ts'
import { fileProblemText } from '../../src/services/import-report.ts'
import {
  DOC_HEAD, DOC_TAIL, SHEET_HEAD, SHEET_TAIL, binaryFiles, deflateRepeated, docxOf, paragraphFlood, rowFlood, sharedStringBomb, xlsxOf, zipOf,
} from '../helpers/hostile-files.ts'

const problemOf = (read: ReadResult) => (read.ok ? `read ${read.lines.length} lines` : read.problem.key)
const MB = 1024 * 1024
const sheet = (rows: string[]) => Buffer.from(SHEET_HEAD + rows.join('') + SHEET_TAIL)
const textRow = (r: number, text: string) => `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${text}</t></is></c></row>`

describe('a hostile .xlsx or .docx fails its own read with a reason, within the limits', () => {
  it('refuses a zip bomb .xlsx (one 1 GB shared-string cell in under 1 MB) by its declared size, before inflating it', async () => {
    const bomb = await sharedStringBomb()
    expect(bomb.length).toBeLessThan(1 * MB)
    expect(problemOf(await readLines('行事历.xlsx', bomb))).toBe('unzippedTooBig')
  })

  it('catches the same bomb when its headers lie about the size, at the first chunk past the lie', async () => {
    expect(problemOf(await readLines('行事历.xlsx', await sharedStringBomb(1_000_000_000, { lie: true })))).toBe('corrupt')
  })

  it('refuses a .docx of 3 million paragraphs and an .xlsx of 5 million rows, each under 1 MB, honest or lying', async () => {
    for (const lie of [false, true]) {
      const docx = await paragraphFlood(3_000_000, { lie })
      const xlsx = await rowFlood(5_000_000, { lie })
      expect(docx.length).toBeLessThan(1 * MB)
      expect(xlsx.length).toBeLessThan(1 * MB)
      const expected = lie ? 'corrupt' : 'unzippedTooBig'
      expect(problemOf(await readLines('行事历.docx', docx))).toBe(expected)
      expect(problemOf(await readLines('行事历.xlsx', xlsx))).toBe(expected)
    }
  })

  it('refuses a .docx small enough unzipped whose elements would not fit the parse (400 000 empty paragraphs)', async () => {
    expect(problemOf(await readLines('行事历.docx', await paragraphFlood(400_000, { paragraph: '<w:p/>' })))).toBe('tooManyElements')
  })

  it('stops a sheet at 100 000 rows (empty ones too) and at 8 000 lines with text', async () => {
    const empty = xlsxOf(sheet(Array.from({ length: 150_000 }, (_, i) => `<row r="${i + 1}"/>`)))
    const filled = xlsxOf(sheet(Array.from({ length: 25_000 }, (_, i) => textRow(i + 1, `第${i + 1}行`))))
    expect(problemOf(await readLines('行事历.xlsx', empty))).toBe('tooManyRows')
    expect(problemOf(await readLines('行事历.xlsx', filled))).toBe('tooManyLines')
  })

  it('refuses truncated, foreign and over-crowded zips', async () => {
    const real = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('9月：')] }] }))
    expect(problemOf(await readLines('行事历.docx', real.subarray(0, real.length >> 1)))).toBe('corrupt')
    expect(problemOf(await readLines('行事历.xlsx', Buffer.from('\xD0\xCF\x11\xE0 an old .xls, renamed', 'latin1')))).toBe('corrupt')
    expect(problemOf(await readLines('行事历.docx', zipOf([{ name: 'word/document.xml', data: Buffer.from('<w:document>') }])))).toBe('corrupt')
    const crowded = zipOf(Array.from({ length: 600 }, (_, i) => ({ name: `word/part${i}.xml`, data: Buffer.from('<a/>') })))
    expect(problemOf(await readLines('行事历.docx', crowded))).toBe('tooManyEntries')
  })

  it('reads only what the central directory lists: a bomb hidden between the entries is never inflated', async () => {
    const hidden = await deflateRepeated('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>', 'a', 1_000_000_000, '</t></si></sst>')
    const file = xlsxOf(sheet([textRow(1, '9月：'), '<row r="2"><c r="A2" t="s"><v>0</v></c></row>']), {
      before: [{ name: 'xl/sharedStrings.xml', data: hidden, hidden: true }],
    })
    expect(await readLines('行事历.xlsx', file)).toEqual({ ok: true, lines: ['9月：'] })
  })

  it('refuses a file over 5 MB before reading it', async () => {
    expect(problemOf(await readLines('行事历.txt', Buffer.alloc(MAX_FILE_BYTES + 1, 0x61)))).toBe('tooBig')
  })

  it('a parse that exhausts its heap, or outruns its time, fails alone', async () => {
    const heavy = await paragraphFlood(20_000, { paragraph: '<w:p><w:r><w:t>第4周 教研</w:t></w:r></w:p>' })
    expect(problemOf(await readLines('行事历.docx', heavy, { heapMb: 48, timeLimitMs: 60_000 }))).toBe('outOfMemory')
    expect(problemOf(await readLines('行事历.txt', Buffer.from('9月：'), { heapMb: 192, timeLimitMs: 1 }))).toBe('tooSlow')
    expect(await readLines('行事历.txt', Buffer.from('9月：'))).toEqual({ ok: true, lines: ['9月：'] })
  })
})

describe('lines and cells too long to be a 行事历 line', () => {
  const env = {
    today: '2026-09-01', nowTime: '00:00', allowPast: true, closedOn: () => null,
    semesters: [{ name: '第一学期', startDate: '2026-09-01', endDate: '2027-01-22' }],
    defaults: { morning: '09:00', afternoon: '13:30', evening: '19:00' },
  }

  it('cuts a huge .txt, .csv or cell line one past the limit, and the import reports it instead of storing it', async () => {
    const huge = '长'.repeat(1_500_000)
    const cell = await deflateRepeated(`${SHEET_HEAD}${textRow(1, '9月：')}<row r="2"><c r="A2" t="inlineStr"><is><t>`, '长', 2_500_000, `</t></is></c></row>${SHEET_TAIL}`)
    for (const [name, bytes] of [
      ['行事历.txt', Buffer.from(`9月：\n1、${huge} 第4周\n`)],
      ['行事历.csv', Buffer.from(`9月：\n1、${huge},第4周\n`)],
      ['行事历.xlsx', xlsxOf(cell)],
    ] as const) {
      const read = await readLines(name, bytes)
      if (!read.ok) throw new Error(`${name}: ${read.problem.key}`)
      expect(read.lines[1]!.length, name).toBe(MAX_LINE_CHARS + 1)
      const [item] = planImport(read.lines, env)
      expect(item, name).toMatchObject({ ok: false, line: 2, reason: { key: 'tooLong', what: 'line', max: MAX_LINE_CHARS } })
    }
  })

  it('reports a title over 60 characters or a place over 60 instead of storing it', () => {
    const items = planImport(['9月：', `1、${'联'.repeat(61)} 第4周`, `2、联合教研 ${'育'.repeat(60)}学校 第4周`, `3、${'联'.repeat(60)} 第4周`], env)
    expect(items.map((i) => (i.ok ? 'ok' : `${i.reason.key}:${'what' in i.reason ? i.reason.what : ''}`))).toEqual(['tooLong:title', 'tooLong:place', 'ok'])
  })
})

/** GB18030 bytes of a text, from the decoder's own table (Node has no GB18030 encoder). */
function gb18030(text: string): Buffer {
  const table = new Map<string, number[]>()
  const decoder = new TextDecoder('gb18030')
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) table.set(decoder.decode(new Uint8Array([lead, trail])), [lead, trail])
  }
  return Buffer.from([...text].flatMap((c) => (c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : table.get(c)!)))
}

describe('text files: UTF-8 unless the bytes really are GB18030', () => {
  const calendar = '9月：\n1、主题式联合教研活动：育秀实验学校 中小学语文 第4周\n2、教学视导 肇文学校\n'

  it('keeps UTF-8 with a damaged byte or two as UTF-8', () => {
    const bytes = Buffer.from(calendar)
    bytes[bytes.indexOf('视')] = 0xff
    bytes[bytes.indexOf('校')] = 0x80
    const text = decodeText(bytes) ?? ''
    expect(text).toContain('主题式联合教研活动')
    expect(text.match(/\uFFFD/g)?.length).toBeGreaterThan(0)
    expect(decodeText(Buffer.concat([Buffer.from('\uFEFF'), Buffer.from(calendar)]))).toBe(calendar)
  })

  it('reads GB18030, short or long, as GB18030, and a U+FFFD written in UTF-8 as UTF-8', () => {
    expect(decodeText(gb18030(calendar))).toBe(calendar)
    expect(decodeText(gb18030('9月：'))).toBe('9月：')
    expect(decodeText(Buffer.from('9月：\uFFFD'))).toBe('9月：\uFFFD')
  })
})

describe('a .txt or .csv whose bytes are not text is refused as such, never read as lines of mojibake', () => {
  const plan = readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'seed004-plan.txt'))

  it('refuses noise, a picture and a zip renamed .txt or .csv, with or without NUL bytes', async () => {
    for (const [kind, bytes] of Object.entries(binaryFiles())) {
      expect([kind, decodeText(bytes)]).toEqual([kind, null])
      for (const name of ['行事历.txt', '行事历.csv']) expect([kind, name, problemOf(await readLines(name, bytes))]).toEqual([kind, name, 'notText'])
    }
  })

  it('says so in one sentence that tells how to send it again', () => {
    expect(fileProblemText('行事历.txt', { key: 'notText' })).toBe(
      '读不了「行事历.txt」：这个文件不是文本文件，里面不是文字（可能是图片、压缩包或别的文件改了扩展名）。请把行事历另存为文本文件（.txt，UTF-8 编码）或 Excel 文件（.xlsx）后再发送。',
    )
  })

  it('still reads a real 行事历 saved as UTF-8, UTF-8 with its mark, GB18030, or UTF-16 with its mark, to the same lines', async () => {
    const utf8 = await readLines('行事历.txt', plan)
    if (!utf8.ok) throw new Error(utf8.problem.key)
    expect(utf8.lines.filter((l) => l.trim()).length).toBeGreaterThan(100)
    const text = plan.toString('utf8')
    const utf16be = Buffer.from(`\uFEFF${text}`, 'utf16le').swap16()
    for (const [encoding, bytes] of [
      ['UTF-8 with its mark', Buffer.concat([Buffer.from('\uFEFF'), plan])],
      ['GB18030', gb18030(text)],
      ['UTF-16 LE with its mark', Buffer.from(`\uFEFF${text}`, 'utf16le')],
      ['UTF-16 BE with its mark', utf16be],
    ] as const) {
      expect([encoding, await readLines('行事历.txt', bytes)]).toEqual([encoding, utf8])
      expect([encoding, (await readLines('行事历.csv', bytes)).ok]).toEqual([encoding, true])
    }
  })

  it('passes the odd control character real files carry (a form feed, DOS end-of-file) and a few damaged bytes', () => {
    const text = '9月：\f\n1、联合教研 育秀实验学校\t第4周\r\n\x1a'
    expect(decodeText(Buffer.from(text))).toBe(text)
    const damaged = Buffer.from(text.repeat(3))
    for (const at of [3, 20, 40]) damaged[at] = 0xff
    expect(decodeText(damaged)).toContain('联合教研')
  })
})
