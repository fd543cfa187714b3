import { createHash } from 'node:crypto'
import type * as lark from '@larksuiteoapi/node-sdk'
import PQueue from 'p-queue'
import type { OutgoingMessage } from '../../core/message.ts'
import { SendError, sleep, splitText } from '../platform.ts'
import { buildCard } from './cards.ts'
import { describeError } from './directory.ts'
import { larkChatLimit, larkSendLimit, type SendLimit } from './limit.ts'
import { inertText, textMention } from './markup.ts'
import type { LarkOptions } from './options.ts'

type ApiAnswer = { code?: number; msg?: string; data?: unknown } | undefined

const TEXT_LIMIT = 4000
/** Files sent as pictures rather than attachments. */
const IMAGE = /\.(png|jpe?g)$/i

/**
 * The adapter's sending: one paced queue per chat, text cut in pieces,
 * cards and files, each Open API call under the app's rate limits and
 * retried on rate limits and server errors.
 */
export class LarkSender {
  private readonly chatQueues = new Map<string, PQueue>()
  /** Each chat's limit shared with the other processes (PostgreSQL), by chat id. */
  private readonly chatLimits = new Map<string, SendLimit | null>()
  /** Lark's per-app limits, 50 messages a second and 1 000 a minute in any sliding window, for all the bot's processes together. */
  private readonly limit: SendLimit

  constructor(
    private readonly client: lark.Client,
    private readonly options: LarkOptions,
  ) {
    this.limit = options.limit ?? larkSendLimit(options.db, options.appId)
  }

  /** Resolves when every chat's queue is empty. */
  async idle(): Promise<void> {
    await Promise.all([...this.chatQueues.values()].map((q) => q.onIdle()))
  }

  send(message: OutgoingMessage): Promise<void> {
    const chatId = message.chat.chatId
    let queue = this.chatQueues.get(chatId)
    if (!queue) {
      // Lark allows 5 messages a second in one chat, shared by every bot in it: one per 250 ms keeps any second at 5 or fewer.
      queue = new PQueue({ concurrency: 1, intervalCap: 1, interval: 250 })
      this.chatQueues.set(chatId, queue)
    }
    return queue.add(() => this.deliver(message))
  }

  private async deliver(message: OutgoingMessage): Promise<void> {
    // A message with buttons goes as an interactive card, shared so a press redraws it for everyone.
    if (message.buttons?.length) return this.post(message, 'interactive', JSON.stringify(buildCard(message)), message.replyToId, 'card')
    // The core's text is made inert first; the only markup is the mentions added here.
    const ats = (message.mentions ?? []).map((p) => `${textMention(p)} `).join('')
    const pieces = splitText(inertText(message.text), TEXT_LIMIT)
    for (const [i, piece] of pieces.entries()) {
      const content = JSON.stringify({ text: (i === 0 ? ats : '') + piece })
      await this.post(message, 'text', content, i === 0 ? message.replyToId : undefined, `text${i}`)
    }
    // The text says what the file is ("档案「…」："), so the file comes after it, as on WeChat.
    if (message.file) await this.deliverFile(message, message.file)
  }

  /** A file (an export): uploaded with im.file.create, then sent as a file message; a picture (the 签到 QR code) as an image. */
  private async deliverFile(message: OutgoingMessage, file: { name: string; base64: string }): Promise<void> {
    if (IMAGE.test(file.name)) return this.deliverImage(message, Buffer.from(file.base64, 'base64'))
    let fileKey: string | undefined
    await this.call('upload', async () => {
      const res = await this.client.im.file.create({
        data: { file_type: /\.xlsx?$/i.test(file.name) ? 'xls' : 'stream', file_name: file.name, file: Buffer.from(file.base64, 'base64') },
      })
      fileKey = res?.file_key
      return fileKey ? { code: 0 } : { code: -1, msg: 'no file_key in the upload answer' }
    })
    await this.post(message, 'file', JSON.stringify({ file_key: fileKey }), undefined, 'file')
  }

  /** A picture: uploaded with im.image.create (image_type "message"), then sent as an image message, shown in the chat as the picture. */
  private async deliverImage(message: OutgoingMessage, image: Buffer): Promise<void> {
    let imageKey: string | undefined
    await this.call('upload', async () => {
      const res = await this.client.im.image.create({ data: { image_type: 'message', image } })
      imageKey = res?.image_key
      return imageKey ? { code: 0 } : { code: -1, msg: 'no image_key in the upload answer' }
    })
    await this.post(message, 'image', JSON.stringify({ image_key: imageKey }), undefined, 'image')
  }

