import { normalizeText } from '../src/calendar/normalize.ts'
import { Refusal, type Command, type DistrictContext } from '../src/core/command.ts'
import { isPlatform, type Person, type Platform } from '../src/core/message.ts'
import { texts } from '../src/core/texts.ts'
import type { Member, Question, Workshop } from '../src/generated/prisma/client.ts'
import { clip } from '../src/services/describe.ts'
import { findMember, listName, mentionsOf } from '../src/services/members.ts'
import { findWorkshop, isMentorIn, isMentorOf, listWorkshops, workshopOfGroup } from '../src/services/workshops.ts'

const MAX_TEXT = 500
const MAX_LINES = 15

export const ask: Command = {
  id: 'ask',
  name: '提问',
  aliases: ['ask', '答疑'],
  role: 'teacher',
  scope: 'district',
  direct: true,
  run: (ctx, line) => record(ctx, line.raw, false),
}

export const askAnonymously: Command = {
  id: 'askAnonymously',
  name: '匿名提问',
  aliases: ['askanon'],
  role: 'teacher',
  scope: 'district',
  direct: true,
  run: (ctx, line) => record(ctx, line.raw, true),
}

/** `/提问 [工作室3] 如何设计单元作业？` */
async function record(ctx: DistrictContext, rest: string, anonymous: boolean): Promise<void> {
  const command = anonymous ? '匿名提问' : '提问'
  const named = /^工作室\s*[#＃]?([0-9０-９]{1,9})\s*/.exec(rest)
  const text = (named ? rest.slice(named[0].length) : rest).trim()
  if (!text) throw new Refusal(texts.qa.askUsage(command))
  if (text.length > MAX_TEXT) throw new Refusal(texts.qa.tooLong(MAX_TEXT))
  const groupId = ctx.message.chat.isDirect ? null : ctx.groupId
  let workshop: Workshop | null
  if (named) {
    workshop = await findWorkshop(ctx.tx, ctx.district.id, Number(normalizeText(named[1]!)))
    if (!workshop) throw new Refusal(texts.workshop.notFound(named[1]!))
  } else {
    workshop = await workshopOfGroup(ctx.tx, ctx.district.id, groupId)
    const list = workshop ? [] : await listWorkshops(ctx.tx, ctx.district.id)
    if (list.length > 1) throw new Refusal(texts.qa.whichWorkshop(command, list.map((w) => `${w.id} ${w.name}`)))
  }
  const question = await ctx.tx.question.create({
    data: {
      districtId: ctx.district.id,
      workshopId: workshop?.id ?? null,
      askerId: ctx.sender.memberId,
      text,
      anonymous,
      groupId: ctx.groupId,
      platform: ctx.message.platform,
      messageId: ctx.message.id,
      askedAt: ctx.now,
    },
  })
  if (!anonymous) return ctx.reply(texts.qa.recorded(question.id, workshop?.name))
  ctx.reply(ctx.message.chat.isDirect ? texts.qa.recordedAnonymously(question.id, workshop?.name) : texts.qa.recordedAnonymouslyInGroup(question.id))
}

export const answer: Command = {
  id: 'answer',
  name: '回答',
  aliases: ['answer'],
  role: 'mentor',
  scope: 'district',
  direct: true,
  async run(ctx, line) {
    const raw = line.args[0]?.replace(/^#/, '')
    if (!raw || !/^\d{1,9}$/.test(raw)) throw new Refusal(texts.qa.answerUsage)
    const text = line.raw.replace(/^[#＃]?[0-9０-９]+[\s\u3000]*/, '').trim()
    const question = await ctx.tx.question.findFirst({ where: { id: Number(raw), districtId: ctx.district.id }, include: { asker: true } })
    if (!question) throw new Refusal(texts.qa.notFound(raw))
    if (!text) throw new Refusal(texts.qa.answerEmpty(question.id))
    if (text.length > MAX_TEXT * 4) throw new Refusal(texts.qa.tooLong(MAX_TEXT * 4))
    if (!(await mayAnswer(ctx, question))) throw new Refusal(texts.qa.notItsMentor)
    await ctx.tx.answer.create({ data: { questionId: question.id, authorId: ctx.sender.memberId, text, answeredAt: ctx.now } })
    if (!question.answeredAt) await ctx.tx.question.update({ where: { id: question.id }, data: { answeredAt: ctx.now } })
    const author = await findMember(ctx.tx, ctx.sender.memberId)
    await postAnswer(ctx, question, listName(author), text)
  },
}

/** Admins answer anything; mentors the questions of their workshops (any mentor, where no workshop is named). */
async function mayAnswer(ctx: DistrictContext, question: Question): Promise<boolean> {
  if (ctx.sender.roles.has('admin')) return true
  if (question.workshopId) return isMentorOf(ctx.tx, question.workshopId, ctx.sender.memberId)
  return isMentorIn(ctx.tx, ctx.district.id, ctx.sender.memberId) || ctx.sender.roles.has('mentor')
}

/**
 * The answer goes where the question was asked, quoting it and @mentioning
 * the asker (an anonymous asker is neither named nor @mentioned), and, when
 * given in another group, there too. Given in a direct chat, the mentor is
 * told where it went.
 */
async function postAnswer(ctx: DistrictContext, question: Question & { asker: Member }, author: string, text: string): Promise<void> {
  const body = texts.qa.answerPost(question.id, question.text, author, text)
  const group = question.groupId ? await ctx.tx.group.findUnique({ where: { id: question.groupId } }) : null
  const origin = group && isPlatform(group.platform) && (group.districtId === ctx.district.id || group.districtId === null) ? group : null
  const mentionOn = (platform: string): Promise<Person[]> => mentionsOf(ctx.tx, question.anonymous ? [] : [question.askerId], platform)
  if (origin) {
    const platform = origin.platform as Platform
    // Quoting the question's own message; on WeChat that also @mentions its asker, so not for anonymous ones.
    const quote = !question.anonymous && question.messageId && question.platform === platform ? { replyToId: question.messageId } : {}
    ctx.post({ chat: { platform, chatId: origin.chatId }, text: body, mentions: await mentionOn(platform), ...quote })
  }
  if (origin?.id === ctx.groupId) return
  if (ctx.message.chat.isDirect && origin) return ctx.reply(texts.qa.delivered(question.id, origin.title ?? ''))
  ctx.reply(body, { mentions: await mentionOn(ctx.message.platform) })
}

export const questions: Command = {
  id: 'questions',
  name: '问题',
  aliases: ['questions', 'faq', '答疑列表'],
  role: 'teacher',
  scope: 'district',
  direct: true,
  async run(ctx, line) {
    const [first, ...rest] = line.args
    if (first && /^#?\d{1,9}$/.test(first)) return showQuestion(ctx, Number(first.replace('#', '')))
    const admin = ctx.sender.roles.has('admin')
    if (first === '搜索' || first === '查找' || first === 'search') {
      const words = rest.join(' ').trim()
      if (!words) throw new Refusal(texts.qa.searchUsage)
      const found = await ctx.tx.question.findMany({
        where: { districtId: ctx.district.id, OR: [{ text: { contains: words } }, { answers: { some: { text: { contains: words } } } }] },
        include: { asker: true, answers: { include: { author: true }, orderBy: { answeredAt: 'asc' } } },
        orderBy: { askedAt: 'desc' },
        take: 6,
      })
      if (found.length === 0) return ctx.reply(texts.qa.searchNone(words))
      const lines = [texts.qa.searchHeader(words, found.length)]
      for (const q of found) {
        lines.push(texts.qa.questionLine(q.id, q.text, askerLabel(q, admin)))
        const first = q.answers[0]
        lines.push(first ? texts.qa.answerLine(listName(first.author), clip(first.text, 80)) : texts.qa.unanswered)
      }
      return ctx.reply(lines.join('\n'))
    }
    const all = first === '全部' || first === 'all'
    if (first && !all) throw new Refusal(texts.qa.listUsage)
    const where = { districtId: ctx.district.id, ...(all ? {} : { answeredAt: null }) }
    const [list, total] = await Promise.all([
      ctx.tx.question.findMany({
        where,
        include: { asker: true, workshop: true, _count: { select: { answers: true } } },
        orderBy: { askedAt: 'asc' },
        take: MAX_LINES,
      }),
      ctx.tx.question.count({ where }),
    ])
    if (list.length === 0) return ctx.reply(all ? texts.qa.noneAtAll : texts.qa.noneOpen)
    const lines = [all ? texts.qa.allHeader(total) : texts.qa.openHeader(total)]
    for (const q of list) {
      lines.push(`${texts.qa.questionLine(q.id, clip(q.text, 60), askerLabel(q, admin))}${q._count.answers ? texts.qa.answeredCount(q._count.answers) : ''}`)
    }
    if (total > list.length) lines.push(texts.qa.more(total - list.length))
    lines.push(texts.qa.listFooter)
    ctx.reply(lines.join('\n'))
  },
}

async function showQuestion(ctx: DistrictContext, id: number): Promise<void> {
  const q = await ctx.tx.question.findFirst({
    where: { id, districtId: ctx.district.id },
    include: { asker: true, workshop: true, answers: { include: { author: true }, orderBy: { answeredAt: 'asc' } } },
  })
  if (!q) throw new Refusal(texts.qa.notFound(String(id)))
  const lines = [texts.qa.questionLine(q.id, q.text, askerLabel(q, ctx.sender.roles.has('admin')))]
  if (q.workshop) lines.push(texts.qa.workshopLine(q.workshop.name))
  if (q.answers.length === 0) lines.push(texts.qa.unanswered)
  for (const a of q.answers) lines.push(texts.qa.answerLine(listName(a.author), a.text))
  ctx.reply(lines.join('\n'))
}

/** The asker as a viewer may see them: anonymous askers are named to admins only. */
function askerLabel(q: Question & { asker: Member }, admin: boolean): string {
  if (!q.anonymous) return listName(q.asker)
  return admin ? texts.qa.anonymousToAdmin(listName(q.asker)) : texts.qa.anonymous
}
