import { addDays } from '../src/calendar/dates.ts'
import type { CalendarEnv } from '../src/calendar/resolve-when.ts'
import { wordsOf, type Arg } from '../src/core/command-line.ts'
import { Refusal, type Command, type DistrictContext } from '../src/core/command.ts'
import { MAX_NAMED_PEOPLE } from '../src/core/limits.ts'
import { ownProfile } from '../src/core/plain-commands.ts'
import type { Button, Person } from '../src/core/message.ts'
import { texts } from '../src/core/texts/index.ts'
import type { Member } from '../src/generated/prisma/client.ts'
import type { ActivityWithOccurrences } from '../src/services/activities.ts'
import { firstBreak } from '../src/services/eligibility.ts'
import { listName } from '../src/services/members.ts'
import type { SignupOutcome, SignupWithMember } from '../src/services/signups.ts'
import { describeCount, describeDetails, describeInstant, describeRules, describeWhen, describeWhenLines, nameList, rosterLines } from '../src/services/describe.ts'
import { leaveRosterLines } from './leave.ts'
import { saveJielongProfile } from './profile.ts'
import { signUpOthers as signUpOthersForm, withdrawOthers } from './signup-forms.ts'
import { ruleBreakText } from './rules.ts'
import { activityFromArgs, argsOf, describeEnvOf, personName } from './shared.ts'

export const signup: Command = {
  id: 'signup',
  name: '报名',
  aliases: ['signup', 'join', '接龙'],
  role: 'teacher',
  forms: [signUpOthersForm],
  scope: 'district',
  direct: true,
  async run(ctx, line) {
    const args = argsOf(ctx, line)
    // "报名 7 李明/西渡学校/历史/3年": oneself, with one's profile as a 接龙 line gives it.
    const profile = args.length > 1 && args.every((a) => !a.person) ? ownProfile(wordsOf(args).slice(1)) : null
    const env = await ctx.work.calendarEnv.calendarEnv(ctx.district, ctx.now)
    const activity = await targetActivity(ctx, wordsOf(args), '报名', env)
    assertOpen(activity, ctx.now, env)
    const others = profile ? [] : namedPeople(args)
    if (others.length > 0) return signUpOthers(ctx, activity, others, env)
    if (profile) await saveJielongProfile(ctx, activity.id, profile)
    const member = await ctx.work.members.findMember(ctx.sender.memberId)
    const mentee = activity.menteesOnly && (await ctx.work.workshops.isMentee(ctx.district.id, activity.workshopId, member.id))
    const brk = firstBreak(activity, { member, isMentee: mentee }, ctx.now, env.today)
    if (brk) throw new Refusal(ruleBreakText(brk, activity, deadlineText(ctx, activity, env), false, !ctx.message.chat.isDirect))
    const outcome = await ctx.work.signups.signUp(activity, member.id, { groupId: originGroup(ctx), byId: null, now: ctx.now })
    const name = listName(member)
    // In a group, confirmations arriving together go as one 接龙-style message, each teacher @mentioned with their place.
    const gather = ctx.message.chat.isDirect || ctx.message.via === 'button'
      ? undefined
      : { key: `signup:${activity.id}`, head: texts.signup.gatheredHead(activity.id, activity.title), line: texts.signup.gatheredLine(name, placeText(outcome)), mention: ctx.message.sender }
    ctx.reply(outcomeText(name, activity, outcome, ctx.now), gather ? { gather } : undefined)
    if (ctx.message.via === 'button') await replyCard(ctx, activity, env)
  },
}

