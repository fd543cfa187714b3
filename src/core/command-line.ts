import { normalizeText } from '../calendar/normalize.ts'
import type { Person } from './message.ts'
import { withoutFormat } from './visible-text.ts'

export interface CommandLine {
  /** The command word, without its slash. */
  name: string
  args: string[]
  /** Everything after the command word, spaces folded. */
  rest: string
  /** Everything after the command word exactly as typed, full-width punctuation kept (questions, answers). */
  raw: string
  /** False when the bot was addressed by @mention without a slash. */
  slash: boolean
}

const QUOTES: Record<string, string> = { '"': '"', "'": "'", '“': '”', '‘': '’', '「': '」', '『': '』' }

/**
 * Reads "/排期 …", "／排期 …", "  /排期", "@学区助手 /排期 …". Pure; returns
 * null for ordinary chat, which the bot leaves alone.
 */
export function parseCommandLine(text: string, botName: string): CommandLine | null {
  let line = normalizeText(text).trim()
  const mention = `@${botName}`
  while (line.startsWith(mention)) line = line.slice(mention.length).trim()
  const slash = line.startsWith('/')
  if (slash) line = line.slice(1).trimStart()
  const match = /^(\S+)\s*([\s\S]*)$/.exec(line)
  if (!match) return slash ? { name: '', args: [], rest: '', raw: '', slash } : null
  const rest = match[2]!.trim()
  const raw = rawRest(text, botName)
  // "/报名12", "/名单#12": the number written onto the command word.
  const glued = /^(\p{Script=Han}+?)#?(\d{1,9})$/u.exec(match[1]!)
  if (glued) {
    return { name: glued[1]!, args: [glued[2]!, ...tokenize(rest)], rest: `${glued[2]} ${rest}`.trim(), raw: `${glued[2]} ${raw}`.trim(), slash }
  }
  return { name: match[1]!, args: tokenize(rest), rest, raw, slash }
}

/** The text after the command word, from the message as typed (without unseen format characters such as bidi overrides). */
function rawRest(text: string, botName: string): string {
  let line = withoutFormat(text).replace(/^[\s\u3000\u2005]+/, '')
  const mention = `@${botName}`
  while (line.startsWith(mention)) line = line.slice(mention.length).replace(/^[\s\u3000\u2005]+/, '')
  line = line.replace(/^[/／][\s\u3000]*/, '')
  return line.replace(/^\S+/, '').trim()
}

/** Splits on spaces; quotes ("…", “…”, 「…」) keep spaces inside one argument. */
export function tokenize(text: string): string[] {
  const args: string[] = []
  let current = ''
  let closing: string | null = null
  let started = false
  for (const ch of text) {
    if (closing !== null) {
      if (ch === closing) closing = null
      else current += ch
    } else if (QUOTES[ch] !== undefined) {
      closing = QUOTES[ch]
      started = true
    } else if (/\s/.test(ch)) {
      if (started || current) args.push(current)
      current = ''
      started = false
    } else {
      current += ch
      started = true
    }
  }
  if (started || current) args.push(current)
  return args
}

/**
 * True when each word of the text (split at spaces) is read as one
 * argument: no quote joins words across a space. A command that keeps the
 * tail of its line as typed (typedTail: a reason) then keeps such a text
 * exactly, its quotes (“育秀杯”) included.
 */
export function keepsWords(text: string): boolean {
  const words = text.split(/[\s\u3000]+/).filter(Boolean)
  const args = tokenize(normalizeText(text))
  return words.length === args.length && words.every((w, i) => readAs(w) === args[i])
}

/**
 * The words `read` (the last arguments of the line) exactly as typed, with
 * their full-width punctuation and quotes ("与“育秀杯”比武冲突，暂停一次"): a
 * reason is stored and announced as it was written. Where a quote joined
 * words across a space (keepsWords), the words as read.
 */
export function typedTail(line: Pick<CommandLine, 'raw'>, read: readonly string[]): string[] {
  const typed = line.raw.split(/[\s\u3000]+/).filter(Boolean)
  const tail = typed.slice(typed.length - read.length)
  return read.length <= typed.length && tail.every((w, i) => readAs(w) === read[i]) ? tail : [...read]
}

/** One typed word as the arguments read it: folded, its quotes taken away. */
const readAs = (word: string): string => tokenize(normalizeText(word)).join('')

/** An argument: a word as typed, or a person @mentioned. */
export type Arg = { word: string; person?: undefined } | { person: Person; word?: undefined }

/** Marks where a mention stood, in characters nobody types (any that are typed are dropped first). */
const MARK = /\uE000(\d+)\uE001/g

/**
 * The arguments with each @mentioned person read as one argument, exactly
 * as the platform named them: on WeChat "@Zhao Yi" is one person, not the
 * names "Zhao" and "Yi"; on Lark the adapter may have quoted it
 * (@"Zhao Yi"). Longer names are matched first, so "@Zhao" is not read
 * inside "@Zhao Yi". People mentioned but not seen in the text come last;
 * each person once. Pure.
 */
export function argsWithMentions(line: CommandLine, mentions: readonly Person[]): Arg[] {
  let text = line.rest.replace(/[\uE000\uE001]/g, '')
  const seen = new Set<number>()
  const byLength = mentions
    .map((person, i) => ({ i, name: normalizeText(person.name).trim() }))
    .filter((m) => m.name)
    .sort((a, b) => b.name.length - a.name.length)
  for (const { i, name } of byLength) {
    const forms = [name, ...Object.entries(QUOTES).map(([open, close]) => `${open}${name}${close}`)].map(escapeRegExp)
    text = text.replace(new RegExp(`@(?:${forms.sort((a, b) => b.length - a.length).join('|')})`, 'g'), () => {
      seen.add(i)
      return ` \uE000${i}\uE001 `
    })
  }
  const args: Arg[] = tokenize(text).flatMap((token) => {
    const parts = token.split(/(\uE000\d+\uE001)/).filter((p) => p.trim())
    return parts.map((part): Arg => {
      const mark = /^\uE000(\d+)\uE001$/.exec(part)
      return mark ? { person: mentions[Number(mark[1])]! } : { word: part.replace(MARK, '').trim() }
    })
  })
  mentions.forEach((person, i) => seen.has(i) || args.push({ person }))
  const people = new Set<string>()
  return args.filter((a) => (a.person ? !people.has(a.person.id) && people.add(a.person.id) : a.word))
}

/** The words of the arguments, @mentions left out. */
export function wordsOf(args: readonly Arg[]): string[] {
  return args.flatMap((a) => (a.word !== undefined ? [a.word] : []))
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
