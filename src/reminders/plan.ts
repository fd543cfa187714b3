import { addDays, daysBetween, localParts, mondayOf, toInstant, weekdayOf, type LocalDate } from '../calendar/dates.ts'
import { formatDate, formatRange } from '../calendar/format.ts'
import { semesterOn, weekOf } from '../calendar/semester.ts'
import type { Tx } from '../db/client.ts'
import { isPlatform, type OutgoingMessage, type Person, type Platform } from '../core/message.ts'
import { texts } from '../core/texts/index.ts'
import type { Activity, District, Group, Member, Occurrence, Signup } from '../generated/prisma/client.ts'
import { calendarEnv } from '../services/calendar-env.ts'
import { MAX_MENTIONS_PER_MESSAGE } from '../core/limits.ts'
import { mentionsAtMost, mentionsOf } from '../services/members.ts'
import { GROUP_READER, visibleWhere } from '../services/question-access.ts'
import { snippet, sessionMark, describeExtras, describeOccurrence, describeWhen, occurrenceTime, rosterLines, type DescribeEnv } from '../services/describe.ts'
import { pendingChases } from './pending.ts'
import { pendingBetween } from '../services/activities.ts'
import { afterQuiet, inQuiet, leadDue, leadKey, longestLeadDays, parseLeads, type Lead } from './timing.ts'

/** One automatic message that may be due: when, until when it is still useful, and how to write it. */
export interface Candidate {
  key: string
  kind: 'digest' | 'before' | 'list' | 'pending'
  groupId: number | null
  occurrenceId: number | null
  /** When it is due, moved past the group's quiet hours. */
  dueAt: Date
  /** After this it is stale: skipped and logged, never sent late. */
  staleAt: Date
  /** The quiet hours of the group it goes to (or comes from): nothing goes out inside them, not even a late one. */
  quiet: Quiet
  /** The message, read in the given transaction; null when there is nothing to say (a week with nothing on). */
  build(tx: Tx): Promise<OutgoingMessage | null>
}

type SignupWithMember = Signup & { member: Member }
type Occ = Occurrence & { activity: Activity & { signups: SignupWithMember[] } }

const MAX_DIGEST_LINES = 20
const MAX_PENDING_LINES = 5

/** How far back a due message is still looked at: older ones are neither sent nor logged again. */
const LOOK_BACK_DAYS = 7

/** Every automatic message of every district due by `now` and not yet claimed. */
export async function dueCandidates(tx: Tx, now: Date): Promise<Candidate[]> {
  const districts = await tx.district.findMany({ where: { groups: { some: { direct: false } } } })
  const all: Candidate[] = []
  for (const district of districts) all.push(...(await districtCandidates(tx, district, now)))
  // A message held up (the bot was down) that falls due again inside quiet hours waits for their end, if still useful then.
  const due = all.filter((c) => c.dueAt <= now && !inQuiet(c.quiet.time, c.quiet.from, c.quiet.to))
  if (due.length === 0) return []
  const taken = new Set<string>()
  for (let i = 0; i < due.length; i += 500) {
    const rows = await tx.reminder.findMany({ where: { key: { in: due.slice(i, i + 500).map((c) => c.key) } }, select: { key: true } })
    for (const r of rows) taken.add(r.key)
  }
  return due.filter((c) => !taken.has(c.key))
}

async function districtCandidates(tx: Tx, district: District, now: Date): Promise<Candidate[]> {
  const tz = district.timezone
  const env = await calendarEnv(tx, district, now)
  const describe: DescribeEnv = { timezone: tz, today: env.today, semesters: env.semesters }
  const groups = (await tx.group.findMany({ where: { districtId: district.id, direct: false } })).filter((g) => isPlatform(g.platform))
  const byId = new Map(groups.map((g) => [g.id, g]))
  const out: Candidate[] = []
  const nowTime = localParts(now, tz).time
  const ctx: PlanContext = { tx, district, describe, now, nowTime, closedOn: env.closedOn, groups: byId, digests: new Map(), digestTimes: new Map() }

  for (const group of groups) if (group.digestOn) out.push(digestCandidate(ctx, group))

  const leadsOf = new Map(groups.map((g) => [g.id, g.leadsOn ? parseLeads(g.leads) : []]))
  const maxDays = Math.max(0, ...[...leadsOf.values()].map(longestLeadDays))
  const occurrences = await tx.occurrence.findMany({
    where: {
      districtId: district.id,
      date: { gte: addDays(env.today, -1), lte: addDays(env.today, maxDays + 1) },
      skipReason: null,
      startAt: { gt: new Date(now.getTime() - LOOK_BACK_DAYS * 86_400_000) },
      activity: { status: 'scheduled' },
    },
    include: { activity: { include: { signups: { where: { status: 'confirmed' }, include: { member: true }, orderBy: { seq: 'asc' } } } } },
    orderBy: { startAt: 'asc' },
  })
  for (const o of occurrences) out.push(...beforeCandidates(ctx, o, leadsOf))
  const noQuiet = { from: null, to: null, time: nowTime }
  for (const c of await pendingChases(tx, district.id, env.today, tz)) {
    out.push({ key: c.key, kind: 'pending', groupId: null, occurrenceId: null, dueAt: c.dueAt, staleAt: c.staleAt, quiet: noQuiet, build: c.build })
  }
  return out
}