export const withdrawSignup: Command = {
  id: 'withdraw',
  name: '取消报名',
  aliases: ['withdraw', 'leave', '退出报名'],
  role: 'teacher',
  forms: [withdrawOthers],
  scope: 'district',
  direct: true,
  async run(ctx, line) {
    const args = argsOf(ctx, line)
    const env = await ctx.work.calendarEnv.calendarEnv(ctx.district, ctx.now)
    const activity = await targetActivity(ctx, wordsOf(args), '取消报名', env)
    if (activity.status === 'cancelled') throw new Refusal(texts.signup.activityCancelled(activity.id))
    // Taking someone's place away is for those who run this activity (withdrawOthers, checked by the router).
    const others = namedPeople(args)
    const targets: Member[] = []
    if (others.length === 0) targets.push(await ctx.work.members.findMember(ctx.sender.memberId))
    for (const who of others) {
      const named = 'person' in who ? { account: { platform: ctx.message.platform, userId: who.person.id } } : { name: who.name }
      const found = await ctx.work.attendance.namedMember(ctx.district.id, named)
      if (found.kind === 'none') throw new Refusal(texts.signup.notFoundPerson('person' in who ? who.person.name : who.name))
      if (found.kind === 'many') throw new Refusal(texts.roles.ambiguous(who.name ?? '', found.count))
      targets.push(found.member)
    }
    const lines: string[] = []
    const promoted: SignupWithMember[] = []
    for (const member of targets) {
      const result = await ctx.work.signups.withdraw(activity, member.id, ctx.now)
      if (!result) throw new Refusal(others.length ? texts.signup.otherNotSignedUp(listName(member), activity.id) : texts.signup.notSignedUp(activity.id))
      lines.push(texts.signup.withdrawn(listName(member), activity.id, activity.title))
      promoted.push(...result.promoted)
    }
    // Those withdrawn by someone else are told, by @mention.
    const told = others.length ? await ctx.work.members.mentionsOf(targets.map((m) => m.id), ctx.message.platform) : []
    ctx.reply(lines.join('\n'), told.length ? { mentions: told } : undefined)
    await announcePromotions(ctx, activity, promoted, env)
    if (ctx.message.via === 'button') await replyCard(ctx, activity, env)
  },
}

export const signupList: Command = {
  id: 'roster',
  name: '名单',
  aliases: ['roster', '报名名单', '接龙名单'],
  role: 'teacher',
  scope: 'district',
  direct: true,
  async run(ctx, line) {
    const activity = await activityFromArgs(ctx, line.args, { command: '名单', example: '12' })
    const env = await ctx.work.calendarEnv.calendarEnv(ctx.district, ctx.now)
    const describe = describeEnvOf(ctx, env)
    const { confirmed, waiting } = await ctx.work.signups.roster(activity.id)
    const head = [
      texts.roster.title(activity.id, activity.title),
      ...describeWhenLines(activity, upcoming(activity, env), describe),
    ]
    if (!(await maySeeList(ctx, activity))) {
      const mine = [...confirmed, ...waiting].find((s) => s.memberId === ctx.sender.memberId)
      const place = mine
        ? mine.status === 'confirmed'
          ? texts.roster.youConfirmed(confirmed.indexOf(mine) + 1)
          : texts.roster.youWaiting(waiting.indexOf(mine) + 1)
        : activity.capacity !== null && confirmed.length >= activity.capacity
          ? texts.roster.youNotFull(activity.id)
          : texts.roster.youNot(activity.id)
      const leave = await leaveRosterLines(ctx, activity, env, false)
      return ctx.reply([...head, describeCount(activity.capacity, { confirmed: confirmed.length, waiting: waiting.length }), ...leave, ...(leave.length > 1 ? [] : [place])].join('\n'))
    }
    const lines = [...head, texts.roster.confirmedHeader(confirmed.length, activity.capacity)]
    if (confirmed.length === 0) lines.push(texts.roster.nobody(activity.id))
    lines.push(...rosterLines(confirmed, activity.id))
    if (waiting.length > 0) lines.push(texts.roster.waitingHeader(waiting.length), ...rosterLines(waiting, activity.id))
    lines.push(...(await leaveRosterLines(ctx, activity, env, true)))
    ctx.reply(lines.join('\n'))
  },
}

/**
 * The activity named by the first argument, held for the rest of the command
 * and read under the hold: whether it is open, its rules and its places are
 * decided on what nothing changes before the sign-up or withdrawal is written.
 * Without an argument, says which are open and how.
 */
