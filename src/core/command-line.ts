import { normalizeText } from '../calendar/normalize.ts'

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

/** The text after the command word, from the message as typed. */
function rawRest(text: string, botName: string): string {
  let line = text.replace(/^[\s\u3000\u2005]+/, '')
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
