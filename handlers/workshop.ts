import { wordsOf, type Arg } from '../src/core/command-line.ts'
import { Refusal, type Command, type DistrictContext } from '../src/core/command.ts'
import { MAX_NAMED_PEOPLE } from '../src/core/limits.ts'
import type { Person } from '../src/core/message.ts'
import { texts } from '../src/core/texts/index.ts'
import type { Member } from '../src/generated/prisma/client.ts'
import { MAX_MENTIONS_PER_MESSAGE } from '../src/core/limits.ts'
import { listName } from '../src/services/members.ts'
import type { WorkshopDetail } from '../src/services/workshops.ts'
import { describeOccurrence, nameList } from '../src/services/describe.ts'
import { readerOf } from '../src/services/question-access.ts'
import { argsOf, assertFits, describeEnvOf, personName } from './shared.ts'

const MENTOR_WORD = /^(导师|名师|导师是|导师为)[:]?(.*)$/
const CREATE = /^(创建|新建|create)$/

export const workshop: Command = {
  id: 'workshop',
  name: '工作室',
  aliases: ['workshop', '名师工作室'],
  role: 'teacher',
  forms: [{ usage: '工作室 创建', role: 'admin', matches: (line) => CREATE.test(line.args[0] ?? '') }],
  scope: 'district',
  direct: true,
  async run(ctx, line) {
    const [first] = line.args
    if (CREATE.test(first ?? '')) return createWorkshop(ctx, wordsOf(argsOf(ctx, line)).slice(1))
    if (first) return showWorkshop(ctx, await workshopFromArg(ctx, first, '工作室', ''))
    const list = await ctx.work.workshops.listWorkshops(ctx.district.id)
    if (list.length === 0) return ctx.reply(texts.workshop.none)
    const lines: string[] = [texts.workshop.listHeader]
    for (const w of list) {
      lines.push(texts.workshop.listLine(w.id, w.name, w.mentors.map((m) => listName(m.member)), w._count.mentees))
    }
    lines.push(texts.workshop.listFooter(list[0]!.id))
    ctx.reply(lines.join('\n'))
  },
}

/** `/工作室 创建 初中英语名师工作室 导师 王佩红 曹益君` (admins). */
async function createWorkshop(ctx: DistrictContext, args: readonly string[]): Promise<void> {
  const at = args.findIndex((a) => MENTOR_WORD.test(a))
  const nameWords = at === -1 ? args : args.slice(0, at)
  const name = nameWords.join(' ').trim()
  if (!name) throw new Refusal(texts.workshop.createUsage)
  assertFits('workshopName', name)
  const mentorWords = at === -1 ? [] : [MENTOR_WORD.exec(args[at]!)![2]!, ...args.slice(at + 1)]
  const names = splitNames(mentorWords)
  const mentions = ctx.message.mentions
  if (names.length === 0 && mentions.length === 0) throw new Refusal(texts.workshop.createUsage)
  if (await ctx.work.workshops.workshopNameTaken(ctx.district.id, name)) throw new Refusal(texts.workshop.nameTaken(name))
  const mentors = await resolvePeople(ctx, names, mentions, { roleByName: true })
  const groupId = ctx.message.chat.isDirect ? null : ctx.groupId
  const created = await ctx.work.workshops.createWorkshop(ctx.district.id, { name, groupId, mentorIds: mentors.map(({ member }) => member.id) }, ctx.now)
  const waiting = mentors.filter((m) => m.created).map((m) => listName(m.member))
  const lines = [texts.workshop.created(created.id, name, mentors.map((m) => listName(m.member)))]
  if (waiting.length) lines.push(texts.workshop.placeholders(waiting.join('、')))
  lines.push(texts.workshop.next(created.id))
  ctx.reply(lines.join('\n'))
}

