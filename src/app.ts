import { commands } from '../handlers/index.ts'
import { postedFiles } from '../handlers/records.ts'
import type { Config } from './config.ts'
import { checkDataFolder, closeDb, inTx, openDb, type Db } from './db/client.ts'
import { migrateIfNeeded } from './db/migrate.ts'
import { createDispatcher, type Dispatch } from './core/dispatch.ts'
import type { Domain } from './core/domain.ts'
import { createPerformer, type Perform } from './core/perform.ts'
import type { OutgoingMessage, Platform, SendFn } from './core/message.ts'
import { Registry } from './core/registry.ts'
import type { Logger } from './log.ts'
import { createOutboxSender, type OutboxSender } from './platforms/outbox-sender.ts'
import { firstStartClaimCode } from './services/claim-codes.ts'
import { claimOnce } from './services/inbound-events.ts'
import { createDomain } from './services/domain.ts'

export interface App {
  db: Db
  dispatch: Dispatch
  /** Runs a command for a member signed in to the web console (src/core/perform.ts). */
  perform: Perform
  /** Units of work over the domain services: what the web console reads through. */
  domain: Domain<unknown>
  registry: Registry
  /** Every message the bot sends goes through it (src/platforms/outbox-sender.ts). */
  outbox: OutboxSender
  /** A message of the platform's own (a greeting when the bot joins a group): written to the outbox, once per event keys, and sent. */
  announce: Announce
  /** Printed at first start until one district has been claimed. */
  claimCode: string | null
  /** The migrations this start applied (none when the database was up to date). */
  migrated: string[]
  close(): Promise<void>
}

export type Announce = (message: OutgoingMessage, eventKeys?: readonly string[]) => Promise<void>

export interface AppOptions {
  config: Config
  log: Logger
  /** The platforms' send (paced, throwing SendError); the outbox sender calls it. */
  send: SendFn
  clock: () => Date
  /**
   * The clock of the outbox's holds and retries: the machine's, when `clock` is
   * moved (CLOCK_START), so a restart does not wait out time the moved clock
   * already spent. Defaults to `clock` (tests move both together).
   */
  opsClock?: () => Date
  /** The platforms this process runs (see OutboxSenderOptions.serves); unset: all. */
  serves?: () => readonly Platform[]
  /** Tests hand in a database that already has the schema. */
  migrate?: boolean
  /** Told before pending migrations are applied (how many): the start says so, it takes seconds. */
  onMigrating?: (count: number) => void
}

/** Migrates, opens the database and builds the dispatcher: everything but the platforms. */
export async function createApp(options: AppOptions): Promise<App> {
  const { config, log, send, clock } = options
  if (options.migrate !== false && config.databaseFile) checkDataFolder(config.databaseFile)
  const migrated = options.migrate === false ? [] : await migrateIfNeeded(config.DATABASE_URL, options.onMigrating)
  const db = await openDb(config.DATABASE_URL)
  const registry = new Registry(commands)
  const outbox = createOutboxSender({
    db, send, log, clock: options.opsClock ?? clock, leaseMs: config.REMINDER_RETRY_AFTER_S * 1000, ...(options.serves ? { serves: options.serves } : {}),
  })
  const domain = createDomain(db, outbox.write)
  const deps = { domain, registry, outbox, log, config, clock, postedFiles }
  const dispatch = createDispatcher(deps)
  const perform = createPerformer(deps)
  const claimCode = await inTx(db, firstStartClaimCode)
  const announce: Announce = async (message, eventKeys = []) => {
    const now = (options.opsClock ?? clock)()
    const rows = await inTx(db, async (tx) => ((await claimOnce(tx, eventKeys, now)) ? outbox.write(tx, [message]) : []))
    await outbox.deliver(rows)
  }
  return {
    db, dispatch, perform, domain: domain as Domain<unknown>, registry, outbox, announce, claimCode, migrated,
    async close() {
      outbox.stop()
      await outbox.idle()
      await closeDb(db)
    },
  }
}

/** A clock that starts at a given instant and then runs in real time. */
export function createClock(start?: Date): () => Date {
  if (!start) return () => new Date()
  const offset = start.getTime() - Date.now()
  return () => new Date(Date.now() + offset)
}
