import { execFile } from 'node:child_process'
import { closeSync, existsSync, openSync, readdirSync, rmSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { isPostgresUrl } from './url.ts'

const run = promisify(execFile)
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** The committed migration history of the url's database (one per provider, from one schema). */
export function migrationsFolder(databaseUrl: string): string {
  return path.join(projectRoot, 'prisma', ...(isPostgresUrl(databaseUrl) ? ['postgresql'] : []), 'migrations')
}

/** The committed migrations, oldest first. */
export function committedMigrations(databaseUrl: string): string[] {
  return readdirSync(migrationsFolder(databaseUrl)).filter((name) => /^\d+_/.test(name)).sort()
}

/**
 * The committed migrations the database has not finished, read from Prisma's
 * own table on a connection of its own, closed before the bot opens its
 * client: a start with nothing new pays one query, not a run of the CLI
 * (about 2 s on SQLite and 12-30 s on PostgreSQL, ../shared/RECIPES.md).
 */
export async function pendingMigrations(databaseUrl: string): Promise<string[]> {
  const committed = committedMigrations(databaseUrl)
  const done = new Set(await finishedMigrations(databaseUrl))
  return committed.filter((name) => !done.has(name))
}

const FINISHED_SQL = `SELECT "migration_name" AS "name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`

async function finishedMigrations(databaseUrl: string): Promise<string[]> {
  if (isPostgresUrl(databaseUrl)) {
    const { default: pg } = await import('pg')
    const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 })
    await client.connect()
    try {
      const table = await client.query(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS "present"`)
      if (!table.rows[0]?.present) return []
      return (await client.query<{ name: string }>(FINISHED_SQL)).rows.map((row) => row.name)
    } finally {
      await client.end()
    }
  }
  const file = databaseUrl.replace(/^file:/, '')
  if (!existsSync(file)) return []
  const { default: Database } = await import('better-sqlite3')
  const db = new Database(file, { readonly: true, timeout: 5000 })
  try {
    const table = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`).get()
    if (!table) return []
    return (db.prepare(FINISHED_SQL).all() as { name: string }[]).map((row) => row.name)
  } finally {
    db.close()
  }
}

/**
 * Applies the committed migrations with Prisma's own `migrate deploy`, which
 * runs on its bundled WebAssembly schema engine (prisma.config.ts: engine "js").
 * On PostgreSQL the CLI holds an advisory lock while it works, so processes
 * starting together apply each migration once.
 */
export async function applyMigrations(databaseUrl: string): Promise<string> {
  const cli = createRequire(import.meta.url).resolve('prisma/build/index.js')
  const { stdout } = await run(process.execPath, [cli, 'migrate', 'deploy'], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' },
  }).catch((err: { stdout?: string; stderr?: string; message: string }) => {
    throw new Error(`prisma migrate deploy failed: ${err.stderr || err.stdout || err.message}`)
  })
  return stdout
}

/** A lock file taken by one SQLite process at a time, for as long as it migrates; an old one is a dead process's. */
async function withFileLock<T>(file: string, work: () => Promise<T>): Promise<T> {
  const lock = `${file}.migrating`
  for (;;) {
    try {
      closeSync(openSync(lock, 'wx'))
      break
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now())
      if (age > 10 * 60_000) rmSync(lock, { force: true })
      else await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  try {
    return await work()
  } finally {
    rmSync(lock, { force: true })
  }
}

/**
 * Brings the database up to date: nothing but one read when it is; otherwise
 * the CLI, once, whichever of several starting processes gets there first
 * (told to `onApply` before it runs: seconds on PostgreSQL). Returns the
 * migrations it applied.
 */
export async function migrateIfNeeded(databaseUrl: string, onApply?: (count: number) => void): Promise<string[]> {
  const pending = await pendingMigrations(databaseUrl)
  if (pending.length === 0) return []
  const apply = async () => {
    const still = await pendingMigrations(databaseUrl)
    if (still.length > 0) {
      onApply?.(still.length)
      await applyMigrations(databaseUrl)
    }
    return still
  }
  return isPostgresUrl(databaseUrl) ? withAdvisoryLock(databaseUrl, apply) : withFileLock(databaseUrl.replace(/^file:/, ''), apply)
}

/** Ours, not the CLI's (it takes 72707369 while it works). */
const MIGRATION_LOCK = 7_240_115

/** A PostgreSQL session lock held on a connection of its own while work runs: the other processes starting wait, then find nothing left to do. */
async function withAdvisoryLock<T>(databaseUrl: string, work: () => Promise<T>): Promise<T> {
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 })
  await client.connect()
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK])
    return await work()
  } finally {
    await client.end() // ends the session, and its lock with it
  }
}
