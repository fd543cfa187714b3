import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import pg from 'pg'
import { closeDb, openDb, type Db } from '../../src/db/client.ts'
import { createSharedLimit, LARK_RULES, larkChatLimit } from '../../src/platforms/lark/limit.ts'
import { FAKE_APP_ID, FakeLark } from '../helpers/fake-lark.ts'
import { freePort, startBot } from '../helpers/console-process.ts'
import { eventually, testDatabase } from '../helpers/test-app.ts'

// Lark's per-app limits (50 messages a second, 1 000 a minute) kept by all the
// bot's processes together, through the database (the postgres project only, vitest.config.ts).
const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const clean of cleanups.splice(0).reverse()) await clean()
})

/** The most sends any window of `ms` holds, both ends counted ([t, t + ms], t anywhere). */
function busiest(times: readonly number[], ms: number): number {
  const sorted = [...times].sort((a, b) => a - b)
  let most = 0
  for (let first = 0, last = 0; last < sorted.length; last++) {
    while (sorted[last]! - sorted[first]! > ms) first++
    most = Math.max(most, last - first + 1)
  }
  return most
}

/** A fresh database with `count` clients on it, as `count` processes would hold, and a data folder. */
async function database(count: number): Promise<{ url: string; dir: string; dbs: Db[] }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'xuequ-limit-'))
  const { url, drop } = await testDatabase(dir, 'postgres')
  const dbs = await Promise.all(Array.from({ length: count }, () => openDb(url)))
  cleanups.push(async () => {
    for (const db of dbs) await closeDb(db)
    await drop()
    rmSync(dir, { recursive: true, force: true })
  })
  return { url, dir, dbs }
}

describe('the send limit shared through the database', () => {
  it('lets a burst of 500 go 30 ms apart, then one per 125 ms: no 60 s holds more than 1 000, no second more than 34', async () => {
    const { dbs: [db] } = await database(1)
    // The database's clock is replaced by the test's, which a wait moves on.
    let clock = Date.parse('2026-11-24T02:00:00Z')
    const limit = createSharedLimit({ db: db!, key: 'lark:test', now: () => clock, sleep: async (ms) => void (clock += ms) })
    const sent: number[] = []
    for (let i = 0; i < 2500; i++) {
      await limit.take()
      sent.push(clock)
    }
    expect(sent[499]! - sent[0]!).toBe(499 * LARK_RULES.spacingMs)
    expect(sent[1500]! - sent[1499]!).toBe(LARK_RULES.refillMs)
    expect(busiest(sent, 1000)).toBe(34)
    expect(busiest(sent, 60_000)).toBeLessThanOrEqual(1000)
    // Not far under it either: the bucket is spent within the first minute.
    expect(busiest(sent, 60_000)).toBeGreaterThanOrEqual(950)
    expect(await db!.sendSlot.count()).toBe(1)
  }, 60_000)

  it('hands three processes one line of send times on the database clock: 180 sends 30 ms apart, none early', async () => {
    const { dbs } = await database(3)
    const sent: number[] = []
    const start = Date.now()
    await Promise.all(
      dbs.map(async (db) => {
        const limit = createSharedLimit({ db, key: `lark:${FAKE_APP_ID}` })
        await Promise.all(Array.from({ length: 60 }, () => limit.take().then(() => sent.push(Date.now()))))
      }),
    )
    expect(sent).toHaveLength(180)
    // 179 gaps of 30 ms after the first: the last goes about 5.4 s after the start.
    expect(Math.max(...sent) - start).toBeGreaterThanOrEqual(179 * LARK_RULES.spacingMs - 50)
    expect(busiest(sent, 1000)).toBeLessThanOrEqual(40)
    expect(await dbs[0]!.sendSlot.count()).toBe(1)
  }, 60_000)

  it('keeps one chat at 5 a second for two processes together, and never holds one chat up for another', async () => {
    const { dbs } = await database(2)
    const sent: Record<string, number[]> = { oc_a: [], oc_b: [] }
    const start = Date.now()
    await Promise.all(
      dbs.flatMap((db) =>
        (['oc_a', 'oc_b'] as const).map(async (chat) => {
          const limit = larkChatLimit(db, FAKE_APP_ID, chat)!
          for (let i = 0; i < 8; i++) await limit.take().then(() => sent[chat]!.push(Date.now()))
        }),
      ),
    )
    for (const chat of ['oc_a', 'oc_b']) {
      expect(sent[chat]).toHaveLength(16)
      expect(busiest(sent[chat]!, 1000), chat).toBeLessThanOrEqual(5)
      // Sixteen calls 250 ms apart: about 3.75 s for each chat, the two chats side by side, not one after the other.
      expect(Math.max(...sent[chat]!) - start).toBeLessThan(6000)
    }
    expect(await dbs[0]!.sendSlot.count()).toBe(2)
  }, 60_000)
})

