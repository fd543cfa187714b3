import { normalizeText } from '../calendar/normalize.ts'
import type { CommandLine } from './command-line.ts'
import type { IncomingMessage } from './message.ts'
import { SCHOOL, SUBJECT } from './vocabulary.ts'

/** "报名 12", "取消报名#12": what teachers write in a 接龙 without a slash. */
const WITH_NUMBER = /^(报名|取消报名)\s*#?(\d{1,9})$/
/** "报名 7 李明/西渡学校/历史/3年": signing up with one's profile, as a 接龙 line gives it. */
const WITH_PROFILE = /^(?:报名|接龙)\s*#?(\d{1,9})\s+(.+)$|^#?(\d{1,9})\s*接龙\s+(.+)$/
/** "接龙 报名 2", "接龙 2", "2 接龙": signing up for #2 in a 接龙. */
const JIELONG = /^(?:接龙\s*(?:报名\s*)?#?(\d{1,9})|#?(\d{1,9})\s*接龙)$/
/** Replies to the bot's announcement that mean "count me in" / "count me out". */
const JOIN_WORDS = new Set(['报名', '我报名', '报名+1', '+1', '1', '接龙'])
const LEAVE_WORDS = new Set(['取消报名', '-1'])
/** A whole message that can only mean signing up, even quoting nothing ("+1" and "1" are too common in chat). */
const BARE_JOIN = /^(我要?报名|报名)$/
/**
 * "签到", "签到 12", "签到 4821" (the on-site code), "签到 12 4821", "签退", "签退 12",
 * as phones write them too: "签 到", "我签到", "已签到", "签到了", "签到！", "签到 12号".
 */
const CHECK = /^(?:我已经|我已|我|已经|已)?(签\s?到|签\s?退)(?:\s*#?(\d{1,9})号?)?(?:\s+(\d{4}))?\s*(?:了|啦|啊|喽|咯|哈)?[!！。.~～]*$/
/** "请假 12 家里有事", "请假12 生病", "销假 12": the number right after the word, so chat about 请假 stays chat. */
const LEAVE = /^(请假|销假)\s*#?(\d{1,9})号?(?:\s+(.+))?$/

/**
 * A command written as plain chat: "报名 12", "接龙 12", "报名 12 李明/西渡学校/历史/3年",
 * or "报名" / "+1" / "1" quoting the bot's announcement of #12. Null for
 * everything else, which the bot leaves alone. Pure.
 */
export function plainCommand(message: IncomingMessage): CommandLine | null {
  const text = normalizeText(message.text).replace(/\s+/g, ' ').trim()
  const numbered = WITH_NUMBER.exec(text)
  if (numbered) return line(numbered[1]!, [numbered[2]!])
  const check = CHECK.exec(text)
  const checkName = check?.[1]!.replace(/\s/g, '')
  if (check && !(checkName === '签退' && check[3])) return checkLine(checkName!, [check[2], check[3]].filter((w): w is string => !!w), message)
  const leave = LEAVE.exec(text)
  if (leave) return line(leave[1]!, [leave[2]!, ...(leave[3] ? leave[3].split(' ') : [])])
  const jielong = JIELONG.exec(text)
  if (jielong) return line('报名', [jielong[1] ?? jielong[2]!])
  // Only a 接龙 profile after the number: "报名 7 个人了" is chat.
  const withProfile = WITH_PROFILE.exec(text)
  const rest = withProfile ? (withProfile[2] ?? withProfile[4]!) : ''
  const profile = withProfile ? (jielongProfile([rest]) ?? spacedProfile(rest)) : null
  if (profile) return line('报名', [withProfile![1] ?? withProfile![3]!, profile])
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

/**
 * A profile written as a 接龙 line writes it ("李明/西渡学校/历史/3年", spaces
 * around the slashes allowed): one word with two slashes or more, else null.
 * /我是 reads it field by field (handlers/profile.ts).
 */
export function jielongProfile(words: readonly string[]): string | null {
  const text = words.join(' ').replace(/\s*([/／])\s*/g, '$1').trim()
  return text && !/\s/.test(text) && (text.match(/[/／]/g) ?? []).length >= 2 ? text : null
}

/**
 * "钱红 肇文学校 语文 6年": a 接龙 profile written with spaces. Only the full
 * four fields (a school, a subject, 教龄) count, so chat after 报名 stays chat.
 */
/** The sender's own profile after a sign-up's number, with slashes or four spaced fields; null for names of others. */
export function ownProfile(words: readonly string[]): string | null {
  return jielongProfile(words) ?? spacedProfile(words.join(' '))
}

function spacedProfile(text: string): string | null {
  const words = text.split(' ')
  if (words.length !== 4) return null
  const [name, school, subject, years] = words as [string, string, string, string]
  const ok = name.length <= 20 && SCHOOL.test(school) && subject.split(/[、,，]/).every((w) => SUBJECT.test(w)) && /^(?:教龄)?\d{1,2}年?(?:教龄)?$/.test(years)
  return ok ? words.join('/') : null
}

/** A bare "签到" quoting the bot's reminder of #12 is for #12. */
function checkLine(name: string, args: string[], message: IncomingMessage): CommandLine {
  const quoted = message.replyTo
  if (args.length > 0 || !quoted?.fromBot || !quoted.text) return line(name, args)
  const ids = [...new Set([...normalizeText(quoted.text).matchAll(/#(\d{1,9})/g)].map((m) => m[1]!))]
  return line(name, ids.length === 1 ? ids : [])
}

function line(name: string, args: string[]): CommandLine {
  return { name, args, rest: args.join(' '), raw: args.join(' '), slash: false }
}

/** True for a short reply that means something only with the message it quotes ("报名", "+1"). */
export function mayBeQuotedCommand(text: string): boolean {
  const word = normalizeText(text).replace(/\s+/g, '')
  return JOIN_WORDS.has(word) || LEAVE_WORDS.has(word) || word === '签到' || word === '签退'
}
