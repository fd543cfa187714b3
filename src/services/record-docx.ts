/**
 * The 教研活动记录表 of one held session as a Word document (the `docx`
 * package): a table of what, when, where and who, the summary, and the
 * photos sized to fit an A4 page. Pure: the photos' bytes are handed in.
 */
import { formatFullDate } from '../calendar/format.ts'
import { texts } from '../core/texts/index.ts'
import { imageType } from './archive-files.ts'
import type { PersonLine, SessionRecordData } from './records.ts'

/** The widest and tallest a photo is drawn, in pixels (about 15 × 18 cm): inside an A4 page's margins. */
const MAX_WIDTH = 560
const MAX_HEIGHT = 680

const S = texts.recordSheet

export async function recordDocx(data: SessionRecordData, photos: { name: string; bytes: Buffer }[]): Promise<Buffer> {
  const docx = await import('docx')
  const { Document, Packer, Paragraph, TextRun, Table, TableRow, TableCell, WidthType, HeadingLevel, AlignmentType, ImageRun } = docx
  const cell = (lines: string[], bold = false, width = 75) =>
    new TableCell({
      width: { size: width, type: WidthType.PERCENTAGE },
      children: (lines.length ? lines : ['']).map((t) => new Paragraph({ children: [new TextRun({ text: t, bold })] })),
    })
  const row = (label: string, lines: string[]) => new TableRow({ children: [cell([label], true, 25), cell(lines)] })
  const people = (list: PersonLine[], leave = false) =>
    list.length ? list.map((p) => (leave ? S.onLeave(p.name, p.school, p.note) : S.person(p.name, p.school, p.note))) : [S.none]
  const when = `${formatFullDate(data.date)}${data.time ? ` ${data.time}` : ''}`
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      row(S.activity, [`#${data.activityId} ${data.title}`]),
      row(S.when, [when]),
      row(S.place, [data.place]),
      row(S.host, [data.host]),
      row(S.presenter, [data.presenter]),
      row(S.subject, [data.subject]),
      row(S.organizer, [data.organizer]),
      row(S.present(data.present.length), people(data.present)),
      row(S.leave(data.leave.length), people(data.leave, true)),
      row(S.absent(data.absent.length), people(data.absent)),
      row(S.summary, data.summary ? data.summary.split(/\r?\n/) : [S.noSummary]),
    ],
  })
  const body: InstanceType<typeof Paragraph | typeof Table>[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, alignment: AlignmentType.CENTER, children: [new TextRun(S.title)] }),
    table,
  ]
  if (photos.length) body.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(S.photos(photos.length))] }))
  for (const photo of photos) {
    const type = imageType(photo.bytes)
    const size = type ? imageSize(photo.bytes, type) : null
    if (!type || !size) {
      body.push(new Paragraph({ children: [new TextRun(S.photoNamed(photo.name))] }))
      continue
    }
    body.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new ImageRun({ type, data: photo.bytes, transformation: fit(size) })] }))
  }
  const others = data.files.filter((f) => f.kind !== 'image')
  if (others.length) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(S.files)] }))
    for (const f of others) body.push(new Paragraph({ children: [new TextRun(f.name)] }))
  }
  const doc = new Document({ creator: 'xuequ-bot', title: S.title, sections: [{ children: body }] })
  return Packer.toBuffer(doc)
}

/** A photo's size scaled down (never up) to fit MAX_WIDTH × MAX_HEIGHT. */
function fit(size: { width: number; height: number }): { width: number; height: number } {
  const scale = Math.min(1, MAX_WIDTH / size.width, MAX_HEIGHT / size.height)
  return { width: Math.max(1, Math.round(size.width * scale)), height: Math.max(1, Math.round(size.height * scale)) }
}

/** Width and height from an image's header; null when it cannot be read. */
export function imageSize(bytes: Buffer, type: 'png' | 'jpg' | 'gif' | 'bmp'): { width: number; height: number } | null {
  try {
    if (type === 'png') return positive(bytes.readUInt32BE(16), bytes.readUInt32BE(20))
    if (type === 'gif') return positive(bytes.readUInt16LE(6), bytes.readUInt16LE(8))
    if (type === 'bmp') return positive(bytes.readInt32LE(18), Math.abs(bytes.readInt32LE(22)))
    return jpegSize(bytes)
  } catch {
    return null
  }
}

/** A JPEG's size from its start-of-frame marker (SOF0-SOF15 but DHT, JPG and DAC). */
function jpegSize(bytes: Buffer): { width: number; height: number } | null {
  let i = 2
  while (i + 9 < bytes.length) {
    if (bytes[i] !== 0xff) return null
    const marker = bytes[i + 1]!
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) return positive(bytes.readUInt16BE(i + 7), bytes.readUInt16BE(i + 5))
    i += 2 + bytes.readUInt16BE(i + 2)
  }
  return null
}

function positive(width: number, height: number): { width: number; height: number } | null {
  return width > 0 && height > 0 && width < 100_000 && height < 100_000 ? { width, height } : null
}
