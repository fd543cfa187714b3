import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, inject, it } from 'vitest'
import { committedMigrations } from '../../src/db/migrate.ts'
import { runConsole } from '../helpers/console-process.ts'
import { copyOfTemplate } from '../helpers/postgres.ts'
import { rawDb } from '../helpers/raw-db.ts'
import { onPostgres, testDatabase } from '../helpers/test-app.ts'

// `npm start` on the database this suite runs on (SQLite, or PostgreSQL in the postgres project).
let dir: string
const drops: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const drop of drops.splice(0)) await drop()
  rmSync(dir, { recursive: true, force: true })
})

/** A database with nothing in it yet, as on a fresh install. */
async function emptyDatabase(): Promise<string> {
  if (!onPostgres) return `file:${path.join(dir, 'data', 'xuequ.db')}`
  const db = await copyOfTemplate(inject('postgresServer'), 'template0', inject('postgresPrefix'))
  drops.push(db.drop)
  return db.url
}

const kind = onPostgres ? 'PostgreSQL' : 'SQLite'

describe(`npm start on ${kind}`, () => {
  it('says which database it uses, runs no migration when the database is up to date, answers, and exits at the end of input', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'xuequ-start-'))
    const db = await testDatabase(dir)
    drops.push(db.drop)
    const run = await runConsole(['/ping'], { DATABASE_URL: db.url, DATA_DIR: dir, CLOCK_START: '2026-09-01T09:00:00+08:00' })
    expect(run.code).toBe(0)
    const first = run.stdout.split('\n')[0]!
    expect(first).toMatch(new RegExp(`^数据库：${kind}（`))
    expect(first).not.toContain('迁移')
    expect(run.bot).toContain('pong')
  })

  it('three processes starting together on a new database apply each migration once, and all answer', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'xuequ-start-'))
    const url = await emptyDatabase()
    const runs = await Promise.all([1, 2, 3].map(() => runConsole(['/ping'], { DATABASE_URL: url, DATA_DIR: dir, CLOCK_START: '2026-09-01T09:00:00+08:00' })))
    for (const run of runs) {
      expect(run.code, run.stderr).toBe(0)
      expect(run.bot).toContain('pong')
    }
    const migrations = committedMigrations(url)
    // One process updated the schema; the others found it done.
    expect(runs.filter((r) => r.stdout.includes(`本次启动更新了表结构（${migrations.length} 项迁移）`))).toHaveLength(1)
    const raw = await rawDb(url)
    try {
      const rows = await raw.all<{ migration_name: string }>('SELECT "migration_name" FROM "_prisma_migrations" ORDER BY "migration_name"')
      expect(rows.map((r) => r.migration_name)).toEqual(migrations)
      // One console district, one claim code printed: the first start's work was done once.
      expect(Number((await raw.all<{ n: number }>('SELECT count(*) AS n FROM "District"'))[0]!.n)).toBe(1)
    } finally {
      await raw.close()
    }
  }, 180_000)
})
