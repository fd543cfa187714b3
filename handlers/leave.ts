import type { CalendarEnv } from '../src/calendar/resolve-when.ts'
import { typedTail } from '../src/core/command-line.ts'
import { Refusal, type Command, type DistrictContext } from '../src/core/command.ts'
import type { ChatRef } from '../src/core/message.ts'
import { texts } from '../src/core/texts/index.ts'
import type { Occurrence } from '../src/generated/prisma/client.ts'
import type { ActivityWithOccurrences } from '../src/services/activities.ts'
import { mayChangeActivity } from '../src/services/activity-access.ts'
import { listName } from '../src/services/members.ts'
import { dayOf, decideLeave, refuseLeave, targetOf } from './leave-decide.ts'
import { badNamedDay, readNamedDay } from './session-args.ts'
import { dayWord, heldAhead, isAhead } from './session-examples.ts'
import { announcePromotions } from './signup.ts'
import { activityFromArgs, assertFits, describeEnvOf } from './shared.ts'

/** `/请假 12 外出培训`, `/请假 4 12月3日 外出培训`: leave for one session, before it starts. */
export const askLeave: Command = {
  id: 'leave',
  name: '请假',
  aliases: ['absence', '请个假'],
  role: 'teacher',
  scope: 'district',
  direct: true,
  async run(ctx, line) {
    const activity = await activityFromArgs(ctx, line.args, { command: '请假', example: '12 外出培训' })
    const env = await ctx.work.calendarEnv.calendarEnv(ctx.district, ctx.now)
    const { session, rest: words } = sessionOf(ctx, activity, line.args.slice(1), env, '请假')
    // 代请假: 「/请假 12 周敏 生病」 names another member signed up for it.
    const forOther = await otherMember(ctx, words[0])
    if (forOther && !mayChangeActivity(ctx.sender, activity)) {
      throw new Refusal(texts.leave.onlyOwn(activity.id, forOther.name))
    }
    const rest = forOther ? words.slice(1) : words
    // The reason as typed (full-width ，。 and quotes kept), as /取消 keeps its own.
    const reason = typedTail(line, rest).join(' ').trim()
    if (!reason) throw new Refusal(texts.leave.needReason(leaveExample(activity, session, env)))
    assertFits('leaveReason', reason)
    const target = targetOf(ctx, activity, session, env)
    const memberId = forOther?.id ?? ctx.sender.memberId
    // Asked by the organizer or an admin, the leave needs no approval: they are the ones who approve.
    const outcome = await ctx.work.leaves.askLeave(target, memberId, {
      reason, groupId: ctx.groupId, approval: activity.leaveApproval && !forOther, now: ctx.now,
    })
    if (outcome.kind === 'notSignedUp') throw new Refusal(forOther ? texts.leave.otherNotSignedUp(forOther.name, activity.id) : texts.leave.notSignedUp(activity.id))
    const name = listName(await ctx.work.members.findMember(memberId))
    const day = dayOf(ctx, session, env)
    if (outcome.again) return ctx.reply(texts.leave.again(name, activity.id, day))
    if (outcome.leave.status === 'pending') {
      const told = await askToDecide(ctx, activity, name, day, reason, session, env)
      return ctx.reply(texts.leave.pending(name, activity.id, activity.title, day) + (told ? '' : `\n${texts.leave.nobodyToAsk(activity.id)}`))
    }
    const undo = `/销假 ${activity.id}${target.single ? '' : ` ${dayWord(session.date, env)}`}`
    ctx.reply(texts.leave.approved(name, activity.id, activity.title, day, undo, !target.single))
    await announcePromotions(ctx, activity, outcome.promoted, env)
  },
}

/** The member other than the sender that `word` names in the district (代请假), signed up or not; else null. */
async function otherMember(ctx: DistrictContext, word: string | undefined): Promise<{ id: number; name: string } | null> {
  const name = word?.replace(/^[@＠]/, '')
  if (!name || /^\d/.test(name) || Array.from(name).length > 20) return null
  const found = await ctx.work.attendance.namedMember(ctx.district.id, { name })
  if (found.kind !== 'one' || found.member.id === ctx.sender.memberId) return null
  return { id: found.member.id, name: listName(found.member) }
}

/** `/准假 12 赵丽 [12月3日]` (the activity's organizer, admins). */
export const approveLeave: Command = {
  id: 'approveLeave',
  name: '准假',
  aliases: ['approve-leave', '批准请假', '同意请假'],
  role: 'organizer',
  scope: 'district',
  direct: true,
  run: (ctx, line) => decideLeave(ctx, line),
}

/** `/不准假 12 赵丽 本次为考核课` (the activity's organizer, admins): with a reason. */
export const denyLeave: Command = {
  id: 'refuseLeave',
  name: '不准假',
  aliases: ['refuse-leave', '不批准请假', '不同意请假'],
  role: 'organizer',
  scope: 'district',
  direct: true,
  run: (ctx, line) => refuseLeave(ctx, line),
}

