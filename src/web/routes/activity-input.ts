/**
 * The activity page's form fields, read before any command runs: each one
 * bounded and written into the command line so that the command reads it
 * exactly as the same words typed in chat. The command line splits on
 * spaces and takes quotes (" ' “ ” 「 」 …) as grouping (src/core/command-line.ts
 * tokenize); a name list is split at spaces, 、 and ， (/报名 12 李明 赵丽); a
 * reason is the tail of the line, kept as typed (typedTail), quotes and all.
 * Where a value would be read otherwise, it is refused with a sentence.
 */
import { isValidDate, type LocalDate } from '../../calendar/dates.ts'
import { normalizeText } from '../../calendar/normalize.ts'
import { parseWhen } from '../../calendar/parse-when.ts'
import { keepsWords } from '../../core/command-line.ts'
import { charCount } from '../../core/limits.ts'
import { ownProfile } from '../../core/plain-commands.ts'
import { texts } from '../../core/texts/index.ts'

const B = texts.webActivity.bad

export type Checked<T> = { ok: true; value: T } | { ok: false; text: string }

const ok = <T>(value: T): Checked<T> => ({ ok: true, value })
const no = (text: string): Checked<never> => ({ ok: false, text })

/** A person's name, as the corrections take one (a name the bot keeps is at most 20 characters). */
export const MAX_NAME_CHARS = 20
/** 代报名's names, all together. */
export const MAX_NAMES_CHARS = 200
/** A reason (取消, 不准假). */
export const MAX_REASON_CHARS = 100

/** What the command line takes as quotes, after folding full-width forms (＂ is "). */
const QUOTES = /["'“”‘’「」『』]/
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/
/** Between names, as /报名 12 李明、赵丽 and /到场 12 李明，赵丽 read them. */
const NAME_SPLIT = /[\s,，、;；]+/
/** What makes a word a 接龙 profile (王芳/育秀/语文) or an activity number (#12), not a name. */
const NOT_A_NAME = /[#＃/／\\]/

/** A form field given once, as text; a repeated or missing field reads as empty. */
export function field(body: unknown, key: string): string {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[key] : undefined
  return typeof value === 'string' ? value.trim() : ''
}

const quoted = (text: string): boolean => QUOTES.test(normalizeText(text))

/**
 * 代报名's names, read as /报名 12 reads those after the number: one or
 * several, between them spaces, 、 or ，. Written into the line as typed
 * (spaces folded), so the command splits them itself.
 */
export function readNames(raw: string): Checked<string> {
  if (!raw) return no(B.names)
  if (CONTROL.test(raw) || charCount(raw, MAX_NAMES_CHARS) > MAX_NAMES_CHARS) return no(B.namesLong(MAX_NAMES_CHARS))
  if (quoted(raw)) return no(B.namesQuotes)
  const text = raw.replace(/\s+/g, ' ')
  if (ownProfile(normalizeText(text).split(' '))) return no(B.namesProfile)
  for (const name of normalizeText(text).split(NAME_SPLIT).map((n) => n.replace(/^@/, '')).filter(Boolean)) {
    if (charCount(name, MAX_NAME_CHARS) > MAX_NAME_CHARS) return no(B.nameTooLong(name.slice(0, MAX_NAME_CHARS), MAX_NAME_CHARS))
    if (NOT_A_NAME.test(name) || /^\d/.test(name)) return no(B.notAName(name))
  }
  return ok(text)
}

/** One teacher's name, for a correction (/到场, /缺席, /签到, /签退 of one person at a time). */
export function readOneName(raw: string): Checked<string> {
  if (!raw) return no(B.name)
  if (CONTROL.test(raw) || quoted(raw) || charCount(raw, MAX_NAME_CHARS) > MAX_NAME_CHARS) return no(B.name)
  if (NAME_SPLIT.test(normalizeText(raw))) return no(B.oneName)
  const name = raw.replace(/^[@＠]/, '')
  // A name read as a day or a number would pick a session or an activity instead.
  if (!name || NOT_A_NAME.test(normalizeText(name)) || /^\d/.test(normalizeText(name))) return no(B.notAName(name))
  return ok(name)
}

/**
 * A value /设置 reads as one argument (地点, 学科, 主持, 主讲): at most `max`
 * characters, one line; a value with spaces is quoted (oneArg), so quotes of
 * its own would be taken away by the command, and are refused.
 */
export function readSetting(raw: string, max: number, label: string): Checked<string> {
  if (CONTROL.test(raw) || charCount(raw, max) > max) return no(B.field(label, max))
  if (quoted(raw)) return no(B.fieldQuotes(label))
  return ok(raw)
}

/**
 * A reason written after a session's day or the activity's number: the
 * command keeps the rest of its line as typed, quotes (“育秀杯”) and
 * full-width punctuation included, as long as no quote holds a space. One
 * starting with a day or a time would be read as naming a session
 * (/取消 12 明天 … cancels tomorrow's), so it is refused.
 */
export function readReason(raw: string, required = false): Checked<string> {
  if (CONTROL.test(raw) || charCount(raw, MAX_REASON_CHARS) > MAX_REASON_CHARS) return no(B.reason(MAX_REASON_CHARS))
  if (!raw) return required ? no(B.needReason) : ok(raw)
  if (!keepsWords(raw)) return no(B.reasonQuotes)
  const first = normalizeText(raw).split(/\s+/)[0]!
  if (parseWhen(first).ok || /^\d{1,2}(月|\/|\.|-)\d{1,2}/.test(first)) return no(B.reasonDate)
  return ok(raw)
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

/** A value that may hold spaces, as one argument ("育秀实验学校 报告厅" in quotes); it holds no quote itself (readSetting). */
export function oneArg(text: string): string {
  return /\s/.test(text) ? `"${text}"` : text
}