interface PlanContext {
  tx: Tx
  district: District
  describe: DescribeEnv
  now: Date
  /** The wall-clock time of `now` in the district. */
  nowTime: string
  closedOn(date: LocalDate): string | null
  groups: Map<number, Group>
  /** Digest texts written this tick, by "monday|send day". */
  digests: Map<string, Promise<string | null>>
  /** Digest times by the group's settings. */
  digestTimes: Map<string, { day: LocalDate; monday: LocalDate; dueAt: Date; staleAt: Date }>
}

const chatOf = (g: Group) => ({ platform: g.platform as Platform, chatId: g.chatId })
/** A group's quiet hours, with the district's time now. */
type Quiet = { from: string | null; to: string | null; time: string }
const quietOf = (ctx: PlanContext, g: Group): Quiet => ({ from: g.quietFrom, to: g.quietTo, time: ctx.nowTime })
const endOfDay = (date: LocalDate, tz: string) => new Date(toInstant(date, '23:59', tz).getTime() + 59_000)

/**
 * The weekly digest of a group: due on its digest day and time this week
 * (Saturday and Sunday digests cover the week ahead), still sent later that
 * same day, stale after it.
 */
function digestCandidate(ctx: PlanContext, group: Group): Candidate {
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
      return written === null ? null : { chat: chatOf(group), text: written }
    },
  }
}

