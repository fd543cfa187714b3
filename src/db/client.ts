import { accessSync, constants, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaClient, type Prisma } from '../generated/prisma/client.ts'
import PQueue from 'p-queue'
import { retryLostRace, retryWhileBusy } from './busy.ts'
import { isPostgresUrl } from './url.ts'

export type Db = PrismaClient
export type Tx = Prisma.TransactionClient

/**
 * Opens the SQLite file through the driver adapter (no engine binary).
 * WAL with synchronous=NORMAL makes a commit ~50x cheaper than the default
 * rollback journal (../shared/RECIPES.md). busy_timeout is short: better-sqlite3
 * waits for another process's lock synchronously, holding up the whole
 * process (webhook answers too), so longer waits are retries (inTx) that
 * give the event loop back between tries.
 */
/** The database file cannot be written where it is configured (a folder that cannot be made, a read-only disk or file). */
export class DataFolderError extends Error {
  constructor(
    readonly folder: string,
    readonly reason: string,
  ) {
    super(`${folder}: ${reason}`)
    this.name = 'DataFolderError'
  }
}

/**
 * Makes sure the database's folder exists and can be written, and the file
 * too if it is there, before anything else touches them: otherwise the first
 * error comes from deep inside the migration tool ("External error id#0").
 */
export function checkDataFolder(databaseFile: string): void {
  const folder = path.dirname(databaseFile)
  try {
    mkdirSync(folder, { recursive: true })
    const probe = path.join(folder, `.xuequ-write-check-${process.pid}`)
    writeFileSync(probe, '')
    rmSync(probe)
    if (existsSync(databaseFile)) accessSync(databaseFile, constants.R_OK | constants.W_OK)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'unknown'
    throw new DataFolderError(folder, code)
  }
}

/** Opens the database a url names: `file:` SQLite (the default) or `postgresql://`. */
export async function openDb(url: string): Promise<Db> {
  if (isPostgresUrl(url)) {
    // Loaded only for PostgreSQL: the SQLite default does not pay for pg at start.
    const [{ PrismaClient: PgClient }, { PrismaPg }, { createPool }] = await Promise.all([
      import('../generated/prisma-pg/client.ts'),
      import('@prisma/adapter-pg'),
      import('./postgres.ts'),
    ])
    // The client generated for PostgreSQL has the same models and calls as the
    // SQLite one (one schema source); the app is typed against the latter.
    const db = new PgClient({ adapter: new PrismaPg(createPool(url, 20), { disposeExternalPool: true }) }) as unknown as Db
    dialects.set(db, 'postgres')
    await db.$queryRaw`SELECT 1`
    return db
  }
  const file = url.replace(/^file:/, '')
  mkdirSync(path.dirname(file), { recursive: true })
  const adapter = new PrismaBetterSQLite3({ url: `file:${file}`, timeout: 100 })
  const db = new PrismaClient({ adapter })
  dialects.set(db, 'sqlite')
  await db.$queryRawUnsafe('PRAGMA journal_mode = WAL')
  await db.$executeRawUnsafe('PRAGMA synchronous = NORMAL')
  await db.$executeRawUnsafe('PRAGMA foreign_keys = ON')
  return db
}

export type Dialect = 'sqlite' | 'postgres'
const dialects = new WeakMap<object, Dialect>()

/** Which database a client or a transaction of it talks to. */
export function dialectOf(client: Db | Tx): Dialect {
  return dialects.get(client) ?? 'sqlite'
}

/**
 * Closes the client once the transactions already in line have finished: on
 * PostgreSQL a transaction cut off by the disconnect would hold its
 * connection, and the pool's end would wait for it for ever.
 */
export async function closeDb(db: Db): Promise<void> {
  await lines.get(db)?.queue.onIdle()
  await db.$disconnect()
}

export interface TxOptions {
  /** How long to keep trying while another process holds the database (default 5 s), counted from the call. */
  waitMs?: number
  /** Told once when the database has been held by another process for a while and this transaction still waits. */
  onWait?(): void
}

interface Line {
  queue: PQueue
  /** Since when another process has held the database, while it does. */
  busySince: number | null
  waiting: Set<() => void>
}

const lines = new WeakMap<Db, Line>()
/**
 * Transactions of one process at a time: SQLite has one writer, and its adapter
 * would interleave bare queries with an open transaction; PostgreSQL runs them
 * side by side, each guarding what it reads to write with a row lock (lock.ts).
 */
const CONCURRENT: Record<Dialect, number> = { sqlite: 1, postgres: 8 }
/** After this long held by another process, those waiting are told (before Lark's 3 s). */
const TELL_AFTER_MS = 2000

/**
 * Runs fn in one transaction. The better-sqlite3 adapter serialises
 * transactions with a mutex but runs bare queries on the same connection
 * without it, so a bare query could land inside another command's open
 * transaction: all bot work goes through here.
 *
 * Transactions take their turns first come, first served. While another
 * process holds the database, the first in line runs again (fn may run more
 * than once, so it touches nothing but the database and what it returns) and
 * the rest wait behind it, so those who came first keep their places (the
 * next sign-ups), and each is told once when the wait grows long.
 */
export function inTx<T>(db: Db, fn: (tx: Tx) => Promise<T>, options: TxOptions = {}): Promise<T> {
  let line = lines.get(db)
  if (!line) lines.set(db, (line = { queue: new PQueue({ concurrency: CONCURRENT[dialectOf(db)] }), busySince: null, waiting: new Set() }))
  const { queue, waiting } = line
  const dialect = dialectOf(db)
  const marked = (tx: Tx) => {
    dialects.set(tx, dialect)
    return fn(tx)
  }
  const deadline = Date.now() + (options.waitMs ?? 5000)
  const tell = options.onWait
  if (tell) waiting.add(tell)
  const held = (busy: boolean) => {
    line.busySince = busy ? (line.busySince ?? Date.now()) : null
    if (!busy || Date.now() - line.busySince! < TELL_AFTER_MS) return
    for (const told of waiting) told()
    waiting.clear()
  }
  return queue
    .add(() => {
      const once = () => retryLostRace(() => db.$transaction(marked, { maxWait: 10_000, timeout: 15_000 }))
      return retryWhileBusy(once, Math.max(0, deadline - Date.now()), held)
    })
    .finally(() => tell && waiting.delete(tell))
}
