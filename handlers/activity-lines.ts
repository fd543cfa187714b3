import { addDays, mondayOf, type LocalDate } from '../src/calendar/dates.ts'
import { formatRange } from '../src/calendar/format.ts'
import { semesterOn, weekOf } from '../src/calendar/semester.ts'
import { texts } from '../src/core/texts/index.ts'
import type { Activity } from '../src/generated/prisma/client.ts'
import type { OccurrenceWithActivity } from '../src/services/activities.ts'
import { describeExtras, describeOccurrence, describeWhen, pendingWindowPassed, sessionMark, type DescribeEnv } from '../src/services/describe.ts'

/** One line per activity in the listings, its number first, short enough for a phone. */
export function pendingLine(a: Activity, describe: DescribeEnv): string {
  const past = pendingWindowPassed(a, describe.today) ? texts.list.pendingPast : ''
  return `#${a.id} ${describeWhen(a, [], describe)} ${a.title}${describeExtras(a)}${past}`
}

export const occurrenceLine = (o: OccurrenceWithActivity, describe: DescribeEnv) =>
  `#${o.activityId} ${describeOccurrence(o, describe)} ${o.activity.title}${describeExtras(o.activity)}`

export const weekHeader = (monday: LocalDate, env: DescribeEnv) =>
  texts.list.weekHeader(weekLabel(monday, env), formatRange(monday, addDays(monday, 6)))

/**
 * Lines under week headings: "【本周(第13周)】11月23日-29日" then one line per
 * occurrence; a multi-day one begun before `from` is listed in from's week.
 */
export function groupByWeek(list: OccurrenceWithActivity[], env: DescribeEnv, from: LocalDate): string[] {
  const lines: string[] = []
  let currentMonday: LocalDate | null = null
  for (const o of list) {
    const monday = mondayOf(o.date < from ? from : o.date)
    if (monday !== currentMonday) {
      currentMonday = monday
      lines.push(weekHeader(monday, env))
    }
    const mark = sessionMark(o, env)
    lines.push(`#${o.activityId} ${describeOccurrence(o, { ...env, semesters: [] })} ${o.activity.title}${describeExtras(o.activity)}${mark ? ` ${mark}` : ''}`)
  }
  return lines
}

export function weekLabel(monday: LocalDate, env: DescribeEnv): string {
  const semester = semesterOn(monday, env.semesters) ?? semesterOn(addDays(monday, 6), env.semesters)
  const week = semester ? weekOf(monday, semester) : undefined
  const thisMonday = mondayOf(env.today)
  if (monday === thisMonday) return texts.list.thisWeek(week)
  if (monday === addDays(thisMonday, 7)) return texts.list.nextWeek(week)
  return texts.list.laterWeek(week)
}
