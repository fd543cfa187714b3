import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { applyMigrations, committedMigrations, migrationsFolder, projectRoot } from '../../src/db/migrate.ts'
import { withDatabase } from '../../src/db/postgres.ts'

/**
 * The test server: TEST_POSTGRES_URL, or the throw-away cluster that
 * scripts/test-postgres.sh starts on 127.0.0.1 (installing Debian's
 * postgresql first when it is missing).
 */
export function testServerUrl(): string {
  if (process.env.TEST_POSTGRES_URL) return process.env.TEST_POSTGRES_URL
  const out = execFileSync(path.join(projectRoot, 'scripts', 'test-postgres.sh'), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
  const url = /TEST_POSTGRES_URL=(\S+)/.exec(out)?.[1]
  if (!url) throw new Error(`scripts/test-postgres.sh printed no url: ${out}`)
  return url
}

export async function onServer<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`

/**
 * A database migrated by Prisma's own CLI, named after the migrations it holds,
 * so a developer's cluster migrates once per change of the history, not per run
 * (the CLI takes 12-30 s on PostgreSQL). Tests copy it with CREATE DATABASE … TEMPLATE.
 */
export async function migratedTemplate(server: string): Promise<string> {
  const folder = migrationsFolder(server)
  const hash = createHash('sha256')
  for (const name of committedMigrations(server)) hash.update(name).update(readFileSync(path.join(folder, name, 'migration.sql')))
  const name = `xuequ_template_${hash.digest('hex').slice(0, 12)}`
  const exists = await onServer(server, async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1)
  if (exists) return name
  const building = `${name}_${process.pid}`
  await onServer(server, (c) => c.query(`CREATE DATABASE ${quoted(building)}`))
  await applyMigrations(withDatabase(server, building))
  await onServer(server, (c) => c.query(`ALTER DATABASE ${quoted(building)} RENAME TO ${quoted(name)}`))
  return name
}

/** A fresh database copied from the template; dropped by the returned function. */
export async function copyOfTemplate(server: string, template: string, prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${globalThis.crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`
  await onServer(server, (c) => c.query(`CREATE DATABASE ${quoted(name)} TEMPLATE ${quoted(template)}`))
  return {
    url: withDatabase(server, name),
    drop: () => onServer(server, (c) => c.query(`DROP DATABASE IF EXISTS ${quoted(name)} WITH (FORCE)`)).then(() => {}),
  }
}

/** Drops what a run left behind (its test databases, after a crash). */
export async function dropDatabases(server: string, prefix: string): Promise<void> {
  await onServer(server, async (c) => {
    const { rows } = await c.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${prefix}%`])
    for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS ${quoted(datname)} WITH (FORCE)`)
  })
}
