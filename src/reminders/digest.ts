import { addDays, daysBetween, mondayOf, toInstant, weekdayOf, type LocalDate } from '../calendar/dates.ts'
import { formatDate, formatRange } from '../calendar/format.ts'
import { semesterOn, weekOf } from '../calendar/semester.ts'
import { texts } from '../core/texts/index.ts'
import type { Group } from '../generated/prisma/client.ts'
import { pendingBetween } from '../services/activities.ts'
import { listName } from '../services/members.ts'
import { pairCounts, workshopsOfGroup } from '../services/observations.ts'
import { GROUP_READER, visibleWhere } from '../services/question-access.ts'
import { describeExtras, describeOccurrence, describeWhen, sessionMark, snippet } from '../services/describe.ts'
import { chatOf, endOfDay, quietOf, type Candidate, type PlanContext } from './plan-context.ts'
import { afterQuiet } from './timing.ts'

const MAX_DIGEST_LINES = 20
const MAX_PENDING_LINES = 5

/**
 * The weekly digest of a group: due on its digest day and time this week
 * (Saturday and Sunday digests cover the week ahead), still sent later that
 * same day, stale after it.
 */
export function digestCandidate(ctx: PlanContext, group: Group): Candidate {
  const tz = ctx.district.timezone
  // Groups with the same settings share the same times: worked out once (time-zone arithmetic is the cost at scale).
  const settings = `${group.digestWeekday}|${group.digestAt}|${group.quietFrom}|${group.quietTo}`
  let timing = ctx.digestTimes.get(settings)
  if (!timing) {
    const today = ctx.describe.today
    const day = addDays(today, -((weekdayOf(today) - group.digestWeekday + 7) % 7))
    const monday = group.digestWeekday >= 6 ? addDays(mondayOf(day), 7) : mondayOf(day)
    const quiet = { from: group.quietFrom, to: group.quietTo }
    timing = { day, monday, dueAt: afterQuiet(toInstant(day, group.digestAt, tz), quiet, tz), staleAt: endOfDay(day, tz) }
    ctx.digestTimes.set(settings, timing)
  }
  const { day, monday, dueAt, staleAt } = timing
  return {
    key: `digest:${group.id}:${monday}`,
    kind: 'digest',
    groupId: group.id,
    occurrenceId: null,
    dueAt,
    staleAt,
    quiet: quietOf(ctx, group),
    build: async (tx) => {
      // Every group of a district gets the same digest: written once per tick.
      const key = `${monday}|${day}`
      let text = ctx.digests.get(key)
      if (text === undefined) ctx.digests.set(key, (text = digestText({ ...ctx, tx }, monday, day)))
      const written = await text
      if (written === null) return null
      // A workshop's own group also reads which of its pairs are behind on 听课.
      const behind = await observationLines(tx, ctx, group.id)
      return { chat: chatOf(group), text: behind.length ? `${written}\n${behind.join('\n')}` : written }
    },
  }
}

