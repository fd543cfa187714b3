import type { Tx } from '../db/client.ts'
import { mayUse, type Role } from '../core/roles.ts'
import { texts } from '../core/texts/index.ts'
import type { Member, Prisma, Question } from '../generated/prisma/client.ts'
import { listName } from './members.ts'

/**
 * Who reads a question, its text or its asker. Every place that shows one
 * (lists, search, a single question, digests, reminders, /我的, /工作室,
 * answers, exports) asks this file, so the rule is written once:
 *
 * - `group`: everyone in a district group reads it. Only shared questions
 *   (asked in a group, or asked in a direct chat by an asker who chose to
 *   share it); an anonymous asker is never named.
 * - `direct`: one member in their direct chat with the bot. Shared questions,
 *   and private ones they asked, may answer (mentors of its workshop) or
 *   administer; anonymous askers are named to admins only.
 * - `archive`: an export file, which goes only to its requester's direct chat
 *   (or the operator's own terminal). An admin's holds every question with
 *   anonymous askers named; anyone else's only the questions of workshops
 *   they mentor, anonymous askers unnamed.
 */
export type Reader =
  | { where: 'group' }
  | { where: 'direct'; memberId: number; roles: ReadonlySet<Role> }
  | { where: 'archive'; memberId: number | null; roles: ReadonlySet<Role> }

export type ArchiveReader = Extract<Reader, { where: 'archive' }>

export const GROUP_READER: Reader = { where: 'group' }

/** Whoever runs `npm run export`: the admin at their own terminal. */
export const OPERATOR: ArchiveReader = { where: 'archive', memberId: null, roles: new Set<Role>(['admin']) }

/** The reader of a command's reply: the chat it came from, and who sent it. */
export function readerOf(ctx: { message: { chat: { isDirect: boolean } }; sender: { memberId: number; roles: ReadonlySet<Role> } }): Reader {
  return ctx.message.chat.isDirect ? { where: 'direct', memberId: ctx.sender.memberId, roles: ctx.sender.roles } : GROUP_READER
}

/** The reader of an export requested by this member. */
export function archiveReader(sender: { memberId: number; roles: ReadonlySet<Role> }): ArchiveReader {
  return { where: 'archive', memberId: sender.memberId, roles: sender.roles }
}

const isAdmin = (reader: Reader) => reader.where !== 'group' && reader.roles.has('admin')

/**
 * Questions a member may answer: admins any; mentors those of their
 * workshops, and, where no workshop is named, any mentor of the district
 * (or anyone holding the mentor role).
 */
function answerable(memberId: number, roles: ReadonlySet<Role>): Prisma.QuestionWhereInput[] {
  const mentors = { mentors: { some: { memberId } } }
  return [
    { workshop: mentors },
    { workshopId: null, ...(roles.has('mentor') ? {} : { district: { workshops: { some: mentors } } }) },
  ]
}

/** The district's questions this reader may see, as a filter to AND with others. */
export function visibleWhere(districtId: number, reader: Reader): Prisma.QuestionWhereInput {
  if (reader.where === 'group') return { districtId, shared: true }
  if (isAdmin(reader)) return { districtId }
  if (reader.where === 'archive') return reader.memberId === null ? { id: -1 } : { districtId, workshop: { mentors: { some: { memberId: reader.memberId } } } }
  return { districtId, OR: [{ shared: true }, { askerId: reader.memberId }, ...answerable(reader.memberId, reader.roles)] }
}

/** Whether this reader may see the question (an answer quoting it, a reply). */
export async function mayRead(tx: Tx, questionId: number, districtId: number, reader: Reader): Promise<boolean> {
  return (await tx.question.count({ where: { AND: [{ id: questionId }, visibleWhere(districtId, reader)] } })) > 0
}

/** The district's questions this member may answer (/回答): every one for an admin; as a filter to AND with others. */
export function answerableWhere(districtId: number, sender: { memberId: number; roles: ReadonlySet<Role> }): Prisma.QuestionWhereInput {
  return sender.roles.has('admin') ? { districtId } : { districtId, OR: answerable(sender.memberId, sender.roles) }
}

/** The role /回答 needs (admins, mentors): the command declares it with this, and the console asks answerableAmong. */
export const ANSWER_ROLE: Role = 'mentor'

/** Of these questions of the district, the ids this member's /回答 would accept: its role, then answerableWhere. */
export async function answerableAmong(tx: Tx, districtId: number, sender: { memberId: number; roles: ReadonlySet<Role> }, ids: readonly number[]): Promise<Set<number>> {
  if (!mayUse(ANSWER_ROLE, sender.roles) || ids.length === 0) return new Set()
  const rows = await tx.question.findMany({ where: { AND: [{ id: { in: [...ids] } }, answerableWhere(districtId, sender)] }, select: { id: true } })
  return new Set(rows.map((r) => r.id))
}

export async function mayAnswer(tx: Tx, question: Pick<Question, 'id'>, sender: { memberId: number; roles: ReadonlySet<Role> }): Promise<boolean> {
  if (sender.roles.has('admin')) return true
  return (await tx.question.count({ where: { id: question.id, OR: answerable(sender.memberId, sender.roles) } })) > 0
}

/** Whether the asker's name may be shown to this reader. */
export function askerNamed(question: Pick<Question, 'anonymous'>, reader: Reader): boolean {
  return !question.anonymous || isAdmin(reader)
}

/** The asker as this reader may see them: "李明", "匿名", or to an admin in private "匿名·李明". */
export function askerLabel(question: Pick<Question, 'anonymous'> & { asker: Member }, reader: Reader): string {
  if (!question.anonymous) return listName(question.asker)
  return isAdmin(reader) ? texts.qa.anonymousToAdmin(listName(question.asker)) : texts.qa.anonymous
}

/**
 * A member's own questions, as /我的 lists them to this reader. In a group
 * the list says who asked, so only the district's shared, named ones.
 */
export function ownQuestionsWhere(memberId: number, reader: Reader, districtId: number | null): Prisma.QuestionWhereInput {
  if (reader.where === 'group') return { askerId: memberId, districtId: districtId ?? -1, shared: true, anonymous: false }
  return { askerId: memberId }
}