async function showWorkshop(ctx: DistrictContext, id: number): Promise<void> {
  const detail = await ctx.work.workshops.workshopDetail(ctx.district.id, id)
  if (!detail) throw new Refusal(texts.workshop.notFound(id))
  const env = await ctx.work.calendarEnv.calendarEnv(ctx.district, ctx.now)
  const lines = [texts.workshop.title(detail.id, detail.name)]
  lines.push(texts.workshop.mentors(detail.mentors.map((m) => listName(m.member)).join('、') || texts.workshop.nobody))
  const approved = detail.mentees.filter((m) => m.status === 'approved')
  if (approved.length === 0) lines.push(texts.workshop.noMentees(detail.id))
  else {
    const byMentor = new Map<string, string[]>()
    for (const m of approved) {
      const mentor = m.mentor ? listName(m.mentor) : texts.workshop.unassigned
      byMentor.set(mentor, [...(byMentor.get(mentor) ?? []), listName(m.member)])
    }
    lines.push(texts.workshop.menteesHeader(approved.length))
    for (const [mentor, mentees] of byMentor) lines.push(texts.workshop.pairLine(mentor, nameList(mentees)))
  }
  const applied = detail.mentees.filter((m) => m.status === 'applied')
  if (applied.length) lines.push(texts.workshop.applied(nameList(applied.map((m) => listName(m.member))), detail.id))
  const sessions = await ctx.work.workshops.upcomingSessions(detail.id, { today: env.today, now: ctx.now })
  const describe = describeEnvOf(ctx, env)
  if (sessions.length === 0) lines.push(texts.workshop.noSessions(detail.id))
  else {
    lines.push(texts.workshop.sessionsHeader)
    for (const o of sessions) lines.push(`#${o.activityId} ${describeOccurrence(o, describe)} ${o.activity.title}`)
  }
  const open = await ctx.work.questions.countOpenQuestions(ctx.district.id, readerOf(ctx), detail.id)
  if (open > 0) lines.push(texts.workshop.openQuestions(open))
  ctx.reply(lines.join('\n'))
}

export const apply: Command = {
  id: 'apply',
  name: '拜师',
  aliases: ['apply', '申请拜师'],
  role: 'teacher',
  scope: 'district',
  direct: true,
  async run(ctx, line) {
    const args = argsOf(ctx, line)
    const [number, ...words] = wordsOf(args)
    const id = await workshopFromArg(ctx, number, '拜师', ' 王佩红')
    const detail = (await ctx.work.workshops.workshopDetail(ctx.district.id, id))!
    if (detail.mentors.some((m) => m.memberId === ctx.sender.memberId)) throw new Refusal(texts.workshop.selfMentor)
    const wanted = args.find((a) => a.person)?.person?.name ?? words.join('').replace(/^@/, '').trim()
    let mentorId: number | null = null
    if (wanted) {
      const mentor = mentorNamed(detail, wanted)
      if (!mentor) throw new Refusal(texts.workshop.notMentorHere(wanted, detail.name))
      mentorId = mentor.memberId
    }
    const me = listName(await ctx.work.members.findMember(ctx.sender.memberId))
    const existing = detail.mentees.find((m) => m.memberId === ctx.sender.memberId)
    if (existing?.status === 'approved') {
      throw new Refusal(texts.workshop.alreadyMentee(detail.name, existing.mentor ? listName(existing.mentor) : texts.workshop.unassigned))
    }
    if (existing) {
      if (mentorId) await ctx.work.mentorship.chooseMentor(existing.id, mentorId)
      return ctx.reply(texts.workshop.alreadyApplied(detail.name, detail.id, me))
    }
    await ctx.work.mentorship.applyToWorkshop(id, ctx.sender.memberId, mentorId, ctx.now)
    ctx.reply(texts.workshop.appliedDone(detail.name, detail.id, me))
  },
}

