import { daysBetween, localParts, type LocalDate } from '../calendar/dates.ts'
import { formatDate, formatRange, formatSpan, formatTime, weekdayName, formatDay } from '../calendar/format.ts'
import { semesterOn, weekOf, type SemesterInfo } from '../calendar/semester.ts'
import type { Repeat, When } from '../calendar/when.ts'
import { texts } from '../core/texts/index.ts'
import type { Activity, Member, Occurrence, Signup } from '../generated/prisma/client.ts'
import { MAX_MENTIONS_PER_MESSAGE } from '../core/limits.ts'
import { listName } from './members.ts'

/** What describing needs to know about the district's calendar. */
export interface DescribeEnv {
  timezone: string
  today: LocalDate
  semesters: SemesterInfo[]
}

/** The time of day; for a multi-day occurrence its start, and its end only when one was written. */
export function occurrenceTime(o: Pick<Occurrence, 'date' | 'startAt' | 'endAt' | 'timed'>, tz: string): string {
  if (!o.timed) return ''
  const end = o.endAt ? localParts(o.endAt, tz) : null
  const endTime = end && (end.date === o.date || end.time !== DAY_END) ? end.time : null
  return formatTime(localParts(o.startAt, tz).time, endTime)
}

/** The end of a multi-day occurrence is stored at this time when no end time was written. */
export const DAY_END = '23:59'

/** The last day of an occurrence that runs over several days, else null. */
export function lastDayOf(o: Pick<Occurrence, 'date' | 'endAt'>, tz: string): LocalDate | null {
  if (!o.endAt) return null
  const last = localParts(o.endAt, tz).date
  return last > o.date ? last : null
}

/** "12月3日(周四) 13:30-16:00 (第14周)"; over several days "11月30日—12月4日 13:30 (第14周)". */
export function describeOccurrence(o: Pick<Occurrence, 'date' | 'startAt' | 'endAt' | 'timed'>, env: DescribeEnv): string {
  const year = Number(env.today.slice(0, 4))
  const time = occurrenceTime(o, env.timezone)
  const semester = semesterOn(o.date, env.semesters)
  const week = semester ? ` ${texts.list.semesterWeek(weekOf(o.date, semester))}` : ''
  const last = lastDayOf(o, env.timezone)
  const day = last ? formatSpan(o.date, last, year) : formatDate(o.date, year)
  return [day, time].filter(Boolean).join(' ') + week
}

export function repeatLabel(repeat: Repeat): string {
  if (repeat.kind === 'monthlyDay') return texts.activity.monthlyDay(repeat.day)
  const day = weekdayName(repeat.weekday)
  if (repeat.kind === 'monthlyNth') return texts.activity.monthlyNth(repeat.nth, day)
  const days = weekdayList([repeat.weekday, ...(repeat.more ?? [])])
  if (repeat.parity === 'even') return texts.activity.evenWeeks(days)
  if (repeat.parity === 'odd') return texts.activity.oddWeeks(days)
  return repeat.everyOther ? texts.activity.everyOtherWeek(days) : texts.activity.everyWeek(days)
}

/** "周一、周三"; three or more days in a row as "周一至周五". */
function weekdayList(days: number[]): string {
  const sorted = [...days].sort((a, b) => a - b)
  const inRow = sorted.length >= 3 && sorted.every((d, i) => i === 0 || d === sorted[i - 1]! + 1)
  return inRow ? texts.activity.weekdayRun(weekdayName(sorted[0]!), weekdayName(sorted.at(-1)!)) : sorted.map(weekdayName).join('、')
}

/** One line saying when an activity is, from what is stored. */
export function describeWhen(activity: Activity, occurrences: Occurrence[], env: DescribeEnv): string {
  return whenParts(activity, occurrences, env).join('，')
}

/**
 * The "时间：" lines of an announcement or a detail: a series' rhythm on the
 * first, its count and first and last days on the second, so each fits a
 * phone's line.
 */
export function describeWhenLines(activity: Activity, occurrences: Occurrence[], env: DescribeEnv): string[] {
  const [first, ...rest] = whenParts(activity, occurrences, env)
  return [texts.activity.when(first!), ...rest]
}

/** When an activity is, in parts: one, or a series' rhythm and its span; "（暂定）" after a tentative time. */
function whenParts(activity: Activity, occurrences: Occurrence[], env: DescribeEnv): string[] {
  const [first, ...rest] = datedParts(activity, occurrences, env)
  const tentative = !activity.pendingFrom && (JSON.parse(activity.whenJson) as When).tentative
  return [tentative ? `${first}${texts.activity.tentative}` : first!, ...rest]
}

