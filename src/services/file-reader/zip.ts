import yauzl, { type Entry, type ZipFile } from 'yauzl'
import { FileRefusal, MAX_DOCX_ELEMENTS, MAX_ENTRY_BYTES, MAX_UNZIPPED_BYTES, MAX_ZIP_ENTRIES } from './limits.ts'

/** A checked entry, or a small part made here (stored, not compressed). */
export type Part = Entry | { fileName: string; data: Buffer; crc32: number }

export interface CheckedZip {
  zip: ZipFile
  /** As the central directory lists them, each inflated once to its declared size. */
  entries: Entry[]
}

/**
 * Reads a .docx/.xlsx zip's directory and inflates every entry, stopping at
 * the limits: the entry count and declared sizes first, then the bytes that
 * really come out (yauzl fails an entry that inflates past its declared size,
 * so a header that lies is caught within one chunk). Elements are counted in
 * the XML parts `countElements` names.
 */
export async function checkZip(bytes: Buffer, countElements: (name: string) => boolean = () => false): Promise<CheckedZip> {
  const zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, validateEntrySizes: true }).catch(corrupt)
  if (zip.entryCount > MAX_ZIP_ENTRIES) throw new FileRefusal({ key: 'tooManyEntries' })
  const entries: Entry[] = []
  let declared = 0
  for await (const entry of iterate(zip)) {
    declared += entry.uncompressedSize
    if (entry.uncompressedSize > MAX_ENTRY_BYTES || declared > MAX_UNZIPPED_BYTES) throw new FileRefusal({ key: 'unzippedTooBig' })
    if (entry.isEncrypted() || !entry.canDecodeFileData()) throw new FileRefusal({ key: 'corrupt' })
    entries.push(entry)
  }
  let elements = 0
  for (const entry of entries) {
    const counter = countElements(entry.fileName) ? elementCounter() : null
    const stream = await zip.openReadStreamPromise(entry).catch(corrupt)
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        if (counter && (elements += counter(chunk)) > MAX_DOCX_ELEMENTS) throw new FileRefusal({ key: 'tooManyElements' })
      }
    } catch (err) {
      corrupt(err)
    } finally {
      stream.destroy()
    }
  }
  return { zip, entries }
}

async function* iterate(zip: ZipFile): AsyncGenerator<Entry> {
  try {
    yield* zip.eachEntry()
  } catch (err) {
    corrupt(err)
  }
}

/** A limit reached stays itself; anything else yauzl or zlib says means the zip is broken. */
function corrupt(err: unknown): never {
  throw err instanceof FileRefusal ? err : new FileRefusal({ key: 'corrupt' })
}

/** Counts element start tags ("<w:p", not "</", "<?" or "<!") across chunk boundaries. */
function elementCounter(): (chunk: Buffer) => number {
  let openAtEnd = false
  const startsName = (b: number | undefined) =>
    b !== undefined && ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b === 0x5f || b === 0x3a || b >= 0x80)
  return (chunk) => {
    let n = openAtEnd && startsName(chunk[0]) ? 1 : 0
    for (let i = chunk.indexOf(0x3c); i !== -1; i = chunk.indexOf(0x3c, i + 1)) if (startsName(chunk[i + 1])) n++
    openAtEnd = chunk.at(-1) === 0x3c
    return n
  }
}

/**
 * The given parts, in that order, as a fresh zip made of their own
 * compressed bytes under headers written from the checked directory. The
 * parsers read this, never the sender's zip: a second directory, bytes hidden
 * between entries or a local header that disagrees with the directory (what a
 * streaming reader such as exceljs's would follow) are gone.
 */
export async function rebuildZip({ zip }: CheckedZip, parts: Part[]): Promise<Buffer> {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const part of parts) {
    const name = Buffer.from(part.fileName, 'utf8')
    const data = 'data' in part ? part.data : await readAll(await zip.openReadStreamPromise(part, { decodeFileData: false }).catch(corrupt))
    const fields = 'data' in part ? headerFields({ compressionMethod: 0, lastModFileTime: 0, lastModFileDate: 0x21, crc32: part.crc32, compressedSize: data.length, uncompressedSize: data.length }, name.length) : headerFields(part, name.length)
    const local = Buffer.concat([u32(0x04034b50), fields, name, data])
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    fields.copy(central, 6)
    central.writeUInt32LE(offset, 42)
    centrals.push(central, name)
    locals.push(local)
    offset += local.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(parts.length, 8)
  end.writeUInt16LE(parts.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

/** The 26 bytes a local header and a central record share: version, UTF-8 flag, method, time, CRC, sizes, name length, no extra field. */
type HeaderSource = Pick<Entry, 'compressionMethod' | 'lastModFileTime' | 'lastModFileDate' | 'crc32' | 'compressedSize' | 'uncompressedSize'>

function headerFields(entry: HeaderSource, nameLength: number): Buffer {
  const b = Buffer.alloc(26)
  b.writeUInt16LE(20, 0)
  b.writeUInt16LE(0x0800, 2)
  b.writeUInt16LE(entry.compressionMethod, 4)
  b.writeUInt16LE(entry.lastModFileTime, 6)
  b.writeUInt16LE(entry.lastModFileDate, 8)
  b.writeUInt32LE(entry.crc32, 10)
  b.writeUInt32LE(entry.compressedSize, 14)
  b.writeUInt32LE(entry.uncompressedSize, 18)
  b.writeUInt16LE(nameLength, 22)
  return b
}

const u32 = (n: number) => {
  const b = Buffer.alloc(4)
  b.writeUInt32LE(n)
  return b
}

async function readAll(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = []
  try {
    for await (const chunk of stream) chunks.push(chunk)
  } catch (err) {
    corrupt(err)
  }
  return Buffer.concat(chunks)
}

/** At most this many merged ranges are read from one sheet. */
const MAX_MERGES = 10_000

/**
 * The ranges a sheet merges down ("A3:A5" → column 1, rows 3-5), read from its
 * checked entry: exceljs's streaming reader skips them (they follow the rows).
 */
export async function mergedRanges({ zip }: CheckedZip, entry: Entry): Promise<{ col: number; from: number; to: number }[]> {
  const ranges: { col: number; from: number; to: number }[] = []
  const stream = await zip.openReadStreamPromise(entry).catch(corrupt)
  let tail = ''
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const text = tail + chunk.toString('latin1')
      const re = /<mergeCell\s+ref="([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})"/g
      let last = 0
      for (let m = re.exec(text); m && ranges.length < MAX_MERGES; m = re.exec(text)) {
        const [from, to] = [Number(m[2]), Number(m[4])]
        if (to > from) ranges.push({ col: columnNumber(m[1]!), from, to })
        last = re.lastIndex
      }
      tail = text.slice(Math.max(last, text.length - 64))
    }
  } catch (err) {
    corrupt(err)
  } finally {
    stream.destroy()
  }
  return ranges
}

function columnNumber(letters: string): number {
  let n = 0
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64
  return n
}
