import { chunked } from '../db/chunks.ts'
import type { Db, Tx } from '../db/client.ts'
import type { OutgoingMessage } from '../core/message.ts'
import { retryWhileBusy } from '../db/busy.ts'

/** A write after a send must not be lost to another process's lock (the message would go again): it waits up to a minute. */
const MARK_WAIT_MS = 60_000

/** A message written to the outbox, as the sender holds it. */
export interface OutboxRow {
  id: number
  message: OutgoingMessage
  gatherKey: string | null
  batchId: number | null
  attempts: number
  createdAt: Date
}

/**
 * Writes messages to the outbox in the caller's transaction: they are sent
 * only if it commits, and a restart sends what was committed and not sent.
 * The writing process holds them until `leaseUntil`; after that any
 * process's sender takes what is still pending. One statement each (every
 * command pays for this).
 */
export async function enqueue(tx: Tx, messages: readonly OutgoingMessage[], now: Date, leaseUntil: Date): Promise<OutboxRow[]> {
  const rows: OutboxRow[] = []
  for (const message of messages) {
    const gatherKey = message.gather?.key ?? null
    const [{ id }] = (await tx.$queryRawUnsafe<{ id: number | bigint }[]>(
      `INSERT INTO "Outbox" ("platform", "chatId", "messageJson", "gatherKey", "status", "attempts", "nextAttemptAt", "createdAt")
       VALUES (?, ?, ?, ?, 'pending', 0, ?, ?) RETURNING "id"`,
      message.chat.platform, message.chat.chatId, JSON.stringify(message), gatherKey, leaseUntil, now,
    )) as [{ id: number | bigint }]
    rows.push({ id: Number(id), message, gatherKey, batchId: null, attempts: 0, createdAt: now })
  }
  return rows
}

/**
 * Takes pending rows whose lease or retry time has come (their process died
 * before sending them, or a send failed and waits for another try), moving
 * each one's time on by the lease so no other process takes it meanwhile.
 * Rows recorded as one batch come together, to go out as the same message.
 */
export async function takeDue(tx: Tx, now: Date, leaseUntil: Date, skip: ReadonlySet<number>, limit = 200): Promise<OutboxRow[]> {
  const due = (await tx.outbox.findMany({ where: { status: 'pending', nextAttemptAt: { lte: now } }, orderBy: { id: 'asc' }, take: limit + skip.size }))
    .filter((r) => !skip.has(r.id))
    .slice(0, limit)
  const batches = [...new Set(due.flatMap((r) => (r.batchId === null ? [] : [r.batchId])))]
  const taken = new Set(due.map((r) => r.id))
  // At most `limit` batch ids; the rows they bring may be more than one statement binds, so they are leased a slice at a time.
  const rest = batches.length ? await tx.outbox.findMany({ where: { status: 'pending', batchId: { in: batches } } }) : []
  const rows = [...due, ...rest.filter((r) => !taken.has(r.id) && !skip.has(r.id))].sort((a, b) => a.id - b.id)
  if (rows.length === 0) return []
  for (const ids of chunked(rows.map((r) => r.id))) await tx.outbox.updateMany({ where: { id: { in: ids } }, data: { nextAttemptAt: leaseUntil } })
  return rows.map((r) => ({
    id: r.id,
    message: JSON.parse(r.messageJson) as OutgoingMessage,
    gatherKey: r.gatherKey,
    batchId: r.batchId,
    attempts: r.attempts,
    createdAt: r.createdAt,
  }))
}

/** Rows going out as one message: recorded before the send, so a resend after a crash is the same message. */
export async function recordBatch(db: Db, ids: readonly number[]): Promise<void> {
  const sql = `UPDATE "Outbox" SET "batchId" = ? WHERE "id" IN (${ids.map(() => '?').join(',')})`
  await retryWhileBusy(() => db.$transaction([db.$executeRawUnsafe(sql, ids[0]!, ...ids)]), MARK_WAIT_MS)
}

/**
 * Marks rows sent. A one-statement batch transaction: it takes the adapter's
 * lock as a transaction does, at a third of the cost.
 */
export async function markSent(db: Db, ids: readonly number[], now: Date): Promise<void> {
  const sql = `UPDATE "Outbox" SET "status" = 'sent', "sentAt" = ? WHERE "id" IN (${ids.map(() => '?').join(',')})`
  await retryWhileBusy(() => db.$transaction([db.$executeRawUnsafe(sql, now, ...ids)]), MARK_WAIT_MS)
}

/** A failed send: tried again at `retryAt`, or given up ("failed", kept for the record). */
export async function markFailed(db: Db, ids: readonly number[], attempts: number, error: string, retryAt: Date | null): Promise<void> {
  const data = retryAt ? { attempts, lastError: error, nextAttemptAt: retryAt } : { attempts, lastError: error, status: 'failed' }
  await retryWhileBusy(() => db.$transaction([db.outbox.updateMany({ where: { id: { in: [...ids] } }, data })]), MARK_WAIT_MS)
}
