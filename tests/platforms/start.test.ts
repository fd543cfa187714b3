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
    // The one that migrated said so before it began (seconds on PostgreSQL), not only after.
    expect(runs.filter((r) => r.stdout.split('\n')[0] === `正在更新数据库的表结构（${migrations.length} 项迁移，首次启动约需 10-20 秒）……`)).toHaveLength(1)
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

  it('a database it cannot reach is named in one sentence with what to check, never a stack trace or the password', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'xuequ-start-'))
    const unreachable = onPostgres
      ? [
          ['postgresql://xuequ:s3cret@127.0.0.1:1/xuequ', '连接被拒绝'],
          [inject('postgresServer').replace(/\/[^/]*$/, `/no_such_db_${process.pid}`).replace('//postgres@', '//postgres:s3cret@'), '这个库不存在'],
          // An unescaped @ in the password: the rest reads as the host.
          ['postgresql://xuequ:p@ss#word@127.0.0.1:5432/xuequ', '找不到这台主机'],
          ['postgresql://xuequ:s3cret@[127.0.0.1/xuequ', '地址的格式不对'],
        ]
      : [['postgresql://xuequ:s3cret@127.0.0.1:1/xuequ', '连接被拒绝']]
    for (const [url, why] of unreachable) {
      const run = await runConsole(['/ping'], { DATABASE_URL: url!, DATA_DIR: dir })
      expect(run.code, run.stderr).toBe(1)
      expect(run.stderr).toContain(`：${why}`)
      expect(run.stderr).toContain('请检查 .env 里的 DATABASE_URL')
      expect(run.stderr).not.toMatch(/\n\s+at |node:internal|s3cret|ss#word/)
    }
  }, 60_000)
})
