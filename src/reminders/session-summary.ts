/**
 * After each session, its organizer gets a short summary in their direct
 * chat: signed up, checked in, late, left early, absent, 请假, came without
 * signing up. Planned when the session's 签到 window closes, under the key
 * "summary:<occurrence>" (one key: sent once, whichever process ticks).
 */
import { addDays } from '../calendar/dates.ts'
import type { Tx } from '../db/client.ts'
import { isPlatform, type OutgoingMessage } from '../core/message.ts'
import { texts } from '../core/texts/index.ts'
import type { Activity, Member, Occurrence } from '../generated/prisma/client.ts'
import { sessionPeople } from '../services/checkins.ts'
import { describeOccurrence, nameList } from '../services/describe.ts'
import { listName } from '../services/members.ts'
import { checkinWindow, missedMinutes } from '../services/session-times.ts'
import { quietOf, type Candidate, type PlanContext } from './plan-context.ts'
import { afterQuiet } from './timing.ts'

/** How long after its window closed a summary is still worth sending (the bot was down). */
const STALE_AFTER_MS = 2 * 86_400_000

type Session = Occurrence & { activity: Activity }

/** The summaries of the district's sessions whose window has closed lately. */
export async function summaryCandidates(ctx: PlanContext): Promise<Candidate[]> {
  const sessions = await ctx.tx.occurrence.findMany({
    where: {
      districtId: ctx.district.id,
      date: { gte: addDays(ctx.describe.today, -3), lte: ctx.describe.today },
      skipReason: null,
      cancelled: false,
      activity: { status: 'scheduled' },
    },
    include: { activity: true },
  })
  const out: Candidate[] = []
  for (const o of sessions) {
    const closesAt = checkinWindow(o.activity, o).closesAt
    if (closesAt > ctx.now || ctx.now.getTime() - closesAt.getTime() > STALE_AFTER_MS) continue
    const group = o.activity.groupId !== null ? ctx.groups.get(o.activity.groupId) : undefined
    const quiet = group ? quietOf(ctx, group) : { from: null, to: null, time: ctx.nowTime }
    out.push({
      key: `summary:${o.id}`,
      kind: 'summary',
      groupId: null,
      occurrenceId: o.id,
      dueAt: afterQuiet(closesAt, quiet, ctx.district.timezone),
      staleAt: new Date(closesAt.getTime() + STALE_AFTER_MS),
      quiet,
      build: (tx) => buildSummary(tx, ctx, o),
    })
  }
  return out
}

/**
 * The summary, to the organizer's direct chat, else (they never wrote to the
 * bot in private) to an admin's, saying so; null when nobody signed up or
 * came, or no such chat exists. Names go to a direct chat only, never a group.
 */
async function buildSummary(tx: Tx, ctx: PlanContext, o: Session): Promise<OutgoingMessage | null> {
  const own = await tx.group.findFirst({ where: { direct: true, ownerId: o.activity.organizerId }, orderBy: { lastSeenAt: 'desc' } })
  const admins = own ? [] : (await tx.memberRole.findMany({ where: { districtId: o.activity.districtId, role: 'admin' }, select: { memberId: true } })).map((r) => r.memberId)
  const chat = own ?? (await tx.group.findFirst({ where: { direct: true, ownerId: { in: admins } }, orderBy: { lastSeenAt: 'desc' } }))
  if (!chat || !isPlatform(chat.platform)) return null
  const people = await sessionPeople(tx, o)
  if (people.signedUp.length === 0 && people.attendance.length === 0 && people.onLeave.length === 0) return null
  const t = texts.checkin
  const present = people.attendance.filter((a) => a.status === 'present')
  const presentIds = new Set(present.map((a) => a.memberId))
  const leaveIds = new Set(people.onLeave.map((m) => m.id))
  const signedUpIds = new Set([...people.signedUp.map((m) => m.id), ...leaveIds])
  const withMinutes = (kind: 'late' | 'early') =>
    present.flatMap((a) => {
      const n = missedMinutes(o, a)[kind]
      return n > 0 ? [`${listName(a.member)}（${n}分钟）`] : []
    })
  const markedAbsent = people.attendance.filter((a) => a.status === 'absent' && !signedUpIds.has(a.memberId)).map((a) => a.member)
  const absent: Member[] = [...people.signedUp.filter((m) => !presentIds.has(m.id) && !leaveIds.has(m.id)), ...markedAbsent]
  const names = (members: Member[]) => members.map(listName)
  const lines = [
    t.summaryTitle(t.session(o.activity.id, o.activity.title, describeOccurrence(o, { ...ctx.describe, semesters: [] }))),
    t.summaryCounts(signedUpIds.size, present.length),
  ]
  const add = (label: string, list: string[], always = false) => {
    if (list.length > 0 || always) lines.push(t.summaryLine(label, list.length > 0 ? nameList(list) : t.none))
  }
  add(t.late, withMinutes('late'))
  add(t.early, withMinutes('early'))
  add(t.absent, names(absent), true)
  add(t.onLeave, names(people.onLeave))
  add(t.walkIns, names(present.filter((a) => !signedUpIds.has(a.memberId)).map((a) => a.member)))
  lines.push(t.summaryFooter(o.activity.id))
  if (!own) lines.push(t.summaryForAdmin((await tx.member.findUnique({ where: { id: o.activity.organizerId } }))?.displayName ?? ''))
  return { chat: { platform: chat.platform, chatId: chat.chatId }, text: lines.join('\n') }
}
