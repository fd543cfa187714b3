/**
 * The syntax of a time expression, as people in a district write it
 * ("第4周周一下午", "双周一下午", "每月第一个周二", "10月底"). Pure data: what
 * calendar day it names is decided later by resolveWhen, which knows the
 * semester, the timezone and the holidays.
 */

export type PartOfDay = 'morning' | 'noon' | 'afternoon' | 'evening'

export interface TimeSpec {
  /** "HH:mm" */
  start?: string
  end?: string
  part?: PartOfDay
  allDay?: boolean
}

export type Term = 1 | 2 | 'current'

export type DateSpec =
  /** weekday: the one the writer added ("12月3日(周四)"), checked later. */
  | { kind: 'date'; year?: number; month: number; day: number; weekday?: number }
  /** part: the part of the day implied by 今晚, 明早. */
  | { kind: 'relativeDay'; offset: number; part?: PartOfDay }
  /** weekOffset null: the next such weekday, today included. */
  | { kind: 'weekday'; weekOffset: number | null; weekday: number }
  | { kind: 'semesterWeek'; term?: Term; week: number; weekday?: number }
  | { kind: 'month'; year?: number; month: number; part?: MonthPart }

export type MonthPart = 'early' | 'mid' | 'late' | 'end'

export type Repeat =
  | { kind: 'weekly'; weekday: number; parity?: 'odd' | 'even'; everyOther?: boolean }
  | { kind: 'monthlyNth'; nth: number; weekday: number }
  | { kind: 'monthlyDay'; day: number }

export interface When {
  date?: DateSpec
  repeat?: Repeat
  time: TimeSpec
  from?: DateSpec
  until?: DateSpec
}

export type ParseResult =
  | { ok: true; when: When }
  | { ok: false; problem: 'unread'; unread: string; consumed: number }
  | { ok: false; problem: 'noDate' }
  | { ok: false; problem: 'empty' }
