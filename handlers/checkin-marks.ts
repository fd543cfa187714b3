/**
 * Corrections by an activity's organizer or an admin: /到场 12 王芳 李明,
 * /缺席 12 赵丽, /签到 12 王芳 14:05, /签退 12 王芳 16:30; for a series a
 * day picks the session (/到场 12 12月3日 王芳). Every name is found before
 * anything is written: one unknown name changes nothing for anyone. Each
 * change is recorded with who made it (AttendanceChange).
 */
import { runsSession } from './session-staff.ts'
import { toInstant } from '../src/calendar/dates.ts'
import { formatDate } from '../src/calendar/format.ts'
import { argsWithMentions, type Arg, type CommandLine } from '../src/core/command-line.ts'
import { Refusal, type Command, type Context, type DistrictContext, type RestrictedForm } from '../src/core/command.ts'
import { MAX_NAMED_PEOPLE } from '../src/core/limits.ts'
import type { IncomingMessage } from '../src/core/message.ts'
import { texts } from '../src/core/texts/index.ts'
import type { Member, Occurrence } from '../src/generated/prisma/client.ts'
import type { ActivityWithOccurrences } from '../src/services/activities.ts'
import { mayChangeActivity } from '../src/services/activity-access.ts'
import { inSessionWindow, isHeld, sessionToMark } from '../src/services/checkin-windows.ts'
import { checkinWindow } from '../src/services/session-times.ts'
import { listName } from '../src/services/members.ts'
import { badNamedDay, readNamedDay } from './session-args.ts'
import { activityFromArgs, argsOf, exampleId, isPrivateHere, personName } from './shared.ts'
import { sessionText, timeOf } from './checkin-text.ts'

const NUMBER = /^#?\d{1,9}$/
const TIME = /^(\d{1,2})[:：](\d{2})$/

/** "/签到 12 王芳 14:05": someone named after the number (a name or an @mention), not the sender's own code. */
export function namesOthers(line: CommandLine, message: IncomingMessage): boolean {
  const args = argsWithMentions(line, message.mentions)
  return args.length >= 2 && args.slice(1).some((a) => a.person || !NUMBER.test(a.word))
}

/** The sender organizes this activity (or is an admin); with `host`, also its host, when the host's name is the sender's and the sender holds a role granted by an admin. */
export async function mayRunSession(
  ctx: DistrictContext,
  activity: { districtId: number; organizerId: number; host: string | null; presenter?: string | null },
  host = false,
): Promise<boolean> {
  if (!host) return mayChangeActivity(ctx.sender, activity)
  return runsSession(ctx, activity)
}

async function organizesNamed(ctx: Context, line: CommandLine): Promise<boolean> {
  const id = /^#?(\d{1,9})$/.exec(line.args[0] ?? '')?.[1]
  if (!ctx.district || !id) return false
  const activity = await ctx.work.activities.findActivity(ctx.district.id, Number(id))
  // Admins pass by the form's role; this is the rest of the rule that decides who may change the activity.
  return activity !== null && mayChangeActivity(ctx.sender, activity)
}

/** Marking others: admins, and the organizer of the activity named. */
export function markOthers(usage: string, matches: RestrictedForm['matches'] = namesOthers): RestrictedForm {
  return {
    usage,
    role: 'admin',
    matches,
    also: { who: texts.checkin.alsoItsOrganizer, may: organizesNamed },
    refusal: (line) => texts.checkin.onlyOrganizers(exampleId(line)),
  }
}

/** /签到 12 王芳 14:05 and /签退 12 王芳 16:30. */
export async function correctTime(ctx: DistrictContext, line: CommandLine, action: 'checkIn' | 'checkOut'): Promise<void> {
  const command = action === 'checkIn' ? '签到' : '签退'
  const { activity, session, rest, lead } = await sessionNamed(ctx, line, command)
  const timeWord = rest.at(-1)?.word
  const name = writtenName(rest[0])
  if (rest.length !== 2 || !timeWord || !/^\d/.test(timeWord)) throw new Refusal(texts.checkin.timeUsage(lead, name, command))
  const at = readTime(ctx, session, timeWord, { lead, name, command })
  if (!inSessionWindow(activity, session, at)) {
    const { opens, closes } = windowText(ctx, activity, session)
    throw new Refusal(texts.checkin.timeOutside(timeOf(ctx, at), opens, closes, lead, name))
  }
  // A correction records what happened: a time still ahead has not.
  if (at.getTime() > ctx.now.getTime()) throw new Refusal(texts.checkin.timeAhead(timeOf(ctx, at), timeOf(ctx, ctx.now), command, lead, name))
  const [member] = await namedMembers(ctx, rest.slice(0, 1), lead)
  const who = { session, memberId: member!.id, byId: ctx.sender.memberId, now: ctx.now, at }
  const result = action === 'checkIn' ? await ctx.work.checkins.checkIn({ ...who, via: 'marked' }) : await ctx.work.checkins.checkOut({ ...who, self: false })
  if (result && 'misordered' in result) throw new Refusal(misorderedText(ctx, action, { activity, session, lead, name }, listName(member!), result.misordered))
  const text = action === 'checkIn' ? texts.checkin.markedIn : texts.checkin.markedOut
  ctx.reply(text(sessionText(ctx, { ...session, activity }), listName(member!), timeOf(ctx, at)))
}

