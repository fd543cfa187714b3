import Database from 'better-sqlite3'
import pg from 'pg'
import { isPostgresUrl } from '../../src/db/url.ts'

/**
 * The test's own connection to the bot's database, beside the bot's: for
 * reading what a killed process left, and for playing "another process holds
 * the database". SQL uses quoted identifiers and `?` placeholders on both.
 */
export interface RawDb {
  all<T>(sql: string, ...params: unknown[]): Promise<T[]>
  /**
   * Takes the write lock for ms (SQLite's BEGIN IMMEDIATE; on PostgreSQL every
   * table locked against writes): resolves once it is held, with the release to wait for.
   */
  hold(ms: number): Promise<{ released: Promise<void> }>
  close(): Promise<void>
}

const TABLES_SQL = `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`

export async function rawDb(url: string): Promise<RawDb> {
  if (isPostgresUrl(url)) {
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    const numbered = (sql: string) => {
      let n = 0
      return sql.replace(/\?/g, () => `$${++n}`)
    }
    return {
      all: async <T>(sql: string, ...params: unknown[]) => (await client.query(numbered(sql), params)).rows as T[],
      async hold(ms) {
        const tables = (await client.query<{ tablename: string }>(TABLES_SQL)).rows.map((r) => `"${r.tablename}"`)
        await client.query('BEGIN')
        await client.query(`LOCK TABLE ${tables.join(', ')} IN EXCLUSIVE MODE`)
        const released = new Promise((resolve) => setTimeout(resolve, ms)).then(() => client.query('COMMIT')).then(() => {})
        return { released }
      },
      close: () => client.end(),
    }
  }
  const db = new Database(url.replace(/^file:/, ''))
  return {
    all: async <T>(sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as T[],
    async hold(ms) {
      db.exec('BEGIN IMMEDIATE')
      return { released: new Promise<void>((resolve) => setTimeout(() => resolve(void db.exec('COMMIT')), ms)) }
    },
    close: async () => void db.close(),
  }
}
