import { afterEach, beforeEach, expect, it } from 'vitest'
import { Refusal, type Command } from '../../src/core/command.ts'
import { createDispatcher } from '../../src/core/dispatch.ts'
import { createDomain } from '../../src/services/domain.ts'
import type { OutgoingMessage } from '../../src/core/message.ts'
import { Registry } from '../../src/core/registry.ts'
import { createOutboxSender } from '../../src/platforms/outbox-sender.ts'
import { buildMessage, createHarness, type Harness } from '../helpers/harness.ts'

let h: Harness
beforeEach(async () => {
  h = await createHarness('2026-09-01T09:00:00+08:00')
})
afterEach(() => h.close())

/** A command that writes, replies, then fails: nothing it did may survive. */
const broken = (error: Error): Command => ({
  id: 'ping',
  name: 'boom',
  aliases: [],
  role: 'teacher',
  scope: 'district',
  async run(ctx) {
    await ctx.work.closedDays.registerClosedDays(ctx.district.id, '2026-09-10', '2026-09-10', 'x')
    ctx.reply('half done')
    throw error
  },
})

async function dispatchWith(command: Command): Promise<OutgoingMessage[]> {
  const sent: OutgoingMessage[] = []
  const logged: unknown[] = []
  const log = { error: (o: unknown) => logged.push(o), debug: () => {} } as never
  const clock = () => new Date()
  const outbox = createOutboxSender({ db: h.app.db, send: async (m) => void sent.push(m), log, clock })
  const dispatch = createDispatcher({ domain: createDomain(h.app.db, outbox.write), registry: new Registry([command]), outbox, log, config: { ...h.config, BUSY_WAIT_S: 1 }, clock })
  await dispatch(buildMessage('/boom', 1, new Date()))
  return sent
}

it('answers a crash with one polite sentence, rolls back, and sends nothing half-done', async () => {
  const sent = await dispatchWith(broken(new TypeError('bug')))
  expect(sent.map((m) => m.text)).toEqual(['抱歉，处理这条消息时出错了，请稍后再试。如果一直不行，请联系学区管理员。'])
  expect(await h.app.db.closedDay.count()).toBe(0)
})

it('answers a refusal with its own text and changes nothing', async () => {
  const sent = await dispatchWith(broken(new Refusal('不行')))
  expect(sent.map((m) => m.text)).toEqual(['不行'])
  expect(await h.app.db.closedDay.count()).toBe(0)
})

it('says "系统繁忙" when the database stays locked', async () => {
  const sent = await dispatchWith(broken(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' })))
  expect(sent.map((m) => m.text)).toEqual(['系统繁忙，请稍后再试。'])
})

it('sends alone, under its own key, a confirmation a dead process left: gathered with others it would be told twice', async () => {
  const sent: OutgoingMessage[] = []
  const log = { error: () => {}, debug: () => {} } as never
  let now = new Date('2026-09-01T10:00:00+08:00')
  const outbox = createOutboxSender({ db: h.app.db, send: async (m) => void sent.push(m), log, clock: () => now, leaseMs: 60_000 })
  const chat = { platform: 'lark' as const, chatId: 'oc_school' }
  const confirmation = (i: number): OutgoingMessage => ({
    chat,
    text: `老师${i} 报名成功`,
    gather: { key: 'signup:1', head: '#1「联合教研」报名：', line: `老师${i}：已报名`, mention: { id: `ou_t${i}`, name: `老师${i}` } },
  })
  // Written by a process that died before it marked them sent (it may have sent some).
  const rows = await h.app.db.$transaction((tx) => outbox.write(tx as never, [1, 2, 3].map(confirmation)))
  now = new Date(now.getTime() + 61_000)
  expect(await outbox.pass()).toBe(3)
  expect(sent.map((m) => [m.key, m.text])).toEqual(rows.map((r, i) => [`out:${r.id}`, `老师${i + 1} 报名成功`]))
  // Written by this process and delivered at once, the same three go as one 接龙-style message.
  sent.length = 0
  const fresh = await h.app.db.$transaction((tx) => outbox.write(tx as never, [4, 5, 6].map(confirmation)))
  await outbox.deliver(fresh)
  expect(sent.map((m) => m.text)).toEqual(['#1「联合教研」报名：\n老师4：已报名\n老师5：已报名\n老师6：已报名'])
})
