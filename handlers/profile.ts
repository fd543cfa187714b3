import { localParts } from '../src/calendar/dates.ts'
import { Refusal, type Command, type Context } from '../src/core/command.ts'
import { texts } from '../src/core/texts/index.ts'
import { readTeachingYears, SCHOOL, SUBJECT } from '../src/core/vocabulary.ts'
import type { Member } from '../src/generated/prisma/client.ts'
import { listName, teachingYearsOn } from '../src/services/members.ts'
import { placeText, type ProfileFields } from '../src/services/profiles.ts'
import { readerOf } from '../src/services/question-access.ts'
import { describeOccurrence, snippet } from '../src/services/describe.ts'
import { imitatesBot } from '../src/core/names.ts'
import { oneLine } from '../src/core/visible-text.ts'
import { assertFits } from './shared.ts'

/** What /我是 gives: the fields of a profile it names. */
export type ProfileArgs = ProfileFields

export type ProfileParse = { ok: true; value: ProfileArgs } | { ok: false; word: string }

const LABELLED = /^(姓名|名字|学校|单位|学科|任教学科)[:]?(.+)$/

/**
 * Reads `/我是 王芳 育秀实验学校 语文 教龄5` in any order: a subject and a
 * school are known by their words, 教龄 by its number; the first other word is
 * the name, a second one the school. Pure.
 */
export function parseProfile(args: readonly string[]): ProfileParse {
  const value: ProfileArgs = {}
  const loose: string[] = []
  // "王芳，育秀实验学校，语文", a 接龙's "王芳/育秀实验学校/语文/5年" and "教龄 5" are written too.
  // Slashes only in the 接龙 form (one word, two or more of them): a name may hold a "/".
  const jielong = args.length === 1 && (args[0]!.match(/[/／]/g) ?? []).length >= 2
  const words = args.flatMap((a) => a.split(jielong ? /[,，、;；|｜/／]+/ : /[,，、;；|｜]+/)).filter(Boolean)
  for (let i = 0; i < words.length; i++) {
    let word = words[i]!
    if (/^教龄[:：]?$/.test(word) && /^\d{1,2}年?$/.test(words[i + 1] ?? '')) word = `教龄${words[++i]}`
    // "语文老师", "数学教师": the subject.
    if (/(老师|教师)$/.test(word) && SUBJECT.test(word.replace(/(老师|教师)$/, ''))) word = word.replace(/(老师|教师)$/, '')
    // In a profile a bare "5年" can only be 教龄.
    const years = readTeachingYears(word) ?? (/^\d{1,2}年$/.test(word) ? Number(word.slice(0, -1)) : null)
    const labelled = LABELLED.exec(word)
    if (years !== null) value.teachingYears = years
    else if (labelled) {
      const [, label, text] = labelled
      if (label === '姓名' || label === '名字') value.realName = text!
      else if (label === '学科' || label === '任教学科') value.subject = text!
      else value.school = text!
    } else if (SUBJECT.test(word)) value.subject = value.subject ? `${value.subject}、${word}` : word
    else if (SCHOOL.test(word) && !value.school) value.school = word
    else loose.push(word)
  }
  if (loose[0] !== undefined && value.realName === undefined) value.realName = loose.shift()!
  if (loose[0] !== undefined && value.school === undefined) value.school = loose.shift()!
  if (loose.length > 0) return { ok: false, word: loose[0]! }
  return { ok: true, value }
}

export const profile: Command = {
  id: 'profile',
  name: '我是',
  aliases: ['profile', 'iam', '个人资料', '改名'],
  role: 'teacher',
  scope: 'anywhere',
  async run(ctx, line) {
    if (line.args.length === 0) throw new Refusal(texts.profile.usage)
    const member = await saveProfile(ctx, line.args)
    const today = localParts(ctx.now, ctx.district?.timezone ?? ctx.config.DEFAULT_TIMEZONE).date
    // 教龄 is personal: echoed only in a direct chat; a group reads that it was kept.
    const inGroup = !ctx.message.chat.isDirect
    const shown = profileLine(member, today, !inGroup)
    ctx.reply(texts.profile.saved(inGroup && member.teachingYears !== null ? `${shown}${texts.profile.yearsKept}` : shown))
  },
}