/** `/销假 12 [12月3日]`: the leave taken back before the session starts. */
export const cancelLeave: Command = {
  id: 'withdrawLeave',
  name: '销假',
  aliases: ['取消请假', 'unleave'],
  role: 'teacher',
  scope: 'district',
  direct: true,
  async run(ctx, line) {
    const activity = await activityFromArgs(ctx, line.args, { command: '销假', example: '12' })
    const env = await ctx.work.calendarEnv.calendarEnv(ctx.district, ctx.now)
    const day = readNamedDay(line.args.slice(1), env)
    const open = (await ctx.work.leaves.openLeaves(activity.id, ctx.sender.memberId, ctx.now))
      .filter((l) => !day || activity.occurrences.find((o) => o.id === l.occurrenceId)?.date === day.date)
    const leave = open[0]
    if (!leave) {
      // On leave for a session already begun: too late to take it back, and not "no leave".
      const begun = (await ctx.work.leaves.openLeaves(activity.id, ctx.sender.memberId, new Date(0)))
        .some((l) => !day || activity.occurrences.find((o) => o.id === l.occurrenceId)?.date === day.date)
      throw new Refusal(begun ? texts.leave.begun(activity.id) : texts.leave.noLeave(activity.id))
    }
    const session = activity.occurrences.find((o) => o.id === leave.occurrenceId)!
    const name = listName(await ctx.work.members.findMember(ctx.sender.memberId))
    const when = dayOf(ctx, session, env)
    const back = await ctx.work.leaves.withdrawLeave(leave, targetOf(ctx, activity, session, env), ctx.now)
    if (leave.status === 'pending') return ctx.reply(texts.leave.backPending(name, activity.id, when))
    if (back.back === 'confirmed') return ctx.reply(texts.leave.backConfirmed(name, activity.id, activity.title, when, back.position))
    if (back.back === 'waiting') return ctx.reply(texts.leave.backWaiting(name, activity.id, activity.title, when, back.position))
    ctx.reply(texts.leave.backSeries(name, activity.id, activity.title, when))
  },
}

/** `/请假 4 12月3日 外出培训`, or for a single session `/请假 12 外出培训`: a command that works. */
function leaveExample(activity: ActivityWithOccurrences, session: Occurrence | undefined, env: CalendarEnv): string {
  const day = activity.occurrences.length > 1 && session ? ` ${dayWord(session.date, env)}` : ''
  return `/请假 ${activity.id}${day} 外出培训`
}

/**
 * The session a leave is for: the day the first words name (for a series),
 * else the next one ahead; refused when it is cancelled, paused or begun.
 */
function sessionOf(
  ctx: DistrictContext, activity: ActivityWithOccurrences, words: readonly string[], env: CalendarEnv, command: string,
): { session: Occurrence; rest: string[] } {
  if (activity.status === 'cancelled') throw new Refusal(texts.leave.cancelled(activity.id))
  if (activity.occurrences.length === 0) throw new Refusal(texts.leave.noDate(activity.id))
  const ahead = heldAhead(activity, env, ctx.now)
  const example = leaveExample(activity, ahead[0], env).replace('/请假', `/${command}`)
  const day = readNamedDay(words, env)
  let session: Occurrence | undefined
  let rest = [...words]
  if (day) {
    session = activity.occurrences.find((o) => o.date === day.date || (day.monthDay && o.date.slice(5) === day.monthDay) || o.movedFrom === day.date)
    if (!session) {
      const next = ahead.slice(0, 3).map((o) => dayOf(ctx, o, env)).join('、')
      throw new Refusal(texts.leave.notASession(activity.id, dayWord(day.date, env), next, example))
    }
    rest = words.slice(day.taken)
  } else {
    const bad = badNamedDay(words, env)
    if (bad) throw new Refusal(texts.leave.badDay(bad.text, example))
    session = activity.occurrences.length === 1 ? activity.occurrences[0] : ahead[0]
    if (!session) throw new Refusal(texts.leave.noneAhead(activity.id))
  }
  if (session.cancelled || session.skipReason) throw new Refusal(texts.leave.notHeld(dayOf(ctx, session, env)))
  if (!isAhead(session, env, ctx.now)) throw new Refusal(texts.leave.started(activity.id, dayOf(ctx, session, env)))
  return { session, rest }
}

/** The organizer's and admins' direct chats: a leave to decide, with its reason (direct chats only). */
async function askToDecide(
  ctx: DistrictContext, activity: ActivityWithOccurrences, name: string, day: string, reason: string, session: Occurrence, env: CalendarEnv,
): Promise<boolean> {
  const chats: ChatRef[] = []
  const organizer = await ctx.work.directChats.directChatOf(activity.organizerId, ctx.message.platform)
  for (const chat of [organizer, ...(await ctx.work.directChats.adminChats(ctx.district.id))]) {
    if (chat && !chats.some((c) => c.platform === chat.platform && c.chatId === chat.chatId)) chats.push(chat)
  }
  const series = activity.occurrences.length > 1 ? ` ${dayWord(session.date, env)}` : ''
  const text = texts.leave.toDecide(name, activity.id, activity.title, day, reason, `/准假 ${activity.id} ${name}${series}`, `/不准假 ${activity.id} ${name}${series} 原因`)
  for (const chat of chats) ctx.post({ chat, text })
  return chats.length > 0
}

/**
 * The 请假 lines of /名单: the session's leaves by name for those who may see
 * the list (the reasons only in a direct chat), else how many and one's own.
 */
export async function leaveRosterLines(ctx: DistrictContext, activity: ActivityWithOccurrences, env: CalendarEnv, full: boolean): Promise<string[]> {
  const series = activity.occurrences.length > 1
  const session = series ? heldAhead(activity, env, ctx.now)[0] : activity.occurrences[0]
  if (!session) return []
  const leaves = await ctx.work.leaves.sessionLeaves([session.id])
  if (leaves.length === 0) return []
  const day = series ? dayWord(session.date, env) : null
  const mine = leaves.find((l) => l.memberId === ctx.sender.memberId)
  if (!full) return [texts.leave.rosterCount(leaves.length, day), ...(mine ? [texts.leave.youOnLeave(mine.status === 'pending', activity.id)] : [])]
  const reasons = ctx.message.chat.isDirect
  return [
    texts.leave.rosterHeader(leaves.length, day),
    ...leaves.map((l, i) => `${i + 1}. ${texts.leave.rosterLine(listName(l.member), l.status === 'pending', reasons ? l.reason : null)}`),
  ]
}
