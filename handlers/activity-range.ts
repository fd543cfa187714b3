import { formatRange, formatDay } from '../src/calendar/format.ts'
import { semesterFrom, semesterOn } from '../src/calendar/semester.ts'
import type { LocalDate } from '../src/calendar/dates.ts'
import type { DistrictContext } from '../src/core/command.ts'
import { texts } from '../src/core/texts/index.ts'
import type { DescribeEnv } from '../src/services/describe.ts'
import { groupByWeek, pendingLine, weekHeader, weekLabel } from './activity-lines.ts'
import { splitIntoMessages } from './list-pages.ts'
import type { ListRange } from './list-range.ts'

/**
 * Activities one listing names at most: a busy month of a district in full,
 * in about five messages; a whole term of an imported 行事历 (thousands) is
 * not sent as dozens of messages, the reply names a narrower listing instead.
 */
export const MAX_LISTED = 150

/**
 * `/活动 12月`, `/活动 第14周`, `/活动 全部`: every one in the range, the dated
 * under their weeks, then those whose date is to be set within it.
 */
export async function showRange(ctx: DistrictContext, range: ListRange, describe: DescribeEnv): Promise<void> {
  const { id } = ctx.district
  const found = await ctx.work.activities.occurrencesBetween(id, range.from, range.to, MAX_LISTED + 1, ctx.district.timezone)
  const dated = found.slice(0, MAX_LISTED)
  const room = MAX_LISTED - dated.length
  const pending = await ctx.work.activities.pendingBetween(id, range.from, range.to, room + 1)
  if (found.length === 0 && pending.length === 0) {
    return ctx.reply(texts.list.emptyRange(`${rangeLabel(range, describe)}(${formatRange(range.from, range.to)})`))
  }
  const lines = [...rangeHeader(range, describe)]
  lines.push(...(range.kind === 'week' && dated.length === 0 ? [weekHeader(range.from, describe)] : groupByWeek(dated, describe, range.from)))
  if (room > 0 && pending.length > 0) lines.push(texts.list.pendingHeader, ...pending.slice(0, room).map((a) => pendingLine(a, describe)))
  const hiddenDated = found.length > MAX_LISTED ? (await ctx.work.activities.countOccurrencesBetween(id, range.from, range.to)) - MAX_LISTED : 0
  const hiddenPending = pending.length > room ? (await ctx.work.activities.countPendingBetween(id, range.from, range.to)) - room : 0
  if (hiddenDated + hiddenPending > 0) lines.push(texts.list.moreInRange(hiddenDated + hiddenPending, hiddenPending, narrower(range)))
  for (const message of splitIntoMessages(lines)) ctx.reply(message)
}

/** `/活动 待定`: every activity still without a date, so the office can set each one (/改期 编号). */
export async function showPending(ctx: DistrictContext, describe: DescribeEnv): Promise<void> {
  const from = pendingListFrom(describe)
  const pending = await ctx.work.activities.pendingBetween(ctx.district.id, from, '9999-12-31', MAX_LISTED + 1)
  if (pending.length === 0) return ctx.reply(texts.list.pendingNone)
  const total = pending.length > MAX_LISTED ? await ctx.work.activities.countPendingBetween(ctx.district.id, from, '9999-12-31') : pending.length
  const [first] = pending
  const lines = [texts.list.pendingAllHeader(total, first!.id, formatDay(first!.pendingFrom!)), ...pending.slice(0, MAX_LISTED).map((a) => pendingLine(a, describe))]
  if (total > MAX_LISTED) lines.push(texts.list.moreInRange(total - MAX_LISTED, 0, texts.list.narrowerMonth))
  for (const message of splitIntoMessages(lines)) ctx.reply(message)
}

/**
 * The windows `/活动 待定` lists: those not yet over, and those of the term
 * under way that passed without a date (still to be set, or cancelled).
 */
export function pendingListFrom(describe: DescribeEnv): LocalDate {
  const term = semesterFrom(describe.today, describe.semesters)
  return term && term.startDate < describe.today ? term.startDate : describe.today
}

function rangeHeader(range: ListRange, describe: DescribeEnv): string[] {
  if (range.kind === 'month') return [texts.list.monthHeader(rangeLabel(range, describe))]
  if (range.kind === 'term') return [texts.list.termHeader(termName(range, describe))]
  return []
}

function rangeLabel(range: ListRange, describe: DescribeEnv): string {
  if (range.kind === 'term') return texts.list.termLabel(termName(range, describe))
  if (range.kind === 'week') return weekLabel(range.from, describe)
  return texts.list.monthLabel(range.month!, range.year !== Number(describe.today.slice(0, 4)) ? range.year : undefined)
}

const termName = (range: ListRange, describe: DescribeEnv) =>
  (semesterOn(range.from, describe.semesters) ?? semesterOn(range.to, describe.semesters))?.name ?? ''

const narrower = (range: ListRange) =>
  range.kind === 'term' ? texts.list.narrowerMonth : range.kind === 'month' ? texts.list.narrowerWeek : texts.list.narrowerDetail
