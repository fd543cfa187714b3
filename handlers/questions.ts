import { normalizeText } from '../src/calendar/normalize.ts'
import { Refusal, type Command, type DistrictContext } from '../src/core/command.ts'
import { isPlatform, type Person, type Platform } from '../src/core/message.ts'
import { texts } from '../src/core/texts/index.ts'
import type { Group, Member, Question, Workshop } from '../src/generated/prisma/client.ts'
import { snippet } from '../src/services/describe.ts'
import { listName } from '../src/services/members.ts'
import { ANSWER_ROLE, askerLabel, askerNamed, readerOf, type Reader } from '../src/services/question-access.ts'
import { readAskArgs } from './question-args.ts'
import { assertFits } from './shared.ts'

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

/** `/提问 [工作室3] [公开] 如何设计单元作业？` */
async function record(ctx: DistrictContext, raw: string, anonymous: boolean): Promise<void> {
  const command = anonymous ? '匿名提问' : '提问'
  const args = readAskArgs(raw)
  const direct = ctx.message.chat.isDirect
  if (!args.text) throw new Refusal(texts.qa.askUsage(command))
  assertFits('question', args.text)
  // Whatever is written in a group, the group has read it.
  if (!direct && args.visibility === 'private') throw new Refusal(texts.qa.privateInGroup(command))
  const workshop = await workshopOf(ctx, args.workshop, command)
  const shared = !direct || args.visibility === 'shared'
  const question = await ctx.work.questions.askQuestion(
    {
      districtId: ctx.district.id,
      workshopId: workshop?.id ?? null,
      askerId: ctx.sender.memberId,
      text: args.text,
      anonymous,
      shared,
      groupId: ctx.groupId,
      platform: ctx.message.platform,
      messageId: ctx.message.id,
    },
    ctx.now,
  )
  const where = workshop?.name
  if (!direct) return ctx.reply(anonymous ? texts.qa.recordedAnonymouslyInGroup(question.id) : texts.qa.recorded(question.id, where))
  if (anonymous) return ctx.reply(shared ? texts.qa.recordedAnonymouslyShared(question.id, where) : texts.qa.recordedAnonymously(question.id, where))
  ctx.reply(shared ? texts.qa.recordedShared(question.id, where) : texts.qa.recordedPrivately(question.id, where))
}

/** The workshop named, the group's own, or the district's only one; several and none named → ask which. */
async function workshopOf(ctx: DistrictContext, named: string | undefined, command: string): Promise<Workshop | null> {
  if (named !== undefined) {
    const workshop = await ctx.work.workshops.findWorkshop(ctx.district.id, Number(normalizeText(named)))
    if (!workshop) throw new Refusal(texts.workshop.notFound(named))
    return workshop
  }
  const workshop = await ctx.work.workshops.workshopOfGroup(ctx.district.id, ctx.message.chat.isDirect ? null : ctx.groupId)
  const list = workshop ? [] : await ctx.work.workshops.listWorkshops(ctx.district.id)
  if (list.length > 1) throw new Refusal(texts.qa.whichWorkshop(command, list.map((w) => `${w.id} ${w.name}`)))
  return workshop
}

