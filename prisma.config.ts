import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { defineConfig } from 'prisma/config'
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import { PostgresAdapterFactory } from './src/db/postgres.ts'
import { isPostgresUrl } from './src/db/url.ts'

// The CLI falls back to downloading a native engine when the datasource url is
// missing, so it must always be set (../shared/RECIPES.md, "Prisma offline").
process.env.DATABASE_URL ??= 'file:./data/xuequ.db'
const url = process.env.DATABASE_URL
// One schema source (prisma/schema.prisma); PostgreSQL has a generated copy and
// its own migration history, chosen by the url.
const folder = isPostgresUrl(url) ? path.join('prisma', 'postgresql') : 'prisma'

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join(folder, 'schema.prisma'),
  migrations: { path: path.join(folder, 'migrations') },
  adapter: async () => {
    if (isPostgresUrl(url)) return new PostgresAdapterFactory(url)
    // better-sqlite3 cannot create the file in a missing folder, and the CLI
    // then reports only "External error id#0".
    const file = url.replace(/^file:/, '')
    if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
    return new PrismaBetterSQLite3({ url })
  },
})