export const approve: Command = {
  id: 'approve',
  name: '通过',
  aliases: ['approve', '同意'],
  role: 'mentor',
  scope: 'district',
  direct: true,
  async run(ctx, line) {
    const args = argsOf(ctx, line)
    const [number, ...rest] = wordsOf(args)
    const detail = await workshopToRun(ctx, number, '通过', ' 李明')
    const id = detail.id
    const mention = args.find((a) => a.person)?.person
    const words = rest.map((w) => w.replace(/^@/, ''))
    const who = mention?.name ?? words[0]
    if (!who) throw new Refusal(texts.workshop.approveUsage(id))
    const row = detail.mentees.find((m) => (mention ? m.member.displayName === mention.name : false) || listName(m.member) === who || m.member.displayName === who)
    if (!row) throw new Refusal(texts.workshop.noApplication(who, id))
    if (row.status === 'approved') throw new Refusal(texts.workshop.alreadyMentee(detail.name, row.mentor ? listName(row.mentor) : texts.workshop.unassigned))
    const mentorName = words[mention ? 0 : 1]
    let mentorId = row.mentorId
    if (mentorName) {
      const named = mentorNamed(detail, mentorName)
      if (!named) throw new Refusal(texts.workshop.notMentorHere(mentorName, detail.name))
      mentorId = named.memberId
    }
    if (!mentorId && detail.mentors.some((m) => m.memberId === ctx.sender.memberId)) mentorId = ctx.sender.memberId
    if (!mentorId && detail.mentors.length === 1) mentorId = detail.mentors[0]!.memberId
    await ctx.work.mentorship.approveMentee(row.id, mentorId, ctx.now)
    const mentor = mentorId ? detail.mentors.find((m) => m.memberId === mentorId)!.member : null
    const mentions = await mentionsFor(ctx, row.member)
    ctx.reply(
      mentor ? texts.workshop.approved(listName(row.member), detail.name, listName(mentor)) : texts.workshop.approvedNoMentor(listName(row.member), detail.name, id),
      { mentions },
    )
  },
}

export const pair: Command = {
  id: 'pair',
  name: '结对',
  aliases: ['pair', '师徒结对'],
  role: 'mentor',
  scope: 'district',
  direct: true,
  async run(ctx, line) {
    const args = argsOf(ctx, line)
    const number = args.findIndex((a) => a.word !== undefined)
    const detail = await workshopToRun(ctx, args[number]?.word, '结对', ' 王佩红 李明')
    const id = detail.id
    // After the number: the mentor, then the mentees; each a name or an @mention.
    const [first, ...others] = args.filter((_, i) => i !== number).flatMap((a): Arg[] => (a.person ? [a] : splitNames([a.word]).map((word) => ({ word }))))
    if (!first || others.length === 0) throw new Refusal(texts.workshop.pairUsage(id))
    const mentorWord = first.person?.name ?? first.word!
    const mentor = mentorNamed(detail, mentorWord)
    if (!mentor) throw new Refusal(texts.workshop.notMentorHere(mentorWord, detail.name))
    const mentees = await resolvePeople(ctx, wordsOf(others), others.flatMap((a) => (a.person ? [a.person] : [])))
    const lines: string[] = []
    const mentions: Person[] = []
    for (const { member } of mentees) {
      if (member.id === mentor.memberId || detail.mentors.some((m) => m.memberId === member.id)) {
        throw new Refusal(texts.workshop.mentorAsMentee(listName(member)))
      }
      const row = detail.mentees.find((m) => m.memberId === member.id)
      await ctx.work.mentorship.pairMentee({ workshopId: id, memberId: member.id, mentorId: mentor.memberId, menteeId: row?.id ?? null }, ctx.now)
      const before = row?.status === 'approved' && row.mentor && row.mentorId !== mentor.memberId ? listName(row.mentor) : null
      lines.push(texts.workshop.paired(listName(mentor.member), listName(member), before))
      mentions.push(...(await mentionsFor(ctx, member)))
    }
    ctx.reply([texts.workshop.title(detail.id, detail.name), ...lines].join('\n'), { mentions: mentions.slice(0, MAX_MENTIONS_PER_MESSAGE) })
  },
}

