import { FileBox } from 'file-box'
import path from 'node:path'
import PQueue from 'p-queue'
import qrcodeTerminal from 'qrcode-terminal'
import { WechatyBuilder, types, type Contact, type Message, type Room, type Wechaty } from 'wechaty'
import type { Announce } from '../../app.ts'
import type { Dispatch } from '../../core/dispatch.ts'
import type { IncomingMessage, OutgoingMessage, Person } from '../../core/message.ts'
import { readAtMost } from '../../core/read-at-most.ts'
import { texts } from '../../core/texts/index.ts'
import type { Logger } from '../../log.ts'
import { SendError, sleep, splitText, type PlatformAdapter } from '../platform.ts'

export const DEFAULT_PUPPET = 'wechaty-puppet-wechat4u'

export interface WechatOptions {
  /** A Wechaty built by {@link buildWechaty}, or by a test with the mock puppet. */
  bot: Wechaty
  dispatch: Dispatch
  /** Writes a message of the adapter's own (a greeting) to the outbox and sends it. */
  announce: Announce
  log: Logger
  botName: string
  /** Minimum gap between two sends from the account, and the random extra on top. */
  sendIntervalMs?: number
  sendJitterMs?: number
  /** Longer texts are cut into several messages (at line breaks). */
  maxTextLength?: number
  /** Where the login QR code is printed. */
  output?: NodeJS.WritableStream
  /** The app's clock; login times are compared with the times it records. */
  clock?: () => Date
}

/** Messages older than this when they arrive (history replayed after a login) are left alone. */
const MAX_MESSAGE_AGE_S = 5 * 60
/** How many message ids are remembered for answering with an @mention of the asker. */
const REMEMBERED_TALKERS = 500

/** The puppet named by WECHATY_PUPPET, logged in with the session kept under data/. */
export function buildWechaty(options: { puppet: string; token?: string; dataDir: string }): Wechaty {
  return WechatyBuilder.build({
    name: path.join(options.dataDir, 'wechaty'),
    puppet: options.puppet as never,
    ...(options.token ? { puppetOptions: { token: options.token } } : {}),
  })
}

/**
 * WeChat through wechaty: room and direct text messages in, text out through
 * one paced queue per account (WeChat restricts accounts that send bursts).
 */
export class WechatAdapter implements PlatformAdapter {
  readonly platform = 'wechat' as const
  private readonly queue = new PQueue({ concurrency: 1 })
  private readonly talkers = new Map<string, Contact>()
  private loginAt: Date | undefined
  /** Rooms found to be the only one of their title, this login. */
  private readonly titleUnique = new Map<string, boolean>()

  constructor(private readonly options: WechatOptions) {}

  async start(): Promise<void> {
    const { bot, log } = this.options
    bot.on('scan', (qrcode, status) => this.onScan(qrcode, status))
    bot.on('login', (user) => {
      this.loginAt = (this.options.clock ?? (() => new Date()))()
      this.titleUnique.clear()
      log.info({ user: user.name() }, 'wechat logged in')
    })
    bot.on('logout', (user, reason) => log.warn({ user: user.name(), reason }, 'wechat logged out'))
    bot.on('error', (err) => log.warn({ err }, 'wechaty error'))
    bot.on('message', (message) => void this.onMessage(message))
    bot.on('room-join', (room, invitees) => void this.onRoomJoin(room, invitees))
    await bot.start()
  }

  async stop(): Promise<void> {
    await this.queue.onIdle()
    await this.options.bot.stop()
  }

