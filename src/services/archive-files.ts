/**
 * Photos and files kept for an activity's record (教研活动记录表), under
 * DATA_DIR/archive/<district>/<activity>/<date>/. One posted outside a
 * session's window is staged a while (RecentFile, DATA_DIR/archive/staging/)
 * so /归档 can still link it; staged files are cleared after RECENT_KEEP_MS.
 * Nothing is ever written outside DATA_DIR, and names are made safe first.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Tx } from '../db/client.ts'
import type { Activity, ArchiveFile, Occurrence, RecentFile } from '../generated/prisma/client.ts'
import { checkinWindow, isWithinWindow } from './session-times.ts'

/** The most a photo or file posted for the archive may weigh; the download stops past it. */
export const MAX_ARCHIVE_FILE_BYTES = 20 * 1024 * 1024
/** How long a file posted outside a session's window waits for /归档. */
export const RECENT_KEEP_MS = 60 * 60_000
/** /归档 sent without quoting takes the sender's files posted this recently. */
export const ARCHIVE_AFTER_MS = 10 * 60_000
const MAX_NAME_CHARS = 80
const DAY_MS = 24 * 60 * 60_000

export type FileKind = 'image' | 'file'

/** Where a file is being kept: the session, and the day that names its folder. */
export interface SessionTarget {
  districtId: number
  activityId: number
  occurrenceId: number
  date: string
}

export interface PostedFile {
  platform: string
  messageId: string
  kind: FileKind
  name: string
  byId: number
  at: Date
}

/** Sessions of the district whose 签到 window holds `now`: this group's activities first, then those of no group. */
export async function openSessions(tx: Tx, districtId: number, groupId: number, now: Date): Promise<{ activity: Activity; occurrence: Occurrence }[]> {
  const found = await tx.occurrence.findMany({
    where: {
      districtId, skipReason: null, cancelled: false,
      startAt: { gte: new Date(now.getTime() - 3 * DAY_MS), lte: new Date(now.getTime() + DAY_MS) },
      activity: { status: { not: 'cancelled' }, OR: [{ groupId }, { groupId: null }] },
    },
    include: { activity: true },
    orderBy: { startAt: 'asc' },
  })
  const open = found.filter((o) => isWithinWindow(checkinWindow(o.activity, o), now))
  const distance = (o: Occurrence) => Math.abs(o.startAt.getTime() - now.getTime())
  open.sort((a, b) => Number(a.activity.groupId !== groupId) - Number(b.activity.groupId !== groupId) || distance(a) - distance(b))
  return open.map(({ activity, ...occurrence }) => ({ activity, occurrence }))
}

/** Keeps a posted file for a session; false when this message's file was kept before (the same photo twice is kept once). */
export async function keepFile(tx: Tx, dataDir: string, target: SessionTarget, file: PostedFile, bytes: Buffer): Promise<boolean> {
  if (await archivedFile(tx, file.platform, file.messageId)) return false
  const name = safeFileName(file.name, file.kind, bytes)
  const rel = sessionPath(target, file, name)
  writeInside(dataDir, rel, bytes)
  await createRow(tx, target, file, { name, path: rel, size: bytes.length })
  return true
}

/** Stages a file posted outside any window, for a later /归档; clears what has waited too long. */
export async function stageFile(tx: Tx, dataDir: string, groupId: number, file: PostedFile, bytes: Buffer): Promise<void> {
  await clearStaged(tx, dataDir, file.at)
  const known = await tx.recentFile.findUnique({ where: { platform_messageId: { platform: file.platform, messageId: file.messageId } } })
  if (known || (await archivedFile(tx, file.platform, file.messageId))) return
  const name = safeFileName(file.name, file.kind, bytes)
  const rel = path.posix.join('archive', 'staging', `${keyOf(file)}-${name}`)
  writeInside(dataDir, rel, bytes)
  await tx.recentFile.create({
    data: { groupId, memberId: file.byId, platform: file.platform, messageId: file.messageId, kind: file.kind, name, path: rel, size: bytes.length, at: file.at },
  })
}

/** Staged files older than RECENT_KEEP_MS: rows and bytes removed. */
export async function clearStaged(tx: Tx, dataDir: string, now: Date): Promise<number> {
  const old = await tx.recentFile.findMany({ where: { at: { lt: new Date(now.getTime() - RECENT_KEEP_MS) } } })
  for (const f of old) removeInside(dataDir, f.path)
  await tx.recentFile.deleteMany({ where: { id: { in: old.map((f) => f.id) } } })
  return old.length
}

/** The staged file a message quotes, if it is still kept. */
export function stagedByMessage(tx: Tx, platform: string, messageId: string): Promise<RecentFile | null> {
  return tx.recentFile.findUnique({ where: { platform_messageId: { platform, messageId } } })
}

/** The sender's files staged in this group since `since`, oldest first. */
export function stagedSince(tx: Tx, groupId: number, memberId: number, since: Date): Promise<RecentFile[]> {
  return tx.recentFile.findMany({ where: { groupId, memberId, at: { gte: since } }, orderBy: { at: 'asc' } })
}

