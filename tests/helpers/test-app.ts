import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { inject } from 'vitest'
import { createApp, type App } from '../../src/app.ts'
import { loadConfig, type Config } from '../../src/config.ts'
import { inTx } from '../../src/db/client.ts'
import type { SendFn } from '../../src/core/message.ts'
import { createLogger } from '../../src/log.ts'
import { issueClaimCode } from '../../src/services/claim-codes.ts'
import { copyOfTemplate } from './postgres.ts'

export interface TestApp {
  app: App
  config: Config
  dir: string
  /** A fresh one-use claim code, as printed at start. */
  claimCode(): Promise<string>
  close(): Promise<void>
}

/** The suites that run again on PostgreSQL set this in their vitest project (vitest.config.ts). */
export const onPostgres = process.env.XUEQU_TEST_DB === 'postgres'

/** A fresh database for one test: a copy of the migrated template, SQLite's file or a PostgreSQL database. */
export async function testDatabase(dir: string, kind: 'sqlite' | 'postgres' = onPostgres ? 'postgres' : 'sqlite'): Promise<{ url: string; drop(): Promise<void> }> {
  if (kind === 'postgres') return copyOfTemplate(inject('postgresServer'), inject('postgresTemplate'), inject('postgresPrefix'))
  const file = path.join(dir, 'test.db')
  copyFileSync(inject('templateDb'), file)
  return { url: `file:${file}`, drop: async () => {} }
}

/** The real app on a copy of the migrated template database, with a temporary data folder. */
export async function openTestApp(options: { send: SendFn; clock: () => Date; env?: Record<string, string>; database?: 'sqlite' | 'postgres' }): Promise<TestApp> {
  const dir = mkdtempSync(path.join(tmpdir(), 'xuequ-test-'))
  const database = await testDatabase(dir, options.database)
  const config = loadConfig({ DATABASE_URL: database.url, DATA_DIR: dir, ...options.env })
  const app = await createApp({ config, log: createLogger((process.env.TEST_LOG_LEVEL as 'silent' | undefined) ?? 'silent'), send: options.send, clock: options.clock, migrate: false })
  return {
    app,
    config,
    dir,
    claimCode: () => inTx(app.db, issueClaimCode),
    async close() {
      await app.close()
      await database.drop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Waits until check() holds, polling; fails with the message after the timeout. */
export async function eventually(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
  const start = Date.now()
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}