function datedParts(activity: Activity, occurrences: Occurrence[], env: DescribeEnv): string[] {
  if (activity.pendingFrom && activity.pendingTo) {
    return [texts.activity.pendingWhen(activity.whenText, formatRange(activity.pendingFrom, activity.pendingTo, Number(env.today.slice(0, 4))))]
  }
  const when = JSON.parse(activity.whenJson) as When
  const first = occurrences.find((o) => !o.skipReason) ?? occurrences[0]
  if (!first) return [activity.whenText]
  const year = Number(env.today.slice(0, 4))
  if (!when.repeat) {
    const last = occurrences.length === 1 ? lastDayOf(first, env.timezone) : null
    if (last) {
      const time = occurrenceTime(first, env.timezone)
      const days = texts.calendar.span(formatDate(first.date, year), formatDate(last, year))
      return [`${[days, time].filter(Boolean).join(' ')}，${texts.schedule.spanDays(daysBetween(first.date, last) + 1)}`]
    }
    if (occurrences.length === 1) return [describeOccurrence(first, env)]
    const days = occurrences.map((o) => formatDate(o.date, year)).join('、')
    const live = occurrences.filter((o) => !o.skipReason).length
    return [[days, occurrenceTime(first, env.timezone)].filter(Boolean).join(' ') + `，${texts.schedule.sessions(live)}`]
  }
  const live = occurrences.filter((o) => !o.skipReason)
  const last = live.at(-1) ?? first
  return [describeRhythm(activity, first, env)!, texts.schedule.repeats(live.length, formatDate(first.date, year), formatDate(last.date, year))]
}

/**
 * A series' rhythm as its announcement says it, "双周周一 13:30": the rule
 * and the time of `first`, its first session held; null for an activity
 * that does not repeat.
 */
export function describeRhythm(
  activity: Pick<Activity, 'whenJson'>, first: Pick<Occurrence, 'date' | 'startAt' | 'endAt' | 'timed'> | undefined, env: Pick<DescribeEnv, 'timezone'>,
): string | null {
  const { repeat } = JSON.parse(activity.whenJson) as When
  if (!repeat) return null
  return [repeatLabel(repeat), first ? occurrenceTime(first, env.timezone) : ''].filter(Boolean).join(' ')
}

/** An activity whose date is still to be set, its window already over (/活动 待定 marks it: 改期 or 取消). */
export function pendingWindowPassed(activity: Pick<Activity, 'pendingTo'>, today: LocalDate): boolean {
  return activity.pendingTo !== null && activity.pendingTo < today
}

/**
 * "假日暂停 6 次：" and the holidays that pause sessions: sessions one
 * holiday pauses in a row as one range ("10月1日-7日 国庆节"), each group on
 * its own line when there are several.
 */
export function describeSkipped(occurrences: Pick<Occurrence, 'date' | 'skipReason' | 'cancelled'>[], env: DescribeEnv): string | null {
  const year = Number(env.today.slice(0, 4))
  const groups: { reason: string; from: LocalDate; to: LocalDate }[] = []
  let count = 0
  let inRun = false
  for (const o of occurrences) {
    if (o.cancelled) continue
    if (!o.skipReason) {
      inRun = false
      continue
    }
    count++
    const last = groups.at(-1)
    if (inRun && last?.reason === o.skipReason) last.to = o.date
    else groups.push({ reason: o.skipReason, from: o.date, to: o.date })
    inRun = true
  }
  if (count === 0) return null
  const named = groups.map((g) => `${g.from === g.to ? formatDate(g.from, year) : formatRange(g.from, g.to, year)} ${g.reason}`)
  return texts.schedule.skipped(count, named)
}

/** "已取消的场次：11月16日(周一)" for sessions cancelled one by one. */
export function describeCancelled(occurrences: Pick<Occurrence, 'date' | 'cancelled'>[], env: DescribeEnv): string | null {
  const year = Number(env.today.slice(0, 4))
  const cancelled = occurrences.filter((o) => o.cancelled)
  return cancelled.length ? texts.sessions.cancelledList(cancelled.map((o) => formatDate(o.date, year)).join('、')) : null
}

/** " （原11月16日）" after a session moved alone, "（本次取消）" after one cancelled, a holiday's pause. */
export function sessionMark(o: Pick<Occurrence, 'skipReason' | 'cancelled' | 'movedFrom'>, env: DescribeEnv): string {
  if (o.cancelled) return texts.sessions.cancelledMark
  if (o.skipReason) return texts.activity.paused(o.skipReason)
  return o.movedFrom ? texts.sessions.movedMark(formatDay(o.movedFrom, Number(env.today.slice(0, 4)))) : ''
}

