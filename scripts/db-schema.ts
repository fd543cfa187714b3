/**
 * Writes prisma/postgresql/schema.prisma from the one schema source,
 * prisma/schema.prisma: a Prisma schema holds one provider, so PostgreSQL gets
 * a copy that differs in the provider line and the client's output folder
 * only. `npm install` runs it; tests/prisma/providers.test.ts checks the copy.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const SOURCE = path.join(root, 'prisma', 'schema.prisma')
export const POSTGRES_SCHEMA = path.join(root, 'prisma', 'postgresql', 'schema.prisma')

const HEADER = '// Generated from prisma/schema.prisma by scripts/db-schema.ts (npm install runs it): edit that file, not this one.\n'

export function postgresSchema(source: string): string {
  const out = source
    .replace(/(datasource db \{[^}]*provider\s*=\s*)"sqlite"/, '$1"postgresql"')
    .replace(/(generator client \{[^}]*output\s*=\s*)"\.\.\/src\/generated\/prisma"/, '$1"../../src/generated/prisma-pg"')
  if (!out.includes('"postgresql"') || !out.includes('prisma-pg')) throw new Error('prisma/schema.prisma: provider or output line not found')
  return HEADER + out
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(POSTGRES_SCHEMA, postgresSchema(readFileSync(SOURCE, 'utf8')))
}
