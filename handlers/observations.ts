import { daysBetween, isValidDate } from '../src/calendar/dates.ts'
import { formatDate } from '../src/calendar/format.ts'
import type { CalendarEnv } from '../src/calendar/resolve-when.ts'
import { semesterOn } from '../src/calendar/semester.ts'
import { wordsOf, type Arg } from '../src/core/command-line.ts'
import { Refusal, type Command, type DistrictContext } from '../src/core/command.ts'
import { texts } from '../src/core/texts/index.ts'
import { listName } from '../src/services/members.ts'
import type { Pair, Span } from '../src/services/observations.ts'
import { badNamedDay, readNamedDay } from './session-args.ts'
import { argsOf, assertFits, isPrivateHere } from './shared.ts'

const ALL = /^(全部|所有|all)$/i
/** What starts the note after the lesson: "备注 朗读指导到位", "评语：…". */
const NOTE = /(?:^|\s)(?:备注|评语|点评|评价)[:：]?\s*/
/** At most so many pairs in one /听课 全部 answer: a phone screen of lines. */
const MAX_PAIR_LINES = 60

/** `/听课 王芳 11月3日 语文《背影》 备注 …`; `/听课` (one's records this term); `/听课 全部` (admins, direct chat). */
export const observe: Command = {
  id: 'observations',
  name: '听课',
  aliases: ['observe', '听课记录'],
  role: 'teacher',
  forms: [{ usage: '听课 全部', role: 'admin', matches: (line) => ALL.test(line.args[0] ?? '') }],
  scope: 'district',
  direct: true,
  async run(ctx, line) {
    const env = await ctx.work.calendarEnv.calendarEnv(ctx.district, ctx.now)
    if (ALL.test(line.args[0] ?? '')) return showAll(ctx, env)
    const pairs = await ctx.work.observations.pairsOf(ctx.district.id, ctx.sender.memberId)
    if (line.args.length === 0) return showMine(ctx, env, pairs)
    return record(ctx, env, pairs, argsOf(ctx, line))
  },
}

/** The term holding today (its name and days); without one, all records count. */
function termOf(env: CalendarEnv): { name: string | null; span: Span } {
  const term = semesterOn(env.today, env.semesters)
  return term ? { name: term.name, span: { from: term.startDate, to: term.endDate } } : { name: null, span: { from: null, to: null } }
}

const dayText = (date: string, env: CalendarEnv) => formatDate(date, Number(env.today.slice(0, 4)))

/** The pair's other member, as seen by the sender. */
function otherOf(pair: Pair, me: number): { member: Pair['mentor']; role: '徒弟' | '导师' } {
  return pair.mentor.id === me ? { member: pair.mentee, role: '徒弟' } : { member: pair.mentor, role: '导师' }
}

async function record(ctx: DistrictContext, env: CalendarEnv, pairs: Pair[], args: Arg[]): Promise<void> {
  if (pairs.length === 0) throw new Refusal(texts.observations.noPairs)
  const me = ctx.sender.memberId
  const sample = listName(otherOf(pairs[0]!, me).member)
  const person = args[0]?.person
  const name = person?.name ?? args[0]?.word ?? ''
  const account = person
    ? await ctx.work.attendance.namedMember(ctx.district.id, { account: { platform: ctx.message.platform, userId: person.id } })
    : null
  const matching = pairs.filter((p) => {
    const other = otherOf(p, me).member
    return account ? account.kind === 'one' && account.member.id === other.id : [listName(other), other.displayName].includes(name)
  })
  const example = `/听课 ${sample} 11月3日 语文《背影》`
  if (matching.length === 0) throw new Refusal(texts.observations.notPair(name, example))
  const people = new Set(matching.map((p) => `${p.mentor.id}:${p.mentee.id}`))
  if (people.size > 1) throw new Refusal(texts.observations.sameName(people.size, name))
  const pair = matching[0]!
  const { member: other } = otherOf(pair, me)
  const otherName = listName(other)
  const words = wordsOf(args.slice(1))
  const day = readNamedDay(words, env)
  if (!day) {
    const bad = badNamedDay(words, env)
    throw new Refusal(bad ? texts.observations.badDate(bad.text, otherName) : texts.observations.needDate(otherName))
  }
  // A lesson is recorded after it was heard: 「8月20日」 written in December without a year is the one gone by, not
  // next year's; a day within three months ahead (「12月20日」 on 12月1日) is refused as not yet come, as /排期 reads it.
  const lastYear = `${Number(day.date.slice(0, 4)) - 1}${day.date.slice(4)}`
  const farAhead = daysBetween(env.today, day.date) > 92
  if (farAhead && !/年/.test(day.text) && isValidDate(...(lastYear.split('-').map(Number) as [number, number, number]))) day.date = lastYear
  if (day.date > env.today) throw new Refusal(texts.observations.future(dayText(day.date, env), otherName))
  const rest = words.slice(day.taken).join(' ')
  const noted = NOTE.exec(rest)
  const lesson = (noted ? rest.slice(0, noted.index) : rest).trim()
  const note = noted ? rest.slice(noted.index + noted[0].length).trim() || null : null
  if (!lesson) throw new Refusal(texts.observations.needLesson(otherName, day.text))
  assertFits('lesson', lesson)
  assertFits('lessonNote', note)
  const observer = pair.mentor.id === me ? 'mentor' : 'mentee'
  const same = { mentorId: pair.mentor.id, menteeId: pair.mentee.id, observer, date: day.date, lesson }
  if (await ctx.work.observations.sameObservation(same)) throw new Refusal(texts.observations.already(dayText(day.date, env), lesson))
  await ctx.work.observations.recordObservation({
    districtId: ctx.district.id, workshopId: pair.workshopId, mentorId: pair.mentor.id, menteeId: pair.mentee.id,
    observer, date: day.date, lesson, note, byId: me, at: ctx.now,
  })
  const { span } = termOf(env)
  const count = await ctx.work.observations.countFor(ctx.district.id, pair.mentor.id, pair.mentee.id, span)
  const done = observer === 'mentor'
    ? texts.observations.recordedByMentor(otherName, dayText(day.date, env), lesson)
    : texts.observations.recordedByMentee(otherName, dayText(day.date, env), lesson)
  ctx.reply(`${done}\n${texts.observations.termCount(count, ctx.district.observationsPerTerm)}`)
}