/** " · 中小学语文 · 育秀实验学校" */
export function describeExtras(activity: Pick<Activity, 'subject' | 'place'>): string {
  return [activity.subject, activity.place].filter(Boolean).map((x) => ` · ${x}`).join('')
}

/** "地点：…", "学科：…", "名额：…", "主持：…" for what the activity has. */
export function describeDetails(activity: Pick<Activity, 'place' | 'subject' | 'capacity' | 'host'> & { presenter?: string | null }): string[] {
  const lines: string[] = []
  if (activity.place) lines.push(texts.activity.place(activity.place))
  if (activity.subject) lines.push(texts.activity.subject(activity.subject))
  if (activity.capacity) lines.push(texts.activity.capacity(activity.capacity))
  if (activity.host) lines.push(texts.activity.host(activity.host))
  if (activity.presenter) lines.push(texts.activity.presenter(activity.presenter))
  return lines
}

/** "12月1日(周二) 23:59": an instant as the district reads it. */
export function describeInstant(instant: Date, env: Pick<DescribeEnv, 'timezone' | 'today'>): string {
  const { date, time } = localParts(instant, env.timezone)
  return `${formatDate(date, Number(env.today.slice(0, 4)))} ${time}`
}

export type RuleFields = Pick<Activity, 'deadline' | 'minYears' | 'maxYears' | 'subjectRule' | 'schoolRule' | 'menteesOnly' | 'workshopId' | 'noticeWeeks'>

/** "报名截止：…", "限教龄1-8年", … for the rules an activity carries. */
export function describeRules(activity: RuleFields, env: Pick<DescribeEnv, 'timezone' | 'today'>, workshopName?: string): string[] {
  const lines: string[] = []
  if (activity.workshopId) lines.push(texts.rules.workshopLine(activity.workshopId, workshopName))
  if (activity.deadline) lines.push(texts.rules.deadlineLine(describeInstant(activity.deadline, env)))
  const limits: string[] = []
  if (activity.minYears !== null || activity.maxYears !== null) limits.push(texts.rules.yearsLimit(texts.rules.yearsRange(activity.minYears, activity.maxYears)))
  if (activity.subjectRule) limits.push(texts.rules.subjectLimit(activity.subjectRule))
  if (activity.schoolRule) limits.push(texts.rules.schoolLimit(activity.schoolRule))
  if (activity.menteesOnly) limits.push(texts.rules.menteesLimit)
  if (limits.length) lines.push(texts.rules.limitsLine(limits.join('，')))
  if (activity.noticeWeeks) lines.push(texts.reminders.noticeLine(activity.noticeWeeks))
  return lines
}

/** "已报名 3/40，候补 1 人" */
export function describeCount(capacity: number | null, count: { confirmed: number; waiting: number }): string {
  return texts.signup.countLine(count.confirmed, capacity, count.waiting)
}

/** "3. 王芳 育秀实验学校 语文" as in a WeChat 接龙; "（代报名）" when someone else signed them up. */
export function rosterLine(n: number, s: Pick<Signup, 'byId' | 'memberId'> & { member: Pick<Member, 'realName' | 'displayName' | 'school' | 'subject'> }): string {
  const parts = [listName(s.member), s.member.school, s.member.subject].filter(Boolean).join(' ')
  return `${n}. ${parts}${s.byId && s.byId !== s.memberId ? texts.roster.byOther : ''}`
}

/** At most this many names of one list in a chat message (/名单, the organizer's reminder); /导出 has them all. */
export const MAX_ROSTER_LINES = 100

/** rosterLine for the first MAX_ROSTER_LINES of a list, then how many more and where to find them. */
export function rosterLines(rows: readonly Parameters<typeof rosterLine>[1][], activityId: number): string[] {
  const lines = rows.slice(0, MAX_ROSTER_LINES).map((s, i) => rosterLine(i + 1, s))
  if (rows.length > MAX_ROSTER_LINES) lines.push(texts.longLists.rosterMore(rows.length - MAX_ROSTER_LINES, activityId))
  return lines
}

/** "王芳、李明", or for a long list the first `max` names and how many in all. */
export function nameList(names: readonly string[], max = MAX_MENTIONS_PER_MESSAGE): string {
  const shown = names.slice(0, max).join('、')
  return names.length > max ? texts.longLists.namesAndCount(shown, names.length) : shown
}

export { clip, snippet } from '../core/limits.ts'