describe('three bot processes on one PostgreSQL database', () => {
  it('450 kept sends taken by the three at once arrive once each, and no second at Lark holds more than 50', async () => {
    const PROCESSES = 3
    const GROUPS = 450
    const { url, dir, dbs } = await database(1)
    // What a process left unsent when it died (the weekly digest to 450 school groups, say): due now, one message a group.
    const written = new Date(Date.now() - 60_000)
    const texts = Array.from({ length: GROUPS }, (_, g) => `学校${g}：本周学区活动`)
    await dbs[0]!.outbox.createMany({
      data: texts.map((text, g) => ({
        platform: 'lark', chatId: `oc_l${g}`, messageJson: JSON.stringify({ chat: { platform: 'lark', chatId: `oc_l${g}` }, text }),
        nextAttemptAt: new Date(written.getTime() + 1000), createdAt: written,
      })),
    })
    // Each process talks to a front door of its own (one fake each), so what each sent can be told apart;
    // the test's one clock stamps them all, as Lark's gateway would.
    const fakes = await Promise.all(Array.from({ length: PROCESSES }, () => new FakeLark().start()))
    cleanups.push(async () => void (await Promise.all(fakes.map((f) => f.stop()))))
    // The outbox stays locked until all three are up, so their first passes (at start) take the backlog together: 200, 200 and 50.
    const lock = new pg.Client({ connectionString: url })
    await lock.connect()
    cleanups.push(() => lock.end())
    await lock.query('BEGIN')
    await lock.query('LOCK TABLE "Outbox" IN EXCLUSIVE MODE')
    const outs = await Promise.all(fakes.map(async (fake) => {
      const child = startBot({
        DATABASE_URL: url, DATA_DIR: dir, CONSOLE: 'off', LOG_LEVEL: 'error',
        LARK_APP_ID: FAKE_APP_ID, LARK_APP_SECRET: 'secret', LARK_MODE: 'webhook', LARK_VERIFICATION_TOKEN: 'limit-token', LARK_DOMAIN: fake.url, HTTP_PORT: String(await freePort()),
      })
      cleanups.push(() => void child.kill('SIGKILL'))
      const out = { stdout: '', stderr: '' }
      child.stdout.setEncoding('utf8').on('data', (d: string) => (out.stdout += d))
      child.stderr.setEncoding('utf8').on('data', (d: string) => (out.stderr += d))
      return out
    }))
    for (const out of outs) await eventually(() => out.stdout.includes('已接入 飞书'), `a process to start (${out.stdout}${out.stderr})`, 60_000)
    await lock.query('COMMIT')

    const sent = () => fakes.flatMap((f) => f.sent)
    await eventually(() => sent().length >= GROUPS, `${GROUPS} sends (${sent().length} so far)`, 90_000)
    await new Promise((r) => setTimeout(r, 1000)) // a message sent twice would show by now
    expect(sent().map((m) => m.text).sort()).toEqual([...texts].sort())
    expect(sent().map((m) => m.chatId).sort()).toEqual(texts.map((_, g) => `oc_l${g}`).sort())

    const at = sent().map((m) => m.receivedAt)
    expect(busiest(at, 1000)).toBeLessThanOrEqual(50)
    // The processes sent side by side: the two that took 200 each were sending at the same time (each one's first
    // message arrived before the other's last). The one with 50 may be done before a loaded machine starts another.
    expect(fakes.map((f) => f.sent.length).sort((a, b) => a - b)).toEqual([50, 200, 200])
    const spans = fakes.filter((f) => f.sent.length === 200).map((f) => ({ first: Math.min(...f.sent.map((m) => m.receivedAt)), last: Math.max(...f.sent.map((m) => m.receivedAt)) }))
    for (const a of spans) for (const b of spans) expect(a.first).toBeLessThan(b.last)
    for (const out of outs) expect(out.stderr).not.toMatch(/Error|failed/)
  }, 240_000)
})