  /** Turns a wechaty message into the core's model; null for what the bot leaves alone. */
  private async toIncoming(message: Message): Promise<IncomingMessage | null> {
    if (message.self() || message.age() > MAX_MESSAGE_AGE_S) return null
    const type = message.type()
    if (type === types.Message.Attachment || type === types.Message.Image) {
      // A file (a 行事历 for /导入) or a photo (for an activity's record): named (and sized, where the puppet knows) now, downloaded only if the core keeps it.
      const box = await message.toFileBox()
      const kind = type === types.Message.Image ? ('image' as const) : ('file' as const)
      const file = { name: box.name, kind, ...(box.size >= 0 ? { size: box.size } : {}), fetch: async (max: number) => readAtMost(await box.toStream(), max) }
      return { ...(await this.envelope(message)), text: '', mentionedBot: false, mentions: [], file }
    }
    if (type !== types.Message.Text) return null
    const room = message.room()
    const self = this.options.bot.currentUser
    const { text: raw, replyTo: quote } = readQuote(message.text())
    const mentionedBot = room ? await message.mentionSelf() : false
    const selfNames = mentionedBot || quote ? [self.name(), this.options.botName, room ? await room.alias(self) : undefined] : []
    // A quoted message is the bot's own when it carries one of the bot's names (an announcement to sign up for).
    const replyTo = quote && { id: quote.id, text: quote.text, fromBot: selfNames.includes(quote.name) }
    const text = stripMentions(raw, mentionedBot ? selfNames : [])
    const mentions = room ? await this.mentionsOf(message, room) : []
    if (!text && !mentionedBot) return null
    return { ...(await this.envelope(message)), text, mentionedBot, mentions, ...(replyTo ? { replyTo } : {}) }
  }

  /** Who wrote, where and when: the parts every incoming message has. */
  private async envelope(message: Message) {
    const talker = message.talker()
    const room = message.room()
    const name = (room && (await room.alias(talker))) || talker.name()
    this.remember(message.id, talker)
    return {
      id: message.id,
      platform: 'wechat' as const,
      chat: room ? await this.roomChat(room) : { id: talker.id, title: name, isDirect: true },
      sender: person(talker, name),
      at: message.date(),
      ...(this.loginAt ? { idsSince: this.loginAt } : {}),
    }
  }

  /**
   * A room as a chat: its title, and whether it is the only room of that
   * title the bot is in (asked once a login): only then may it be a group
   * known by that title under an older id (ids change at each wechat4u login).
   */
  private async roomChat(room: Room): Promise<IncomingMessage['chat']> {
    const title = await room.topic()
    let unique = this.titleUnique.get(room.id)
    if (unique === undefined && this.loginAt) {
      const same = await this.options.bot.Room.findAll({ topic: title }).catch(() => [])
      this.titleUnique.set(room.id, (unique = same.length === 1 && same[0]!.id === room.id))
    }
    return { id: room.id, title, isDirect: false, ...(unique !== undefined ? { titleUnique: unique } : {}) }
  }

  /** Sends in the account's queue: pieces in order, paced, the first one with the @mentions. */
  send(message: OutgoingMessage): Promise<void> {
    return this.queue.add(async () => {
      const { bot } = this.options
      const target = await this.findConversation(message.chat.chatId)
      const mentions = await this.mentionContacts(message, target)
      const pieces = splitText(message.text, this.options.maxTextLength ?? 1500)
      for (const [i, piece] of pieces.entries()) {
        try {
          if (i === 0 && mentions.length > 0 && isRoom(target)) await target.say(piece, ...mentions)
          else await target.say(piece)
        } catch (err) {
          throw new SendError(`wechat send to ${message.chat.chatId} failed: ${String(err)}`, bot.isLoggedIn, { cause: err })
        }
        await this.pause()
      }
      if (message.file) {
        try {
          await target.say(FileBox.fromBase64(message.file.base64, message.file.name))
        } catch (err) {
          throw new SendError(`wechat file to ${message.chat.chatId} failed: ${String(err)}`, bot.isLoggedIn, { cause: err })
        }
        await this.pause()
      }
    })
  }

  private async onMessage(message: Message): Promise<void> {
    try {
      const incoming = await this.toIncoming(message)
      if (incoming) await this.options.dispatch(incoming)
    } catch (err) {
      this.options.log.error({ err, message: message.id }, 'wechat message not handled')
    }
  }

  private async onRoomJoin(room: Room, invitees: Contact[]): Promise<void> {
    const self = this.options.bot.currentUser
    if (!invitees.some((c) => c.id === self.id)) return
    await this.options.announce({ chat: { platform: 'wechat', chatId: room.id }, text: texts.platform.greeting(this.options.botName) }).catch(
      (err: unknown) => this.options.log.warn({ err, room: room.id }, 'wechat greeting not sent'),
    )
  }

