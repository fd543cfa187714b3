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
  /** Class periods ("第三节课", "下午第7、8节"), read through the district's 作息时间. */
  periods?: number[]
  /** "第二节课后": after the periods named. */
  afterPeriods?: boolean
  /** "放学后": the district's end of lessons. */
  afterSchool?: boolean
}

export type Term = 1 | 2 | 'current'

export type DateSpec =
  /** weekday: the one the writer added ("12月3日(周四)"), checked later. */
  /** termWeek: the semester week the writer added ("9月21日(第4周周一)"), checked later. */
  | { kind: 'date'; year?: number; month: number; day: number; weekday?: number; termWeek?: number }
  /** part: the part of the day implied by 今晚, 明早. */
  | { kind: 'relativeDay'; offset: number; part?: PartOfDay }
  /** weekOffset null: the next such weekday, today included. */
  | { kind: 'weekday'; weekOffset: number | null; weekday: number }
  | { kind: 'semesterWeek'; term?: Term; week: number; weekday?: number }
  | { kind: 'month'; year?: number; month: number; part?: MonthPart }
  /** "12月第2周": the Monday-to-Sunday week that holds the month's Nth Monday; with a weekday, that day. */
  | { kind: 'monthWeek'; year?: number; month: number; week: number; weekday?: number }
  /** "12月第二个周三", "12月最后一个周五". */
  | { kind: 'monthNth'; year?: number; month: number; nth: number; weekday: number }
  /** "本月底", "下个月初": a month counted from this one. */
  | { kind: 'relativeMonth'; offset: number; part?: MonthPart }
  /** "下周", "本周": a whole Monday-to-Sunday week, weekOffset from this one. */
  | { kind: 'week'; weekOffset: number }
  /** "学期末": the last two weeks of the semester. */
  | { kind: 'termEnd' }
  /** "期中": the two weeks in the middle of the semester. */
  | { kind: 'termMid' }
  /** "上半年" (January to June), "下半年" (July to December). */
  | { kind: 'halfYear'; half: 1 | 2; year?: number }
  /** "国庆后第一周": the Nth Monday-to-Sunday week after the holiday's last day. */
  | { kind: 'afterHoliday'; holiday: FixedHoliday; week: number }

export type FixedHoliday = 'national' | 'newYear' | 'labour'

export type MonthPart = 'early' | 'mid' | 'late' | 'end' | 'earlyMid' | 'midLate'

export type Repeat =
  /** more: further weekdays of the same weeks ("每周一、三"). */
  | { kind: 'weekly'; weekday: number; parity?: 'odd' | 'even'; everyOther?: boolean; more?: number[] }
  | { kind: 'monthlyNth'; nth: number; weekday: number }
  | { kind: 'monthlyDay'; day: number }

export interface When {
  date?: DateSpec
  /** The last day of a span ("11月30日至12月4日", "11月底12月初"). */
  dateTo?: DateSpec
  /** The span is where a date is to be set ("第7周（10月12日-16日）"), not one activity over its days. */
  window?: boolean
  /** "推迟一周", "提前两天": a move of the activity's own days by this many days (/改期 only). */
  shift?: number
  /** Further single days ("第4周周一、周三"): one occurrence each. */
  also?: DateSpec[]
  /** A series whose rhythm is known only vaguely ("每2-3周", "每月一次"): its dates are to be set. */
  vague?: string
  repeat?: Repeat
  /** "（暂定）", "暂定于": the time is tentative and is announced so. */
  tentative?: boolean
  time: TimeSpec
  from?: DateSpec
  until?: DateSpec
}

export type ParseResult =
  | { ok: true; when: When }
  | { ok: false; problem: 'unread'; unread: string; consumed: number }
  | { ok: false; problem: 'noDate' }
  | { ok: false; problem: 'empty' }
