import { createHash, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage as HttpRequest, ServerResponse } from 'node:http'
import * as lark from '@larksuiteoapi/node-sdk'
import PQueue from 'p-queue'
import { inTx, type Db } from '../db/client.ts'
import type { Announce } from '../app.ts'
import type { Dispatch } from '../core/dispatch.ts'
import type { IncomingMessage, OutgoingMessage, Person } from '../core/message.ts'
import { FileTooBig, readAtMost } from '../core/read-at-most.ts'
import { texts } from '../core/texts/index.ts'
import type { Logger } from '../log.ts'
import { pruneInboundEvents } from '../services/inbound-events.ts'
import { mayBeQuotedCommand } from '../core/plain-commands.ts'
import { readBody } from './http-server.ts'
import { LarkDirectory, describeError } from './lark-directory.ts'
import { eventProblem, requestTimeProblem } from './lark-freshness.ts'
import { cardMention, inertText, mentionName, mentionWord, replaceMentionKeys, textMention } from './lark-markup.ts'
import { EventInbox } from './event-inbox.ts'
import { larkSendLimit, type SendLimit } from './lark-limit.ts'
import { SendError, sleep, splitText, type PlatformAdapter } from './platform.ts'

export const LARK_EVENTS_PATH = '/lark/events'
/** The "message card request URL" for card button presses (older card callbacks). */
export const LARK_CARD_PATH = '/lark/card'

export interface LarkOptions {
  appId: string
  appSecret: string
  /** "feishu", "lark", or a base URL such as http://127.0.0.1:8080. */
  domain: string
  mode: 'ws' | 'webhook'
  encryptKey?: string
  verificationToken?: string
  db: Db
  dispatch: Dispatch
  announce: Announce
  log: Logger
  botName: string
  clock?: () => Date
  /** First retry gap after a rate limit or server error; doubles each time. */
  retryBaseMs?: number
  maxAttempts?: number
  /** Token cache; tests give each client its own. */
  cache?: lark.Cache
  /** The app's send limits; by default shared through the database on PostgreSQL, kept in this process on SQLite (lark-limit.ts). */
  limit?: SendLimit
}

/** Resolves LARK_DOMAIN to what the SDK takes. */
function larkDomain(value: string): lark.Domain | string {
  if (value === 'feishu') return lark.Domain.Feishu
  if (value === 'lark') return lark.Domain.Lark
  return value.replace(/\/+$/, '')
}

/** The parts of im.message.receive_v1 the bot reads (schema 2.0, header and event merged by the SDK). */
interface MessageEvent {
  event_id?: string
  sender?: { sender_id?: { open_id?: string; union_id?: string; user_id?: string }; sender_type?: string }
  message?: {
    message_id: string
    parent_id?: string
    create_time?: string
    chat_id: string
    chat_type?: string
    message_type: string
    content: string
    mentions?: { key: string; id?: { open_id?: string; union_id?: string }; name: string }[]
  }
}

/**
 * A card button press: the older card callback ({open_id, open_chat_id,
 * open_message_id, action}) or card.action.trigger as the SDK flattens it
 * ({operator, context, action}).
 */
interface CardAction {
  event_id?: string
  /** The older callback's card update token, new at each press. */
  token?: string
  open_id?: string
  open_chat_id?: string
  open_message_id?: string
  operator?: { open_id?: string; union_id?: string }
  context?: { open_chat_id?: string; open_message_id?: string }
  action?: { value?: unknown; tag?: string }
}

/** The message card JSON (schema 1.0) Lark draws. */
type Card = Record<string, unknown>

interface BotAddedEvent {
  event_id?: string
  chat_id?: string
  name?: string
}

type ApiAnswer = { code?: number; msg?: string; data?: unknown } | undefined

const TEXT_LIMIT = 4000
/** Lark answers within 3 s or redelivers; a body larger than this is not an event. */
const MAX_BODY_BYTES = 1024 * 1024
/** Lark waits 3 s for the answer to an event, then counts it failed and delivers it again. */
const ACK_WAIT_MS = 2500

