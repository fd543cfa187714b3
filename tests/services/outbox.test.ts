import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { inTx, openDb } from '../../src/db/client.ts'
import type { OutgoingMessage } from '../../src/core/message.ts'
import { createLogger } from '../../src/log.ts'
import { createOutboxSender } from '../../src/platforms/outbox-sender.ts'
import { takeDue } from '../../src/services/outbox.ts'
import { createHarness, type Harness } from '../helpers/harness.ts'

let h: Harness
beforeEach(async () => {
  h = await createHarness('2026-11-20T09:00:00+08:00')
})
afterEach(() => h.close())

const now = new Date('2026-11-20T01:00:00Z')
const later = new Date('2026-11-20T02:00:00Z')

describe('takeDue', () => {
  it('takes whole batches even when they bring more rows than one statement binds', async () => {
    // 200 batches of 6: each batch's first row is due, the other five are still leased to their process.
    const BATCHES = 200
    const data = Array.from({ length: BATCHES }, (_, b) =>
      Array.from({ length: 6 }, (_, i) => ({
        platform: 'console', chatId: `chat-${b}`, messageJson: JSON.stringify({ chat: { platform: 'console', chatId: `chat-${b}` }, text: `${b}.${i}` }),
        gatherKey: `signup:${b}`, batchId: b + 1, status: 'pending', nextAttemptAt: i === 0 ? now : later, createdAt: now,
      })),
    )
    // Written due rows first, so the 200 the sender takes at most are exactly one row of each batch.
    await h.app.db.outbox.createMany({ data: [...data.map((d) => d[0]!), ...data.flatMap((d) => d.slice(1))] })
    const leaseUntil = new Date('2026-11-20T01:05:00Z')
    const rows = await inTx(h.app.db, (tx) => takeDue(tx, now, leaseUntil, new Set(), BATCHES))
    expect(rows).toHaveLength(BATCHES * 6)
    expect(rows.map((r) => r.id)).toEqual([...rows.map((r) => r.id)].sort((a, b) => a - b))
    expect(await h.app.db.outbox.count({ where: { nextAttemptAt: leaseUntil } })).toBe(BATCHES * 6)
    // Leased: a second pass at the same instant takes nothing.
    expect(await inTx(h.app.db, (tx) => takeDue(tx, now, leaseUntil, new Set(), BATCHES))).toEqual([])
  })

  it('leaves out the rows this process already holds, also from a batch it takes', async () => {
    await h.app.db.outbox.createMany({
      data: [1, 2, 3].map((i) => ({
        platform: 'console', chatId: 'c', messageJson: JSON.stringify({ chat: { platform: 'console', chatId: 'c' }, text: `${i}` }),
        gatherKey: 'g', batchId: 9, status: 'pending', nextAttemptAt: now, createdAt: now,
      })),
    })
    const [first] = await h.app.db.outbox.findMany({ orderBy: { id: 'asc' }, take: 1 })
    const rows = await inTx(h.app.db, (tx) => takeDue(tx, now, later, new Set([first!.id])))
    expect(rows.map((r) => r.message.text)).toEqual(['2', '3'])
  })
})

describe('several processes passing over the outbox', () => {
  it('three senders, each on its own connection, taking the same 300 due messages at once send each once', async () => {
    const due = new Date('2026-11-20T00:00:00Z')
    await h.app.db.outbox.createMany({
      data: Array.from({ length: 300 }, (_, i) => ({
        platform: 'console', chatId: `chat-${i % 30}`, messageJson: JSON.stringify({ chat: { platform: 'console', chatId: `chat-${i % 30}` }, text: `m${i}` }),
        status: 'pending', nextAttemptAt: due, createdAt: due,
      })),
    })
    const sent: string[] = []
    // Each "process" has its own client (its own pool of connections), as separate bot processes would.
    const clients = await Promise.all([1, 2, 3].map(() => openDb(h.config.DATABASE_URL)))
    try {
      const senders = clients.map((db) =>
        createOutboxSender({ db, log: createLogger('silent'), clock: () => now, send: async (m: OutgoingMessage) => void sent.push(m.text) }),
      )
      await Promise.all(senders.flatMap((s) => [s.pass(), s.pass()]))
      await Promise.all(senders.map((s) => s.idle()))
      expect(sent).toHaveLength(300)
      expect(new Set(sent).size).toBe(300)
      expect(await h.app.db.outbox.count({ where: { status: 'sent' } })).toBe(300)
    } finally {
      await Promise.all(clients.map((db) => db.$disconnect()))
    }
  })
})

describe('a process that does not run every platform', () => {
  it('leaves the other platforms\' messages to the process that runs them, at once, and gives up on those nobody sent within a day', async () => {
    const t0 = new Date('2026-11-20T01:00:00Z')
    const make = (platform: 'lark' | 'wechat', text: string) => ({ chat: { platform, chatId: `${platform}-room` }, text })
    const larkOnly: string[] = []
    const lark = createOutboxSender({
      db: h.app.db, log: createLogger('silent'), clock: () => t0, leaseMs: 60_000, serves: () => ['lark'],
      send: async (m: OutgoingMessage) => void larkOnly.push(m.text),
    })
    const rows = await inTx(h.app.db, (tx) => lark.write(tx, [make('lark', '飞书提醒'), make('wechat', '微信提醒')]))
    expect(await lark.deliver(rows)).toBe(1)
    expect(larkOnly).toEqual(['飞书提醒'])
    // The WeChat message is due now, not held for the writer's lease, and no attempt was counted against it.
    const left = await h.app.db.outbox.findFirstOrThrow({ where: { platform: 'wechat' } })
    expect([left.status, left.attempts, left.nextAttemptAt]).toEqual(['pending', 0, t0])
    // The lark process's own pass does not take it; the WeChat process's pass sends it.
    expect(await lark.pass()).toBe(0)
    const wechatSent: string[] = []
    const wechat = createOutboxSender({
      db: h.app.db, log: createLogger('silent'), clock: () => t0, serves: () => ['wechat'],
      send: async (m: OutgoingMessage) => void wechatSent.push(m.text),
    })
    expect(await wechat.pass()).toBe(1)
    expect(wechatSent).toEqual(['微信提醒'])

    // A message for a platform no process runs is not sent a day late: it is kept as failed.
    await inTx(h.app.db, (tx) => lark.write(tx, [make('wechat', '没人发的')]))
    const dayLater = createOutboxSender({ db: h.app.db, log: createLogger('silent'), clock: () => new Date(t0.getTime() + 25 * 3600_000), serves: () => ['lark'], send: async () => {} })
    await dayLater.pass()
    expect((await h.app.db.outbox.findFirstOrThrow({ where: { messageJson: { contains: '没人发的' } } })).status).toBe('failed')
  })
})