/** `/听课`: the sender's pairs with their count this term, and each record. */
async function showMine(ctx: DistrictContext, env: CalendarEnv, pairs: Pair[]): Promise<void> {
  if (pairs.length === 0) throw new Refusal(texts.observations.noPairs)
  const me = ctx.sender.memberId
  const { name, span } = termOf(env)
  const records = await ctx.work.observations.observationsOf(ctx.district.id, me, span)
  const min = ctx.district.observationsPerTerm
  if (records.length === 0) return ctx.reply(texts.observations.mineNone(listName(otherOf(pairs[0]!, me).member)))
  const lines: string[] = [texts.observations.mineHeader(name)]
  const seen = new Set<string>()
  for (const pair of pairs) {
    const key = `${pair.mentor.id}:${pair.mentee.id}`
    if (seen.has(key)) continue
    seen.add(key)
    const { member, role } = otherOf(pair, me)
    const theirs = records.filter((r) => r.mentorId === pair.mentor.id && r.menteeId === pair.mentee.id)
    lines.push(texts.observations.minePair(role, listName(member), theirs.length, min))
    for (const r of theirs) {
      // Whose lesson it was: the mentee's when the mentor observed.
      const names = [listName(pair.mentor), listName(pair.mentee)] as const
      const whose = r.observer === 'mentor' ? texts.observations.whoseMentee(...names) : texts.observations.whoseMentor(...names)
      lines.push(texts.observations.mineLine(dayText(r.date, env), whose, r.lesson))
    }
  }
  ctx.reply(lines.join('\n'))
}

/** `/听课 全部`: every pair's count this term, by workshop, and how many are behind (names: a direct chat only). */
async function showAll(ctx: DistrictContext, env: CalendarEnv): Promise<void> {
  if (!isPrivateHere(ctx)) throw new Refusal(texts.observations.allDirectOnly)
  const { name, span } = termOf(env)
  const pairs = await ctx.work.observations.pairCounts(ctx.district.id, span)
  if (pairs.length === 0) return ctx.reply(texts.observations.allNone)
  const min = ctx.district.observationsPerTerm
  const lines: string[] = [texts.observations.allHeader(name, min)]
  let workshop = -1
  for (const p of pairs.slice(0, MAX_PAIR_LINES)) {
    if (p.workshopId !== workshop) lines.push(texts.observations.workshopLine(p.workshopName))
    workshop = p.workshopId
    lines.push(texts.observations.pairLine(listName(p.mentor), listName(p.mentee), p.count, min))
  }
  if (pairs.length > MAX_PAIR_LINES) lines.push(texts.observations.allMore(pairs.length - MAX_PAIR_LINES))
  if (min > 0) lines.push(texts.observations.allBehind(pairs.filter((p) => p.count < min).length))
  ctx.reply(lines.join('\n'))
}
