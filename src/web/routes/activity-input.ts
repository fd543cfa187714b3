/**
 * The activity page's form fields, read before any command runs: each one
 * bounded and of one shape, and written into the command line so that it
 * stays one argument and means what the form said. The command line splits
 * on spaces, takes quotes (" ' “ ” 「 」 …) as grouping and, in names, reads
 * commas and 、 as "and" (src/core/command-line.ts tokenize, the handlers'
 * name lists): a value holding those is refused with a sentence instead.
 */
import { isValidDate, type LocalDate } from '../../calendar/dates.ts'
import { normalizeText } from '../../calendar/normalize.ts'
import { parseWhen } from '../../calendar/parse-when.ts'
import { charCount } from '../../core/limits.ts'
import { texts } from '../../core/texts/index.ts'

const B = texts.webActivity.bad

export type Checked<T> = { ok: true; value: T } | { ok: false; text: string }

const ok = <T>(value: T): Checked<T> => ({ ok: true, value })
const no = (text: string): Checked<never> => ({ ok: false, text })

/** A person's name, as 代报名 and the corrections take one. */
export const MAX_NAME_CHARS = 20
/** A reason (取消, 不准假). */
export const MAX_REASON_CHARS = 100

/** What the command line takes as quotes, after folding full-width forms (＂ is "). */
const QUOTES = /["'“”‘’「」『』]/
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/
/** What splits a list of names ("王芳、李明"), marks a mention or an activity number, or writes a 接龙 profile (王芳/育秀/语文). */
const NAME_BREAKS = /[,，、;；@＠#＃/／\\]/

/** A form field given once, as text; a repeated or missing field reads as empty. */
export function field(body: unknown, key: string): string {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[key] : undefined
  return typeof value === 'string' ? value.trim() : ''
}

/** True when the text, as the command will read it, holds a quote or a control character. */
function unsafe(text: string): boolean {
  return QUOTES.test(normalizeText(text)) || CONTROL.test(text)
}

/** A person's name as one argument: "Zhao Yi" (a platform name with a space) is quoted, so it stays one person. */
export function readName(raw: string): Checked<string> {
  if (!raw || charCount(raw, MAX_NAME_CHARS) > MAX_NAME_CHARS || unsafe(raw) || NAME_BREAKS.test(normalizeText(raw))) return no(B.name)
  // A name read as a day or a number would pick a session or an activity instead.
  if (/^\d/.test(normalizeText(raw))) return no(B.nameDigit)
  return ok(oneArg(raw.replace(/\s+/g, ' ')))
}

/** Free text of at most `max` characters (empty allowed), without quotes or line breaks. */
export function readText(raw: string, max: number, refusal: string): Checked<string> {
  if (charCount(raw, max) > max || unsafe(raw)) return no(refusal)
  return ok(raw)
}

/**
 * A reason written after a session's day or the activity's number: one
 * starting with a day or a time would be read as naming a session
 * (/取消 12 明天 … cancels tomorrow's), so it is refused.
 */
export function readReason(raw: string, required = false): Checked<string> {
  const text = readText(raw, MAX_REASON_CHARS, B.reason(MAX_REASON_CHARS))
  if (!text.ok) return text
  if (!text.value) return required ? no(B.needReason) : text
  const first = normalizeText(text.value).split(/\s+/)[0]!
  if (parseWhen(first).ok || /^\d{1,2}(月|\/|\.|-)\d{1,2}/.test(first)) return no(B.reasonDate)
  return text
}

/** "2026-12-07", as a date field sends it. */
export function readDate(raw: string): Checked<LocalDate> {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw)
  if (!m || !isValidDate(Number(m[1]), Number(m[2]), Number(m[3]))) return no(B.date)
  return ok(raw)
}

/** "14:05", as a time field sends it; empty gives null. */
export function readTime(raw: string): Checked<string | null> {
  if (!raw) return ok(null)
  const m = /^(\d{2}):(\d{2})$/.exec(raw)
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return no(B.time)
  return ok(raw)
}

/** A session's day as the commands read it, with its year so no year is guessed: "2026年12月7日". */
export function dayWords(date: LocalDate): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return `${texts.calendar.year(y)}${texts.calendar.day(m, d)}`
}

/** A value that may hold spaces, as one argument ("育秀实验学校 报告厅" in quotes); it holds no quote itself (readText). */
export function oneArg(text: string): string {
  return /\s/.test(text) ? `"${text}"` : text
}