export const answer: Command = {
  id: 'answer',
  name: '回答',
  aliases: ['answer'],
  role: ANSWER_ROLE,
  scope: 'district',
  direct: true,
  async run(ctx, line) {
    const raw = line.args[0]?.replace(/^#/, '')
    if (!raw || !/^\d{1,9}$/.test(raw)) throw new Refusal(texts.qa.answerUsage)
    const text = line.raw.replace(/^[#＃]?[0-9０-９]+[\s\u3000]*/, '').trim()
    const question = await ctx.work.questions.findQuestion(ctx.district.id, Number(raw))
    if (!question) throw new Refusal(texts.qa.notFound(raw))
    if (!text) throw new Refusal(texts.qa.answerEmpty(question.id))
    assertFits('answer', text)
    if (!(await ctx.work.questionAccess.mayAnswer(question, ctx.sender))) throw new Refusal(texts.qa.notItsMentor)
    await ctx.work.questions.answerQuestion(question, ctx.sender.memberId, text, ctx.now)
    const author = await ctx.work.members.findMember(ctx.sender.memberId)
    await postAnswer(ctx, question, listName(author), text)
  },
}

/**
 * The answer goes where the question was asked, quoting it and @mentioning
 * the asker (an anonymous asker is neither named nor @mentioned). Given in
 * another chat, it is shown there too where that chat may read the question;
 * otherwise the answerer is told where it went, never by a direct chat's
 * title (that is the asker's name).
 */
async function postAnswer(ctx: DistrictContext, question: Question & { asker: Member }, author: string, text: string): Promise<void> {
  const body = texts.qa.answerPost(question.id, question.text, author, text)
  const group = await ctx.work.questions.askedIn(question)
  const origin = group && isPlatform(group.platform) && (group.districtId === ctx.district.id || group.districtId === null) ? group : null
  const mentionOn = (platform: string): Promise<Person[]> => ctx.work.members.mentionsOf(question.anonymous ? [] : [question.askerId], platform)
  if (origin) {
    const platform = origin.platform as Platform
    // Quoting the question's own message; on WeChat that also @mentions its asker, so not for anonymous ones.
    const quote = !question.anonymous && question.messageId && question.platform === platform ? { replyToId: question.messageId } : {}
    ctx.post({ chat: { platform, chatId: origin.chatId }, text: body, mentions: await mentionOn(platform), ...quote })
  }
  if (origin?.id === ctx.groupId) return
  const reader = readerOf(ctx)
  const shownHere = await ctx.work.questionAccess.mayRead(question.id, ctx.district.id, reader)
  if (origin && (ctx.message.chat.isDirect || !shownHere)) return ctx.reply(acknowledgement(question, origin, reader))
  // Where it was asked is gone, and this chat may not read it: the asker finds the answer with /问题 N.
  if (!shownHere) return ctx.reply(texts.qa.answerKept(question.id))
  ctx.reply(body, { mentions: await mentionOn(ctx.message.platform) })
}

/** "Sent to 育秀语文群", or for a question asked in a direct chat "sent to the asker privately", naming them only where they may be named. */
function acknowledgement(question: Question & { asker: Member }, origin: Group, reader: Reader): string {
  if (!origin.direct) return texts.qa.delivered(question.id, origin.title ?? '')
  const named = reader.where === 'direct' && askerNamed(question, reader)
  return texts.qa.deliveredPrivately(question.id, named ? askerLabel(question, reader) : null)
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
    const reader = readerOf(ctx)
    if (first && /^#?\d{1,9}$/.test(first)) return showQuestion(ctx, Number(first.replace('#', '')), reader)
    if (first === '搜索' || first === '查找' || first === 'search') {
      const words = rest.join(' ').trim()
      if (!words) throw new Refusal(texts.qa.searchUsage)
      assertFits('searchWords', words)
      const found = await ctx.work.questions.searchQuestions(ctx.district.id, reader, words)
      if (found.length === 0) return ctx.reply(texts.qa.searchNone(words))
      const lines = [texts.qa.searchHeader(words, found.length)]
      for (const q of found) {
        lines.push(questionLine(q, snippet(q.text, 60), reader))
        const first = q.answers[0]
        lines.push(first ? texts.qa.answerLine(listName(first.author), snippet(first.text, 80)) : texts.qa.unanswered)
      }
      return ctx.reply(lines.join('\n'))
    }
    const all = first === '全部' || first === 'all'
    if (first && !all) throw new Refusal(texts.qa.listUsage)
    const { list, total } = await ctx.work.questions.listQuestions(ctx.district.id, reader, { all }, MAX_LINES)
    if (list.length === 0) return ctx.reply(all ? texts.qa.noneAtAll : texts.qa.noneOpen)
    const lines = [all ? texts.qa.allHeader(total) : texts.qa.openHeader(total)]
    for (const q of list) {
      lines.push(`${questionLine(q, snippet(q.text, 60), reader)}${q._count.answers ? texts.qa.answeredCount(q._count.answers) : ''}`)
    }
    if (total > list.length) lines.push(texts.qa.more(total - list.length))
    lines.push(texts.qa.listFooter)
    ctx.reply(lines.join('\n'))
  },
}

async function showQuestion(ctx: DistrictContext, id: number, reader: Reader): Promise<void> {
  // One the reader may not see reads as one that does not exist.
  const q = await ctx.work.questions.readQuestion(ctx.district.id, reader, id)
  if (!q) throw new Refusal(texts.qa.notFound(String(id)))
  const lines = [questionLine(q, q.text, reader)]
  if (q.workshop) lines.push(texts.qa.workshopLine(q.workshop.name))
  if (q.answers.length === 0) lines.push(texts.qa.unanswered)
  for (const a of q.answers) lines.push(texts.qa.answerLine(listName(a.author), a.text))
  ctx.reply(lines.join('\n'))
}

/** "#7 text（asker）", marked where it is not shown in groups (only a direct chat ever lists those). */
function questionLine(q: Question & { asker: Member }, text: string, reader: Reader): string {
  return texts.qa.questionLine(q.id, text, askerLabel(q, reader), !q.shared)
}