async function targetActivity(ctx: DistrictContext, args: readonly string[], command: string, env: CalendarEnv): Promise<ActivityWithOccurrences> {
  if (args.length > 0) {
    const id = /^#?(\d{1,9})$/.exec(args[0]!)?.[1]
    const held = id ? await ctx.work.attendance.holdActivity(ctx.district.id, Number(id)) : null
    // No such activity here, or not one number ("3、4"): refused as every command refuses it.
    return held ?? activityFromArgs(ctx, args, { command, example: '12' })
  }
  const soon = await ctx.work.activities.occurrencesBetween(ctx.district.id, env.today, addDays(env.today, 28), 20)
  const seen = new Set<number>()
  const lines = soon
    .filter((o) => !o.skipReason && !o.activity.noSignup && !seen.has(o.activityId) && seen.add(o.activityId))
    .slice(0, 5)
    .map((o) => `#${o.activityId} ${o.activity.title}`)
  throw new Refusal(texts.signup.whichActivity(command, lines))
}

function upcoming(activity: ActivityWithOccurrences, env: CalendarEnv) {
  const coming = activity.occurrences.filter((o) => o.date >= env.today)
  return coming.length ? coming : activity.occurrences
}

/** Cancelled, or every occurrence begun: no more sign-ups. */
function assertOpen(activity: ActivityWithOccurrences, now: Date, env: CalendarEnv): void {
  if (activity.status === 'cancelled') throw new Refusal(texts.signup.activityCancelled(activity.id))
  if (activity.noSignup) throw new Refusal(texts.notice.refused(activity.id, activity.title))
  if (activity.pendingTo) {
    if (activity.pendingTo < env.today) throw new Refusal(texts.signup.over(activity.id))
    return
  }
  const ahead = activity.occurrences.some((o) => !o.skipReason && (o.timed ? o.startAt > now : o.date >= env.today))
  if (!ahead) throw new Refusal(texts.signup.over(activity.id))
}

type Named = { person: Person; name?: undefined } | { name: string }

/**
 * People named after the activity number: @mentions (each one person,
 * whatever spaces their name has), then plain names ("李明 赵丽", "李明、赵丽").
 */
function namedPeople(args: readonly Arg[]): Named[] {
  const number = args.findIndex((a) => a.word !== undefined)
  const rest = args.filter((_, i) => i !== number)
  const named: Named[] = rest.flatMap((a) => (a.person ? [{ person: a.person }] : []))
  const mentioned = new Set(rest.flatMap((a) => (a.person ? [a.person.name] : [])))
  for (const name of wordsOf(rest).flatMap((w) => w.split(/[,，、;；]+/)).map((w) => w.replace(/^@/, '').trim())) {
    if (name && !mentioned.has(name)) named.push({ name })
  }
  return named
}

/** 代报名; who may is declared and checked by the router (signUpOthersForm). */
async function signUpOthers(ctx: DistrictContext, activity: ActivityWithOccurrences, named: Named[], env: CalendarEnv): Promise<void> {
  if (named.length > MAX_NAMED_PEOPLE) throw new Refusal(texts.signup.tooManyNames(MAX_NAMED_PEOPLE))
  const people: { member: Member; created: boolean }[] = []
  for (const who of named) {
    const target = 'person' in who
      ? { person: who.person, platform: ctx.message.platform, hints: { groupId: ctx.groupId, idsSince: ctx.message.idsSince, post: ctx.post } }
      : { name: personName(ctx, who.name) }
    const found = await ctx.work.members.memberForName(ctx.district.id, target, ctx.now)
    if ('ambiguous' in found) throw new Refusal(texts.roles.ambiguous(who.name ?? '', found.ambiguous))
    const mentee = await ctx.work.workshops.isMentee(ctx.district.id, activity.workshopId, found.member.id)
    const brk = firstBreak(activity, { member: found.member, isMentee: mentee }, ctx.now, env.today, true)
    if (brk) throw new Refusal(texts.signup.otherBreaks(listName(found.member), ruleBreakText(brk, activity, '', true, !ctx.message.chat.isDirect)))
    people.push(found)
  }
  const lines = [texts.signup.forOthersTitle(activity.id, activity.title)]
  for (const { member, created } of people) {
    const outcome = await ctx.work.signups.signUp(activity, member.id, { groupId: originGroup(ctx), byId: ctx.sender.memberId, now: ctx.now })
    lines.push(texts.signup.forOther(listName(member), placeText(outcome), created))
  }
  const counts = (await ctx.work.signups.signupCounts([activity.id])).get(activity.id)!
  lines.push(describeCount(activity.capacity, counts))
  ctx.reply(lines.join('\n'))
}

