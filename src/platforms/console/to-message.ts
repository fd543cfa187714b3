import { normalizeText } from '../../calendar/normalize.ts'
import type { IncomingMessage, Person } from '../../core/message.ts'

export const CONSOLE_CHAT = { id: 'console', title: '控制台群' }
/** The operator at the terminal; admin of the console group's district. */
export const OPERATOR = '我'

/**
 * "王老师> 报名 12" speaks as 王老师; a plain line speaks as 我. In the
 * console a member's name is their id. Pure; null for a blank line.
 */
export function toMessage(line: string, seq: number, at: Date, botName: string): IncomingMessage | null {
  const speaker = /^\s*([^>\s/@][^>\s]{0,19})\s*>\s?([\s\S]*)$/.exec(line)
  const name = speaker ? speaker[1]! : OPERATOR
  const raw = speaker ? speaker[2]! : line
  const botMention = new RegExp(`@${escape(botName)}[\\s\\u2005]*`, 'g')
  const mentionedBot = botMention.test(raw)
  const text = raw.replace(botMention, '').trim()
  if (!text && !mentionedBot) return null
  return {
    id: `console-${seq}`,
    platform: 'console',
    chat: { ...CONSOLE_CHAT, isDirect: false },
    sender: { id: name, name },
    text,
    mentionedBot,
    mentions: mentionsIn(text),
    at,
  }
}

/** "@李明" in a console line stands for the member named 李明. */
function mentionsIn(text: string): Person[] {
  return [...normalizeText(text).matchAll(/@([^\s@]{1,20})/g)].map((m) => ({ id: m[1]!, name: m[1]! }))
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
