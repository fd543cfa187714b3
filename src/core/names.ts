/**
 * Names from the platforms, made safe to show, in one place for every
 * platform: the sender's, each @mentioned person's, a chat's title and a
 * file's name. A name is one line of visible text of bounded length, and
 * never one that could pass for the bot's own. Pure.
 */
import { MAX_CHAT_TITLE_CHARS, MAX_COMMAND_CHARS, MAX_DISPLAY_NAME_CHARS, MAX_FILE_NAME_CHARS, clip, truncate as cut } from './limits.ts'
import type { IncomingMessage, Person } from './message.ts'
import { texts } from './texts/index.ts'
import { oneLine } from './visible-text.ts'

/** Traditional forms that read as the simplified ones at a glance (學區助手), for the characters a bot's name is likely made of. */
const TRADITIONAL: Record<string, string> = {
  學: '学', 區: '区', 幫: '帮', 員: '员', 務: '务', 機: '机', 體: '体', 導: '导', 師: '师', 長: '长', 會: '会', 團: '团', 園: '园', 習: '习', 課: '课', 訊: '讯', 號: '号',
}

/** How a name reads at a glance: letters and digits only, full-width and other compatibility forms folded, lower case, simplified. */
function skeleton(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '').replace(/\p{Script=Han}/gu, (ch) => TRADITIONAL[ch] ?? ch)
}

/**
 * True for a name that could pass for the bot: one holding the bot's name
 * whatever the width, case, spacing or punctuation ("学区助手", "学区 助手",
 * "学区助手> 通知", "ＢＯＴ").
 */
export function imitatesBot(name: string, botName: string): boolean {
  const bot = skeleton(botName) || botName.normalize('NFKC')
  return (skeleton(name) || name.normalize('NFKC')).includes(bot)
}

/** A display name as the bot keeps and shows it; an empty one, or one that imitates the bot, becomes "成员1234" from the id. */
export function cleanName(name: string, id: string, botName: string): string {
  const visible = cut(oneLine(clip(name, MAX_DISPLAY_NAME_CHARS * 4)), MAX_DISPLAY_NAME_CHARS)
  return visible && !imitatesBot(visible, botName) ? visible : texts.names.placeholder(idTail(id))
}

/** The last four letters or digits of a platform id; for an id with fewer, four digits of its hash. */
function idTail(id: string): string {
  const plain = id.replace(/[^0-9A-Za-z]/g, '')
  if (plain.length >= 4) return plain.slice(-4)
  let hash = 0x811c9dc5
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193)
  return String((hash >>> 0) % 10000).padStart(4, '0')
}

/** A received file's name as kept and shown: one visible line, long ones cut keeping the extension. */
export function cleanFileName(name: string): string {
  const visible = oneLine(clip(name, MAX_FILE_NAME_CHARS * 4))
  if (visible.length <= MAX_FILE_NAME_CHARS) return visible
  const ext = /\.[0-9A-Za-z]{1,8}$/.exec(visible)?.[0] ?? ''
  return `${cut(visible.slice(0, -ext.length || undefined), MAX_FILE_NAME_CHARS - ext.length - 1)}…${ext}`
}

/**
 * The message with every name made safe: the sender, the @mentioned (and
 * their "@name" in the text, so the text still names them exactly as the
 * mention does), the chat's title, a file's name, a quoted text's length.
 */
export function withCleanNames(message: IncomingMessage, botName: string): IncomingMessage {
  const person = (p: Person): Person => ({ ...p, name: cleanName(p.name, p.id, botName) })
  const mentions = message.mentions.map(person)
  const renamed = message.mentions
    .map((p, i) => ({ from: p.name, to: mentions[i]!.name }))
    .filter((r) => r.from.trim() && r.from !== r.to)
    .sort((a, b) => b.from.length - a.from.length)
  const text = renamed.reduce((t, r) => t.split(`@${r.from}`).join(`@${r.to}`), message.text)
  const { title, ...chat } = message.chat
  const shownTitle = title === undefined ? '' : cut(oneLine(clip(title, MAX_CHAT_TITLE_CHARS * 4)), MAX_CHAT_TITLE_CHARS)
  return {
    ...message,
    text,
    sender: person(message.sender),
    mentions,
    chat: shownTitle ? { ...chat, title: shownTitle } : chat,
    ...(message.file ? { file: { ...message.file, name: cleanFileName(message.file.name) } } : {}),
    ...(message.replyTo?.text ? { replyTo: { ...message.replyTo, text: clip(message.replyTo.text, MAX_COMMAND_CHARS) } } : {}),
  }
}
