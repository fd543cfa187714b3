/**
 * The archive as one .zip (yazl; UTF-8 names): the workbook, a 教研活动记录表
 * (.docx) per held session, and the kept photos and files in a folder per
 * activity. What it holds follows the export's scope (export.ts): a
 * district, a term's dates or one activity, and whose file it is.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import yazl from 'yazl'
import type { Tx } from '../db/client.ts'
import { texts } from '../core/texts/index.ts'
import { archivePath } from './archive-files.ts'
import type { ExportScope } from './export.ts'
import { recordDocx } from './record-docx.ts'
import { sessionRecordData, type SessionRecordData } from './records.ts'

const S = texts.recordSheet

/** The held sessions an export covers (started, or with kept photos), by activity, oldest first. */
export async function recordedSessions(tx: Tx, scope: ExportScope, now: Date): Promise<{ id: number; activityId: number }[]> {
  const admin = scope.reader.roles.has('admin')
  return tx.occurrence.findMany({
    where: {
      districtId: scope.districtId, skipReason: null, cancelled: false,
      // Started, or already holding photos kept during its 签到 window (which opens before the start).
      OR: [{ startAt: { lte: now } }, { files: { some: {} } }, { record: { isNot: null } }],
      ...(scope.from && scope.to ? { date: { gte: scope.from, lte: scope.to } } : {}),
      activity: { status: { not: 'cancelled' }, ...(scope.activityId ? { id: scope.activityId } : {}), ...(admin ? {} : { organizerId: scope.reader.memberId ?? -1 }) },
    },
    select: { id: true, activityId: true },
    orderBy: [{ activityId: 'asc' }, { startAt: 'asc' }],
  })
}

/** The records of the sessions an export covers, read in the command's transaction. */
export async function sessionRecords(tx: Tx, scope: ExportScope, now: Date, tz: string): Promise<SessionRecordData[]> {
  const sessions = await recordedSessions(tx, scope, now)
  const out: SessionRecordData[] = []
  for (const s of sessions) out.push(await sessionRecordData(tx, s.id, tz))
  return out
}

/**
 * The .zip: the workbook at the top, 教研活动记录表/<one .docx per session>,
 * 照片和资料/#12-<title>/<date>/<files>. A kept file gone from the disk is
 * left out (its name stays in the 记录表). Every entry is dated `madeAt`, the
 * export's time (an archive's files show when it was made). Pure but for reading DATA_DIR.
 */
export async function archiveZip(dataDir: string, workbook: { name: string; bytes: Buffer }, records: readonly SessionRecordData[], madeAt: Date): Promise<Buffer> {
  const zip = new yazl.ZipFile()
  const taken = new Set<string>()
  const add = (bytes: Buffer, name: string) => {
    let unique = name
    for (let n = 2; taken.has(unique); n++) unique = name.replace(/(\.[^./]+)?$/, `(${n})$1`)
    taken.add(unique)
    zip.addBuffer(bytes, unique, { mtime: madeAt })
  }
  add(workbook.bytes, safePart(workbook.name))
  for (const r of records) {
    const files = r.files.map((f) => ({ ...f, bytes: readKept(dataDir, f.path) }))
    const photos = files.filter((f) => f.kind === 'image' && f.bytes).map((f) => ({ name: f.name, bytes: f.bytes! }))
    add(await recordDocx(r, photos), `${S.folder}/${safePart(S.fileName(r.activityId, r.title, r.date))}`)
    const folder = `${S.photoFolder}/${safePart(S.activityFolder(r.activityId, r.title))}/${r.date}`
    for (const f of files) if (f.bytes) add(f.bytes, `${folder}/${safePart(f.name)}`)
  }
  zip.end()
  const chunks: Buffer[] = []
  for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) chunks.push(chunk)
  return Buffer.concat(chunks)
}

/** One part of a path inside the zip: no separators, no reserved characters, no "..". */
export function safePart(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/^\.+/, '_').slice(0, 120) || '_'
}

function readKept(dataDir: string, rel: string): Buffer | null {
  try {
    return readFileSync(archivePath(dataDir, rel))
  } catch {
    return null
  }
}

/** The largest file each platform takes in a chat (Lark: 30 MB; WeChat: about 25 MB); the console saves to disk. */
export const MAX_SEND_BYTES: Record<string, number> = { lark: 30 * 1024 * 1024, wechat: 25 * 1024 * 1024 }

/** Writes an export too big to send under DATA_DIR/exports; returns where, relative to DATA_DIR. */
export function saveExport(dataDir: string, name: string, bytes: Buffer): string {
  const rel = `exports/${safePart(name)}`
  const full = archivePath(dataDir, rel)
  mkdirSync(path.dirname(full), { recursive: true })
  writeFileSync(full, bytes)
  return rel
}
