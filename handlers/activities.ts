import { addDays, mondayOf, type LocalDate } from '../src/calendar/dates.ts'
import { formatRange } from '../src/calendar/format.ts'
import { semesterOn, weekOf } from '../src/calendar/semester.ts'
import type { Command, DistrictContext } from '../src/core/command.ts'
import { texts } from '../src/core/texts/index.ts'
import type { Activity } from '../src/generated/prisma/client.ts'
import { countOccurrencesBetween, nextOccurrenceAfter, occurrencesBetween, pendingActivities, pendingBetween, type OccurrenceWithActivity } from '../src/services/activities.ts'
import type { CalendarEnv } from '../src/calendar/resolve-when.ts'
import { calendarEnv } from '../src/services/calendar-env.ts'
import { describeCancelled, describeCount, describeDetails, describeRules, describeExtras, describeOccurrence, describeSkipped, describeWhen, describeWhenLines, sessionMark, type DescribeEnv } from '../src/services/describe.ts'
import { signupCounts } from '../src/services/signups.ts'
import { readListRange, type ListRange } from './list-range.ts'
import { activityFromArgs, describeEnvOf } from './shared.ts'

/** A list stays short enough to read on a phone without scrolling far. */
const MAX_LINES = 8
/** A week of an imported 行事历 may hold hundreds: one message still, the rest in /活动 编号 and /导出. */
const MAX_WEEK_LINES = 60
const LOOKAHEAD_DAYS = 8 * 7
/** Dates still to be set, under the dated ones. */
const MAX_PENDING_LINES = 5

export const activities: Command = {
  id: 'activities',
  name: '活动',
  aliases: ['activities', 'list', '活动列表'],
  role: 'teacher',
  scope: 'district',
  async run(ctx, line) {
    const env = await calendarEnv(ctx.tx, ctx.district, ctx.now)
    const describe = describeEnvOf(ctx, env)
    if (line.args.length > 0) {
      const range = readListRange(line.args.join(''), env.today, env.semesters)
      if (range === 'noTerm') return ctx.reply(texts.list.noTerm)
      return range ? showRange(ctx, range, describe) : showActivity(ctx, line.args, env, describe)
    }
    const to = addDays(mondayOf(env.today), LOOKAHEAD_DAYS - 1)
    const coming = await occurrencesBetween(ctx.tx, ctx.district.id, env.today, to, MAX_LINES, ctx.district.timezone)
    const pending = await pendingActivities(ctx.tx, ctx.district.id, env.today)
    if (coming.length === 0 && pending.length === 0) {
      const next = await nextOccurrenceAfter(ctx.tx, ctx.district.id, to)
      return ctx.reply(next ? texts.list.nothingSoon(LOOKAHEAD_DAYS / 7, occurrenceLine(next, describe)) : texts.list.empty)
    }
    // Counted to the end of time, not of the look-ahead: "还有 N 项" is every one not shown.
    const total = await countOccurrencesBetween(ctx.tx, ctx.district.id, env.today, '9999-12-31')
    const lines = groupByWeek(coming, describe, env.today)
    const shownPending = pending.slice(0, MAX_PENDING_LINES)
    if (shownPending.length > 0) lines.push(texts.list.pendingHeader, ...shownPending.map((a) => pendingLine(a, describe)))
    const hidden = total - coming.length + (pending.length - shownPending.length)
    if (hidden > 0) lines.push(texts.list.moreComing(hidden, pending.length - shownPending.length))
    ctx.reply(lines.join('\n'))
  },
}

/** `/活动 12月`, `/活动 第14周`, `/活动 全部`: the dated ones under their weeks, then those whose date is to be set within it. */
async function showRange(ctx: DistrictContext, range: ListRange, describe: DescribeEnv): Promise<void> {
  const found = await occurrencesBetween(ctx.tx, ctx.district.id, range.from, range.to, MAX_WEEK_LINES + 1, ctx.district.timezone)
  const pending = await pendingBetween(ctx.tx, ctx.district.id, range.from, range.to)
  const term = semesterOn(range.from, describe.semesters) ?? semesterOn(range.to, describe.semesters)
  const label = range.kind === 'month' ? texts.list.monthLabel(range.month!) : range.kind === 'term' ? texts.list.termLabel(term?.name ?? '') : weekLabel(range.from, describe)
  if (found.length === 0 && pending.length === 0) return ctx.reply(texts.list.emptyRange(`${label}(${formatRange(range.from, range.to)})`))
  const lines: string[] = []
  if (range.kind === 'month') lines.push(texts.list.monthHeader(range.month!))
  if (range.kind === 'term') lines.push(texts.list.termHeader(term?.name ?? ''))
  lines.push(...groupByWeek(found.slice(0, MAX_WEEK_LINES), describe, range.from))
  if (pending.length > 0) lines.push(texts.list.pendingHeader, ...pending.slice(0, MAX_PENDING_LINES).map((a) => pendingLine(a, describe)))
  const more = (await hiddenDated(ctx, found, range.from, range.to)) + Math.max(0, pending.length - MAX_PENDING_LINES)
  if (more > 0) lines.push(texts.list.more(more))
  ctx.reply(lines.join('\n'))
}