  private onScan(qrcode: string, status: types.ScanStatus): void {
    if (status !== types.ScanStatus.Waiting && status !== types.ScanStatus.Timeout) return
    const out = this.options.output ?? process.stdout
    const url = `https://wechaty.js.org/qrcode/${encodeURIComponent(qrcode)}`
    qrcodeTerminal.generate(qrcode, { small: true }, (art) => out.write(`${texts.platform.wechatScan(url)}\n${art}\n`))
  }

  private async mentionsOf(message: Message, room: Room): Promise<Person[]> {
    const self = this.options.bot.currentUser
    const contacts = (await message.mentionList()).filter((c) => c.id !== self.id)
    return Promise.all(contacts.map(async (c) => person(c, (await room.alias(c)) || c.name())))
  }

  private async findConversation(chatId: string): Promise<Room | Contact> {
    const { bot } = this.options
    if (!bot.isLoggedIn) throw new SendError('wechat is not logged in', true)
    const room = await bot.Room.find({ id: chatId }).catch(() => undefined)
    if (room) return room
    const contact = await bot.Contact.find({ id: chatId }).catch(() => undefined)
    if (contact) return contact
    throw new SendError(`wechat chat ${chatId} not found (ids may change after a re-login)`, false)
  }

  /** The contacts named in the message, plus the asker when answering in a group. */
  private async mentionContacts(message: OutgoingMessage, target: Room | Contact): Promise<Contact[]> {
    if (!isRoom(target)) return []
    const found: Contact[] = []
    const asker = message.replyToId ? this.talkers.get(message.replyToId) : undefined
    if (asker && !(message.mentions ?? []).some((p) => p.id === asker.id)) found.push(asker)
    for (const p of message.mentions ?? []) {
      const contact = await this.options.bot.Contact.find({ id: p.id }).catch(() => undefined)
      if (contact) found.push(contact)
    }
    return found
  }

  private remember(messageId: string, talker: Contact): void {
    this.talkers.set(messageId, talker)
    if (this.talkers.size > REMEMBERED_TALKERS) this.talkers.delete(this.talkers.keys().next().value!)
  }

  private async pause(): Promise<void> {
    const base = this.options.sendIntervalMs ?? 1000
    const jitter = this.options.sendJitterMs ?? 500
    const gap = base + Math.random() * jitter
    if (gap > 0) await sleep(gap)
  }
}

function isRoom(target: Room | Contact): target is Room {
  return 'topic' in target && typeof (target as Room).topic === 'function'
}

function person(contact: Contact, name: string): Person {
  const weixin = contact.payload?.weixin
  return { id: contact.id, name, ...(weixin ? { stableId: weixin } : {}) }
}

/** Removes "@学区助手" (followed by WeChat's U+2005 or a space) for each of the bot's names. */
function stripMentions(text: string, names: readonly (string | undefined)[]): string {
  let result = text
  for (const name of names) {
    if (!name) continue
    result = result.split(`@${name}\u2005`).join(' ').split(`@${name} `).join(' ')
    if (result.trimEnd().endsWith(`@${name}`)) result = result.trimEnd().slice(0, -name.length - 1)
  }
  return result.replace(/\u2005/g, ' ').trim()
}

const QUOTE_SEPARATOR = /\n- - - - - - - - - - - - - - -\n/

/**
 * WeChat shows a quoted reply as text: 「王老师：原文」, a dashed line, then the
 * reply (newer clients put the reply first). Splits the two.
 */
export function readQuote(text: string): { text: string; replyTo?: { id: string; text: string; name: string } } {
  const parts = text.split(QUOTE_SEPARATOR)
  if (parts.length !== 2) return { text }
  const quoteFirst = /^「[\s\S]*」$/.test(parts[0]!.trim())
  const [quoted, reply] = quoteFirst ? [parts[0]!, parts[1]!] : [parts[1]!, parts[0]!]
  const match = /^「([^：:」]{1,30})[：:]([\s\S]*)」$/.exec(quoted.trim())
  if (!match) return { text }
  return { text: reply, replyTo: { id: '', text: match[2]!.trim(), name: match[1]!.trim() } }
}
