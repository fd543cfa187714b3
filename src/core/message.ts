/** The one message model every platform adapter produces. */

export const PLATFORMS = ['console', 'wechat', 'lark'] as const
export type Platform = (typeof PLATFORMS)[number]

export function isPlatform(value: string): value is Platform {
  return (PLATFORMS as readonly string[]).includes(value)
}

export interface Person {
  /** The platform's user id. */
  id: string
  name: string
  /** An id that survives a re-login, where the platform has one (WeChat's weixin id). */
  stableId?: string
}

export interface ChatRef {
  platform: Platform
  chatId: string
}

export interface IncomingMessage {
  /** The platform's message id. */
  id: string
  platform: Platform
  chat: {
    id: string
    title?: string
    isDirect: boolean
    /**
     * Where ids may change at a re-login (idsSince): the platform found no
     * other chat of this title, so a group known by this title under an older
     * id may be this one. A second group made with the same title is then
     * never taken for the first.
     */
    titleUnique?: boolean
  }
  sender: Person
  /** The text with the bot's own @mention removed. */
  text: string
  mentionedBot: boolean
  /** Other members @mentioned in the message, in order. */
  mentions: Person[]
  /** The message this one quotes or replies to, where the platform says. */
  replyTo?: {
    id: string
    text?: string
    senderId?: string
    /** True when the quoted message is the bot's own (an announcement to sign up for). */
    fromBot?: boolean
  }
  /**
   * A file or photo sent with the message (a 行事历 to import, a photo for
   * an activity's record); fetched only when the bot keeps it. `size` where the platform states it before the download;
   * `fetch` stops the download and rejects with FileTooBig (read-at-most.ts)
   * once more than `maxBytes` arrive.
   */
  file?: {
    name: string
    size?: number
    /** A photo ("image") or any other file; a file unless the platform says it is a photo. */
    kind?: 'image' | 'file'
    fetch(maxBytes: number): Promise<Buffer>
  }
  /**
   * "button": a press on a button the bot sent (a Lark card); the text is the button's command.
   * "page": a page of the web console reading what a command says (src/core/perform.ts pageOnly), worded for a page where the command has such words.
   */
  via?: 'text' | 'button' | 'page'
  at: Date
  /**
   * Set by platforms that may give people and chats new ids at each login
   * (some WeChat puppets): the start of the current login. Ids first seen
   * since then may belong to someone already known under an older id.
   */
  idsSince?: Date
  /**
   * The platform's keys for the event that carried this message (Lark's
   * event and message ids). They are recorded in the command's own
   * transaction, so a redelivered event is dropped once its command has
   * committed, and handled when it had not (the process died first).
   */
  eventKeys?: string[]
}

/** A button under a message, where the platform has them (Lark cards); pressing it sends `command`. */
export interface Button {
  label: string
  command: string
  style?: 'primary' | 'danger' | 'default'
}

export interface OutgoingMessage {
  chat: ChatRef
  text: string
  /** Shown as a card with buttons where the platform can; elsewhere the text says how to do the same. */
  buttons?: Button[]
  /** The card's heading, where one is drawn. */
  title?: string
  /** A file to send with the text (an export), base64 so the message can be kept as JSON. */
  file?: { name: string; base64: string }
  /** Members to @mention; each platform renders them its own way. */
  mentions?: Person[]
  /** Quote this message, where the platform can. */
  replyToId?: string
  /**
   * Stable across sends of the same message (a reminder's key): a platform
   * that can deduplicate sends (Lark's uuid, one message per uuid an hour)
   * turns a resend after a crash into nothing.
   */
  key?: string
  /**
   * Confirmations of one activity in one chat, gathered while a burst lasts
   * (接龙 style): the sender may send several messages with the same key as
   * one, `head` then each one's `line`, @mentioning each `mention`. Sent
   * alone, the message goes as written.
   */
  gather?: { key: string; head: string; line: string; mention: Person }
}

export type SendFn = (message: OutgoingMessage) => Promise<void>

export type ReplyFn = (text: string, options?: Pick<OutgoingMessage, 'mentions' | 'buttons' | 'title' | 'file' | 'gather'>) => void

/** A reply bound to the chat a message came from, like grammY's ctx.reply. */
export function createReply(push: (message: OutgoingMessage) => void, message: IncomingMessage): ReplyFn {
  return (text, options) => push({ ...replyMessage(message, text), ...options })
}

/** The answer to a message, in its chat, quoting it. */
export function replyMessage(message: IncomingMessage, text: string): OutgoingMessage {
  const chat: ChatRef = { platform: message.platform, chatId: message.chat.id }
  return { chat, text, replyToId: message.id }
}
