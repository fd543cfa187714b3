import cron, { type ScheduledTask } from 'node-cron'
import { inTx, type Db } from '../db/client.ts'
import type { SendFn } from '../core/message.ts'
import type { Logger } from '../log.ts'
import { createOutboxSender, type OutboxSender } from '../platforms/outbox-sender.ts'
import type { OutboxRow } from '../services/outbox.ts'
import { holdLease, releaseLease } from '../services/processes.ts'
import { dueCandidates } from './plan.ts'
import type { Candidate } from './plan-context.ts'

export type ReminderOptions = {
  db: Db
  log: Logger
  clock: () => Date
  /**
   * This process's id, where several share the database: one of them at a
   * time works out a tick (a lease, on the machine's clock), the others only
   * send. Without it every process plans every tick: still each reminder once
   * (the keys), but four processes planned the same 1 000 digests in turn.
   */
  holder?: string
} & (
  | { /** The process's outbox sender. */ outbox: OutboxSender }
  | {
      /** A send path for an outbox sender of the reminders' own (tests, a separate tick process). */
      send: SendFn
      /** How long a written message is held by this run before another may send it. */
      claimTimeoutMs?: number
    }
)

/** The lease of planning a tick; a holder that died lets it run out after this long. */
const TICK_LEASE = 'reminder-tick'
const TICK_LEASE_MS = 60_000

export interface TickResult {
  queued: number
  skipped: number
  sent: number
}

export interface Reminders {
  /** Works out what is due now, writes it to the outbox and sends it. */
  tick(): Promise<TickResult>
  /** Starts node-cron: a tick every 30 seconds. */
  start(): void
  /** Stops the ticks; resolves when a tick under way has finished. */
  stop(): Promise<void>
}

/**
 * The reminder run. Each tick computes what is due from the database, never
 * from timers in memory, so a restart loses nothing. Every message has a
 * unique key: inserting it claims it (a second tick or process cannot), and
 * its message is written to the outbox in that same transaction; the outbox
 * sender delivers it (again after a crash, under the same key, which Lark
 * drops). What is due but stale is recorded as skipped and logged once.
 */
export function createReminders(options: ReminderOptions): Reminders {
  const { db, log, clock } = options
  const outbox = 'outbox' in options ? options.outbox : createOutboxSender({ db, send: options.send, log, clock, leaseMs: options.claimTimeoutMs })
  let task: ScheduledTask | undefined
  let running: Promise<TickResult> | null = null

  /**
   * Writes the due candidates' rows: their messages built in one read
   * transaction, the reminders and their outbox rows written in one write
   * transaction, but for the keys another tick or process took meanwhile.
   */
  async function queue(due: Candidate[], now: Date): Promise<{ rows: OutboxRow[]; queued: number; skipped: number }> {
    const built = await inTx(db, async (tx) => {
      const list = []
      for (const c of due) {
        const stale = now >= c.staleAt
        const message = stale ? null : await c.build(tx)
        // The message carries its key, for platforms that drop a second send with the same key.
        list.push({ candidate: c, message: message ? { ...message, key: c.key } : null, note: stale ? 'stale' : message ? null : 'nothing to send' })
      }
      // Written (so sent) in each chat in the order they fell due.
      return list.sort((a, b) => a.candidate.dueAt.getTime() - b.candidate.dueAt.getTime())
    })
    // Keys another tick or process took meanwhile are left to it; one that takes a key
    // between this read and the write makes the transaction run again (inTx), and then it is left too.
    const { rows, written } = await inTx(db, async (tx) => {
      const taken = new Set(
        (await tx.reminder.findMany({ where: { key: { in: built.map((b) => b.candidate.key) } }, select: { key: true } })).map((r) => r.key),
      )
      const mine = built.filter((b) => !taken.has(b.candidate.key))
      const messages = mine.flatMap((b) => (b.message ? [b.message] : []))
      const rows = await outbox.write(tx, messages)
      const byKey = new Map(rows.map((r) => [r.message.key!, r.id]))
      await tx.reminder.createMany({
        data: mine.map(({ candidate: c, message, note }) => ({
          key: c.key, kind: c.kind, groupId: c.groupId, occurrenceId: c.occurrenceId, dueAt: c.dueAt,
          status: message ? 'queued' : 'skipped', outboxId: message ? byKey.get(c.key)! : null, note, createdAt: now,
        })),
      })
      return { rows, written: mine }
    })
    for (const { candidate: c, note } of written) {
      if (note === 'stale') log.info({ key: c.key, dueAt: c.dueAt, staleAt: c.staleAt }, 'reminder skipped: too late to be useful')
    }
    const queued = written.filter((w) => w.message).length
    return { rows, queued, skipped: written.length - queued }
  }

  /** Plans and writes what is due, unless another process is doing so this moment (options.holder). */
  async function plan(now: Date): Promise<{ rows: OutboxRow[]; queued: number; skipped: number }> {
    const nothing = { rows: [], queued: 0, skipped: 0 }
    const { holder } = options
    if (holder && !(await holdLease(db, TICK_LEASE, holder, new Date(), TICK_LEASE_MS))) return nothing
    try {
      const due = await inTx(db, (tx) => dueCandidates(tx, now))
      return due.length > 0 ? await queue(due, now) : nothing
    } finally {
      if (holder) await releaseLease(db, TICK_LEASE, holder).catch((err: unknown) => log.warn({ err }, 'reminder lease not released'))
    }
  }

  async function tickOnce(): Promise<TickResult> {
    const now = clock()
    const { rows, queued, skipped } = await plan(now)
    // This tick's messages, then anything due that no process is holding (a crashed run's, a retry).
    const [fresh, earlier] = await Promise.all([outbox.deliver(rows), outbox.pass()])
    const result: TickResult = { queued, skipped, sent: fresh + earlier }
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
    async stop() {
      void task?.stop()
      await running?.catch(() => {})
    },
  }
}