async function digestText(ctx: PlanContext, monday: LocalDate, sendDay: LocalDate): Promise<string | null> {
  const { tx, district, describe } = ctx
  const sunday = addDays(monday, 6)
  const week = await tx.occurrence.findMany({
    // A multi-day activity that began before this week and runs into it is in this week's digest too.
    where: {
      districtId: district.id,
      OR: [{ date: { gte: monday, lte: sunday } }, { date: { lt: monday }, endAt: { gte: toInstant(monday, '00:00', district.timezone) } }],
      activity: { status: 'scheduled' },
    },
    include: {
      activity: { include: { _count: { select: { signups: { where: { status: 'confirmed' } } } } } },
      _count: { select: { leaves: { where: { status: 'approved' } } } },
    },
    orderBy: [{ startAt: 'asc' }, { activityId: 'asc' }],
  })
  const ahead = await noticeLines(ctx, monday)
  // Planned for this week (or a month holding it) without a date yet: listed, so nothing the office planned disappears.
  const pending = await pendingBetween(tx, district.id, monday, sunday)
  if (week.length === 0 && ahead.length === 0 && pending.length === 0) return null
  // On a holiday the office is closed: no digest unless something is on that week.
  if (ctx.closedOn(sendDay) && !week.some((o) => !o.skipReason)) return null
  const semester = semesterOn(monday, describe.semesters) ?? semesterOn(sunday, describe.semesters)
  const weekNo = semester ? weekOf(monday, semester) : undefined
  const label = monday === mondayOf(sendDay) ? texts.list.thisWeek(weekNo) : texts.list.nextWeek(weekNo)
  const lines = [texts.reminders.digestTitle(label, formatRange(monday, sunday))]
  const plain = { ...describe, semesters: [] }
  // One message, short enough for a phone and for WeChat's length limit.
  for (const o of week.slice(0, MAX_DIGEST_LINES)) {
    if (o.cancelled) {
      lines.push(texts.reminders.sessionCancelled(formatDate(o.date, Number(describe.today.slice(0, 4))), o.activity.title))
      continue
    }
    if (o.skipReason) {
      lines.push(texts.reminders.paused(formatDate(o.date, Number(describe.today.slice(0, 4))), o.skipReason, o.activity.title))
      continue
    }
    const left = o.activity.capacity === null || o.activity.noSignup ? null : Math.max(0, o.activity.capacity - o.activity._count.signups)
    const moved = o.movedFrom ? sessionMark(o, describe) : ''
    lines.push(`#${o.activityId} ${describeOccurrence(o, plain)}${moved} ${o.activity.title}${describeExtras(o.activity)}${texts.reminders.placesLeft(left)}${texts.leave.digestCount(o._count.leaves)}`)
  }
  if (week.length > MAX_DIGEST_LINES) lines.push(texts.reminders.moreThisWeek(week.length - MAX_DIGEST_LINES))
  if (pending.length > 0) {
    lines.push(texts.list.pendingHeader, ...pending.slice(0, MAX_PENDING_LINES).map((a) => `#${a.id} ${describeWhen(a, [], plain)} ${a.title}${describeExtras(a)}`))
    if (pending.length > MAX_PENDING_LINES) lines.push(texts.reminders.moreThisWeek(pending.length - MAX_PENDING_LINES))
  }
  // The example is an activity of this digest that takes sign-ups.
  const example = week.find((o) => !o.skipReason && !o.activity.noSignup)
  if (example) lines.push(texts.reminders.howToSignUp(example.activity.id))
  lines.push(...ahead)
  // A group reads the digest: only the questions every group may see.
  const openWhere = { AND: [visibleWhere(district.id, GROUP_READER), { answeredAt: null }] }
  const open = await tx.question.findMany({ where: openWhere, orderBy: { askedAt: 'asc' }, take: 3 })
  const openCount = open.length ? await tx.question.count({ where: openWhere }) : 0
  if (openCount > 0) lines.push(texts.reminders.openQuestions(openCount, open.map((q) => `#${q.id} ${snippet(q.text, 30)}`)))
  return lines.join('\n')
}

/** 提前公示: activities of the coming weeks that ask to be announced this many weeks ahead. */
async function noticeLines(ctx: PlanContext, monday: LocalDate): Promise<string[]> {
  const { tx, district, describe } = ctx
  const later = await tx.occurrence.findMany({
    where: {
      districtId: district.id,
      date: { gte: addDays(monday, 7), lte: addDays(monday, 7 * 8 - 1) },
      skipReason: null,
      activity: { status: 'scheduled', noticeWeeks: { gt: 0 } },
    },
    include: { activity: true },
    orderBy: { startAt: 'asc' },
  })
  const shown = later.filter((o) => Math.floor((Date.parse(mondayOf(o.date)) - Date.parse(monday)) / (7 * 86_400_000)) <= o.activity.noticeWeeks!)
  if (shown.length === 0) return []
  return [texts.reminders.noticeHeader, ...shown.slice(0, 5).map((o) => `#${o.activityId} ${describeOccurrence(o, describe)} ${o.activity.title}${describeExtras(o.activity)}`)]
}

/**
 * The pairs of the group's workshops behind the district's 听课 minimum this
 * term: from the middle of the term on (before it every pair is "behind").
 */
async function observationLines(tx: PlanContext['tx'], ctx: PlanContext, groupId: number): Promise<string[]> {
  const min = ctx.district.observationsPerTerm
  const term = semesterOn(ctx.describe.today, ctx.describe.semesters)
  if (min <= 0 || !term) return []
  const middle = addDays(term.startDate, Math.floor(daysBetween(term.startDate, term.endDate) / 2))
  if (ctx.describe.today < middle) return []
  const workshops = await workshopsOfGroup(tx, groupId)
  if (workshops.length === 0) return []
  const behind = (await pairCounts(tx, ctx.district.id, { from: term.startDate, to: term.endDate }, workshops)).filter((p) => p.count < min)
  if (behind.length === 0) return []
  const lines = behind.slice(0, MAX_PENDING_LINES).map((p) => texts.observations.pairLine(listName(p.mentor), listName(p.mentee), p.count, min))
  if (behind.length > MAX_PENDING_LINES) lines.push(texts.observations.digestMore(behind.length - MAX_PENDING_LINES))
  return [texts.observations.digestHeader(min), ...lines]
}
