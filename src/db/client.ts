import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaClient, type Prisma } from '../generated/prisma/client.ts'
import { retryWhileBusy } from './busy.ts'

export type Db = PrismaClient
export type Tx = Prisma.TransactionClient

/**
 * Opens the SQLite file through the driver adapter (no engine binary).
 * WAL with synchronous=NORMAL makes a commit ~50x cheaper than the default
 * rollback journal (../shared/RECIPES.md); busy_timeout lets a command wait
 * for another process's write lock instead of failing at once.
 */
export async function openDb(databaseFile: string): Promise<Db> {
  mkdirSync(path.dirname(databaseFile), { recursive: true })
  const adapter = new PrismaBetterSQLite3({ url: `file:${databaseFile}`, timeout: 5000 })
  const db = new PrismaClient({ adapter })
  await db.$queryRawUnsafe('PRAGMA journal_mode = WAL')
  await db.$executeRawUnsafe('PRAGMA synchronous = NORMAL')
  await db.$executeRawUnsafe('PRAGMA foreign_keys = ON')
  return db
}

/**
 * Runs fn in one transaction. The better-sqlite3 adapter serialises
 * transactions with a mutex but runs bare queries on the same connection
 * without it, so a bare query could land inside another command's open
 * transaction: all bot work goes through here.
 *
 * While another process holds the database, the transaction is run again
 * (for up to 5 s): fn may run more than once, so it touches nothing but the
 * database and what it returns.
 */
export function inTx<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return retryWhileBusy(() => db.$transaction(fn, { maxWait: 10_000, timeout: 15_000 }))
}
