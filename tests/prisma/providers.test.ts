import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { POSTGRES_SCHEMA, SOURCE, postgresSchema } from '../../scripts/db-schema.ts'
import { committedMigrations, migrationsFolder, projectRoot } from '../../src/db/migrate.ts'
import { copyOfTemplate, onServer } from '../helpers/postgres.ts'

// One schema source, one migration history per provider: each history, applied
// in order, must build exactly what the schema describes. The schema's own
// SQL (`prisma migrate diff --from-empty`) builds one database, the history
// another, and their catalogs are compared (the CLI's own --from-migrations
// check needs a shadow database, which the offline SQLite adapter cannot make).

function schemaScript(schema: string, url: string): string {
  const cli = path.join(projectRoot, 'node_modules', 'prisma', 'build', 'index.js')
  return execFileSync(process.execPath, [cli, 'migrate', 'diff', '--from-empty', '--to-schema-datamodel', schema, '--script'], {
    cwd: projectRoot, encoding: 'utf8', env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: '1', PRISMA_HIDE_UPDATE_MESSAGE: '1' },
  })
}

const history = (url: string) => committedMigrations(url).map((name) => readFileSync(path.join(migrationsFolder(url), name, 'migration.sql'), 'utf8'))

describe('the schema and the two migration histories', () => {
  it('prisma/postgresql/schema.prisma is the source with only the provider and output changed', () => {
    expect(readFileSync(POSTGRES_SCHEMA, 'utf8')).toBe(postgresSchema(readFileSync(SOURCE, 'utf8')))
  })

  it('SQLite: the history builds the tables, columns, keys and indexes the schema describes', () => {
    const catalog = (scripts: string[]) => {
      const db = new Database(':memory:')
      for (const sql of scripts) db.exec(sql)
      const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[]).map((t) => t.name)
      const shape = Object.fromEntries(tables.map((t) => [t, {
        columns: db.prepare(`SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?) ORDER BY name`).all(t),
        foreignKeys: db.prepare(`SELECT "table", "from", "to", on_update, on_delete FROM pragma_foreign_key_list(?) ORDER BY "from"`).all(t),
        indexes: (db.prepare(`SELECT name, "unique" FROM pragma_index_list(?) WHERE origin <> 'pk' ORDER BY name`).all(t) as { name: string; unique: number }[])
          .map((i) => ({ ...i, columns: (db.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno').all(i.name) as { name: string }[]).map((c) => c.name) })),
      }]))
      db.close()
      return shape
    }
    const url = 'file:./data/xuequ.db'
    const fromSchema = catalog([schemaScript(SOURCE, url)])
    expect(Object.keys(fromSchema).length).toBeGreaterThan(20)
    expect(catalog(history(url))).toEqual(fromSchema)
  })

  // Defined in the postgres project only (vitest.config.ts), which has a server.
  if (process.env.XUEQU_TEST_DB === 'postgres') describe('PostgreSQL', () => {
    const made: (() => Promise<void>)[] = []
    afterAll(async () => {
      for (const drop of made) await drop()
    })

    it('the history builds the tables, columns, keys and indexes the schema describes', async () => {
      const server = inject('postgresServer')
      const catalog = async (scripts: string[]) => {
        const db = await copyOfTemplate(server, 'template0', inject('postgresPrefix'))
        made.push(db.drop)
        return onServer(db.url, async (c) => {
          for (const sql of scripts) await c.query(sql)
          const q = async (sql: string) => (await c.query(sql)).rows
          return {
            columns: await q(`SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
                              WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY table_name, column_name`),
            constraints: await q(`SELECT conrelid::regclass::text AS "table", conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
                                  WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2`),
            indexes: await q(`SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1, 2`),
          }
        })
      }
      const fromSchema = await catalog([schemaScript(POSTGRES_SCHEMA, server)])
      expect(fromSchema.columns.length).toBeGreaterThan(100)
      expect(await catalog(history(server))).toEqual(fromSchema)
    }, 60_000)
  })
})