/**
 * Lark / Feishu through the official SDK. Events arrive by the SDK's
 * WSClient (long connection) or by webhook; both go through one
 * EventDispatcher. Each event is taken once (event id and message id are
 * recorded), acknowledged at once and worked on after.
 */
export class LarkAdapter implements PlatformAdapter {
  readonly platform = 'lark' as const
  readonly client: lark.Client
  readonly events: lark.EventDispatcher
  readonly cards: lark.CardActionHandler
  botOpenId: string | undefined
  private ws: lark.WSClient | undefined
  private readonly chatQueues = new Map<string, PQueue>()
  /** Lark's per-app limits, 50 messages a second and 1 000 a minute in any sliding window, for all the bot's processes together. */
  private readonly limit: SendLimit
  private readonly work = new Set<Promise<unknown>>()
  /** Messages and bot-added events: acknowledged once written, handled after. */
  private readonly inbox: EventInbox<MessageEvent | BotAddedEvent>
  private readonly directory: LarkDirectory
  private readonly clock: () => Date
  private readonly cipher: lark.AESCipher | undefined
  private readonly domain: lark.Domain | string
  private readonly sdkLog: ReturnType<typeof sdkLogger>

  constructor(private readonly options: LarkOptions) {
    this.clock = options.clock ?? (() => new Date())
    this.limit = options.limit ?? larkSendLimit(options.db, options.appId)
    const logger = (this.sdkLog = sdkLogger(options.log))
    this.domain = larkDomain(options.domain)
    this.cipher = options.encryptKey ? new lark.AESCipher(options.encryptKey) : undefined
    // The SDK's shared axios instance has no timeout; a hung request would hold a chat's queue.
    lark.defaultHttpInstance.defaults.timeout = 15_000
    this.client = new lark.Client({
      appId: options.appId,
      appSecret: options.appSecret,
      domain: this.domain,
      loggerLevel: lark.LoggerLevel.warn,
      logger,
      ...(options.cache ? { cache: options.cache } : {}),
    })
    this.directory = new LarkDirectory(this.client, options.log)
    this.inbox = new EventInbox({
      // The machine's time, not a moved CLOCK_START: what an earlier run left is found by when it really came.
      db: options.db, platform: 'lark', clock: () => new Date(), log: options.log,
      handle: (event) => ('message' in event ? this.handleMessage(event as MessageEvent) : this.onBotAdded(event as BotAddedEvent)),
      track: (work) => this.track(work),
    })
    this.events = new lark.EventDispatcher({
      encryptKey: options.encryptKey,
      verificationToken: options.verificationToken,
      loggerLevel: lark.LoggerLevel.warn,
      logger,
    }).register({
      // The handlers settle when the event is safe in the database (the inbox): the webhook and the long connection acknowledge then (an error asks Lark to deliver again).
      'im.message.receive_v1': (data) => this.receive(data as MessageEvent),
      'im.chat.member.bot.added_v1': (data) => this.receive(data as BotAddedEvent),
      'card.action.trigger': (data: unknown) => this.onCardAction(data as CardAction, 'trigger'),
    })
    // Signature and token are checked on the raw body in handleCardWebhook, so none is given here.
    this.cards = new lark.CardActionHandler({ loggerLevel: lark.LoggerLevel.warn, logger }, (data: unknown) =>
      this.onCardAction(data as CardAction, 'callback'),
    )
  }

  async start(): Promise<void> {
    await inTx(this.options.db, (tx) => pruneInboundEvents(tx, this.clock()))
    if (this.options.mode === 'webhook' && !this.options.encryptKey) {
      this.options.log.warn('LARK_ENCRYPT_KEY is not set: webhook requests are unsigned, so whoever holds the verification token can write events and a captured request is refused only by its age; set an Encrypt Key')
    }
    await this.learnSelf()
    // What an earlier run acknowledged and never handled goes first, oldest first.
    await this.inbox.recover()
    this.inbox.start()
    if (this.options.mode === 'ws') {
      this.ws = new lark.WSClient({
        appId: this.options.appId,
        appSecret: this.options.appSecret,
        domain: this.domain,
        loggerLevel: lark.LoggerLevel.warn,
        logger: this.sdkLog,
      })
      await this.ws.start({ eventDispatcher: this.events })
    }
  }

