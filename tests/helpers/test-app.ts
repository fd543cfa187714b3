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

export interface TestApp {
  app: App
  config: Config
  dir: string
  /** A fresh one-use claim code, as printed at start. */
  claimCode(): Promise<string>
  close(): Promise<void>
}

/** The real app on a copy of the migrated template database, in a temporary directory. */
export async function openTestApp(options: { send: SendFn; clock: () => Date; env?: Record<string, string> }): Promise<TestApp> {
  const dir = mkdtempSync(path.join(tmpdir(), 'xuequ-test-'))
  const file = path.join(dir, 'test.db')
  copyFileSync(inject('templateDb'), file)
  const config = loadConfig({ DATABASE_URL: `file:${file}`, ...options.env })
  const app = await createApp({ config, log: createLogger('silent'), send: options.send, clock: options.clock, migrate: false })
  return {
    app,
    config,
    dir,
    claimCode: () => inTx(app.db, issueClaimCode),
    async close() {
      await app.close()
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
