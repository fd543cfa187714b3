/**
 * Files made to attack a 行事历 reader, generated in the tests (none is
 * committed): zip bombs, headers that lie, floods of rows and paragraphs,
 * broken zips. Each is a real zip, written here byte by byte because no
 * zip library writes lies on purpose.
 */
import { constants, crc32, createDeflateRaw, deflateRawSync } from 'node:zlib'

export interface Deflated {
  deflated: Buffer
  size: number
  crc: number
}

export interface ZipPart {
  name: string
  data: Buffer | Deflated
  /** The unzipped size the headers declare, when they should lie. */
  declaredSize?: number
  /** Written between the entries but left out of the central directory: only a reader that walks local headers finds it. */
  hidden?: boolean
}

const deflate = (data: Buffer): Deflated => ({ deflated: deflateRawSync(data), size: data.length, crc: crc32(data) })

/** A zip of the parts, deflated, with a central directory and an end record. */
export function zipOf(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const part of parts) {
    const d = Buffer.isBuffer(part.data) ? deflate(part.data) : part.data
    const name = Buffer.from(part.name, 'utf8')
    const fields = Buffer.alloc(26)
    fields.writeUInt16LE(20, 0)
    fields.writeUInt16LE(0x0800, 2)
    fields.writeUInt16LE(8, 4)
    fields.writeUInt16LE(0x21, 8)
    fields.writeUInt32LE(d.crc, 10)
    fields.writeUInt32LE(d.deflated.length, 14)
    fields.writeUInt32LE(part.declaredSize ?? d.size, 18)
    fields.writeUInt16LE(name.length, 22)
    const local = Buffer.concat([u32(0x04034b50), fields, name, d.deflated])
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    fields.copy(central, 6)
    central.writeUInt32LE(offset, 42)
    locals.push(local)
    if (!part.hidden) centrals.push(central, name)
    offset += local.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  const listed = parts.filter((p) => !p.hidden).length
  end.writeUInt16LE(listed, 8)
  end.writeUInt16LE(listed, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4)
  b.writeUInt32LE(n)
  return b
}

/**
 * prefix + unit × count + suffix, deflated without ever holding it: once the
 * window is full of the same units, a flushed chunk of them deflates to the
 * same bytes every time, so the stream is that chunk's bytes repeated.
 */
export async function deflateRepeated(prefix: string, unit: string, count: number, suffix: string): Promise<Deflated> {
  const perChunk = Math.ceil((1 << 20) / Buffer.byteLength(unit))
  const chunk = Buffer.from(unit.repeat(perChunk))
  const repeats = Math.floor(count / perChunk) - 1
  if (repeats < 2) return deflate(Buffer.from(prefix + unit.repeat(count) + suffix))
  const rest = Buffer.from(unit.repeat(count - perChunk * (repeats + 1)) + suffix)
  const z = createDeflateRaw({ level: 9 })
  const out: Buffer[] = []
  z.on('data', (c: Buffer) => out.push(c))
  const flushed = async (data: Buffer) => {
    z.write(data)
    await new Promise<void>((resolve) => z.flush(constants.Z_SYNC_FLUSH, () => resolve()))
    return Buffer.concat(out.splice(0))
  }
  const head = await flushed(Buffer.concat([Buffer.from(prefix), chunk]))
  const steady = await flushed(chunk)
  if (!steady.equals(await flushed(chunk))) throw new Error('the deflated chunk is not steady')
  z.end(rest)
  await new Promise((resolve) => z.on('end', resolve))
  const tail = Buffer.concat(out)
  let crc = crc32(Buffer.concat([Buffer.from(prefix), chunk]))
  for (let i = 0; i < repeats; i++) crc = crc32(chunk, crc)
  crc = crc32(rest, crc)
  const size = Buffer.byteLength(prefix) + chunk.length * (repeats + 1) + rest.length
  return { deflated: Buffer.concat([head, ...Array<Buffer>(repeats).fill(steady), tail]), size, crc }
}