  /** One message: as a reply where one is asked for, else (or when that message is gone) into the chat. */
  private async post(message: OutgoingMessage, msgType: 'text' | 'interactive' | 'file' | 'image', content: string, replyToId: string | undefined, part: string): Promise<void> {
    // A message with a key sends each part under a uuid of its own: Lark sends one message per uuid in an hour, so a resend after a crash is dropped.
    const uuid = message.key ? { uuid: createHash('sha256').update(`${message.key}#${part}`).digest('hex').slice(0, 40) } : {}
    if (replyToId) {
      try {
        await this.call('reply', () => this.client.im.message.reply({ path: { message_id: replyToId }, data: { msg_type: msgType, content, ...uuid } }), message.chat.chatId)
        return
      } catch (err) {
        if (err instanceof SendError && err.retryable) throw err
        // The message answered may have been withdrawn: say it in the chat instead.
      }
    }
    await this.call('create', () =>
      this.client.im.message.create({
        params: { receive_id_type: 'chat_id' },
        data: { receive_id: message.chat.chatId, msg_type: msgType, content, ...uuid },
      }),
      message.chat.chatId,
    )
  }

  /** The chat's limit shared with other processes, or null where this process alone sends (chatLimits). */
  private chatLimit(chatId: string): SendLimit | null {
    if (!this.chatLimits.has(chatId)) this.chatLimits.set(chatId, larkChatLimit(this.options.db, this.options.appId, chatId))
    return this.chatLimits.get(chatId)!
  }

  /**
   * One Open API call under the rate limits (a message to a chat: the chat's
   * first, then the app's, so the app's send time is taken just before the
   * send), retried on rate limits and server errors.
   */
  private async call(what: string, request: () => Promise<ApiAnswer>, chatId?: string): Promise<ApiAnswer> {
    const attempts = this.options.maxAttempts ?? 5
    const base = this.options.retryBaseMs ?? 500
    const chat = chatId ? this.chatLimit(chatId) : null
    for (let attempt = 1; ; attempt++) {
      // A limit that cannot be read (the database is gone) is a failure to try again, like a server error.
      const failure = await Promise.resolve(chat?.take()).then(() => this.limit.take()).then(
        () => attemptOnce(request),
        (err: unknown): Failure => ({ retryable: true, detail: `send limit unavailable: ${describeError(err)}` }),
      )
      if (!failure) return undefined
      if (!failure.retryable || attempt >= attempts) {
        throw new SendError(`lark ${what} failed: ${failure.detail}`, failure.retryable)
      }
      const wait = failure.waitMs ?? base * 2 ** (attempt - 1)
      this.options.log.warn({ what, attempt, wait, detail: failure.detail }, 'lark send retried')
      await sleep(Math.min(wait, 30_000))
    }
  }
}

interface Failure {
  retryable: boolean
  waitMs?: number
  detail: string
}

/** Lark's codes for "too many requests": app limit, and a chat's own limit. */
const RATE_LIMIT_CODES = new Set([99991400, 230020])

async function attemptOnce(request: () => Promise<ApiAnswer>): Promise<Failure | null> {
  try {
    const res = await request()
    if (!res || res.code === 0 || res.code === undefined) return null
    return { retryable: RATE_LIMIT_CODES.has(res.code), detail: `code ${res.code} ${res.msg ?? ''}` }
  } catch (err) {
    const response = (err as { response?: { status?: number; data?: { code?: number; msg?: string }; headers?: Record<string, unknown> } }).response
    if (!response) return { retryable: true, detail: describeError(err) }
    const status = response.status ?? 0
    const code = response.data?.code
    const reset = Number(response.headers?.['x-ogw-ratelimit-reset'])
    const limited = status === 429 || (code !== undefined && RATE_LIMIT_CODES.has(code))
    return {
      retryable: limited || status >= 500,
      ...(limited && reset > 0 ? { waitMs: reset * 1000 } : {}),
      detail: `HTTP ${status}${code !== undefined ? ` code ${code}` : ''} ${response.data?.msg ?? ''}`.trim(),
    }
  }
}