export const mine: Command = {
  id: 'mine',
  name: '我的',
  aliases: ['me', 'mine', '我的报名'],
  role: 'teacher',
  scope: 'anywhere',
  async run(ctx) {
    const tz = ctx.district?.timezone ?? ctx.config.DEFAULT_TIMEZONE
    const today = localParts(ctx.now, tz).date
    const member = await ctx.work.members.findMember(ctx.sender.memberId)
    // In a group everyone reads the answer: 教龄 and questions not to be tied to the member there stay out of it.
    const inGroup = !ctx.message.chat.isDirect
    const hasProfile = member.realName || member.school || member.subject || member.teachingYears !== null
    const lines = [hasProfile ? texts.profile.mine(profileLine(member, today, !inGroup)) : texts.profile.none]
    lines.push(...(await signupLines(ctx, member.id, today, tz)))
    lines.push(...(await questionLines(ctx, member.id)))
    ctx.reply(lines.join('\n'))
  },
}

/** Reads, checks and keeps the sender's profile as /我是 writes it; a refusal says what is wrong, changing nothing. */
async function saveProfile(ctx: Context, args: readonly string[]): Promise<Member> {
  const parsed = parseProfile(args)
  if (!parsed.ok) throw new Refusal(texts.profile.unreadable(parsed.word))
  const value = checkProfile(ctx, parsed.value)
  if (value.teachingYears !== undefined && value.teachingYears > 50) throw new Refusal(texts.profile.badYears(value.teachingYears))
  const today = localParts(ctx.now, ctx.district?.timezone ?? ctx.config.DEFAULT_TIMEZONE).date
  return ctx.work.profiles.saveProfile(ctx.sender.memberId, value, today)
}

/**
 * "报名 7 李明/西渡学校/历史/3年": the profile of a 接龙 sign-up, kept as
 * `/我是 李明/西渡学校/历史/3年` keeps it, in the sign-up's transaction. One
 * that cannot be kept refuses the sign-up with the 接龙 form to copy.
 */
export async function saveJielongProfile(ctx: Context, activityId: number, profile: string): Promise<void> {
  try {
    await saveProfile(ctx, [profile])
  } catch (err) {
    if (err instanceof Refusal) throw new Refusal(texts.signup.badProfile(activityId, profile))
    throw err
  }
}

/** The profile as it will be kept: each field one line within its limit; a name that is no name, or one like the bot's, refused. */
function checkProfile(ctx: Context, parsed: ProfileArgs): ProfileArgs {
  const value = { ...parsed }
  for (const field of ['realName', 'school', 'subject'] as const) {
    if (value[field] === undefined) continue
    value[field] = oneLine(value[field])
    assertFits(field, value[field])
  }
  if (value.realName !== undefined) {
    if (!value.realName || /^\d+$/.test(value.realName)) throw new Refusal(texts.profile.badName(value.realName))
    if (imitatesBot(value.realName, ctx.config.BOT_NAME)) throw new Refusal(texts.names.ownLikeBot(ctx.config.BOT_NAME))
  }
  return value
}

/** "王芳 · 育秀实验学校 · 语文 · 教龄5年" */
function profileLine(member: Member, today: string, withYears: boolean): string {
  const years = teachingYearsOn(member, today)
  return [listName(member), member.school, member.subject, withYears && years !== null ? texts.profile.years(years) : null]
    .filter(Boolean)
    .join(' · ')
}

/** Coming activities the member is signed up for, with their place; in a group, only that district's. */
async function signupLines(ctx: Context, memberId: number, today: string, tz: string): Promise<string[]> {
  const districtId = ctx.district && !ctx.message.chat.isDirect ? ctx.district.id : null
  const coming = await ctx.work.profiles.comingSignups(memberId, { today, now: ctx.now }, districtId, 10)
  if (coming.total === 0) return [texts.profile.noSignups]
  const lines = [texts.profile.signupsHeader(coming.total)]
  for (const { activityId, title, next, place, onLeave } of coming.shown) {
    const when = next ? describeOccurrence(next, { timezone: tz, today, semesters: [] }) : texts.profile.datePending
    const status = onLeave ? texts.profile.onLeave(activityId) : placeText({ place })
    lines.push(`#${activityId} ${title} ${when} ${status}`)
  }
  return lines
}

async function questionLines(ctx: Context, memberId: number): Promise<string[]> {
  const questions = await ctx.work.profiles.ownQuestions(memberId, readerOf(ctx), ctx.district?.id ?? null, 5)
  if (questions.length === 0) return []
  return [
    texts.profile.questionsHeader,
    ...questions.map((q) => texts.qa.listLine(q.id, snippet(q.text, 60), q.answers, q.anonymous)),
  ]
}
