import { chunked } from '../db/chunks.ts'
import { inTx, type Db, type Tx } from '../db/client.ts'
import type { OutgoingMessage, Person, Platform, SendFn } from '../core/message.ts'
import { MAX_MENTIONS_PER_MESSAGE } from '../core/limits.ts'
import type { Logger } from '../log.ts'
import { enqueue, expire, markFailed, markSent, recordBatch, release, takeDue, type OutboxRow } from '../services/outbox.ts'
import { SendError } from './platform.ts'

export interface OutboxSenderOptions {
  db: Db
  /** The platforms' paced send (throws SendError when a platform will not take a message). */
  send: SendFn
  log: Logger
  clock: () => Date
  /**
   * How long the process that wrote a message holds it. A message still
   * pending after that (its process died mid-send) is sent by any process;
   * Lark drops the repeat of one that did go out (the message key is its uuid).
   */
  leaseMs?: number
  /** How often due messages (retries, a dead process's) are looked for. */
  passEveryMs?: number
  /**
   * The platforms this process runs (several processes share a database and
   * only one logs in to WeChat): messages for the others are left to them.
   * Unset: every platform.
   */
  serves?: () => readonly Platform[]
}

export interface OutboxSender {
  /** Writes messages in the caller's transaction (stamped with the sender's own clock), held by this process until sent. */
  write(tx: Tx, messages: readonly OutgoingMessage[]): Promise<OutboxRow[]>
  /** Sends rows written in a committed transaction; resolves once each is sent, failed, or waiting for a retry. */
  deliver(rows: readonly OutboxRow[]): Promise<number>
  /** Sends a message that could not be written (the database is locked), once, without keeping it. */
  sendNow(message: OutgoingMessage): Promise<void>
  /** Takes what is due (a dead process's messages, retries) and sends it; resolves with how many went out. */
  pass(): Promise<number>
  start(): void
  stop(): void
  /** Resolves when every message handed to a lane has been dealt with. */
  idle(): Promise<void>
}

const DEFAULT_LEASE_MS = 5 * 60_000
const FIRST_RETRY_MS = 60_000
const MAX_RETRY_GAP_MS = 30 * 60_000
/** A message still not delivered after this long is marked failed and left for the record. */
const GIVE_UP_AFTER_MS = 24 * 60 * 60_000
/** At most this many confirmations in one gathered message: one @mention each. */
export const MAX_GATHER = MAX_MENTIONS_PER_MESSAGE

interface Held {
  row: OutboxRow
  /**
   * Taken up by a pass (a dead process's message, a retry): it may already
   * have gone out alone, so it goes alone again under its own key, which Lark
   * drops as a repeat; gathered into a new message it would be told twice.
   */
  alone: boolean
  done(sent: boolean): void
}

interface Lane {
  queue: Held[]
  running: Promise<void> | null
}

/**
 * The one sender of the outbox. Messages go out per chat in the order they
 * were written, a chat at a time through the platform's paced queue; while a
 * chat's previous message is on its way, confirmations of the same activity
 * pile up and go as one 接龙-style message. A failed send is tried again with
 * growing gaps for a day, then kept as failed.
 */
