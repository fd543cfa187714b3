import * as lark from '@larksuiteoapi/node-sdk'
import { inTx } from '../../db/client.ts'
import type { OutgoingMessage } from '../../core/message.ts'
import { pruneInboundEvents } from '../../services/inbound-events.ts'
import type { PlatformAdapter } from '../platform.ts'
import { LarkCardActions, type CardAction } from './cards.ts'
import { LarkDirectory, describeError } from './directory.ts'
import { LarkEvents, type BotAddedEvent, type MessageEvent } from './events.ts'
import { larkDomain, sdkLogger, type LarkOptions } from './options.ts'
import { LarkSender } from './send.ts'
import { LarkWebhook } from './webhook.ts'

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
  /** The webhook endpoint (POST /lark/events), see webhook.ts. */
  readonly handleWebhook: LarkWebhook['handleWebhook']
  /** The card request URL (POST /lark/card) for the older card callbacks, see webhook.ts. */
  readonly handleCardWebhook: LarkWebhook['handleCardWebhook']
  private ws: lark.WSClient | undefined
  private readonly work = new Set<Promise<unknown>>()
  private readonly sender: LarkSender
  /** Messages and bot-added events, through the inbox. */
  private readonly received: LarkEvents
  private readonly presses: LarkCardActions
  private readonly directory: LarkDirectory
  private readonly clock: () => Date
  private readonly domain: lark.Domain | string
  private readonly sdkLog: ReturnType<typeof sdkLogger>

  constructor(private readonly options: LarkOptions) {
    this.clock = options.clock ?? (() => new Date())
    const logger = (this.sdkLog = sdkLogger(options.log))
    this.domain = larkDomain(options.domain)
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
    this.sender = new LarkSender(this.client, options)
    this.directory = new LarkDirectory(this.client, options.log)
    const track = (work: Promise<unknown>) => this.track(work)
    this.received = new LarkEvents({
      options, client: this.client, directory: this.directory, clock: this.clock, botOpenId: () => this.botOpenId, track,
    })
    this.presses = new LarkCardActions({ options, directory: this.directory, clock: this.clock, track })
    this.events = new lark.EventDispatcher({
      encryptKey: options.encryptKey,
      verificationToken: options.verificationToken,
      loggerLevel: lark.LoggerLevel.warn,
      logger,
    }).register({
      // The handlers settle when the event is safe in the database (the inbox): the webhook and the long connection acknowledge then (an error asks Lark to deliver again).
      'im.message.receive_v1': (data) => this.received.receive(data as MessageEvent),
      'im.chat.member.bot.added_v1': (data) => this.received.receive(data as BotAddedEvent),
      'card.action.trigger': (data: unknown) => this.presses.onCardAction(data as CardAction, 'trigger'),
    })
    // Signature and token are checked on the raw body in handleCardWebhook, so none is given here.
    this.cards = new lark.CardActionHandler({ loggerLevel: lark.LoggerLevel.warn, logger }, (data: unknown) =>
      this.presses.onCardAction(data as CardAction, 'callback'),
    )
    const webhook = new LarkWebhook(options, this.events, this.cards)
    this.handleWebhook = webhook.handleWebhook
    this.handleCardWebhook = webhook.handleCardWebhook
  }

  async start(): Promise<void> {
    await inTx(this.options.db, (tx) => pruneInboundEvents(tx, this.clock()))
    if (this.options.mode === 'webhook' && !this.options.encryptKey) {
      this.options.log.warn('LARK_ENCRYPT_KEY is not set: webhook requests are unsigned, so whoever holds the verification token can write events and a captured request is refused only by its age; set an Encrypt Key')
    }
    await this.learnSelf()
    // What an earlier run acknowledged and never handled goes first, oldest first.
    await this.received.inbox.recover()
    this.received.inbox.start()
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
    this.received.inbox.stop()
    this.ws?.close({ force: true })
    await this.idle()
  }

  /** Resolves when every event taken so far has been worked on and every send is done. */
  async idle(): Promise<void> {
    while (this.work.size > 0) await Promise.allSettled([...this.work])
    await this.sender.idle()
  }

  send(message: OutgoingMessage): Promise<void> {
    return this.sender.send(message)
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
