import PQueue from 'p-queue'
import { inTx, type Db } from '../db/client.ts'
import type { Logger } from '../log.ts'
import { handled, leftOver, receive } from '../services/inbox.ts'

export interface EventInboxOptions<T> {
  db: Db
  platform: string
  clock: () => Date
  log: Logger
  /** Handles one event; its command records the event's keys in its own transaction. */
  handle(event: T): Promise<void>
  /** Keeps the handling for the adapter's stop() to wait on. */
  track(work: Promise<void>): Promise<void>
}

/** An event still waiting after this long was left by a process that died (or failed): it is taken up again. */
const LEFT_OVER_AFTER_MS = 60_000
const SWEEP_EVERY_MS = 30_000
/**
 * Events handled at once. Their commands run one at a time anyway (one
 * database), so more gains nothing; one in hand means a new event's receipt
 * waits behind at most one command, not behind a whole burst.
 */
const HANDLING = 1

/**
 * Events acknowledged once written, handled after: a burst of 300 is
 * answered within the platform's window whatever its commands cost, and an
 * event acknowledged before a crash is handled at the next start. Handling
 * twice is harmless: the command takes the event's keys in its transaction.
 */
export class EventInbox<T> {
  private readonly inFlight = new Set<string>()
  private readonly handling = new PQueue({ concurrency: HANDLING })
  private timer: NodeJS.Timeout | undefined

  constructor(private readonly options: EventInboxOptions<T>) {}

  /** Resolves once the event is written (answer the platform then); it is handled after, unless it was received before. */
  async take(key: string, aliases: readonly string[], event: T): Promise<void> {
    const { db, platform, clock } = this.options
    const status = await inTx(db, (tx) => receive(tx, key, aliases, platform, JSON.stringify(event), clock()))
    if (status === 'new') void this.run(key, event).catch(() => undefined)
  }

  /** Handles what was received before `before` (by default, now) and never handled, oldest first; returns how many. */
  async recover(before: Date = this.options.clock()): Promise<number> {
    const { db, platform, log } = this.options
    const rows = await inTx(db, (tx) => leftOver(tx, platform, before))
    let count = 0
    for (const row of rows) {
      if (this.inFlight.has(row.key)) continue
      let event: T
      try {
        event = JSON.parse(row.payload) as T
      } catch {
        log.error({ key: row.key }, 'unreadable event in the inbox; dropped')
        await handled(db, row.key)
        continue
      }
      await this.run(row.key, event).catch(() => undefined)
      count++
    }
    if (count) log.info({ count, platform }, 'events left by an earlier run handled')
    return count
  }

  start(): void {
    this.timer = setInterval(() => {
      const before = new Date(this.options.clock().getTime() - LEFT_OVER_AFTER_MS)
      this.recover(before).catch((err: unknown) => this.options.log.error({ err }, 'inbox sweep failed'))
    }, SWEEP_EVERY_MS)
    this.timer.unref()
  }

  stop(): void {
    clearInterval(this.timer)
  }

  private run(key: string, event: T): Promise<void> {
    this.inFlight.add(key)
    const work = this.handling.add(async () => {
      await this.options.handle(event)
      await handled(this.options.db, key)
      // Let waiting requests (receipts of the next events) in before the next command.
      await new Promise((resolve) => setImmediate(resolve))
    })
    return this.options.track(work.finally(() => this.inFlight.delete(key)))
  }
}