/**
 * A correction that would put the 签退 at or before the 签到, with an example
 * time that fits: the session's start for a 签到, its end (or now, while
 * under way) for a 签退.
 */
function misorderedText(
  ctx: DistrictContext,
  action: 'checkIn' | 'checkOut',
  written: { activity: ActivityWithOccurrences; session: Occurrence; lead: string; name: string },
  person: string,
  times: { checkInAt: Date; checkOutAt: Date },
): string {
  const { activity, session, lead, name } = written
  const { opensAt, closesAt } = checkinWindow(activity, session)
  const checkIn = timeOf(ctx, times.checkInAt)
  const out = timeOf(ctx, times.checkOutAt)
  if (action === 'checkIn') {
    const example = session.startAt.getTime() < times.checkOutAt.getTime() ? session.startAt : opensAt
    return texts.checkin.inNotBeforeOut(checkIn, out, person, lead, name, timeOf(ctx, example))
  }
  const soFar = new Date(Math.min(ctx.now.getTime(), closesAt.getTime()))
  const example = session.endAt && session.endAt.getTime() > times.checkInAt.getTime() && session.endAt.getTime() <= soFar.getTime() ? session.endAt : soFar
  return texts.checkin.outNotAfterIn(out, checkIn, person, lead, name, timeOf(ctx, example))
}

type SessionRole = 'presenter' | 'host'
const SESSION_ROLES: Record<string, SessionRole> = { 主讲: 'presenter', 主讲人: 'presenter', 主持: 'host', 主持人: 'host' }

function markCommand(id: 'markPresent' | 'markAbsent', name: string, aliases: string[], status: 'present' | 'absent'): Command {
  return {
    id,
    name,
    aliases,
    role: 'teacher',
    listedFor: 'organizer',
    forms: [markOthers(`${name} <编号> <名字…>`, () => true)],
    scope: 'district',
    direct: true,
    async run(ctx, line) {
      const { activity, session, rest, lead } = await sessionNamed(ctx, line, name)
      if (rest.length === 0) throw new Refusal(texts.checkin.markUsage(name, activity.id))
      // 「/到场 12 @王佩红 主讲」: the presenter's or host's own row, for 学时's multiple (a name two share grants it nobody).
      const roleAfter = new Map<number, SessionRole>()
      const names: Arg[] = []
      for (const arg of rest) {
        const role = arg.word !== undefined ? SESSION_ROLES[arg.word] : undefined
        if (!role) names.push(arg)
        else if (status === 'present' && names.length > 0) roleAfter.set(names.length - 1, role)
        else throw new Refusal(texts.checkin.markUsage(name, activity.id))
      }
      const members: { member: Member; role?: SessionRole }[] = []
      for (const [i, arg] of names.entries()) {
        const found = await namedMembers(ctx, [arg], lead)
        found.forEach((member, j) => members.push({ member, ...(j === found.length - 1 && roleAfter.has(i) ? { role: roleAfter.get(i)! } : {}) }))
      }
      if (status === 'absent') await refuseOnLeave(ctx, session, members.map((m) => m.member), lead)
      for (const { member, role } of members) await ctx.work.checkins.mark({ session, memberId: member.id, byId: ctx.sender.memberId, now: ctx.now, status, ...(role ? { role } : {}) })
      const listed = members.map(({ member, role }) => listName(member) + (role ? texts.checkin.roleNote(role) : '')).join('、')
      const said = sessionText(ctx, { ...session, activity })
      ctx.reply(status === 'present' ? texts.checkin.markedPresent(said, listed) : texts.checkin.markedAbsent(said, listed))
    },
  }
}

export const markPresent = markCommand('markPresent', '到场', ['present'], 'present')
export const markAbsent = markCommand('markAbsent', '缺席', ['absent'], 'absent')

/**
 * The activity, the session (a day after the number picks one of a series),
 * the arguments after them, and the command as written up to them ("/签到 24
 * 11月24日") for the examples of its refusals.
 */
