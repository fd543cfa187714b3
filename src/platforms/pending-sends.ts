import { inTx, type Db } from '../db/client.ts'
import type { OutgoingMessage, SendFn } from '../core/message.ts'
import type { Logger } from '../log.ts'
import { SendError } from './platform.ts'

export interface DurableSendOptions {
  db: Db
  send: SendFn
  log: Logger
  clock: () => Date
  /** How often kept messages are tried again. */
  retryEveryMs?: number
}

export interface DurableSend {
  /** Sends, or keeps the message for a later try when the platform will not take it. Never throws. */
  send: SendFn
  /** Tries every kept message that is due; returns how many went out. */
  retryDue(): Promise<number>
  start(): void
  stop(): void
}

const FIRST_RETRY_MS = 60_000
const MAX_RETRY_GAP_MS = 30 * 60_000
/** A message still not delivered after this long is marked failed and left for the record. */
const GIVE_UP_AFTER_MS = 24 * 60 * 60_000

/**
 * The last line of defence for outgoing messages: what a platform adapter
 * could not deliver after its own quick retries is written to PendingSend,
 * logged with its chat, and tried again with growing gaps.
 */
export function createDurableSend(options: DurableSendOptions): DurableSend {
  const { db, log, clock } = options
  let timer: NodeJS.Timeout | undefined
  let running: Promise<number> | null = null

  async function keep(message: OutgoingMessage, err: unknown): Promise<void> {
    const retryable = !(err instanceof SendError) || err.retryable
    const now = clock()
    const lastError = describe(err)
    log.error({ platform: message.chat.platform, chat: message.chat.chatId, err: lastError, retryable }, 'send failed; message kept')
    await inTx(db, (tx) =>
      tx.pendingSend.create({
        data: {
          platform: message.chat.platform,
          chatId: message.chat.chatId,
          messageJson: JSON.stringify(message),
          attempts: 1,
          lastError,
          status: retryable ? 'pending' : 'failed',
          nextAttemptAt: new Date(now.getTime() + FIRST_RETRY_MS),
        },
      }),
    )
  }

  async function retryOnce(): Promise<number> {
    const now = clock()
    const due = await inTx(db, (tx) =>
      tx.pendingSend.findMany({ where: { status: 'pending', nextAttemptAt: { lte: now } }, orderBy: { id: 'asc' }, take: 100 }),
    )
    let sent = 0
    for (const row of due) {
      const message = JSON.parse(row.messageJson) as OutgoingMessage
      try {
        await options.send(message)
        sent++
        await inTx(db, (tx) => tx.pendingSend.update({ where: { id: row.id }, data: { status: 'sent', attempts: row.attempts + 1 } }))
      } catch (err) {
        const attempts = row.attempts + 1
        const giveUp = (err instanceof SendError && !err.retryable) || now.getTime() - row.createdAt.getTime() > GIVE_UP_AFTER_MS
        const gap = Math.min(FIRST_RETRY_MS * 2 ** (attempts - 1), MAX_RETRY_GAP_MS)
        if (giveUp) log.error({ platform: row.platform, chat: row.chatId, attempts, err: describe(err) }, 'send gave up')
        await inTx(db, (tx) =>
          tx.pendingSend.update({
            where: { id: row.id },
            data: { attempts, lastError: describe(err), status: giveUp ? 'failed' : 'pending', nextAttemptAt: new Date(now.getTime() + gap) },
          }),
        )
      }
    }
    return sent
  }

  return {
    async send(message) {
      try {
        await options.send(message)
      } catch (err) {
        await keep(message, err).catch((e: unknown) => log.error({ err: e }, 'could not keep a failed message'))
      }
    },
    retryDue() {
      running ??= retryOnce().finally(() => (running = null))
      return running
    },
    start() {
      timer = setInterval(() => {
        this.retryDue().catch((err: unknown) => log.error({ err }, 'retry of kept messages failed'))
      }, options.retryEveryMs ?? 30_000)
      timer.unref()
    },
    stop() {
      clearInterval(timer)
    },
  }
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}