export function archivedFile(tx: Tx, platform: string, messageId: string): Promise<ArchiveFile | null> {
  return tx.archiveFile.findUnique({ where: { platform_messageId: { platform, messageId } } })
}

/** Moves a staged file into a session's folder; false when its bytes are gone (cleared meanwhile). */
export async function linkStaged(tx: Tx, dataDir: string, staged: RecentFile, target: SessionTarget): Promise<boolean> {
  const file: PostedFile = { platform: staged.platform, messageId: staged.messageId, kind: staged.kind as FileKind, name: staged.name, byId: staged.memberId, at: staged.at }
  await tx.recentFile.delete({ where: { id: staged.id } })
  const rel = sessionPath(target, file, staged.name)
  try {
    const to = inside(dataDir, rel)
    mkdirSync(path.dirname(to), { recursive: true })
    renameSync(inside(dataDir, staged.path), to)
  } catch {
    return false
  }
  await createRow(tx, target, file, { name: staged.name, path: rel, size: staged.size })
  return true
}

async function createRow(tx: Tx, target: SessionTarget, file: PostedFile, stored: { name: string; path: string; size: number }): Promise<void> {
  const { districtId, activityId, occurrenceId } = target
  const { kind, byId, platform, messageId, at } = file
  await tx.archiveFile.create({ data: { districtId, activityId, occurrenceId, kind, byId, platform, messageId, at, ...stored } })
}

/** How many photos and other files a session's record holds. */
export async function countFiles(tx: Tx, occurrenceId: number): Promise<{ images: number; files: number }> {
  const rows = await tx.archiveFile.groupBy({ by: ['kind'], where: { occurrenceId }, _count: { _all: true } })
  const of = (kind: string) => rows.find((r) => r.kind === kind)?._count._all ?? 0
  return { images: of('image'), files: of('file') }
}

/** A session's kept files, oldest first. */
export function sessionFiles(tx: Tx, occurrenceId: number): Promise<ArchiveFile[]> {
  return tx.archiveFile.findMany({ where: { occurrenceId }, orderBy: [{ at: 'asc' }, { id: 'asc' }] })
}

/** A kept file's absolute path, checked to be under DATA_DIR. */
export function archivePath(dataDir: string, rel: string): string {
  return inside(dataDir, rel)
}

/**
 * A name safe to write and to show: its last path part only, no control or
 * reserved characters, no leading dots, at most MAX_NAME_CHARS with its
 * extension kept; a photo without an extension gets the one its bytes say.
 */
export function safeFileName(raw: string, kind: FileKind, bytes?: Buffer): string {
  const last = raw.split(/[\\/]/).pop() ?? ''
  // eslint-disable-next-line no-control-regex
  let name = last.replace(/[\u0000-\u001f\u007f<>:"|?*\u202a-\u202e\u2066-\u2069]/g, '_').replace(/^[.\s]+/, '').trim()
  const ext = /\.[A-Za-z0-9]{1,8}$/.exec(name)?.[0] ?? ''
  if (Array.from(name).length > MAX_NAME_CHARS) name = Array.from(name.slice(0, name.length - ext.length)).slice(0, MAX_NAME_CHARS - ext.length).join('') + ext
  if (!name || name === ext) name = kind === 'image' ? 'photo' : 'file'
  if (kind === 'image' && !ext) name += `.${bytes ? imageType(bytes) ?? 'jpg' : 'jpg'}`
  return name
}

/** The image format its first bytes say, where a Word document can show it. */
export function imageType(bytes: Buffer): 'png' | 'jpg' | 'gif' | 'bmp' | null {
  if (bytes.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]))) return 'png'
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'jpg'
  if (bytes.subarray(0, 3).toString('latin1') === 'GIF') return 'gif'
  if (bytes.subarray(0, 2).toString('latin1') === 'BM') return 'bmp'
  return null
}

/** A short stable prefix per message: two files of the same name never overwrite each other. */
function keyOf(file: { platform: string; messageId: string }): string {
  return createHash('sha256').update(`${file.platform}:${file.messageId}`).digest('hex').slice(0, 10)
}

function sessionPath(target: SessionTarget, file: PostedFile, name: string): string {
  return path.posix.join('archive', String(target.districtId), String(target.activityId), target.date, `${keyOf(file)}-${name}`)
}

function inside(dataDir: string, rel: string): string {
  const root = path.resolve(dataDir)
  const full = path.resolve(root, rel)
  if (!full.startsWith(root + path.sep)) throw new Error(`archive path outside DATA_DIR: ${rel}`)
  return full
}

function writeInside(dataDir: string, rel: string, bytes: Buffer): void {
  const full = inside(dataDir, rel)
  mkdirSync(path.dirname(full), { recursive: true })
  writeFileSync(full, bytes)
}

function removeInside(dataDir: string, rel: string): void {
  rmSync(inside(dataDir, rel), { force: true })
}
