import type { LocalDate } from '../calendar/dates.ts'
import type { Plan, ResolveError } from '../calendar/resolve-when.ts'
import type { When } from '../calendar/when.ts'
import { LIMITS } from '../core/limits.ts'
import type { ScheduleArgsError } from './args/schedule-args.ts'
import type { ActivityDetails } from './activities.ts'

/** Longest title, place and subject an activity takes: what the rest of the bot shows in one line. */
export const MAX_TITLE_CHARS = LIMITS.title
export const MAX_PLACE_CHARS = LIMITS.place
export const MAX_SUBJECT_CHARS = LIMITS.subject

export type ImportReason =
  | ResolveError
  | { key: 'noTime' }
  | { key: 'noTitle' }
  | { key: 'unreadable'; part: string }
  | { key: 'args'; error: ScheduleArgsError }
  | { key: 'workshop' }
  | { key: 'tooManyWords'; max: number }
  /** No date, no month heading above, no title column: prose, a title row, not an activity. */
  | { key: 'notActivity' }
  /** A table row with text only in its notes or unnamed columns: its time would be the row above's. */
  | { key: 'notesOnly' }
  | { key: 'tooLong'; what: 'line' | 'title' | 'place' | 'subject'; max: number }

/** Sign-up rules a line or row sets (教龄1-8, 提前公示, 限语文, 名额40, 截止…). */
export interface ImportRules {
  minYears?: number
  maxYears?: number
  subjectRule?: string
  schoolRule?: string
  menteesOnly?: boolean
  noticeWeeks?: number
  capacity?: number
  /** 截止 12月1日 (17:00): the day and time sign-ups close, in the district's time. */
  deadline?: { date: LocalDate; start?: string }
}

export type ImportItem =
  | { ok: true; line: number; text: string; details: ActivityDetails; whenText: string; when: When; plan: Plan; rules: ImportRules; key: string }
  | { ok: false; line: number; text: string; reason: ImportReason }