function placeText(outcome: SignupOutcome): string {
  if (outcome.kind === 'already') return texts.signup.alreadyPlace(outcome.signup.status === 'confirmed', outcome.position)
  return outcome.kind === 'confirmed' ? texts.signup.confirmedPlace(outcome.position) : texts.signup.waitingPlace(outcome.position)
}

function outcomeText(name: string, activity: ActivityWithOccurrences, outcome: SignupOutcome, now: Date): string {
  if (outcome.kind === 'already') return texts.signup.already(name, activity.id, outcome.signup.status === 'confirmed', outcome.position)
  if (outcome.kind === 'waiting') return texts.signup.waiting(name, activity.id, activity.title, outcome.position)
  const left = activity.capacity === null ? null : Math.max(0, activity.capacity - outcome.position)
  const confirmed = texts.signup.confirmed(name, activity.id, activity.title, outcome.position, left)
  const sessions = activity.occurrences.filter((o) => !o.skipReason && o.startAt >= now).length
  return sessions > 1 ? `${confirmed}\n${texts.signup.series(sessions)}` : confirmed
}

/** Sign-ups made in a direct chat have no group; the activity's own group is told about them. */
function originGroup(ctx: DistrictContext): number | null {
  return ctx.message.chat.isDirect ? null : ctx.groupId
}

function deadlineText(ctx: DistrictContext, activity: ActivityWithOccurrences, env: CalendarEnv): string {
  return activity.deadline ? describeInstant(activity.deadline, { timezone: ctx.district.timezone, today: env.today }) : ''
}

/** The whole list, or only the counts and one's own place (the web console decides with the same rule). */
function maySeeList(ctx: DistrictContext, activity: ActivityWithOccurrences): Promise<boolean> {
  return ctx.work.activityRoster.seesRoster(activity, ctx.sender)
}

/**
 * Tells each promoted member, by @mention in the group they signed up in
 * (else the activity's group, else here). One message per group.
 */
export async function announcePromotions(
  ctx: DistrictContext,
  activity: ActivityWithOccurrences,
  promoted: SignupWithMember[],
  env: CalendarEnv,
): Promise<void> {
  if (promoted.length === 0) return
  const when = describeWhen(activity, upcoming(activity, env), describeEnvOf(ctx, env))
  const askedIn = { groupId: ctx.groupId, platform: ctx.message.platform }
  for (const { chat, mentions, unmentioned, promoted: list } of await ctx.work.attendance.promotedGroups(activity, promoted, ctx.district.id, askedIn)) {
    const text = texts.signup.promoted(nameList(list.map((s) => listName(s.member))), activity.id, activity.title, when) +
      (unmentioned > 0 ? `\n${texts.longLists.promotedCapped(mentions.length, unmentioned, activity.id)}` : '')
    if (!chat) ctx.reply(text, { mentions })
    else ctx.post({ chat, text, mentions })
  }
}

/** The buttons under an announcement, where the platform draws them. */
export function signupButtons(activityId: number): Button[] {
  return [
    { label: texts.signup.buttonJoin, command: `/报名 ${activityId}`, style: 'primary' },
    { label: texts.signup.buttonLeave, command: `/取消报名 ${activityId}`, style: 'default' },
  ]
}

/** The announcement of an activity with its current count, for a card redrawn after a button press. */
export async function replyCard(ctx: DistrictContext, activity: ActivityWithOccurrences, env: CalendarEnv): Promise<void> {
  const fresh = (await ctx.work.activities.findActivity(ctx.district.id, activity.id)) ?? activity
  const describe = describeEnvOf(ctx, env)
  const counts = (await ctx.work.signups.signupCounts([fresh.id])).get(fresh.id)!
  const workshop = fresh.workshopId ? await ctx.work.workshops.findWorkshop(ctx.district.id, fresh.workshopId) : null
  const lines = [
    ...describeWhenLines(fresh, upcoming(fresh, env), describe),
    ...describeDetails(fresh),
    ...describeRules(fresh, describe, workshop?.name),
    describeCount(fresh.capacity, counts),
  ]
  ctx.reply(lines.join('\n'), { buttons: signupButtons(fresh.id), title: texts.activity.detailTitle(fresh.id, fresh.title) })
}