  async stop(): Promise<void> {
    this.inbox.stop()
    this.ws?.close({ force: true })
    await this.idle()
  }

  /** Resolves when every event taken so far has been worked on and every send is done. */
  async idle(): Promise<void> {
    while (this.work.size > 0) await Promise.allSettled([...this.work])
    await Promise.all([...this.chatQueues.values()].map((q) => q.onIdle()))
  }

  /**
   * The webhook endpoint (POST /lark/events). Checks what the SDK leaves
   * unchecked, and refuses (recording nothing) what fails: the
   * X-Lark-Signature over the raw body when an encrypt key is set, the
   * verification token, and then the replay checks (`replayProblem`). An
   * event is acknowledged (200) once its command has committed, so a crash
   * never loses one Lark thinks delivered; work not done within ACK_WAIT_MS
   * of the request's arrival is answered 503 and goes on, and Lark's
   * redelivery (15 s later) finds it taken.
   */
  handleWebhook = async (req: HttpRequest, res: ServerResponse): Promise<void> => {
    const arrived = Date.now()
    const refuse = this.refuser(req, res, 'lark webhook refused')
    const raw = await this.rawBody(req, res, refuse)
    if (raw === null) return
    const { encryptKey, verificationToken } = this.options
    const signature = header(req, 'x-lark-signature')
    if (encryptKey && signature !== undefined && !this.signedWithKey(req, raw, signature)) return refuse(401, 'bad signature')
    const opened = this.open(raw)
    if ('why' in opened) return refuse(opened.status, opened.why)
    const { body } = opened
    const challenge = body.type === 'url_verification'
    const headerPart = body.header as { token?: unknown; event_type?: unknown } | undefined
    const token = headerPart?.token ?? body.token
    if (verificationToken && token !== verificationToken) return refuse(401, 'bad verification token')
    if (encryptKey && signature === undefined && !challenge) return refuse(401, 'missing signature')
    if (challenge) return answer(res, 200, { challenge: body.challenge })
    const replay = this.replayProblem(req, body)
    if (replay) return refuse(replay.status, replay.why)
    if (headerPart?.event_type === 'card.action.trigger') {
      // A button press is answered with the redrawn card, within Lark's 3 seconds.
      const result = await this.events.invoke(body, { needCheck: false }).catch(() => undefined)
      return answer(res, 200, result ?? {})
    }
    const work = this.events.invoke(body, { needCheck: false }).then(() => true, () => false)
    let timer: NodeJS.Timeout | undefined
    const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), Math.max(0, arrived + ACK_WAIT_MS - Date.now()))))
    const done = await Promise.race([work, late])
    clearTimeout(timer)
    if (done === true) answer(res, 200, {})
    else answer(res, done === null ? 503 : 500, { error: done === null ? 'still working; deliver again later' : 'not handled' })
  }

  /**
   * The card request URL (POST /lark/card) for the older card callbacks:
   * signed with sha1(timestamp + nonce + verification token + body), their
   * `token` field being the card's update token, new at each press (the
   * key a replayed press is known by). Answered with the redrawn card.
   */
  handleCardWebhook = async (req: HttpRequest, res: ServerResponse): Promise<void> => {
    const refuse = this.refuser(req, res, 'lark card callback refused')
    const raw = await this.rawBody(req, res, refuse)
    if (raw === null) return
    let outer: Record<string, unknown>
    try {
      outer = parseObject(raw)
    } catch {
      return refuse(400, 'unreadable body')
    }
    const { encryptKey, verificationToken } = this.options
    const signature = header(req, 'x-lark-signature')
    let body = outer
    if (typeof outer.encrypt === 'string' || outer.schema !== undefined) {
      // A schema 2.0 callback sent to this URL: checked as events are.
      if (encryptKey && (signature === undefined || !this.signedWithKey(req, raw, signature))) return refuse(401, 'bad signature')
      const opened = this.open(raw)
      if ('why' in opened) return refuse(opened.status, opened.why)
      body = opened.body
      const token = (body.header as { token?: unknown } | undefined)?.token ?? body.token
      if (verificationToken && token !== verificationToken) return refuse(401, 'bad verification token')
      const replay = this.replayProblem(req, body)
      if (replay) return refuse(replay.status, replay.why)
    } else if (body.type !== 'url_verification') {
      // Without the verification token an older callback cannot be told from a forged one.
      if (!verificationToken) return refuse(401, 'card callbacks are checked with LARK_VERIFICATION_TOKEN, which is not set')
      const timestamp = header(req, 'x-lark-request-timestamp') ?? ''
      const nonce = header(req, 'x-lark-request-nonce') ?? ''
      const expected = createHash('sha1').update(timestamp + nonce + verificationToken + raw).digest('hex')
      if (signature === undefined || !sameText(expected, signature)) return refuse(401, 'bad signature')
      const late = requestTimeProblem(timestamp, true, Date.now())
      if (late) return refuse(401, late)
    }
    if (body.type === 'url_verification') {
      if (verificationToken && body.token !== verificationToken) return refuse(401, 'bad verification token')
      return answer(res, 200, { challenge: body.challenge })
    }
    // The SDK reads request headers off the data's prototype (as its own adaptDefault does); checked above.
    const result = await this.cards.invoke(Object.assign(Object.create({ headers: {} }) as object, body)).catch(() => undefined)
    answer(res, 200, result ?? {})
  }

  /**
   * Why a signed, well-formed event is still refused: a request time far
   * from now (a captured request sent again), an event older than Lark's
   * last redelivery, or one for another app. With an encrypt key the
   * timestamp is signed, so it must be there; with only a verification
   * token nothing in the request is signed (whoever holds the token can
   * write any event), so the timestamp is checked when sent, and only the
   * event's own create_time and app_id hold replays back.
   */
  private replayProblem(req: HttpRequest, body: Record<string, unknown>): { status: number; why: string } | null {
    const now = Date.now()
    const late = requestTimeProblem(header(req, 'x-lark-request-timestamp'), Boolean(this.options.encryptKey), now)
    if (late) return { status: 401, why: late }
    const bad = eventProblem(body, this.options.appId, now)
    return bad ? { status: 400, why: bad } : null
  }

  /** Answers a refused request with its status, and logs why. */
  private refuser(req: HttpRequest, res: ServerResponse, what: string) {
    const ip = req.socket?.remoteAddress
    return (status: number, why: string): void => {
      this.options.log.warn({ status, why, ip }, what)
      answer(res, status, { error: why })
    }
  }

  /** The raw body of a POST, or null once the request has been refused (another method, too large) or is gone. */
  private async rawBody(req: HttpRequest, res: ServerResponse, refuse: (status: number, why: string) => void): Promise<string | null> {
    if (req.method !== 'POST') {
      refuse(405, 'method not allowed')
      return null
    }
    const body = await readBody(req, res, MAX_BODY_BYTES)
    if (body.ok) return body.text
    this.options.log.warn({ why: body.why, ip: req.socket?.remoteAddress }, 'lark webhook body refused')
    return null
  }

  /** X-Lark-Signature = sha256(timestamp + nonce + encrypt key + raw body). */
  private signedWithKey(req: HttpRequest, raw: string, signature: string): boolean {
    const expected = sign(header(req, 'x-lark-request-timestamp') ?? '', header(req, 'x-lark-request-nonce') ?? '', this.options.encryptKey!, raw)
    return sameText(expected, signature)
  }

  /** The body as an object, decrypted when it came encrypted; else why it is refused. */
  private open(raw: string): { body: Record<string, unknown> } | { status: number; why: string } {
    try {
      const body = parseObject(raw)
      if (typeof body.encrypt !== 'string') return { body }
      if (!this.cipher) return { status: 400, why: 'encrypted body but no LARK_ENCRYPT_KEY' }
      return { body: parseObject(this.cipher.decrypt(body.encrypt)) }
    } catch {
      return { status: 400, why: 'unreadable body' }
    }
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

  /** A file (an export): uploaded with im.file.create, then sent as a file message. */
  private async deliverFile(message: OutgoingMessage, file: { name: string; base64: string }): Promise<void> {
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

  /** One message: as a reply where one is asked for, else (or when that message is gone) into the chat. */
  private async post(message: OutgoingMessage, msgType: 'text' | 'interactive' | 'file', content: string, replyToId: string | undefined, part: string): Promise<void> {
    // A message with a key sends each part under a uuid of its own: Lark sends one message per uuid in an hour, so a resend after a crash is dropped.
    const uuid = message.key ? { uuid: createHash('sha256').update(`${message.key}#${part}`).digest('hex').slice(0, 40) } : {}
    if (replyToId) {
      try {
        await this.call('reply', () => this.client.im.message.reply({ path: { message_id: replyToId }, data: { msg_type: msgType, content, ...uuid } }))
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
    )
  }

  /**
   * A press on a card button: the button's command runs as the presser's
   * message, and its answer comes back as the redrawn card (with the result
   * as a toast, or for older callbacks as a note on the card). A press is
   * known by its event id (card.action.trigger) or its update token (older
   * callbacks), taken in the command's transaction like a message's keys:
   * the same press sent again does nothing and is answered with no change.
   */
  private async onCardAction(data: CardAction, kind: 'trigger' | 'callback'): Promise<unknown> {
    const arrived = Date.now()
    const openId = data.operator?.open_id ?? data.open_id
    const chatId = data.context?.open_chat_id ?? data.open_chat_id
    const messageId = data.context?.open_message_id ?? data.open_message_id
    const value = data.action?.value
    const command = typeof value === 'object' && value !== null ? (value as { command?: unknown }).command : undefined
    const key = kind === 'trigger' ? data.event_id && `lark:event:${data.event_id}` : data.token && `lark:card:${data.token}`
    if (!key || !openId || !chatId || !messageId || typeof command !== 'string' || !command.startsWith('/')) return {}
    const name = await this.directory.nameOf(chatId, openId)
    const unionId = data.operator?.union_id
    const pending = this.options.dispatch({
      id: messageId,
      platform: 'lark',
      chat: { id: chatId, title: await this.directory.titleOf(chatId), isDirect: false },
      sender: { id: openId, name, ...(unionId ? { stableId: unionId } : {}) },
      text: command,
      mentionedBot: true,
      mentions: [],
      via: 'button',
      at: this.clock(),
      eventKeys: [key],
    })
    const presser: Person = { id: openId, name }
    const noteOf = (answers: OutgoingMessage[]) => answers.filter((m) => !m.buttons?.length).map((m) => m.text).join('\n')
    const answers = await within(pending, ACK_WAIT_MS - (Date.now() - arrived))
    if (answers === null) {
      // Past Lark's 3 s the press would show as failed: it is taken, and its answer goes to the chat when ready.
      void this.track(pending.then((late) => this.tellPresser(chatId, presser, messageId, noteOf(late))))
      return kind === 'trigger' ? { toast: { type: 'info', content: texts.platform.cardTaken } } : {}
    }
    const card = answers.find((m) => m.buttons?.length)
    const note = noteOf(answers)
    if (kind === 'trigger') {
      return {
        ...(note ? { toast: { type: card ? 'success' : 'warning', content: inertText(note) } } : {}),
        ...(card ? { card: { type: 'raw', data: buildCard(card) } } : {}),
      }
    }
    if (card) return buildCard(card, note)
    // Refused, and an older callback has no toast: say why in the chat, to the presser.
    await this.tellPresser(chatId, presser, messageId, note)
    return {}
  }

  /** A card press's answer said in the chat, to the presser (written to the outbox like any message). */
  private async tellPresser(chatId: string, presser: Person, messageId: string, note: string): Promise<void> {
    if (!note) return
    await this.options.announce({ chat: { platform: 'lark', chatId }, text: note, mentions: [presser], replyToId: messageId })
  }

  /** One Open API call under the app's rate limits, retried on rate limits and server errors. */
  private async call(what: string, request: () => Promise<ApiAnswer>): Promise<ApiAnswer> {
    const attempts = this.options.maxAttempts ?? 5
    const base = this.options.retryBaseMs ?? 500
    for (let attempt = 1; ; attempt++) {
      // A limit that cannot be read (the database is gone) is a failure to try again, like a server error.
      const failure = await this.limit.take().then(
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

  /** Keeps the work until stop() has waited for it; the promise returned rejects when the work failed (logged). */
  private track(work: Promise<unknown>): Promise<void> {
    const tracked = work.then(
      () => undefined,
      (err: unknown) => {
        this.options.log.error({ err }, 'lark event not handled')
        throw err
      },
    )
    const settled = tracked.catch(() => undefined)
    this.work.add(settled)
    void settled.finally(() => this.work.delete(settled))
    return tracked
  }

  /**
   * Settles once the event is written to the inbox: when it is acknowledged.
   * It is handled after (stop() waits for that); a redelivery, or a second
   * delivery to another process, finds it received and does nothing.
   */
  private async receive(data: MessageEvent | BotAddedEvent): Promise<void> {
    const messageId = 'message' in data ? data.message?.message_id : undefined
    const keys = [...(data.event_id ? [`lark:event:${data.event_id}`] : []), ...(messageId ? [`lark:msg:${messageId}`] : [])]
    if (keys.length === 0) return
    // Tracked too: a receipt waiting for a locked database is work stop() and idle() wait for.
    await this.track(this.inbox.take(keys[0]!, keys.slice(1), data))
  }

  private async handleMessage(data: MessageEvent): Promise<void> {
    const message = data.message
    if (!message) return
    if (data.sender?.sender_type && data.sender.sender_type !== 'user') return
    const incoming = await this.toIncoming(data)
    // The keys are taken in the command's own transaction: a redelivery after it committed is dropped, one after a crash runs.
    const eventKeys = [`lark:msg:${message.message_id}`, ...(data.event_id ? [`lark:event:${data.event_id}`] : [])]
    if (!incoming) return
    // Handled once committed: its replies go out under the chat's pacing while the next events are handled (stop() waits for them).
    let committed!: () => void
    const safe = new Promise<void>((resolve) => (committed = resolve))
    await Promise.race([safe, this.track(this.options.dispatch({ ...incoming, eventKeys }, { committed }))])
  }

  private async onBotAdded(data: BotAddedEvent): Promise<void> {
    if (!data.chat_id) return
    if (data.name) this.directory.rememberTitle(data.chat_id, data.name)
    const keys = [`lark:event:${data.event_id ?? `bot-added:${data.chat_id}`}`]
    await this.options.announce({ chat: { platform: 'lark', chatId: data.chat_id }, text: texts.platform.greeting(this.options.botName) }, keys)
  }

  /** Turns an im.message.receive_v1 event into the core's model; null for what the bot leaves alone. */
  private async toIncoming(data: MessageEvent): Promise<IncomingMessage | null> {
    const message = data.message!
    const senderId = data.sender?.sender_id?.open_id
    if (!senderId) return null
    if (message.message_type === 'file') return this.fileMessage(data, senderId)
    const raw = readContent(message.message_type, message.content)
    if (raw === null) return null
    const isDirect = message.chat_type === 'p2p'
    const isBot = (m: { id?: { open_id?: string }; name: string }) =>
      this.botOpenId ? m.id?.open_id === this.botOpenId : m.name === this.options.botName
    let mentionedBot = false
    const mentions: Person[] = []
    for (const m of message.mentions ?? []) {
      if (isBot(m)) mentionedBot = true
      else if (m.id?.open_id) {
        mentions.push({ id: m.id.open_id, name: mentionName(m.name), ...(m.id.union_id ? { stableId: m.id.union_id } : {}) })
        this.directory.rememberName(m.id.open_id, m.name)
      }
    }
    // Each placeholder (@_user_1, @_all) is replaced exactly, in one pass: @_user_1 is not read inside @_user_10.
    const text = replaceMentionKeys(raw, message.mentions ?? [], (m) => (!m ? '@所有人' : isBot(m) ? ' ' : mentionWord(m.name))).trim()
    if (!text && !mentionedBot) return null
    const name = await this.directory.nameOf(message.chat_id, senderId)
    const unionId = data.sender?.sender_id?.union_id
    return {
      id: message.message_id,
      platform: 'lark',
      chat: { id: message.chat_id, title: isDirect ? name : await this.directory.titleOf(message.chat_id), isDirect },
      sender: { id: senderId, name, ...(unionId ? { stableId: unionId } : {}) },
      text,
      // In a one-to-one chat everything is said to the bot.
      mentionedBot: mentionedBot || isDirect,
      mentions,
      ...(message.parent_id ? { replyTo: await this.quoted(message.parent_id, text) } : {}),
      at: message.create_time ? new Date(Number(message.create_time)) : this.clock(),
    }
  }

  /** A file (a 行事历 for /导入): downloaded from the message's resources only if the core keeps it. */
  private async fileMessage(data: MessageEvent, senderId: string): Promise<IncomingMessage | null> {
    const message = data.message!
    let content: { file_key?: string; file_name?: string }
    try {
      content = JSON.parse(message.content) as typeof content
    } catch {
      return null
    }
    const fileKey = content.file_key
    if (!fileKey) return null
    const isDirect = message.chat_type === 'p2p'
    const name = await this.directory.nameOf(message.chat_id, senderId)
    return {
      id: message.message_id,
      platform: 'lark',
      chat: { id: message.chat_id, title: isDirect ? name : await this.directory.titleOf(message.chat_id), isDirect },
      sender: { id: senderId, name },
      text: '',
      mentionedBot: isDirect,
      mentions: [],
      file: {
        name: content.file_name ?? 'file',
        fetch: async (max: number) => {
          const res = await this.client.im.messageResource.get({ path: { message_id: message.message_id, file_key: fileKey }, params: { type: 'file' } })
          const body = res.getReadableStream()
          // The size Lark states refuses a file before its body is read; without one, the read stops past the limit.
          if (Number((res.headers as Record<string, unknown> | undefined)?.['content-length']) > max) {
            body.destroy()
            throw new FileTooBig(max)
          }
          return readAtMost(body, max)
        },
      },
      at: message.create_time ? new Date(Number(message.create_time)) : this.clock(),
    }
  }

  /**
   * The message a reply quotes. Its text and author are fetched only for a
   * short reply that may be a sign-up ("报名", "+1" under an announcement).
   */
  private async quoted(parentId: string, text: string): Promise<NonNullable<IncomingMessage['replyTo']>> {
    if (!mayBeQuotedCommand(text)) return { id: parentId }
    try {
      const res = await this.client.im.message.get({ path: { message_id: parentId } })
      const item = res?.data?.items?.[0]
      if (!item) return { id: parentId }
      const fromBot = item.sender?.sender_type === 'app' && (!item.sender.id || item.sender.id === this.options.appId)
      return { id: parentId, text: item.body?.content ?? '', ...(item.sender?.id ? { senderId: item.sender.id } : {}), fromBot }
    } catch (err) {
      this.options.log.debug({ err: describeError(err), parentId }, 'lark quoted message unavailable')
      return { id: parentId }
    }
  }

  /** The bot's own open_id, to tell @mentions of itself from mentions of others. */
  private async learnSelf(): Promise<void> {
    try {
      const res = (await this.client.request({ method: 'GET', url: '/open-apis/bot/v3/info' })) as {
        code?: number
        bot?: { open_id?: string; app_name?: string }
      }
      this.botOpenId = res.bot?.open_id
      this.options.log.info({ openId: this.botOpenId, name: res.bot?.app_name }, 'lark bot identity')
    } catch (err) {
      this.options.log.warn({ err: describeError(err) }, 'lark bot info unavailable; @mentions are matched by the bot name')
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

/** The text of a text or rich-text (post) message; null for other kinds. */
export function readContent(type: string, content: string): string | null {
  let parsed: unknown
  try {
    parsed = JSON.parse(content)
  } catch {
    return null
  }
  if (type === 'text') return typeof (parsed as { text?: unknown }).text === 'string' ? (parsed as { text: string }).text : null
  if (type !== 'post') return null
  // A post is {title, content: [[{tag, text|user_id|…}]]}, possibly wrapped by locale.
  const post = (parsed as { content?: unknown }).content ? parsed : Object.values(parsed as object)[0]
  const lines = ((post as { content?: unknown[][] })?.content ?? []).map((line) =>
    (line ?? [])
      .map((el) => {
        const e = el as { tag?: string; text?: string; user_id?: string; user_name?: string; href?: string }
        if (e.tag === 'text' || e.tag === 'a') return e.text ?? ''
        if (e.tag === 'at') return e.user_id === 'all' ? '@_all' : (e.user_id ?? '')
        return ''
      })
      .join(''),
  )
  return lines.join('\n')
}

/**
 * The card for a message with buttons: its title, text (and @mentions), an
 * optional note, the buttons. Every text from the core goes in as
 * plain_text, made inert; the only lark_md is the mentions built here.
 */
export function buildCard(message: OutgoingMessage, note?: string): Card {
  const ats = (message.mentions ?? []).map(cardMention).filter(Boolean).join(' ')
  const elements: unknown[] = []
  if (ats) elements.push({ tag: 'div', text: { tag: 'lark_md', content: ats } })
  elements.push({ tag: 'div', text: { tag: 'plain_text', content: inertText(message.text) } })
  if (note) elements.push({ tag: 'note', elements: [{ tag: 'plain_text', content: inertText(note) }] })
  elements.push({
    tag: 'action',
    actions: (message.buttons ?? []).map((b) => ({
      tag: 'button',
      text: { tag: 'plain_text', content: inertText(b.label) },
      type: b.style ?? 'default',
      value: { command: b.command },
    })),
  })
  return {
    config: { wide_screen_mode: true, update_multi: true },
    ...(message.title ? { header: { template: 'blue', title: { tag: 'plain_text', content: inertText(message.title) } } } : {}),
    elements,
  }
}

/** The work's result if it settles within `ms`, else null (the work goes on). */
async function within<T>(work: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), Math.max(0, ms))))
  try {
    return await Promise.race([work, late])
  } finally {
    clearTimeout(timer)
  }
}

/** A JSON object; anything else (a number, a string, broken JSON) throws. */
function parseObject(text: string): Record<string, unknown> {
  const value = JSON.parse(text) as unknown
  if (typeof value !== 'object' || value === null) throw new Error('not an object')
  return value as Record<string, unknown>
}

function sign(timestamp: string, nonce: string, encryptKey: string, body: string): string {
  return createHash('sha256').update(timestamp + nonce + encryptKey + body).digest('hex')
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b.toLowerCase())
  return x.length === y.length && timingSafeEqual(x, y)
}

function header(req: HttpRequest, name: string): string | undefined {
  const value = req.headers[name]
  return Array.isArray(value) ? value[0] : value
}

/** Answers, unless the connection is gone (closed by the client or the request timeout). */
function answer(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent || res.destroyed) return
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
  res.end(JSON.stringify(body))
}

/** The SDK's log lines go to pino. */
function sdkLogger(log: Logger) {
  const child = log.child({ module: 'lark-sdk' })
  const line = (level: 'error' | 'warn' | 'info' | 'debug' | 'trace') => (...msg: unknown[]) =>
    child[level](msg.map((m) => (typeof m === 'string' ? m : JSON.stringify(m))).join(' '))
  return { error: line('error'), warn: line('warn'), info: line('info'), debug: line('debug'), trace: line('trace') }
}
