/**
 * How much text the bot takes and repeats, in one place: every text it
 * stores has a limit here, refused with texts.limits when over it (the chat
 * commands and the 行事历 import read the same numbers), and every reply that
 * repeats what was typed shows at most a short clip of it. Pure.
 */
import { oneLine } from './visible-text.ts'

/**
 * A whole command, refused before it is read: the longest thing a command
 * stores (an answer, 2 000) fits with room to spare. Ordinary chat is left
 * alone whatever its size.
 */
export const MAX_COMMAND_CHARS = 4000
/** @mentions in one command. */
export const MAX_MENTIONS_IN_COMMAND = 50
/** @mentions in one message the bot sends (the rest are counted in its text): a phone screen, and a sane number of notifications. */
export const MAX_MENTIONS_PER_MESSAGE = 40
/** People named in one command (代报名, mentors, mentees): more is a list to import, not a chat message. */
export const MAX_NAMED_PEOPLE = 30
/** What a reply repeats of what was typed ("没看懂「…」"). */
export const MAX_ECHO_CHARS = 24
/** A platform display name as the bot keeps it (longer ones are cut). */
export const MAX_DISPLAY_NAME_CHARS = 30
/** A chat's title as the bot keeps it (longer ones are cut). */
export const MAX_CHAT_TITLE_CHARS = 60
/** A received file's name as the bot keeps it (longer ones are cut, keeping the extension). */
export const MAX_FILE_NAME_CHARS = 100

/** The longest text each stored field takes, in characters (code points). */
export const LIMITS = {
  /** An activity's title, place and subject: shown in one line of a list. */
  title: 60,
  place: 60,
  subject: 20,
  host: 20,
  presenter: 20,
  /** The time as written with /排期 or /改期 ("第4周周一下午"). */
  whenText: 60,
  cancelReason: 100,
  realName: 20,
  school: 40,
  /** A person named in a command (代报名, mentors, mentees): becomes a member's name until they write. */
  personName: MAX_DISPLAY_NAME_CHARS,
  districtName: 30,
  workshopName: 40,
  semesterName: 20,
  closedDayName: 20,
  question: 500,
  answer: 2000,
  /** What /问题 搜索 looks for. */
  searchWords: 50,
  /** 请假: the teacher's reason, and the organizer's for refusing. */
  leaveReason: 100,
  /** 听课: the lesson observed, and a note on it. */
  lesson: 60,
  lessonNote: 300,
} as const

export type LimitedField = keyof typeof LIMITS

/** Characters (code points, so an emoji counts once), without copying a long text. */
export function charCount(text: string, stopAfter = Infinity): number {
  let n = 0
  for (let i = 0; i < text.length && n <= stopAfter; i++) {
    const code = text.charCodeAt(i)
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) i++
    n++
  }
  return n
}

/** True when the text has more than `max` characters. */
export function longerThan(text: string, max: number): boolean {
  return text.length > max && charCount(text, max) > max
}

/** The field's text over its limit: the limit; else null. */
export function overLimit(field: LimitedField, text: string | null | undefined): number | null {
  return text != null && longerThan(text, LIMITS[field]) ? LIMITS[field] : null
}

/** At most `max` characters, cut without a mark (for what is matched as stored: names). */
export function truncate(text: string, max: number): string {
  return Array.from(text.slice(0, max * 2)).slice(0, max).join('').trim()
}

/** The first `max` characters, with "…" when cut. */
export function clip(text: string, max: number): string {
  if (!longerThan(text, max)) return text
  return `${Array.from(text.slice(0, max * 2)).slice(0, max).join('')}…`
}

/**
 * What a reply shows of something typed: one line, at most MAX_ECHO_CHARS
 * characters, without what cannot be seen: an echo never starts a line of
 * its own.
 */
export function echo(text: string): string {
  return snippet(text, MAX_ECHO_CHARS)
}

/** A text shown in a list line (a question): one line, clipped. */
export function snippet(text: string, max: number): string {
  return clip(oneLine(clip(text, max * 4)), max)
}
