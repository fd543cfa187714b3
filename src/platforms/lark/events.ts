import type * as lark from '@larksuiteoapi/node-sdk'
import type { IncomingMessage, Person } from '../../core/message.ts'
import { mayBeQuotedCommand } from '../../core/plain-commands.ts'
import { FileTooBig, readAtMost } from '../../core/read-at-most.ts'
import { texts } from '../../core/texts/index.ts'
import { EventInbox } from '../event-inbox.ts'
import { describeError, type LarkDirectory } from './directory.ts'
import { mentionName, mentionWord, replaceMentionKeys } from './markup.ts'
import type { LarkOptions } from './options.ts'

/** The parts of im.message.receive_v1 the bot reads (schema 2.0, header and event merged by the SDK). */
export interface MessageEvent {
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

export interface BotAddedEvent {
  event_id?: string
  chat_id?: string
  name?: string
}

/** What event receipt needs of the adapter. */
export interface LarkEventsDeps {
  options: LarkOptions
  client: lark.Client
  directory: LarkDirectory
  clock: () => Date
  /** The bot's own open_id, once learnt at start. */
  botOpenId: () => string | undefined
  /** Keeps work until stop() has waited for it; the promise returned rejects when the work failed. */
  track: (work: Promise<unknown>) => Promise<void>
}

/**
 * Messages and bot-added events, from the webhook or the long connection:
 * written to the inbox (acknowledged then), handled after as the core's
 * IncomingMessage.
 */
export class LarkEvents {
  /** Messages and bot-added events: acknowledged once written, handled after. */
  readonly inbox: EventInbox<MessageEvent | BotAddedEvent>

  constructor(private readonly deps: LarkEventsDeps) {
    const { options } = deps
    this.inbox = new EventInbox({
      // The machine's time, not a moved CLOCK_START: what an earlier run left is found by when it really came.
      db: options.db, platform: 'lark', clock: () => new Date(), log: options.log,
      handle: (event) => ('message' in event ? this.handleMessage(event as MessageEvent) : this.onBotAdded(event as BotAddedEvent)),
      track: (work) => deps.track(work),
    })
  }

  /**
   * Settles once the event is written to the inbox: when it is acknowledged.
   * It is handled after (stop() waits for that); a redelivery, or a second
   * delivery to another process, finds it received and does nothing.
   */
  async receive(data: MessageEvent | BotAddedEvent): Promise<void> {
    const messageId = 'message' in data ? data.message?.message_id : undefined
    const keys = [...(data.event_id ? [`lark:event:${data.event_id}`] : []), ...(messageId ? [`lark:msg:${messageId}`] : [])]
    if (keys.length === 0) return
    // Tracked too: a receipt waiting for a locked database is work stop() and idle() wait for.
    await this.deps.track(this.inbox.take(keys[0]!, keys.slice(1), data))
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
    await Promise.race([safe, this.deps.track(this.deps.options.dispatch({ ...incoming, eventKeys }, { committed }))])
  }

  private async onBotAdded(data: BotAddedEvent): Promise<void> {
    if (!data.chat_id) return
    if (data.name) this.deps.directory.rememberTitle(data.chat_id, data.name)
    const keys = [`lark:event:${data.event_id ?? `bot-added:${data.chat_id}`}`]
    await this.deps.options.announce({ chat: { platform: 'lark', chatId: data.chat_id }, text: texts.platform.greeting(this.deps.options.botName) }, keys)
  }

