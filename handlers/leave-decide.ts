import type { CalendarEnv } from '../src/calendar/resolve-when.ts'
import { typedTail, wordsOf, type CommandLine } from '../src/core/command-line.ts'
import { Refusal, type DistrictContext } from '../src/core/command.ts'
import { texts } from '../src/core/texts/index.ts'
import type { Occurrence } from '../src/generated/prisma/client.ts'
import type { ActivityWithOccurrences } from '../src/services/activities.ts'
import { describeOccurrence } from '../src/services/describe.ts'
import type { LeaveTarget, LeaveWithMember } from '../src/services/leaves.ts'
import { listName } from '../src/services/members.ts'
import { readNamedDay } from './session-args.ts'
import { dayWord, isAhead } from './session-examples.ts'
import { plain } from './sessions.ts'
import { announcePromotions } from './signup.ts'
import { activityFromArgs, argsOf, assertFits, assertMayChange, describeEnvOf } from './shared.ts'

/** `/准假 12 赵丽 [12月3日]`: the place freed (single session), the waiting list moved up, the teacher told. */
export async function decideLeave(ctx: DistrictContext, line: CommandLine): Promise<void> {
  const { activity, leave, env } = await pendingNamed(ctx, line, '准假')
  await decide(ctx, activity, leave, env, null)
}

/** `/不准假 12 赵丽 本次为考核课`: nothing changes but the leave's status; the teacher told. */
export async function refuseLeave(ctx: DistrictContext, line: CommandLine): Promise<void> {
  const { activity, leave, env, rest } = await pendingNamed(ctx, line, '不准假')
  // The reason as typed (full-width ，。 and quotes kept), as /取消 keeps its own.
  const reason = typedTail(line, rest).join(' ').trim()
  if (!reason) throw new Refusal(texts.leave.refusalUsage(activity.id, listName(leave.member)))
  assertFits('leaveReason', reason)
  await decide(ctx, activity, leave, env, reason)
}

async function decide(ctx: DistrictContext, activity: ActivityWithOccurrences, leave: LeaveWithMember, env: CalendarEnv, refusal: string | null): Promise<void> {
  const session = activity.occurrences.find((o) => o.id === leave.occurrenceId)!
  const approve = refusal === null
  const { promoted } = await ctx.work.leaves.decideLeave(leave.id, targetOf(ctx, activity, session, env), {
    approve, refusal, byId: ctx.sender.memberId, now: ctx.now,
  })
  const name = listName(leave.member)
  const day = dayOf(ctx, session, env)
  const where = await ctx.work.directChats.directChatOf(leave.memberId, ctx.message.platform)
  const asked = where ? null : await ctx.work.leaves.askedChat(leave.groupId, ctx.district.id)
  const chat = where ?? asked?.chat ?? null
  // A refusal's reason goes to the teacher's own chat with the bot, never to a group.
  const privately = where !== null || asked?.direct === true
  const text = approve
    ? texts.leave.teacherApproved(name, activity.id, activity.title, day)
    : texts.leave.teacherRefused(name, activity.id, activity.title, day, privately ? refusal : null)
  if (chat) ctx.post({ chat, text, mentions: privately ? [] : await ctx.work.members.mentionsOf([leave.memberId], chat.platform) })
  const told = !chat ? texts.leave.toldNowhere(name) : privately ? texts.leave.toldDirect(name) : texts.leave.toldThere(name)
  ctx.reply(`${texts.leave.decided(approve, name, activity.id, day)}${told}`)
  await announcePromotions(ctx, activity, promoted, env)
}

/**
 * The pending leave a decision names: the activity (its organizer or an
 * admin deciding), the teacher by @mention or name among those who asked,
 * and the day when they asked for more than one session.
 */
async function pendingNamed(ctx: DistrictContext, line: CommandLine, command: string) {
  const activity = await activityFromArgs(ctx, line.args, { command, example: command === '准假' ? '12 赵丽' : '12 赵丽 本次为考核课，请参加' })
  assertMayChange(ctx, activity)
  const env = await ctx.work.calendarEnv.calendarEnv(ctx.district, ctx.now)
  const args = argsOf(ctx, line).slice(1)
  const person = args.find((a) => a.person)?.person
  let words = wordsOf(args.filter((a) => !a.person))
  let day = readNamedDay(words, env)
  if (day) words = words.slice(day.taken)
  const name = person?.name ?? words.shift()
  if (!name) throw new Refusal(texts.leave.whomUsage(command, String(activity.id)))
  if (!day && (day = readNamedDay(words, env))) words = words.slice(day.taken)
  const pending = await ctx.work.leaves.pendingLeaves(activity.id)
  if (pending.length === 0) throw new Refusal(texts.leave.noPending(activity.id))
  const accountOf = person ? await ctx.work.attendance.namedMember(ctx.district.id, { account: { platform: ctx.message.platform, userId: person.id } }) : null
  const theirs = pending.filter((l) =>
    accountOf ? accountOf.kind === 'one' && accountOf.member.id === l.memberId : [listName(l.member), l.member.displayName].includes(name))
  const names = [...new Set(pending.map((l) => listName(l.member)))].join('、')
  if (theirs.length === 0) throw new Refusal(texts.leave.noPendingOf(name, activity.id, names))
  const people = new Set(theirs.map((l) => l.memberId))
  if (people.size > 1) throw new Refusal(texts.leave.sameName(people.size, name, activity.id))
  const dateOf = (id: number) => activity.occurrences.find((o) => o.id === id)?.date ?? ''
  const onDay = day ? theirs.filter((l) => dateOf(l.occurrenceId) === day!.date || dateOf(l.occurrenceId).slice(5) === day!.monthDay) : theirs
  if (onDay.length !== 1) {
    const days = theirs.map((l) => dayWord(dateOf(l.occurrenceId), env))
    throw new Refusal(texts.leave.whichDay(listName(theirs[0]!.member), activity.id, days.join('、'), `/${command} ${activity.id} ${name} ${days[0]}${command === '准假' ? '' : ' 本次为考核课'}`))
  }
  return { activity, leave: onDay[0]!, env, rest: words }
}

/** A session's day as replies say it: 12月3日(周四) 13:30-16:00. */
export function dayOf(ctx: DistrictContext, session: Occurrence, env: CalendarEnv): string {
  return describeOccurrence(session, plain(describeEnvOf(ctx, env)))
}

export function targetOf(ctx: DistrictContext, activity: ActivityWithOccurrences, session: Occurrence, env: CalendarEnv): LeaveTarget {
  return { activityId: activity.id, occurrenceId: session.id, single: activity.occurrences.length === 1, ahead: isAhead(session, env, ctx.now) }
}
