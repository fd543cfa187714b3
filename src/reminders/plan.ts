import { addDays, daysBetween, localParts } from '../calendar/dates.ts'
import type { Tx } from '../db/client.ts'
import { isPlatform, type OutgoingMessage, type Person } from '../core/message.ts'
import { texts } from '../core/texts/index.ts'
import type { Activity, District, Group, Member, Occurrence, Signup } from '../generated/prisma/client.ts'
import { calendarEnv } from '../services/calendar-env.ts'
import { MAX_MENTIONS_PER_MESSAGE } from '../core/limits.ts'
import { mentionsAtMost, mentionsOf } from '../services/members.ts'
import { GROUP_READER, visibleWhere } from '../services/question-access.ts'
import { snippet, describeOccurrence, occurrenceTime, rosterLines, type DescribeEnv } from '../services/describe.ts'
import { pendingChases } from './pending.ts'
import { digestCandidate } from './digest.ts'
import { summaryCandidates } from './session-summary.ts'
import { chatOf, quietOf, type Candidate, type PlanContext } from './plan-context.ts'
import { afterQuiet, inQuiet, leadDue, leadKey, longestLeadDays, parseLeads, type Lead } from './timing.ts'

type SignupWithMember = Signup & { member: Member }
/** `leaves`: those on 请假 (approved) for this session. */
type Occ = Occurrence & { activity: Activity & { signups: SignupWithMember[] }; leaves: { memberId: number }[] }


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
    include: {
      activity: { include: { signups: { where: { status: 'confirmed' }, include: { member: true }, orderBy: { seq: 'asc' } } } },
      leaves: { where: { status: 'approved' }, select: { memberId: true } },
    },
    orderBy: { startAt: 'asc' },
  })
  for (const o of occurrences) out.push(...beforeCandidates(ctx, o, leadsOf))
  const noQuiet = { from: null, to: null, time: nowTime }
  for (const c of await pendingChases(tx, district.id, env.today, tz)) {
    out.push({ key: c.key, kind: 'pending', groupId: null, occurrenceId: null, dueAt: c.dueAt, staleAt: c.staleAt, quiet: noQuiet, build: c.build })
  }
  out.push(...(await summaryCandidates(ctx)))
  return out
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
    const quietHours = { from: group.quietFrom, to: group.quietTo }
    const raw = leads.map((lead) => leadDue(lead, o, tz))
    const dues = raw.map((d) => (d ? afterQuiet(d, quietHours, tz) : null))
    /** Lead j comes after lead i: due later, or held to the same moment but nearer the start. */
    const after = (j: number, i: number) => dues[j]! > dues[i]! || (dues[j]!.getTime() === dues[i]!.getTime() && raw[j]! > raw[i]!)
    for (const [i, lead] of leads.entries()) {
      const due = leadDue(lead, o, tz)
      if (!due) continue
      // A reminder is useful until the next one of the session in this group is due: after a restart
      // or quiet hours, the day-before and the two-hour reminders never go out together; the nearer one goes.
      const next = dues.filter((d, j): d is Date => d !== null && after(j, i)).sort((a, b) => a.getTime() - b.getTime())[0]
      const staleAt = next && next < o.startAt ? next : o.startAt
      out.push({
        key: `before:${o.id}:${leadKey(lead)}:${group.id}`,
        kind: 'before',
        groupId: group.id,
        occurrenceId: o.id,
        dueAt: dues[i]!,
        staleAt,
        quiet: quietOf(ctx, group),
        build: (tx) => buildBefore({ ...ctx, tx }, o, lead, group, group === origin && i === 0, isNearest(raw, i)),
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

async function buildBefore(ctx: PlanContext, o: Occ, lead: Lead, group: Group, withQuestions: boolean, nearest: boolean): Promise<OutgoingMessage> {
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
  const series = a.rrule !== null
  const signedUp = series ? texts.reminders.signedUpSeries(a.signups.length, a.id, `${Number(o.date.slice(5, 7))}月${Number(o.date.slice(8))}日`) : texts.reminders.signedUp(a.signups.length, a.id)
  if (!a.noSignup) lines.push(a.signups.length > 0 ? signedUp : texts.reminders.noneSignedUp(a.id))
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
  // Those on 请假 for this session (of a series: their sign-up stays) keep their place but are not @mentioned.
  const away = new Set(o.leaves.map((l) => l.memberId))
  const here = a.signups.filter((s) => (s.groupId ?? a.groupId) === group.id && !away.has(s.memberId))
  const { mentions, unmentioned } = await mentionsAtMost(tx, here.map((s) => s.memberId), group.platform, MAX_MENTIONS_PER_MESSAGE - mentors.length)
  if (unmentioned > 0) lines.splice(2, 0, texts.longLists.mentionsCapped(mentions.length, unmentioned))
  for (const person of mentors) if (!mentions.some((p) => p.id === person.id)) mentions.push(person)
  // On Lark the reminder nearest the start carries a 签到 button (elsewhere a reply 「签到」 to it does the same).
  const buttons = nearest && group.platform === 'lark' ? [{ label: texts.checkin.buttonCheckIn, command: `/签到 ${a.id}`, style: 'primary' as const }] : []
  return { chat: chatOf(group), text: lines.join('\n'), mentions, ...(buttons.length ? { buttons } : {}) }
}

/** Whether lead i is the group's last reminder before the session (its due time the latest). */
function isNearest(dues: readonly (Date | null)[], i: number): boolean {
  const mine = dues[i]
  return !!mine && dues.every((d) => !d || d <= mine)
}

/** The organizer's current list, to their direct chat with the bot; nowhere to send it → null. */
async function buildList(ctx: PlanContext, o: Occ): Promise<OutgoingMessage | null> {
  const { tx, describe } = ctx
  const chat = await tx.group.findFirst({ where: { direct: true, ownerId: o.activity.organizerId }, orderBy: { lastSeenAt: 'desc' } })
  if (!chat || !isPlatform(chat.platform)) return null
  const rows = await tx.signup.findMany({ where: { activityId: o.activityId, status: { in: ['confirmed', 'waiting'] } }, include: { member: true }, orderBy: { seq: 'asc' } })
  const away = new Set(o.leaves.map((l) => l.memberId))
  const confirmed = rows.filter((r) => r.status === 'confirmed' && !away.has(r.memberId))
  const waiting = rows.filter((r) => r.status === 'waiting')
  const onLeave = rows.filter((r) => r.status === 'confirmed' && away.has(r.memberId))
  const lines = [texts.reminders.listTitle(o.activityId, o.activity.title, describeOccurrence(o, describe))]
  lines.push(texts.roster.confirmedHeader(confirmed.length, o.activity.capacity), ...rosterLines(confirmed, o.activityId))
  if (waiting.length) lines.push(texts.roster.waitingHeader(waiting.length), ...rosterLines(waiting, o.activityId))
  if (onLeave.length) lines.push(texts.leave.rosterHeader(onLeave.length, null), ...rosterLines(onLeave, o.activityId))
  return { chat: { platform: chat.platform, chatId: chat.chatId }, text: lines.join('\n') }
}

function dayWord(daysAhead: number): string {
  if (daysAhead <= 0) return texts.reminders.today
  if (daysAhead === 1) return texts.reminders.tomorrow
  if (daysAhead === 2) return texts.reminders.dayAfter
  return texts.reminders.inDays(daysAhead)
}


