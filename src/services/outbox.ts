import { chunked } from '../db/chunks.ts'
import type { Db, Tx } from '../db/client.ts'
import type { OutgoingMessage } from '../core/message.ts'
import { retryWhileBusy } from '../db/busy.ts'
import { Prisma } from '../generated/prisma/client.ts'
import { skipLocked } from '../db/lock.ts'

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
    const [{ id }] = (await tx.$queryRaw<{ id: number | bigint }[]>`
      INSERT INTO "Outbox" ("platform", "chatId", "messageJson", "gatherKey", "status", "attempts", "nextAttemptAt", "createdAt")
      VALUES (${message.chat.platform}, ${message.chat.chatId}, ${JSON.stringify(message)}, ${gatherKey}, 'pending', 0, ${leaseUntil}, ${now})
      RETURNING "id"`) as [{ id: number | bigint }]
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
export async function takeDue(
  tx: Tx, now: Date, leaseUntil: Date, skip: ReadonlySet<number>, limit = 200, platforms?: readonly string[],
): Promise<OutboxRow[]> {
  if (platforms && platforms.length === 0) return []
  // On PostgreSQL another process's pass may be taking rows at this moment: the
  // rows it holds are passed over, and once it commits they are no longer due.
  // Only the platforms this process runs: another process sends the rest.
  const free = skipLocked(tx)
  const mine = platforms ? Prisma.sql`AND "platform" IN (${Prisma.join(platforms)})` : Prisma.empty
  const ids = await tx.$queryRaw<{ id: number }[]>`
    SELECT "id" FROM "Outbox" WHERE "status" = 'pending' AND "nextAttemptAt" <= ${now} ${mine} ORDER BY "id" LIMIT ${limit + skip.size} ${free}`
  const wanted = ids.map((r) => Number(r.id)).filter((id) => !skip.has(id)).slice(0, limit)
  const due = wanted.length ? await tx.outbox.findMany({ where: { id: { in: wanted } }, orderBy: { id: 'asc' } }) : []
  const batches = [...new Set(due.flatMap((r) => (r.batchId === null ? [] : [r.batchId])))]
  const taken = new Set(due.map((r) => r.id))
  // At most `limit` batch ids; the rows they bring may be more than one statement binds, so they are leased a slice at a time.
  const held = batches.length ? await lockedBatchRows(tx, batches) : new Set<number>()
  const rest = batches.length ? (await tx.outbox.findMany({ where: { status: 'pending', batchId: { in: batches } } })).filter((r) => held.has(r.id)) : []
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

/** The pending rows of the batches, but those another process is taking. */
async function lockedBatchRows(tx: Tx, batches: readonly number[]): Promise<Set<number>> {
  const rows = await tx.$queryRaw<{ id: number }[]>`
    SELECT "id" FROM "Outbox" WHERE "status" = 'pending' AND "batchId" IN (${Prisma.join(batches)}) ${skipLocked(tx)}`
  return new Set(rows.map((r) => Number(r.id)))
}

/** Rows this process cannot send (their platform runs in another process): due at once, for that process's next pass. */
export async function release(db: Db, ids: readonly number[], now: Date): Promise<void> {
  await retryWhileBusy(() => db.$transaction([db.outbox.updateMany({ where: { id: { in: [...ids] } }, data: { nextAttemptAt: now } })]), MARK_WAIT_MS)
}

/** Pending rows written before `before` that no process took (their platform ran nowhere): kept as failed, never sent late. */
export async function expire(db: Db, before: Date): Promise<number> {
  const [{ count }] = await retryWhileBusy(() =>
    db.$transaction([
      db.outbox.updateMany({
        where: { status: 'pending', createdAt: { lt: before } },
        data: { status: 'failed', lastError: 'not sent within a day: no process ran its platform' },
      }),
    ]),
  )
  return count
}

/** Rows going out as one message: recorded before the send, so a resend after a crash is the same message. */
export async function recordBatch(db: Db, ids: readonly number[]): Promise<void> {
  const update = () => db.$executeRaw`UPDATE "Outbox" SET "batchId" = ${ids[0]!} WHERE "id" IN (${Prisma.join(ids)})`
  await retryWhileBusy(() => db.$transaction([update()]), MARK_WAIT_MS)
}

/**
 * Marks rows sent. A one-statement batch transaction: it takes the adapter's
 * lock as a transaction does, at a third of the cost.
 */
export async function markSent(db: Db, ids: readonly number[], now: Date): Promise<void> {
  const update = () => db.$executeRaw`UPDATE "Outbox" SET "status" = 'sent', "sentAt" = ${now} WHERE "id" IN (${Prisma.join(ids)})`
  await retryWhileBusy(() => db.$transaction([update()]), MARK_WAIT_MS)
}

/** A failed send: tried again at `retryAt`, or given up ("failed", kept for the record). */
export async function markFailed(db: Db, ids: readonly number[], attempts: number, error: string, retryAt: Date | null): Promise<void> {
  const data = retryAt ? { attempts, lastError: error, nextAttemptAt: retryAt } : { attempts, lastError: error, status: 'failed' }
  await retryWhileBusy(() => db.$transaction([db.outbox.updateMany({ where: { id: { in: [...ids] } }, data })]), MARK_WAIT_MS)
}