async function digestText(ctx: PlanContext, monday: LocalDate, sendDay: LocalDate): Promise<string | null> {
  const { tx, district, describe } = ctx
  const sunday = addDays(monday, 6)
  const week = await tx.occurrence.findMany({
    where: { districtId: district.id, date: { gte: monday, lte: sunday }, activity: { status: 'scheduled' } },
    include: { activity: { include: { _count: { select: { signups: { where: { status: 'confirmed' } } } } } } },
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
    lines.push(`#${o.activityId} ${describeOccurrence(o, plain)}${moved} ${o.activity.title}${describeExtras(o.activity)}${texts.reminders.placesLeft(left)}`)
  }
  if (week.length > MAX_DIGEST_LINES) lines.push(texts.reminders.moreThisWeek(week.length - MAX_DIGEST_LINES))
  if (pending.length > 0) {
    lines.push(texts.list.pendingHeader, ...pending.slice(0, MAX_PENDING_LINES).map((a) => `#${a.id} ${describeWhen(a, [], plain)} ${a.title}${describeExtras(a)}`))
    if (pending.length > MAX_PENDING_LINES) lines.push(texts.reminders.moreThisWeek(pending.length - MAX_PENDING_LINES))
  }
  if (week.some((o) => !o.skipReason && !o.activity.noSignup)) lines.push(texts.reminders.howToSignUp)
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
 * Reminders before one occurrence: to its own group and to every group its
 * confirmed members signed up in, each with that group's lead times and
 * @mentions of those who signed up there; with the longest lead, the
 * organizer's list to their direct chat.
 */
function beforeCandidates(ctx: PlanContext, o: Occ, leadsOf: Map<number, Lead[]>): Candidate[] {
  const tz = ctx.district.timezone
  const origin = o.activity.groupId !== null ? ctx.groups.get(o.activity.groupId) : undefined
  const targets = new Map<number, Group>()
  if (origin) targets.set(origin.id, origin)
  for (const s of o.activity.signups) {
    const g = s.groupId !== null ? ctx.groups.get(s.groupId) : undefined
    if (g) targets.set(g.id, g)
  }
  const out: Candidate[] = []
  for (const group of targets.values()) {
    const leads = leadsOf.get(group.id) ?? []
    for (const [i, lead] of leads.entries()) {
      const due = leadDue(lead, o, tz)
      if (!due) continue
      out.push({
        key: `before:${o.id}:${leadKey(lead)}:${group.id}`,
        kind: 'before',
        groupId: group.id,
        occurrenceId: o.id,
        dueAt: afterQuiet(due, { from: group.quietFrom, to: group.quietTo }, tz),
        staleAt: o.startAt,
        quiet: quietOf(ctx, group),
        build: (tx) => buildBefore({ ...ctx, tx }, o, lead, group, group === origin && i === 0),
      })
      if (group === origin && i === 0 && !o.activity.noSignup) {
        out.push({
          key: `list:${o.id}:${leadKey(lead)}`,
          kind: 'list',
          groupId: null,
          occurrenceId: o.id,
          dueAt: afterQuiet(due, { from: group.quietFrom, to: group.quietTo }, tz),
          staleAt: o.startAt,
          quiet: quietOf(ctx, group),
          build: (tx) => buildList({ ...ctx, tx }, o),
        })
      }
    }
  }
  return out
}

async function buildBefore(ctx: PlanContext, o: Occ, lead: Lead, group: Group, withQuestions: boolean): Promise<OutgoingMessage> {
  const { tx, describe } = ctx
  const a = o.activity
  // Said as of when it goes out, which may be later than planned (the bot was down, or quiet hours held it).
  const daysAhead = daysBetween(describe.today, o.date)
  const minutesLeft = Math.max(1, Math.floor((o.startAt.getTime() - ctx.now.getTime()) / 60_000))
  const when = lead.unit === 'd' || !o.timed
    ? texts.reminders.onDay(dayWord(daysAhead), describeOccurrence(o, { ...describe, semesters: [] }))
    : daysAhead > 0
      ? texts.reminders.onDay(dayWord(daysAhead), describeOccurrence(o, { ...describe, semesters: [] }))
      : texts.reminders.inMinutes(occurrenceTime(o, describe.timezone), minutesLeft)
  const lines = [texts.reminders.before(a.id, a.title, when, a.place)]
  // A notice (例会, 视导) has no sign-up line: everyone concerned simply comes.
  if (!a.noSignup) lines.push(a.signups.length > 0 ? texts.reminders.signedUp(a.signups.length, a.id) : texts.reminders.noneSignedUp(a.id))
  // The mentors asked to answer are always @mentioned; those signed up here fill the rest of MAX_MENTIONS_PER_MESSAGE.
  const mentors: Person[] = []
  if (withQuestions && a.workshopId) {
    const open = await tx.question.findMany({
      where: { AND: [visibleWhere(ctx.district.id, GROUP_READER), { workshopId: a.workshopId, answeredAt: null }] },
      orderBy: { askedAt: 'asc' },
      take: 10,
    })
    if (open.length > 0) {
      const rows = await tx.workshopMentor.findMany({ where: { workshopId: a.workshopId } })
      mentors.push(...(await mentionsOf(tx, rows.map((m) => m.memberId), group.platform, MAX_MENTIONS_PER_MESSAGE)))
      lines.push(texts.reminders.mentorQuestions(open.map((q) => `#${q.id} ${snippet(q.text, 60)}`)))
    }
  }
  const here = a.signups.filter((s) => (s.groupId ?? a.groupId) === group.id)
  const { mentions, unmentioned } = await mentionsAtMost(tx, here.map((s) => s.memberId), group.platform, MAX_MENTIONS_PER_MESSAGE - mentors.length)
  if (unmentioned > 0) lines.splice(2, 0, texts.longLists.mentionsCapped(mentions.length, unmentioned))
  for (const person of mentors) if (!mentions.some((p) => p.id === person.id)) mentions.push(person)
  return { chat: chatOf(group), text: lines.join('\n'), mentions }
}

/** The organizer's current list, to their direct chat with the bot; nowhere to send it → null. */
async function buildList(ctx: PlanContext, o: Occ): Promise<OutgoingMessage | null> {
  const { tx, describe } = ctx
  const chat = await tx.group.findFirst({ where: { direct: true, ownerId: o.activity.organizerId }, orderBy: { lastSeenAt: 'desc' } })
  if (!chat || !isPlatform(chat.platform)) return null
  const rows = await tx.signup.findMany({ where: { activityId: o.activityId, status: { in: ['confirmed', 'waiting'] } }, include: { member: true }, orderBy: { seq: 'asc' } })
  const confirmed = rows.filter((r) => r.status === 'confirmed')
  const waiting = rows.filter((r) => r.status === 'waiting')
  const lines = [texts.reminders.listTitle(o.activityId, o.activity.title, describeOccurrence(o, describe))]
  lines.push(texts.roster.confirmedHeader(confirmed.length, o.activity.capacity), ...rosterLines(confirmed, o.activityId))
  if (waiting.length) lines.push(texts.roster.waitingHeader(waiting.length), ...rosterLines(waiting, o.activityId))
  return { chat: { platform: chat.platform, chatId: chat.chatId }, text: lines.join('\n') }
}

function dayWord(daysAhead: number): string {
  if (daysAhead <= 0) return texts.reminders.today
  if (daysAhead === 1) return texts.reminders.tomorrow
  if (daysAhead === 2) return texts.reminders.dayAfter
  return texts.reminders.inDays(daysAhead)
}


