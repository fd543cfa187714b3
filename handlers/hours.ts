import { formatDate } from '../src/calendar/format.ts'
import { runsActivity } from './session-staff.ts'
import type { CommandLine } from '../src/core/command-line.ts'
import { Refusal, type Command, type Context, type DistrictContext } from '../src/core/command.ts'
import { texts } from '../src/core/texts/index.ts'
import { hoursPerMember, type LedgerEntry } from '../src/services/hours.ts'
import { earnedText } from '../src/services/member-hours.ts'
import { listName } from '../src/services/members.ts'
import { splitIntoMessages } from './list-pages.ts'
import { activityFromArgs, isPrivateHere, personName } from './shared.ts'

const ACTIVITY_ID = /^#?\d{1,9}$/
const T = texts.hours


/**
 * `/学时`: one's own 学时 this term and this school year, sent to one's
 * direct chat; `/学时 王芳`, `/学时 全部` (admins, direct chat); `/学时 12`
 * an activity's attendance and hours (its organizer, admins).
 */
export const hours: Command = {
  id: 'hours',
  name: '学时',
  aliases: ['hours', '我的学时', '学分'],
  role: 'teacher',
  scope: 'district',
  direct: true,
  forms: [
    { usage: '学时 <活动编号>', role: 'admin', matches: (line) => ACTIVITY_ID.test(line.args[0] ?? ''), also: { who: texts.help.alsoThoseWhoRunIt, may: runsActivity }, refusal: (line) => T.onlyRunners(Number(line.args[0]!.replace('#', ''))) },
    // One's own name (「/学时 王芳」 from 王芳) is one's own hours, as /学时 alone.
    { usage: '学时 <名字>|全部', role: 'admin', matches: (line, message) => line.args.length > 0 && line.args.join('') !== message.sender.name, refusal: () => T.onlyAdmins },
  ],
  async run(ctx, line) {
    const arg = line.args.join('') === ctx.sender.name && !ctx.sender.roles.has('admin') ? undefined : line.args[0]
    if (arg === undefined) return sendPrivately(ctx, await memberLines(ctx, ctx.sender.memberId, listName(await ctx.work.members.findMember(ctx.sender.memberId))), '/学时')
    if (ACTIVITY_ID.test(arg)) return sendPrivately(ctx, await activityLines(ctx, line.args), `/学时 ${arg}`)
    if (!isPrivateHere(ctx)) throw new Refusal(T.othersDirectOnly(arg))
    if (line.args.length > 1) throw new Refusal(T.nameUsage)
    if (arg === '全部' || arg === '所有') return sendPrivately(ctx, await everyoneLines(ctx), '')
    const found = await ctx.work.members.findMemberByName(ctx.district.id, personName(ctx, arg))
    if (found.kind === 'none') throw new Refusal(T.notFound(arg))
    if (found.kind === 'many') throw new Refusal(T.many(arg, found.count))
    return sendPrivately(ctx, await memberLines(ctx, found.member.id, listName(found.member)), '')
  },
}



/** Personal lists go to the sender's direct chat, the group reading one line; `command` is what to send again once there is one. */
async function sendPrivately(ctx: Context, lines: string[], command: string): Promise<void> {
  const messages = splitIntoMessages(lines)
  if (isPrivateHere(ctx)) return messages.forEach((m) => ctx.reply(m))
  const chat = await ctx.work.directChats.directChatOf(ctx.sender.memberId, ctx.message.platform)
  if (!chat) throw new Refusal(T.directOnly(command))
  for (const text of messages) ctx.post({ chat, text })
  ctx.reply(T.sentPrivately)
}

function yearAndTerm(ctx: DistrictContext) {
  return ctx.work.memberHours.hoursPeriod(ctx.district, ctx.now)
}

function entryLine(e: LedgerEntry, refYear: number): string {
  return T.entry(formatDate(e.date, refYear), e.activityId, e.title, e.level, earnedText(e))
}

async function memberLines(ctx: DistrictContext, memberId: number, name: string): Promise<string[]> {
  const { year, term, refYear, entries, current, earlier, termTotals, yearTotals } = await ctx.work.memberHours.memberHours(ctx.district, memberId, ctx.now)
  const lines = [
    T.mineTitle(name),
    term ? T.termLine(term.name, T.total(termTotals.total, termTotals.byLevel)) : T.noTerm,
    T.yearLine(year.startYear, T.total(yearTotals.total, yearTotals.byLevel)),
  ]
  if (entries.length === 0) return [...lines, T.nothingYet]
  if (current.length > 0) lines.push(T.termHeader, ...current.map((e) => entryLine(e, refYear)))
  if (earlier.length > 0) lines.push(T.earlierHeader, ...earlier.map((e) => entryLine(e, refYear)))
  const unset = entries.find((e) => e.earned === null)
  if (unset) lines.push(T.unsetNote(yearTotals.unset, unset.activityId))
  return lines
}

async function everyoneLines(ctx: DistrictContext): Promise<string[]> {
  const { year, term } = await yearAndTerm(ctx)
  const entries = await ctx.work.hours.ledger({ districtId: ctx.district.id, from: year.from, to: year.to, now: ctx.now })
  if (entries.length === 0) return [T.nobody]
  const people = hoursPerMember(entries, term)
  return [T.everyoneTitle(term?.name ?? null, year.startYear), ...people.map((p) => T.everyoneLine(p.name, p.school, term ? p.term : null, p.year))]
}

async function activityLines(ctx: DistrictContext, args: readonly string[]): Promise<string[]> {
  const activity = await activityFromArgs(ctx, args, { command: '学时', example: '12' })
  const { refYear } = await yearAndTerm(ctx)
  const entries = await ctx.work.hours.ledger({ districtId: ctx.district.id, activityId: activity.id, now: ctx.now })
  if (entries.length === 0) return [T.notHeld(activity.id)]
  const lines = [T.activityTitle(activity.id, activity.title, entries[0]!.level, entries[0]!.sessionHours)]
  const sessions = new Map<number, LedgerEntry[]>()
  for (const e of entries) (sessions.get(e.occurrenceId) ?? sessions.set(e.occurrenceId, []).get(e.occurrenceId)!).push(e)
  for (const group of sessions.values()) {
    const first = group[0]!
    const why = (key: string) => group.filter((e) => e.outcome.kind === 'none' && e.outcome.why.key === key).length
    const day = `${formatDate(first.date, refYear)}${first.time ? ` ${first.time}` : ''}`
    lines.push(T.sessionLine(day, group.length - why('leave') - why('absent'), why('leave'), why('absent')))
    for (const e of group) lines.push(T.personLine(e.name, earnedText(e, true)))
  }
  return lines
}
