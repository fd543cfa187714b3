import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { applyMigrations } from '../src/db/migrate.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    templateDb: string
  }
}

/** Migrates one database per run through Prisma's CLI; tests copy it. */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), 'xuequ-template-'))
  const file = path.join(dir, 'template.db')
  await applyMigrations(`file:${file}`)
  project.provide('templateDb', file)
  return () => rmSync(dir, { recursive: true, force: true })
}
