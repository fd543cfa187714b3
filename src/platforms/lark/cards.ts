import type { OutgoingMessage, Person } from '../../core/message.ts'
import { texts } from '../../core/texts/index.ts'
import type { LarkDirectory } from './directory.ts'
import { cardMention, inertText } from './markup.ts'
import { ACK_WAIT_MS, type LarkOptions } from './options.ts'

/**
 * A card button press: the older card callback ({open_id, open_chat_id,
 * open_message_id, action}) or card.action.trigger as the SDK flattens it
 * ({operator, context, action}).
 */
export interface CardAction {
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

/** What card presses need of the adapter. */
export interface CardActionDeps {
  options: LarkOptions
  directory: LarkDirectory
  clock: () => Date
  /** Keeps work until stop() has waited for it. */
  track: (work: Promise<unknown>) => Promise<void>
}

/** Card button presses, from card.action.trigger events and the older card callbacks. */
export class LarkCardActions {
  constructor(private readonly deps: CardActionDeps) {}

  /**
   * A press on a card button: the button's command runs as the presser's
   * message, and its answer comes back as the redrawn card (with the result
   * as a toast, or for older callbacks as a note on the card). A press is
   * known by its event id (card.action.trigger) or its update token (older
   * callbacks), taken in the command's transaction like a message's keys:
   * the same press sent again does nothing and is answered with no change.
   */
  async onCardAction(data: CardAction, kind: 'trigger' | 'callback'): Promise<unknown> {
    const { options, directory } = this.deps
    const arrived = Date.now()
    const openId = data.operator?.open_id ?? data.open_id
    const chatId = data.context?.open_chat_id ?? data.open_chat_id
    const messageId = data.context?.open_message_id ?? data.open_message_id
    const value = data.action?.value
    const command = typeof value === 'object' && value !== null ? (value as { command?: unknown }).command : undefined
    const key = kind === 'trigger' ? data.event_id && `lark:event:${data.event_id}` : data.token && `lark:card:${data.token}`
    if (!key || !openId || !chatId || !messageId || typeof command !== 'string' || !command.startsWith('/')) return {}
    const name = await directory.nameOf(chatId, openId)
    const unionId = data.operator?.union_id
    const pending = options.dispatch({
      id: messageId,
      platform: 'lark',
      chat: { id: chatId, title: await directory.titleOf(chatId), isDirect: false },
      sender: { id: openId, name, ...(unionId ? { stableId: unionId } : {}) },
      text: command,
      mentionedBot: true,
      mentions: [],
      via: 'button',
      at: this.deps.clock(),
      eventKeys: [key],
    })
    const presser: Person = { id: openId, name }
    const noteOf = (answers: OutgoingMessage[]) => answers.filter((m) => !m.buttons?.length).map((m) => m.text).join('\n')
    const answers = await within(pending, ACK_WAIT_MS - (Date.now() - arrived))
    if (answers === null) {
      // Past Lark's 3 s the press would show as failed: it is taken, and its answer goes to the chat when ready.
      void this.deps.track(pending.then((late) => this.tellPresser(chatId, presser, messageId, noteOf(late))))
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
    await this.deps.options.announce({ chat: { platform: 'lark', chatId }, text: note, mentions: [presser], replyToId: messageId })
  }
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