async function sessionNamed(
  ctx: DistrictContext, line: CommandLine, command: string,
): Promise<{ activity: ActivityWithOccurrences; session: Occurrence; rest: Arg[]; lead: string }> {
  const args = argsOf(ctx, line)
  const first = args[0]?.word
  const activity = await activityFromArgs(ctx, first ? [first] : [], { command, example: '12 王芳' })
  let rest = args.slice(1)
  const words: string[] = []
  for (const a of rest) {
    if (!a.word) break
    words.push(a.word)
  }
  const env = await ctx.work.calendarEnv.calendarEnv(ctx.district, ctx.now)
  const day = readNamedDay(words, env)
  if (!day) {
    const bad = badNamedDay(words, env)
    if (bad) throw new Refusal(texts.checkin.badDay(bad.text, command, activity.id, writtenName(rest[bad.text.split(' ').length])))
  } else rest = rest.slice(day.taken)
  const session = sessionToMark(activity, activity.occurrences, ctx.now, day?.date)
  const name = writtenName(rest[0])
  if (!session) throw new Refusal(day ? texts.checkin.noSessionOn(activity.id, formatDate(day.date), command, name) : texts.checkin.noSessionToMark(activity.id, command, name))
  if (!isHeld(session) || activity.status === 'cancelled') throw new Refusal(texts.checkin.sessionNotHeldMark(activity.id, formatDate(session.date)))
  return { activity, session, rest, lead: [`/${command}`, activity.id, ...(day ? [day.text] : [])].join(' ') }
}

/** The person an argument names, as an example writes them again: "李明", "@李明"; 王芳 when none was written. */
function writtenName(arg: Arg | undefined): string {
  if (arg?.person) return `@${arg.person.name}`
  return arg?.word && !/^\d/.test(arg.word) ? arg.word : '王芳'
}

/**
 * /缺席 for someone whose 请假 for the session was approved: 请假 stands
 * (the ledger, the 签到表 and 学时 say 请假, never 缺席), so nothing is
 * written for anyone and the reply says so, and what to send if they came.
 */
async function refuseOnLeave(ctx: DistrictContext, session: Occurrence, members: Member[], lead: string): Promise<void> {
  const ids = new Set(members.map((m) => m.id))
  const leaves = (await ctx.work.leaves.sessionLeaves([session.id])).filter((l) => l.status === 'approved' && ids.has(l.memberId))
  if (leaves.length === 0) return
  const onLeave = new Set(leaves.map((l) => l.memberId))
  // A 请假's reason is said only where it stays private (as /名单 says it).
  const people = leaves.map((l) => (isPrivateHere(ctx) ? texts.checkin.onLeavePerson(listName(l.member), l.reason) : listName(l.member))).join('、')
  const present = `${lead.replace(/^\/缺席/, '/到场')} ${leaves.map((l) => listName(l.member)).join(' ')}`
  const others = members.filter((m) => !onLeave.has(m.id)).map(listName)
  const retry = others.length > 0 ? `\n${texts.checkin.othersAbsent(`${lead} ${others.join(' ')}`)}` : ''
  throw new Refusal(texts.checkin.absentOnLeave(people, present) + retry)
}

/** Every person named, found in the district before anything is written. */
async function namedMembers(ctx: DistrictContext, args: Arg[], lead: string): Promise<Member[]> {
  const named = args.flatMap((a): Arg[] => (a.person ? [a] : a.word.split(/[,，、;；]+/).filter(Boolean).map((w) => ({ word: w.replace(/^@/, '') }))))
  if (named.length > MAX_NAMED_PEOPLE) throw new Refusal(texts.checkin.tooManyNames(MAX_NAMED_PEOPLE))
  const members: Member[] = []
  for (const a of named) {
    const who = a.person ? { account: { platform: ctx.message.platform, userId: a.person.id } } : { name: personName(ctx, a.word!) }
    const label = a.person ? a.person.name : a.word!
    const found = await ctx.work.attendance.namedMember(ctx.district.id, who)
    if (found.kind === 'none') throw new Refusal(texts.checkin.notFound(label, lead))
    if (found.kind === 'many') throw new Refusal(texts.checkin.ambiguous(label, found.count, lead))
    if (!members.some((m) => m.id === found.member.id)) members.push(found.member)
  }
  return members
}

function readTime(ctx: DistrictContext, session: Occurrence, word: string, written: { lead: string; name: string; command: string }): Date {
  const m = TIME.exec(word)
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) throw new Refusal(texts.checkin.badTime(word, written.lead, written.name, written.command))
  return toInstant(session.date, `${m[1]!.padStart(2, '0')}:${m[2]}`, ctx.district.timezone)
}

function windowText(ctx: DistrictContext, activity: ActivityWithOccurrences, session: Occurrence): { opens: string; closes: string } {
  const { opensAt, closesAt } = checkinWindow(activity, session)
  return { opens: timeOf(ctx, opensAt), closes: timeOf(ctx, closesAt) }
}