/** How many dated ones a listing of at most MAX_WEEK_LINES (read one more, to know) leaves out. */
async function hiddenDated(ctx: DistrictContext, found: readonly unknown[], from: LocalDate, to: LocalDate): Promise<number> {
  if (found.length <= MAX_WEEK_LINES) return 0
  return (await countOccurrencesBetween(ctx.tx, ctx.district.id, from, to)) - MAX_WEEK_LINES
}

const pendingLine = (a: Activity, describe: DescribeEnv) => `#${a.id} ${describeWhen(a, [], describe)} ${a.title}${describeExtras(a)}`
const occurrenceLine = (o: OccurrenceWithActivity, describe: DescribeEnv) =>
  `#${o.activityId} ${describeOccurrence(o, describe)} ${o.activity.title}${describeExtras(o.activity)}`

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
  const sunday = addDays(monday, 6)
  const found = await occurrencesBetween(ctx.tx, ctx.district.id, monday, sunday, MAX_WEEK_LINES + 1, ctx.district.timezone)
  // What the office planned for this week (or a month holding it) without a date yet is listed too: nothing planned disappears.
  const pending = await pendingBetween(ctx.tx, ctx.district.id, monday, sunday)
  const label = weekLabel(monday, describe)
  if (found.length === 0 && pending.length === 0) return ctx.reply(texts.list.emptyWeek(`${label}(${formatRange(monday, sunday)})`))
  const lines = found.length > 0 ? groupByWeek(found.slice(0, MAX_WEEK_LINES), describe, monday) : [texts.list.weekHeader(label, formatRange(monday, sunday))]
  if (pending.length > 0) lines.push(texts.list.pendingHeader, ...pending.slice(0, MAX_PENDING_LINES).map((a) => pendingLine(a, describe)))
  const more = (await hiddenDated(ctx, found, monday, sunday)) + Math.max(0, pending.length - MAX_PENDING_LINES)
  if (more > 0) lines.push(texts.list.more(more))
  ctx.reply(lines.join('\n'))
}

/** `/活动 12`, with the district's calendar the command already read. */
async function showActivity(ctx: DistrictContext, args: readonly string[], env: CalendarEnv, describe: DescribeEnv): Promise<void> {
  const activity = await activityFromArgs(ctx, args, { command: '活动', example: '12' })
  const coming = activity.occurrences.filter((o) => o.date >= env.today)
  const lines = [texts.activity.detailTitle(activity.id, activity.title)]
  // A cancelled one says so first, and lists no coming sessions.
  const off = activity.status === 'cancelled'
  if (off) lines.push(activity.cancelReason ? `${texts.activity.cancelledStatus}，${texts.activity.reason(activity.cancelReason)}` : texts.activity.cancelledStatus)
  lines.push(...describeWhenLines(activity, coming.length ? coming : activity.occurrences, describe))
  const live = coming.filter((o) => !o.skipReason)
  // At most three coming sessions: one line on a phone.
  if (!off && live.length > 1) lines.push(texts.activity.next(live.slice(0, 3).map((o) => describeOccurrence(o, { ...describe, semesters: [] }) + sessionMark(o, describe)).join('、')))
  const skipped = describeSkipped(coming, describe)
  if (skipped && !off) lines.push(skipped)
  const cancelled = describeCancelled(coming, describe)
  if (cancelled && !off) lines.push(cancelled)
  lines.push(...describeDetails(activity))
  // As the announcement said it: the rules and the deadline, and how many have signed up.
  lines.push(...describeRules(activity, describe))
  if (!activity.noSignup) lines.push(describeCount(activity.capacity, (await signupCounts(ctx.tx, [activity.id])).get(activity.id) ?? { confirmed: 0, waiting: 0 }))
  if (activity.noSignup) lines.push(texts.notice.detail)
  lines.push(texts.activity.organizer(activity.organizer.displayName))
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
    const mark = sessionMark(o, env)
    lines.push(`#${o.activityId} ${describeOccurrence(o, { ...env, semesters: [] })} ${o.activity.title}${describeExtras(o.activity)}${mark ? ` ${mark}` : ''}`)
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
