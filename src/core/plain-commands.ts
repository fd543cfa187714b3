import { normalizeText } from '../calendar/normalize.ts'
import type { CommandLine } from './command-line.ts'
import type { IncomingMessage } from './message.ts'

/** "报名 12", "取消报名#12": what teachers write in a 接龙 without a slash. */
const WITH_NUMBER = /^(报名|取消报名)\s*#?(\d{1,9})$/
/** Replies to the bot's announcement that mean "count me in" / "count me out". */
const JOIN_WORDS = new Set(['报名', '我报名', '报名+1', '+1', '1', '接龙'])
const LEAVE_WORDS = new Set(['取消报名', '-1'])
/** A whole message that can only mean signing up, even quoting nothing ("+1" and "1" are too common in chat). */
const BARE_JOIN = /^(我要?报名|报名)$/

/**
 * A command written as plain chat: "报名 12", or "报名" / "+1" / "1" quoting
 * the bot's announcement of #12. Null for everything else, which the bot
 * leaves alone. Pure.
 */
export function plainCommand(message: IncomingMessage): CommandLine | null {
  const text = normalizeText(message.text).replace(/\s+/g, ' ').trim()
  const numbered = WITH_NUMBER.exec(text)
  if (numbered) return line(numbered[1]!, [numbered[2]!])
  const quoted = message.replyTo
  // "报名" alone, quoting nothing of the bot's: the sign-up asks which activity, listing the coming ones.
  if (BARE_JOIN.test(text) && !(quoted?.fromBot && quoted.text)) return line('报名', [])
  if (!quoted?.fromBot || !quoted.text) return null
  const word = text.replace(/\s+/g, '')
  const name = JOIN_WORDS.has(word) ? '报名' : LEAVE_WORDS.has(word) ? '取消报名' : null
  if (!name) return null
  const ids = [...new Set([...normalizeText(quoted.text).matchAll(/#(\d{1,9})/g)].map((m) => m[1]!))]
  return line(name, ids.length === 1 ? ids : [])
}

function line(name: string, args: string[]): CommandLine {
  return { name, args, rest: args.join(' '), raw: args.join(' '), slash: false }
}

/** True for a short reply that means something only with the message it quotes ("报名", "+1"). */
export function mayBeQuotedCommand(text: string): boolean {
  const word = normalizeText(text).replace(/\s+/g, '')
  return JOIN_WORDS.has(word) || LEAVE_WORDS.has(word)
}
