import { Readable } from 'node:stream'
import type { App } from '../../src/app.ts'
import { readAtMost } from '../../src/core/read-at-most.ts'
import type { Config } from '../../src/config.ts'
import { inTx } from '../../src/db/client.ts'
import type { IncomingMessage, OutgoingMessage, Person, Platform } from '../../src/core/message.ts'
import { prepareConsoleGroup } from '../../src/services/console-setup.ts'
import { openTestApp } from './test-app.ts'
import { createLogger } from '../../src/log.ts'
import { createReminders, type TickResult } from '../../src/reminders/runner.ts'

export interface SayOptions {
  /** Display name; also the user id unless `id` is given. */
  as?: string
  id?: string
  platform?: Platform
  chat?: string
  title?: string
  direct?: boolean
  mentions?: Person[]
  replyTo?: IncomingMessage['replyTo']
  via?: IncomingMessage['via']
  file?: { name: string; bytes: Buffer; kind?: 'image' | 'file' }
}

export interface Harness {
  app: App
  config: Config
  sent: OutgoingMessage[]
  /** Sends one message and returns the texts the bot sent in answer. */
  say(text: string, options?: SayOptions): Promise<string[]>
  /** Sends one message and returns what the bot sent (chat, mentions, buttons), and what it returned for a button press. */
  send(text: string, options?: SayOptions): Promise<{ sent: OutgoingMessage[]; returned: OutgoingMessage[] }>
  setNow(iso: string): void
  /** The harness clock's instant. */
  now(): Date
  /** One reminder tick at the harness clock; what it sent is in `sent`. */
  tick(): Promise<TickResult>
  close(): Promise<void>
}

/**
 * The real app (router, handlers, Prisma on a temporary SQLite file) with a
 * fake clock and a send function that records. The console group is bound to
 * 示范学区 with 我 as admin, as `npm start` does.
 */
export async function createHarness(now: string, env: Record<string, string> = {}, database?: 'sqlite' | 'postgres'): Promise<Harness> {
  let clock = new Date(now)
  const sent: OutgoingMessage[] = []
  const test = await openTestApp({ send: async (m) => void sent.push(m), clock: () => clock, env, ...(database ? { database } : {}) })
  const { app, config } = test
  await inTx(app.db, (tx) => prepareConsoleGroup(tx, config, clock))
  let seq = 0
  const reminders = createReminders({ db: app.db, outbox: app.outbox, log: createLogger('silent'), clock: () => clock })
  return {
    app,
    config,
    sent,
    async say(text, options = {}) {
      const before = sent.length
      await app.dispatch(buildMessage(text, ++seq, clock, options))
      return sent.slice(before).map((m) => m.text)
    },
    async send(text, options = {}) {
      const before = sent.length
      const returned = await app.dispatch(buildMessage(text, ++seq, clock, options))
      return { sent: sent.slice(before), returned }
    },
    setNow(iso) {
      clock = new Date(iso)
    },
    now: () => clock,
    tick: () => reminders.tick(),
    close: () => test.close(),
  }
}

export function buildMessage(text: string, seq: number, at: Date, o: SayOptions = {}): IncomingMessage {
  const name = o.as ?? '我'
  return {
    id: `m${seq}`,
    platform: o.platform ?? 'console',
    chat: { id: o.chat ?? 'console', title: o.title ?? '控制台群', isDirect: o.direct ?? false },
    sender: { id: o.id ?? name, name },
    text,
    mentionedBot: false,
    mentions: o.mentions ?? [],
    ...(o.replyTo ? { replyTo: o.replyTo } : {}),
    ...(o.via ? { via: o.via } : {}),
    ...(o.file ? { file: { name: o.file.name, ...(o.file.kind ? { kind: o.file.kind } : {}), fetch: async (max: number) => readAtMost(Readable.from([o.file!.bytes]), max) } } : {}),
    at,
  }
}

/**
 * Joins another group to the console's district with a bind code, and makes
 * the one who used it an admin there: a bind code grants no role (that is
 * tested in tests/handlers/district.test.ts), so tests that need an admin on
 * WeChat or Lark set the role up directly.
 */
export async function bindAsAdmin(h: Harness, where: SayOptions, as: string, id = `${where.platform}-${as}`): Promise<void> {
  const [issued] = await h.say('/绑定码')
  const code = /[2-9A-Z]{4}-[2-9A-Z]{4}/.exec(issued!)![0]
  await h.say(`/绑定 ${code}`, { ...where, as, id })
  const account = await h.app.db.account.findUniqueOrThrow({ where: { platform_userId: { platform: where.platform ?? 'console', userId: id } } })
  const district = await h.app.db.district.findFirstOrThrow()
  await h.app.db.memberRole.create({ data: { districtId: district.id, memberId: account.memberId, role: 'admin' } })
}