  /** Turns an im.message.receive_v1 event into the core's model; null for what the bot leaves alone. */
  private async toIncoming(data: MessageEvent): Promise<IncomingMessage | null> {
    const { options, directory } = this.deps
    const message = data.message!
    const senderId = data.sender?.sender_id?.open_id
    if (!senderId) return null
    if (message.message_type === 'file' || message.message_type === 'image') return this.fileMessage(data, senderId)
    const raw = readContent(message.message_type, message.content)
    if (raw === null) return null
    const isDirect = message.chat_type === 'p2p'
    const botOpenId = this.deps.botOpenId()
    const isBot = (m: { id?: { open_id?: string }; name: string }) =>
      botOpenId ? m.id?.open_id === botOpenId : m.name === options.botName
    let mentionedBot = false
    const mentions: Person[] = []
    for (const m of message.mentions ?? []) {
      if (isBot(m)) mentionedBot = true
      else if (m.id?.open_id) {
        mentions.push({ id: m.id.open_id, name: mentionName(m.name), ...(m.id.union_id ? { stableId: m.id.union_id } : {}) })
        directory.rememberName(m.id.open_id, m.name)
      }
    }
    // Each placeholder (@_user_1, @_all) is replaced exactly, in one pass: @_user_1 is not read inside @_user_10.
    const text = replaceMentionKeys(raw, message.mentions ?? [], (m) => (!m ? '@所有人' : isBot(m) ? ' ' : mentionWord(m.name))).trim()
    if (!text && !mentionedBot) return null
    const name = await directory.nameOf(message.chat_id, senderId)
    const unionId = data.sender?.sender_id?.union_id
    return {
      id: message.message_id,
      platform: 'lark',
      chat: { id: message.chat_id, title: isDirect ? name : await directory.titleOf(message.chat_id), isDirect },
      sender: { id: senderId, name, ...(unionId ? { stableId: unionId } : {}) },
      text,
      // In a one-to-one chat everything is said to the bot.
      mentionedBot: mentionedBot || isDirect,
      mentions,
      ...(message.parent_id ? { replyTo: await this.quoted(message.parent_id, text) } : {}),
      at: message.create_time ? new Date(Number(message.create_time)) : this.deps.clock(),
    }
  }

  /**
   * A file (a 行事历 for /导入) or a photo (for an activity's record):
   * downloaded from the message's resources only if the core keeps it.
   * https://open.feishu.cn/document/server-docs/im-v1/message/get-2
   */
  private async fileMessage(data: MessageEvent, senderId: string): Promise<IncomingMessage | null> {
    const { client, directory } = this.deps
    const message = data.message!
    const kind = message.message_type === 'image' ? ('image' as const) : ('file' as const)
    let content: { file_key?: string; file_name?: string; image_key?: string }
    try {
      content = JSON.parse(message.content) as typeof content
    } catch {
      return null
    }
    const fileKey = kind === 'image' ? content.image_key : content.file_key
    if (!fileKey) return null
    const isDirect = message.chat_type === 'p2p'
    const name = await directory.nameOf(message.chat_id, senderId)
    return {
      id: message.message_id,
      platform: 'lark',
      chat: { id: message.chat_id, title: isDirect ? name : await directory.titleOf(message.chat_id), isDirect },
      sender: { id: senderId, name },
      text: '',
      mentionedBot: isDirect,
      mentions: [],
      file: {
        name: content.file_name ?? (kind === 'image' ? fileKey : 'file'),
        kind,
        fetch: async (max: number) => {
          const res = await client.im.messageResource.get({ path: { message_id: message.message_id, file_key: fileKey }, params: { type: kind } })
          const body = res.getReadableStream()
          // The size Lark states refuses a file before its body is read; without one, the read stops past the limit.
          if (Number((res.headers as Record<string, unknown> | undefined)?.['content-length']) > max) {
            body.destroy()
            throw new FileTooBig(max)
          }
          return readAtMost(body, max)
        },
      },
      at: message.create_time ? new Date(Number(message.create_time)) : this.deps.clock(),
    }
  }

  /**
   * The message a reply quotes. Its text and author are fetched only for a
   * short reply that may be a sign-up ("报名", "+1" under an announcement).
   */
  private async quoted(parentId: string, text: string): Promise<NonNullable<IncomingMessage['replyTo']>> {
    if (!mayBeQuotedCommand(text)) return { id: parentId }
    try {
      const res = await this.deps.client.im.message.get({ path: { message_id: parentId } })
      const item = res?.data?.items?.[0]
      if (!item) return { id: parentId }
      const fromBot = item.sender?.sender_type === 'app' && (!item.sender.id || item.sender.id === this.deps.options.appId)
      return { id: parentId, text: item.body?.content ?? '', ...(item.sender?.id ? { senderId: item.sender.id } : {}), fromBot }
    } catch (err) {
      this.deps.options.log.debug({ err: describeError(err), parentId }, 'lark quoted message unavailable')
      return { id: parentId }
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