const CONTENT_TYPES = (main: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${main}</Types>`
const RELS = (target: string, type: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/${type}" Target="${target}"/></Relationships>`

export const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
export const SHEET_TAIL = '</sheetData></worksheet>'
export const DOC_HEAD = '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
export const DOC_TAIL = '</w:body></w:document>'

/** A minimal workbook: one sheet, and shared strings when given. */
export function xlsxOf(sheet: Buffer | Deflated, o: { sharedStrings?: Buffer | Deflated; declaredSizes?: Record<string, number>; before?: ZipPart[] } = {}): Buffer {
  const parts: ZipPart[] = [
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES('<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>')) },
    { name: '_rels/.rels', data: Buffer.from(RELS('xl/workbook.xml', 'officeDocument/2006/relationships/officeDocument')) },
    { name: 'xl/workbook.xml', data: Buffer.from('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="行事历" sheetId="1" r:id="rId1"/></sheets></workbook>') },
    { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(RELS('worksheets/sheet1.xml', 'officeDocument/2006/relationships/worksheet')) },
    ...(o.sharedStrings ? [{ name: 'xl/sharedStrings.xml', data: o.sharedStrings }] : []),
    ...(o.before ?? []),
    { name: 'xl/worksheets/sheet1.xml', data: sheet },
  ]
  return zipOf(parts.map((p) => ({ ...p, declaredSize: p.declaredSize ?? o.declaredSizes?.[p.name] })))
}

/** A minimal Word document with the given body XML. */
export function docxOf(document: Buffer | Deflated, o: { declaredSize?: number } = {}): Buffer {
  return zipOf([
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES('<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>')) },
    { name: '_rels/.rels', data: Buffer.from(RELS('word/document.xml', 'officeDocument/2006/relationships/officeDocument')) },
    { name: 'word/document.xml', data: document, declaredSize: o.declaredSize },
  ])
}

/** A workbook whose one shared-string cell holds `chars` characters (1 GB by default), zipped under 1 MB. */
export async function sharedStringBomb(chars = 1_000_000_000, o: { lie?: boolean } = {}): Promise<Buffer> {
  const strings = await deflateRepeated('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>', 'a', chars, '</t></si></sst>')
  const sheet = Buffer.from(`${SHEET_HEAD}<row r="1"><c r="A1" t="s"><v>0</v></c></row>${SHEET_TAIL}`)
  return xlsxOf(sheet, { sharedStrings: strings, ...(o.lie ? { declaredSizes: { 'xl/sharedStrings.xml': 1000 } } : {}) })
}

/** A Word document of `count` paragraphs (3 million by default), zipped under 1 MB. */
export async function paragraphFlood(count = 3_000_000, o: { lie?: boolean; paragraph?: string } = {}): Promise<Buffer> {
  const document = await deflateRepeated(DOC_HEAD, o.paragraph ?? '<w:p><w:r><w:t>教研</w:t></w:r></w:p>', count, DOC_TAIL)
  return docxOf(document, o.lie ? { declaredSize: 1000 } : {})
}

/** A workbook of `count` rows with a cell each (5 million by default; rows may leave out their number), zipped under 1 MB. */
export async function rowFlood(count = 5_000_000, o: { lie?: boolean } = {}): Promise<Buffer> {
  const sheet = await deflateRepeated(SHEET_HEAD, '<row><c t="inlineStr"><is><t>教研</t></is></c></row>', count, SHEET_TAIL)
  return xlsxOf(sheet, o.lie ? { declaredSizes: { 'xl/worksheets/sheet1.xml': 1000 } } : {})
}

/**
 * Files that are no text, as one renamed .txt or .csv carries them: seeded
 * noise (with NUL bytes, as any binary file has, and without), a PNG
 * picture, a zip. None is committed.
 */
export function binaryFiles(): { noise: Buffer; noiseWithoutNul: Buffer; png: Buffer; zip: Buffer } {
  let seed = 20260901
  const noise = (n: number, lowest: number) =>
    Buffer.from(Array.from({ length: n }, () => lowest + ((seed = (seed * 48271) % 2147483647) % (256 - lowest))))
  const png = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), noise(8192, 0)])
  return {
    noise: noise(32 * 1024, 0),
    noiseWithoutNul: noise(32 * 1024, 1),
    png,
    zip: zipOf([{ name: 'word/document.xml', data: noise(16 * 1024, 0) }]),
  }
}
