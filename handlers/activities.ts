import { addDays, mondayOf } from '../src/calendar/dates.ts'
import { formatRange } from '../src/calendar/format.ts'
import type { Command, DistrictContext } from '../src/core/command.ts'
import { texts } from '../src/core/texts/index.ts'
import type { CalendarEnv } from '../src/calendar/resolve-when.ts'
import { describeCancelled, describeCount, describeDetails, describeRules, describeOccurrence, describeSkipped, describeWhenLines, sessionMark, type DescribeEnv } from '../src/services/describe.ts'
import { groupByWeek, occurrenceLine, pendingLine, weekHeader, weekLabel } from './activity-lines.ts'
import { pendingListFrom, showPending, showRange } from './activity-range.ts'
import { readListRange } from './list-range.ts'
import { hasEnded } from '../src/services/session-times.ts'
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
    const env = await ctx.work.calendarEnv.calendarEnv(ctx.district, ctx.now)
    const describe = describeEnvOf(ctx, env)
    if (line.args.length > 0) {
      const range = readListRange(line.args.join(''), env.today, env.semesters)
      if (range === 'noTerm') return ctx.reply(texts.list.noTerm)
      if (range?.kind === 'pending') return showPending(ctx, describe)
      return range ? showRange(ctx, range, describe) : showActivity(ctx, line.args, env, describe)
    }
    return showComing(ctx, describe)
  },
}

/** `/活动`: the look-ahead, short; how many more and where they are listed in full. */
async function showComing(ctx: DistrictContext, describe: DescribeEnv): Promise<void> {
  const { id } = ctx.district
  const today = describe.today
  const to = addDays(mondayOf(today), LOOKAHEAD_DAYS - 1)
  const coming = await ctx.work.activities.occurrencesBetween(id, today, to, MAX_LINES, ctx.district.timezone)
  const pending = await ctx.work.activities.pendingBetween(id, today, '9999-12-31', MAX_PENDING_LINES + 1)
  const shownPending = pending.slice(0, MAX_PENDING_LINES)
  // The office fixing undated ones (those whose window passed too) gets them all with /活动 待定.
  const undated = await ctx.work.activities.countPendingBetween(id, pendingListFrom(describe), '9999-12-31')
  const hint = undated > shownPending.length ? [texts.list.pendingHint(undated)] : []
  if (coming.length === 0 && pending.length === 0) {
    const next = await ctx.work.activities.nextOccurrenceAfter(id, to)
    return ctx.reply([next ? texts.list.nothingSoon(LOOKAHEAD_DAYS / 7, occurrenceLine(next, describe)) : texts.list.empty, ...hint].join('\n'))
  }
  // Counted to the end of time, not of the look-ahead: "还有 N 项" is every one not shown.
  const total = await ctx.work.activities.countOccurrencesBetween(id, today, '9999-12-31')
  const pendingCount = pending.length > MAX_PENDING_LINES ? await ctx.work.activities.countPendingBetween(id, today, '9999-12-31') : pending.length
  const lines = groupByWeek(coming, describe, today)
  if (shownPending.length > 0) lines.push(texts.list.pendingHeader, ...shownPending.map((a) => pendingLine(a, describe)))
  const hidden = total - coming.length + (pendingCount - shownPending.length)
  if (hidden > 0) lines.push(texts.list.moreComing(hidden, pendingCount - shownPending.length))
  ctx.reply([...lines, ...hint].join('\n'))
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
  const env = await ctx.work.calendarEnv.calendarEnv(ctx.district, ctx.now)
  const describe = describeEnvOf(ctx, env)
  const monday = addDays(mondayOf(env.today), offset * 7)
  const sunday = addDays(monday, 6)
  const found = await ctx.work.activities.occurrencesBetween(ctx.district.id, monday, sunday, MAX_WEEK_LINES + 1, ctx.district.timezone)
  // What the office planned for this week (or a month holding it) without a date yet is listed too: nothing planned disappears.
  const pending = await ctx.work.activities.pendingBetween(ctx.district.id, monday, sunday, MAX_PENDING_LINES + 1)
  if (found.length === 0 && pending.length === 0) return ctx.reply(texts.list.emptyWeek(`${weekLabel(monday, describe)}(${formatRange(monday, sunday)})`))
  const lines = found.length > 0 ? groupByWeek(found.slice(0, MAX_WEEK_LINES), describe, monday) : [weekHeader(monday, describe)]
  if (pending.length > 0) lines.push(texts.list.pendingHeader, ...pending.slice(0, MAX_PENDING_LINES).map((a) => pendingLine(a, describe)))
  const hiddenDated = found.length > MAX_WEEK_LINES ? (await ctx.work.activities.countOccurrencesBetween(ctx.district.id, monday, sunday)) - MAX_WEEK_LINES : 0
  const hiddenPending = pending.length > MAX_PENDING_LINES ? (await ctx.work.activities.countPendingBetween(ctx.district.id, monday, sunday)) - MAX_PENDING_LINES : 0
  // /本周 stays one message; /活动 本周 lists the whole week in a few.
  if (hiddenDated + hiddenPending > 0) lines.push(texts.list.moreInWeek(hiddenDated + hiddenPending, offset === 0 ? '/活动 本周' : '/活动 下周'))
  ctx.reply(lines.join('\n'))
}

/** `/活动 12`, with the district's calendar the command already read. */
async function showActivity(ctx: DistrictContext, args: readonly string[], env: CalendarEnv, describe: DescribeEnv): Promise<void> {
  const activity = await activityFromArgs(ctx, args, { command: '活动', example: '12' })
  // Those not yet over: one that ended this morning is not coming any more.
  const coming = activity.occurrences.filter((o) => !hasEnded(o, ctx.now))
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
  if (!activity.noSignup) lines.push(describeCount(activity.capacity, (await ctx.work.signups.signupCounts([activity.id])).get(activity.id) ?? { confirmed: 0, waiting: 0 }))
  if (activity.noSignup) lines.push(texts.notice.detail)
  lines.push(texts.activity.organizer(activity.organizer.displayName))
  ctx.reply(lines.join('\n'))
}
