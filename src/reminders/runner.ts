import { randomBytes } from 'node:crypto'
import cron, { type ScheduledTask } from 'node-cron'
import { retryWhileBusy } from '../db/busy.ts'
import { inTx, type Db } from '../db/client.ts'
import type { OutgoingMessage, SendFn } from '../core/message.ts'
import type { Logger } from '../log.ts'
import { dueCandidates, type Candidate } from './plan.ts'

export interface ReminderOptions {
  db: Db
  /** The platform send path (paced queues, kept on failure); may throw only if the process is going down. */
  send: SendFn
  log: Logger
  clock: () => Date
  /** A claim older than this with no "sent" is taken to be a crashed send and is tried again. */
  claimTimeoutMs?: number
  /** Names this process in the claims, for the log. */
  owner?: string
}

export interface TickResult {
  queued: number
  skipped: number
  sent: number
}

export interface Reminders {
  /** Works out what is due now, claims it and sends it. */
  tick(): Promise<TickResult>
  /** Starts node-cron: a tick every 30 seconds. */
  start(): void
  stop(): void
}

const CLAIM_TIMEOUT_MS = 5 * 60_000
/** How many rows one claim takes: few enough that their paced sends end well inside the timeout. */
const CLAIM_BATCH = 20

/**
 * The reminder run. Each tick computes what is due from the database, never
 * from timers in memory, so a restart loses nothing. Every message has a
 * unique key: inserting it claims it (a second tick or process cannot), its
 * text is stored with it, then one sender moves it from pending to sending
 * (a conditional update), sends it and marks it sent. A send that never
 * reports back (a crash between claim and send) is taken up again after the
 * claim timeout. What is due but stale is recorded as skipped and logged once.
 */
export function createReminders(options: ReminderOptions): Reminders {
  const { db, log, clock } = options
  const owner = options.owner ?? `${process.pid}-${randomBytes(3).toString('hex')}`
  const timeout = options.claimTimeoutMs ?? CLAIM_TIMEOUT_MS
  let task: ScheduledTask | undefined
  let running: Promise<TickResult> | null = null
  let claims = 0

  /**
   * Writes the due candidates' rows: their messages built in one read
   * transaction, the rows inserted in one write transaction. A key another
   * tick or process took meanwhile makes that insert fail; then each row is
   * inserted on its own and the taken ones are left.
   */
  async function queue(due: Candidate[], now: Date): Promise<{ queued: number; skipped: number }> {
    const rows = await inTx(db, async (tx) => {
      const built = []
      for (const c of due) {
        const stale = now >= c.staleAt
        const message = stale ? null : await c.build(tx)
        built.push({
          candidate: c,
          data: {
            key: c.key, kind: c.kind, groupId: c.groupId, occurrenceId: c.occurrenceId, dueAt: c.dueAt,
            // The message carries its key, for platforms that drop a second send with the same key.
            status: message ? 'pending' : 'skipped', messageJson: message ? JSON.stringify({ ...message, key: c.key }) : null,
            note: stale ? 'stale' : message ? null : 'nothing to send', createdAt: now,
          },
        })
      }
      return built
    })
    let inserted = rows
    try {
      await inTx(db, (tx) => tx.reminder.createMany({ data: rows.map((r) => r.data) }))
    } catch (err) {
      if (!isUniqueViolation(err)) throw err
      inserted = []
      for (const row of rows) {
        try {
          await inTx(db, (tx) => tx.reminder.create({ data: row.data }))
          inserted.push(row)
        } catch (e) {
          if (!isUniqueViolation(e)) throw e
        }
      }
    }
    for (const { candidate: c, data } of inserted) {
      if (data.note === 'stale') log.info({ key: c.key, dueAt: c.dueAt, staleAt: c.staleAt }, 'reminder skipped: too late to be useful')
    }
    const queued = inserted.filter((r) => r.data.status === 'pending').length
    return { queued, skipped: inserted.length - queued }
  }

  /** Claims and sends every pending message (and every claim left by a crash), a platform at a time in order. */
  async function deliver(now: Date): Promise<number> {
    const cutoff = new Date(now.getTime() - timeout)
    const open = { OR: [{ status: 'pending' }, { status: 'sending', claimedAt: { lt: cutoff } }] }
    const rows = await inTx(db, (tx) => tx.reminder.findMany({ where: open, orderBy: [{ dueAt: 'asc' }, { id: 'asc' }], take: 2000 }))
    const byPlatform = new Map<string, typeof rows>()
    for (const row of rows) {
      const platform = (JSON.parse(row.messageJson ?? '{}') as Partial<OutgoingMessage>).chat?.platform ?? 'none'
      const list = byPlatform.get(platform)
      if (list) list.push(row)
      else byPlatform.set(platform, [row])
    }
    const counts = await Promise.all(
      [...byPlatform.values()].map(async (list) => {
        let sent = 0
        // Claimed a few at a time, just before they are sent, so a claim never ages past the timeout in a paced queue.
        for (let i = 0; i < list.length; i += CLAIM_BATCH) {
          const chunk = list.slice(i, i + CLAIM_BATCH)
          const token = `${owner}:${++claims}`
          const mine = await inTx(db, async (tx) => {
            const ids = chunk.map((r) => r.id)
            await tx.reminder.updateMany({ where: { id: { in: ids }, ...open }, data: { status: 'sending', claimedAt: clock(), claimedBy: token } })
            const rows = await tx.reminder.findMany({ where: { id: { in: ids }, claimedBy: token, status: 'sending' }, select: { id: true } })
            return new Set(rows.map((r) => r.id))
          })
          for (const row of chunk) {
            if (!mine.has(row.id)) continue
            await options.send(JSON.parse(row.messageJson!) as OutgoingMessage)
            // Marking it sent must not be lost to a busy database: that would send it again after the timeout.
            // (A one-statement batch transaction: it takes the adapter's lock as inTx does, at a third of the cost.)
            await retryWhileBusy(() => db.$transaction([db.reminder.updateMany({ where: { id: row.id }, data: { status: 'sent', sentAt: clock() } })]), 60_000)
            sent++
          }
        }
        return sent
      }),
    )
    return counts.reduce((a, b) => a + b, 0)
  }

  async function tickOnce(): Promise<TickResult> {
    const now = clock()
    const due = await inTx(db, (tx) => dueCandidates(tx, now))
    const result: TickResult = { queued: 0, skipped: 0, sent: 0 }
    if (due.length > 0) Object.assign(result, await queue(due, now))
    result.sent = await deliver(now)
    if (result.queued || result.sent || result.skipped) log.info(result, 'reminders')
    return result
  }

  return {
    tick() {
      running ??= tickOnce().finally(() => (running = null))
      return running
    },
    start() {
      task = cron.schedule('*/30 * * * * *', () => {
        this.tick().catch((err: unknown) => log.error({ err }, 'reminder tick failed'))
      }, { name: 'reminders', noOverlap: true })
    },
    stop() {
      void task?.stop()
    },
  }
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string }
  return e?.code === 'P2002' || /UNIQUE constraint failed/i.test(e?.message ?? '')
}
