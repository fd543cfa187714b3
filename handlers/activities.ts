import { addDays, mondayOf, type LocalDate } from '../src/calendar/dates.ts'
import { formatRange } from '../src/calendar/format.ts'
import { semesterOn, weekOf } from '../src/calendar/semester.ts'
import type { Command, DistrictContext } from '../src/core/command.ts'
import { texts } from '../src/core/texts/index.ts'
import { occurrencesBetween, pendingActivities, type OccurrenceWithActivity } from '../src/services/activities.ts'
import { calendarEnv } from '../src/services/calendar-env.ts'
import { describeDetails, describeExtras, describeOccurrence, describeSkipped, describeWhen, type DescribeEnv } from '../src/services/describe.ts'
import { activityFromArgs, describeEnvOf } from './shared.ts'

/** A list stays short enough to read on a phone without scrolling far. */
const MAX_LINES = 15
/** A week of an imported 行事历 may hold hundreds: one message still, the rest in /活动 编号 and /导出. */
const MAX_WEEK_LINES = 60
const LOOKAHEAD_DAYS = 8 * 7

export const activities: Command = {
  id: 'activities',
  name: '活动',
  aliases: ['activities', 'list', '活动列表'],
  role: 'teacher',
  scope: 'district',
  async run(ctx, line) {
    if (line.args.length > 0) return showActivity(ctx, line.args)
    const env = await calendarEnv(ctx.tx, ctx.district, ctx.now)
    const describe = describeEnvOf(ctx, env)
    const to = addDays(mondayOf(env.today), LOOKAHEAD_DAYS - 1)
    const coming = await occurrencesBetween(ctx.tx, ctx.district.id, env.today, to, MAX_LINES + 1, ctx.district.timezone)
    const pending = await pendingActivities(ctx.tx, ctx.district.id, env.today)
    if (coming.length === 0 && pending.length === 0) return ctx.reply(texts.list.empty)
    const shown = coming.slice(0, MAX_LINES)
    const lines = groupByWeek(shown, describe, env.today)
    if (pending.length > 0) {
      lines.push(texts.list.pendingHeader)
      for (const a of pending.slice(0, 5)) lines.push(`#${a.id} ${describeWhen(a, [], describe)} ${a.title}${describeExtras(a)}`)
    }
    if (coming.length > MAX_LINES) lines.push(texts.list.more(coming.length - MAX_LINES))
    ctx.reply(lines.join('\n'))
  },
}

export const thisWeek: Command = {
  id: 'thisWeek',
  name: '本周',
  aliases: ['thisweek', 'week'],
  role: 'teacher',
  scope: 'district',
  run: (ctx) => showWeek(ctx, 0),
}

export const nextWeek: Command = {
  id: 'nextWeek',
  name: '下周',
  aliases: ['nextweek'],
  role: 'teacher',
  scope: 'district',
  run: (ctx) => showWeek(ctx, 1),
}

async function showWeek(ctx: DistrictContext, offset: number): Promise<void> {
  const env = await calendarEnv(ctx.tx, ctx.district, ctx.now)
  const describe = describeEnvOf(ctx, env)
  const monday = addDays(mondayOf(env.today), offset * 7)
  const found = await occurrencesBetween(ctx.tx, ctx.district.id, monday, addDays(monday, 6), undefined, ctx.district.timezone)
  const label = weekLabel(monday, describe)
  if (found.length === 0) return ctx.reply(texts.list.emptyWeek(`${label}(${formatRange(monday, addDays(monday, 6))})`))
  const lines = groupByWeek(found.slice(0, MAX_WEEK_LINES), describe, monday)
  if (found.length > MAX_WEEK_LINES) lines.push(texts.list.more(found.length - MAX_WEEK_LINES))
  ctx.reply(lines.join('\n'))
}

async function showActivity(ctx: DistrictContext, args: readonly string[]): Promise<void> {
  const activity = await activityFromArgs(ctx, args, { command: '活动', example: '12' })
  const env = await calendarEnv(ctx.tx, ctx.district, ctx.now)
  const describe = describeEnvOf(ctx, env)
  const coming = activity.occurrences.filter((o) => o.date >= env.today)
  const lines = [texts.activity.detailTitle(activity.id, activity.title)]
  lines.push(texts.activity.when(describeWhen(activity, coming.length ? coming : activity.occurrences, describe)))
  const live = coming.filter((o) => !o.skipReason)
  if (live.length > 1) lines.push(texts.activity.next(live.slice(0, 4).map((o) => describeOccurrence(o, describe)).join('、')))
  const skipped = describeSkipped(coming, describe)
  if (skipped) lines.push(skipped)
  lines.push(...describeDetails(activity))
  lines.push(texts.activity.organizer(activity.organizer.displayName))
  if (activity.status === 'cancelled') {
    lines.push(texts.activity.cancelledStatus)
    if (activity.cancelReason) lines.push(texts.activity.reason(activity.cancelReason))
  }
  ctx.reply(lines.join('\n'))
}

/**
 * Lines under week headings: "【本周(第13周)】11月23日-29日" then one line per
 * occurrence; a multi-day one begun before `from` is listed in from's week.
 */
function groupByWeek(list: OccurrenceWithActivity[], env: DescribeEnv, from: LocalDate): string[] {
  const lines: string[] = []
  let currentMonday: LocalDate | null = null
  for (const o of list) {
    const monday = mondayOf(o.date < from ? from : o.date)
    if (monday !== currentMonday) {
      currentMonday = monday
      lines.push(texts.list.weekHeader(weekLabel(monday, env), formatRange(monday, addDays(monday, 6))))
    }
    const paused = o.skipReason ? ` ${texts.activity.paused(o.skipReason)}` : ''
    lines.push(`#${o.activityId} ${describeOccurrence(o, { ...env, semesters: [] })} ${o.activity.title}${describeExtras(o.activity)}${paused}`)
  }
  return lines
}

function weekLabel(monday: LocalDate, env: DescribeEnv): string {
  const semester = semesterOn(monday, env.semesters) ?? semesterOn(addDays(monday, 6), env.semesters)
  const week = semester ? weekOf(monday, semester) : undefined
  const thisMonday = mondayOf(env.today)
  if (monday === thisMonday) return texts.list.thisWeek(week)
  if (monday === addDays(thisMonday, 7)) return texts.list.nextWeek(week)
  return texts.list.laterWeek(week)
}
