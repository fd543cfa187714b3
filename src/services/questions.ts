/**
 * The district's questions to its workshops, and their answers: asking,
 * answering, listing, searching, reading one. Every read is for a reader and
 * shows only what question-access.ts lets that reader see.
 */
import type { Tx } from '../db/client.ts'
import type { Answer, Group, Member, Question, Workshop } from '../generated/prisma/client.ts'
import type { Role } from '../core/roles.ts'
import { containsLiterally, needsLiteralCheck, piecesWhere } from './literal-search.ts'
import { answerableWhere, visibleWhere, type Reader } from './question-access.ts'

export interface NewQuestion {
  districtId: number
  workshopId: number | null
  askerId: number
  text: string
  anonymous: boolean
  /** Shown in the district's groups too (question-access.ts). */
  shared: boolean
  /** Where it was asked, and the message that asked it: the answer quotes it there. */
  groupId: number
  platform: string
  messageId: string
}

export type AnsweredQuestion = Question & { asker: Member; answers: (Answer & { author: Member })[] }
export type ListedQuestion = Question & { asker: Member; workshop: Workshop | null; _count: { answers: number } }

const answersInOrder = { include: { author: true }, orderBy: { answeredAt: 'asc' } } as const

export function askQuestion(tx: Tx, question: NewQuestion, now: Date): Promise<Question> {
  const { districtId, workshopId, askerId, text, anonymous, shared, groupId, platform, messageId } = question
  return tx.question.create({ data: { districtId, workshopId, askerId, text, anonymous, shared, groupId, platform, messageId, askedAt: now } })
}

/** One of the district's questions, whoever may read it (for answering: mayAnswer decides). */
export function findQuestion(tx: Tx, districtId: number, id: number): Promise<(Question & { asker: Member }) | null> {
  return tx.question.findFirst({ where: { id, districtId }, include: { asker: true } })
}

/** An answer by the author; the question counts as answered from its first one. */
export async function answerQuestion(tx: Tx, question: Pick<Question, 'id' | 'answeredAt'>, authorId: number, text: string, now: Date): Promise<void> {
  await tx.answer.create({ data: { questionId: question.id, authorId, text, answeredAt: now } })
  if (!question.answeredAt) await tx.question.update({ where: { id: question.id }, data: { answeredAt: now } })
}

/** The chat the question was asked in, if it is still known. */
export async function askedIn(tx: Tx, question: Pick<Question, 'groupId'>): Promise<Group | null> {
  return question.groupId ? tx.group.findUnique({ where: { id: question.groupId } }) : null
}

/** The reader's questions whose text or an answer contains the words (literally: literal-search.ts), newest first (at most 6), with their answers. */
export async function searchQuestions(tx: Tx, districtId: number, reader: Reader, words: string): Promise<AnsweredQuestion[]> {
  const where = { AND: [visibleWhere(districtId, reader), piecesWhere(words, (piece) => ({ OR: [{ text: { contains: piece } }, { answers: { some: { text: { contains: piece } } } }] }))] }
  const found = await tx.question.findMany({ where, include: { asker: true, answers: answersInOrder }, orderBy: { askedAt: 'desc' }, ...(needsLiteralCheck(words) ? {} : { take: 6 }) })
  return found.filter((q) => !needsLiteralCheck(words) || [q.text, ...q.answers.map((a) => a.text)].some((text) => containsLiterally(text, words))).slice(0, 6)
}

/**
 * The first `limit` of the reader's questions, oldest first, open ones only
 * unless `all`, only those `answerableBy` may answer when given; and how many there are.
 */
export async function listQuestions(
  tx: Tx,
  districtId: number,
  reader: Reader,
  filter: { all: boolean; answerableBy?: { memberId: number; roles: ReadonlySet<Role> } },
  limit: number,
): Promise<{ list: ListedQuestion[]; total: number }> {
  const answerable = filter.answerableBy ? answerableWhere(districtId, filter.answerableBy) : {}
  const where = { AND: [visibleWhere(districtId, reader), filter.all ? {} : { answeredAt: null }, answerable] }
  const [list, total] = await Promise.all([
    tx.question.findMany({
      where,
      include: { asker: true, workshop: true, _count: { select: { answers: true } } },
      orderBy: { askedAt: 'asc' },
      take: limit,
    }),
    tx.question.count({ where }),
  ])
  return { list, total }
}

/** The question with its workshop and answers, or null where the reader may not see it (as if it did not exist). */
export function readQuestion(tx: Tx, districtId: number, reader: Reader, id: number): Promise<(AnsweredQuestion & { workshop: Workshop | null }) | null> {
  return tx.question.findFirst({
    where: { AND: [{ id }, visibleWhere(districtId, reader)] },
    include: { asker: true, workshop: true, answers: answersInOrder },
  })
}

/** How many of the workshop's questions the reader sees are still unanswered. */
export function countOpenQuestions(tx: Tx, districtId: number, reader: Reader, workshopId: number): Promise<number> {
  return tx.question.count({ where: { AND: [visibleWhere(districtId, reader), { workshopId, answeredAt: null }] } })
}