export function createOutboxSender(options: OutboxSenderOptions): OutboxSender {
  const { db, log, clock } = options
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS
  const lanes = new Map<string, Lane>()
  const held = new Set<number>()
  let timer: NodeJS.Timeout | undefined
  let passing: Promise<number> | null = null
  let tail: Promise<void> = Promise.resolve()
  let open: { ids: number[]; done: Promise<void> } | null = null

  /** Puts rows in their chats' lanes (all of them first: a batch must be whole when a lane looks at it), then runs the lanes. */
  function hand(rows: readonly OutboxRow[], alone = false): Promise<boolean>[] {
    const touched = new Map<string, Lane>()
    const settled = rows.map((row) => {
      held.add(row.id)
      const key = `${row.message.chat.platform}|${row.message.chat.chatId}`
      let lane = lanes.get(key)
      if (!lane) lanes.set(key, (lane = { queue: [], running: null }))
      touched.set(key, lane)
      return new Promise<boolean>((done) => lane.queue.push({ row, alone, done }))
    })
    for (const [key, lane] of touched) run(key, lane)
    return settled
  }

  function run(key: string, lane: Lane): void {
    if (lane.running) return
    lane.running = drain(lane).finally(() => {
      lane.running = null
      // Rows handed in while the drain was ending are not left waiting.
      if (lane.queue.length > 0) run(key, lane)
      else if (lanes.get(key) === lane) lanes.delete(key)
    })
  }

  async function drain(lane: Lane): Promise<void> {
    while (lane.queue.length > 0) {
      const group = takeGroup(lane.queue)
      const sent = await sendGroup(group.map((h) => h.row)).catch((err: unknown) => {
        log.error({ err }, 'outbox send failed unexpectedly')
        return false
      })
      for (const h of group) {
        held.delete(h.row.id)
        h.done(sent)
      }
    }
  }

  async function sendGroup(rows: OutboxRow[]): Promise<boolean> {
    const ids = rows.map((r) => r.id)
    // A message that could gather with others is recorded as sent this way first: after a crash it goes again the same way, never regrouped.
    // (A lone one is not: should it go again after a crash, it may go inside a gathered message; the cost of recording every lone confirmation was a third of a sign-up.)
    if (rows[0]!.batchId === null && rows.length > 1) await recordBatch(db, ids)
    const message = compose(rows)
    try {
      await options.send(message)
    } catch (err) {
      await failed(rows, err)
      return false
    }
    await mark(ids)
    return true
  }

  /**
   * Rows sent are marked as soon as they are sent; marks that come while
   * one is being written (other chats' sends) are written together next.
   */
  function mark(ids: readonly number[]): Promise<void> {
    if (!open) {
      const batch = { ids: [] as number[], done: Promise.resolve() }
      batch.done = tail.then(() => {
        if (open === batch) open = null
        return writeMarks(batch.ids)
      })
      tail = batch.done
      open = batch
    }
    open.ids.push(...ids)
    return open.done
  }

  async function writeMarks(ids: readonly number[]): Promise<void> {
    try {
      for (const part of chunked(ids)) await markSent(db, part, clock())
    } catch (err) {
      log.error({ err, count: ids.length }, 'marking sent messages failed; they may go again')
    }
  }

  async function failed(rows: OutboxRow[], err: unknown): Promise<void> {
    const now = clock()
    const first = rows[0]!
    const attempts = first.attempts + 1
    const retryable = !(err instanceof SendError) || err.retryable
    const giveUp = !retryable || now.getTime() - first.createdAt.getTime() > GIVE_UP_AFTER_MS
    const gap = Math.min(FIRST_RETRY_MS * 2 ** (attempts - 1), MAX_RETRY_GAP_MS)
    const chat = first.message.chat
    const error = err instanceof Error ? err.message : String(err)
    log.error({ platform: chat.platform, chat: chat.chatId, attempts, err: error, retryable }, giveUp ? 'send gave up' : 'send failed; message kept')
    await markFailed(db, rows.map((r) => r.id), attempts, error, giveUp ? null : new Date(now.getTime() + gap))
  }

  async function passOnce(): Promise<number> {
    const now = clock()
    if (options.serves) {
      const expired = await expire(db, new Date(now.getTime() - GIVE_UP_AFTER_MS))
      if (expired > 0) log.warn({ expired }, 'messages no process sent within a day kept as failed')
    }
    const rows = await inTx(db, (tx) => takeDue(tx, now, new Date(now.getTime() + leaseMs), held, 200, options.serves?.()))
    const results = await Promise.all(hand(rows, true))
    return results.filter(Boolean).length
  }

  return {
    write(tx, messages) {
      const now = clock()
      return enqueue(tx, messages, now, new Date(now.getTime() + leaseMs))
    },
    async deliver(rows) {
      const served = options.serves?.()
      const others = served ? rows.filter((r) => !served.includes(r.message.chat.platform)) : []
      if (others.length > 0) {
        await release(db, others.map((r) => r.id), clock()).catch((err: unknown) => log.warn({ err }, 'could not leave messages to another process'))
        rows = rows.filter((r) => !others.includes(r))
      }
      const results = await Promise.all(hand(rows))
      return results.filter(Boolean).length
    },
    async sendNow(message) {
      await options.send(message).catch((err: unknown) => log.error({ err, chat: message.chat.chatId }, 'send failed'))
    },
    pass() {
      passing ??= passOnce().finally(() => (passing = null))
      return passing
    },
    start() {
      timer = setInterval(() => {
        this.pass().catch((err: unknown) => log.error({ err }, 'outbox pass failed'))
      }, options.passEveryMs ?? 30_000)
      timer.unref()
    },
    stop() {
      clearInterval(timer)
    },
    async idle() {
      await passing?.catch(() => {})
      while (lanes.size > 0) await Promise.allSettled([...lanes.values()].map((l) => l.running))
    },
  }
}

/**
 * The next message of a chat: a batch recorded before a crash as it was;
 * else the first waiting message with every waiting one that gathers with it
 * (up to MAX_GATHER), never one taken up by a pass; else the first alone.
 */
function takeGroup(queue: Held[]): Held[] {
  const head = queue.shift()!
  const { batchId, gatherKey } = head.row
  const joins = (h: Held) =>
    batchId !== null ? h.row.batchId === batchId : gatherKey !== null && !h.alone && h.row.batchId === null && h.row.gatherKey === gatherKey
  if (batchId === null && (gatherKey === null || head.alone)) return [head]
  const group = [head]
  for (let i = 0; i < queue.length && (batchId !== null || group.length < MAX_GATHER); ) {
    if (joins(queue[i]!)) group.push(...queue.splice(i, 1))
    else i++
  }
  return group
}

/** One row as written (keyed by its id, so a resend is recognised); several as one gathered message. */
export function compose(rows: readonly OutboxRow[]): OutgoingMessage {
  const first = rows[0]!
  if (rows.length === 1) return { ...first.message, key: first.message.key ?? `out:${first.id}` }
  const parts = rows.map((r) => r.message.gather ?? { head: '', line: r.message.text, mention: undefined })
  const mentions: Person[] = []
  for (const p of parts) if (p.mention && !mentions.some((m) => m.id === p.mention!.id)) mentions.push(p.mention)
  return {
    chat: first.message.chat,
    text: [parts[0]!.head, ...parts.map((p) => p.line)].filter(Boolean).join('\n'),
    mentions,
    key: `out:${first.id}+${rows.length}`,
  }
}