/** The workshop named by the first argument, for its mentors and admins (who approve and pair). */
async function workshopToRun(ctx: DistrictContext, arg: string | undefined, command: string, tail: string): Promise<WorkshopDetail> {
  const id = await workshopFromArg(ctx, arg, command, tail)
  if (!ctx.sender.roles.has('admin') && !(await ctx.work.workshops.isMentorOf(id, ctx.sender.memberId))) throw new Refusal(texts.workshop.notItsMentor)
  return (await ctx.work.workshops.workshopDetail(ctx.district.id, id))!
}

/** The workshop's mentor known by this name (as listed, or on the platform). */
function mentorNamed(detail: WorkshopDetail, name: string) {
  return detail.mentors.find((m) => listName(m.member) === name || m.member.displayName === name)
}

/** "3", "#3", "工作室3", or the workshop's name (or a part of it) → its id, checked to be the district's. */
export async function workshopFromArg(ctx: DistrictContext, arg: string | undefined, command: string, tail: string): Promise<number> {
  const raw = arg?.replace(/^工作室/, '').replace(/^#/, '')
  if (!raw || !/^\d{1,9}$/.test(raw)) {
    const list = await ctx.work.workshops.listWorkshops(ctx.district.id)
    const byName = arg ? list.filter((w) => w.name === arg || (arg.length >= 2 && w.name.includes(arg))) : []
    if (byName.length === 1) return byName[0]!.id
    throw new Refusal(texts.workshop.idUsage(command, list[0]?.id ?? 3, tail, list.map((w) => `${w.id} ${w.name}`)))
  }
  const found = await ctx.work.workshops.findWorkshop(ctx.district.id, Number(raw))
  if (!found) throw new Refusal(texts.workshop.notFound(raw))
  return found.id
}

/** "王佩红 曹益君", "王佩红、曹益君", "王佩红,曹益君" → names. */
function splitNames(words: readonly string[]): string[] {
  return words.flatMap((w) => w.split(/[,，、;；]+/)).map((w) => w.replace(/^@/, '').trim()).filter(Boolean)
}

/**
 * Named people, and @mentioned ones, as members of the district
 * (placeholders for names not seen yet). With `roleByName` (mentors: a
 * role), a typed name may only be someone not seen yet (a placeholder,
 * confirmed by an admin when an account claims it): anyone can take a name,
 * so people already seen are named by @mention.
 */
async function resolvePeople(
  ctx: DistrictContext,
  names: string[],
  mentions: readonly Person[],
  o: { roleByName?: boolean } = {},
): Promise<{ member: Member; created: boolean }[]> {
  if (names.length + mentions.length > MAX_NAMED_PEOPLE) throw new Refusal(texts.limits.people(MAX_NAMED_PEOPLE))
  const people: { member: Member; created: boolean }[] = []
  const hints = { groupId: ctx.groupId, idsSince: ctx.message.idsSince, post: ctx.post }
  for (const person of mentions) {
    const found = await ctx.work.members.memberForName(ctx.district.id, { person, platform: ctx.message.platform, hints }, ctx.now)
    if ('member' in found) people.push(found)
  }
  const mentioned = new Set(mentions.map((p) => p.name))
  for (const name of names) {
    if (mentioned.has(name)) continue
    const found = await ctx.work.members.memberForName(ctx.district.id, { name: personName(ctx, name) }, ctx.now)
    if ('ambiguous' in found) throw new Refusal(texts.roles.ambiguous(name, found.ambiguous))
    if (o.roleByName && !found.created && (await ctx.work.members.hasAccount(found.member.id))) {
      throw new Refusal(texts.workshop.mentorNeedsMention(name))
    }
    if (!people.some((p) => p.member.id === found.member.id)) people.push(found)
  }
  return people
}

function mentionsFor(ctx: DistrictContext, member: Member): Promise<Person[]> {
  return ctx.work.members.mentionsOf([member.id], ctx.message.platform)
}
