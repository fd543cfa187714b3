/**
 * A member's own profile and what /我的 shows them: the fields /我是 keeps,
 * the coming activities they are signed up for, the questions they asked.
 */
import type { Tx } from '../db/client.ts'
import { texts } from '../core/texts/index.ts'
import type { Member, Occurrence } from '../generated/prisma/client.ts'
import { ownQuestionsWhere, type Reader } from './question-access.ts'
import { notEndedWhere } from './session-times.ts'
import { placeOf, type Place } from './signups.ts'

export interface ProfileFields {
  realName?: string
  school?: string
  subject?: string
  teachingYears?: number
}

/** Keeps the fields given, the others unchanged; 教龄 with the day it was given, so it grows with the years. */
export function saveProfile(tx: Tx, memberId: number, fields: ProfileFields, today: string): Promise<Member> {
  return tx.member.update({
    where: { id: memberId },
    data: { ...fields, ...(fields.teachingYears !== undefined ? { teachingYearsOn: today } : {}) },
  })
}

export interface ComingSignup {
  activityId: number
  title: string
  /** The next meeting; null while the date is still to be set. */
  next: Occurrence | null
  place: Place | null
  /** On 请假 for the next meeting (a single session's sign-up on leave, or a series' next session). */
  onLeave: boolean
}

/**
 * The scheduled activities the member is signed up for (confirmed,
 * waiting, or on 请假) that are still to come, by their next meeting's start
 * (undated ones last, each tie in sign-up order): how many, and the first
 * `limit` with their next meeting and the member's place. A meeting is to
 * come until it ends (hasEnded), so one that ended this morning is not;
 * an undated one is while its window is not over. Only one district's when
 * `districtId` is given.
 */
export async function comingSignups(
  tx: Tx,
  memberId: number,
  when: { today: string; now: Date },
  districtId: number | null,
  limit: number,
): Promise<{ total: number; shown: ComingSignup[] }> {
  const { today, now } = when
  const signups = await tx.signup.findMany({
    where: {
      memberId,
      status: { in: ['confirmed', 'waiting', 'leave'] },
      activity: { status: 'scheduled', ...(districtId !== null ? { districtId } : {}) },
    },
    include: { activity: { include: { occurrences: { where: { ...notEndedWhere(now), skipReason: null }, orderBy: { startAt: 'asc' }, take: 1 } } } },
    orderBy: { signedUpAt: 'asc' },
  })
  const coming = signups.filter((s) => s.activity.occurrences.length > 0 || (s.activity.pendingTo && s.activity.pendingTo >= today))
  // The soonest first, as a diary reads; the sort is stable, so equal starts keep sign-up order.
  const startOf = (s: (typeof coming)[number]) => s.activity.occurrences[0]?.startAt.getTime() ?? Number.MAX_SAFE_INTEGER
  coming.sort((a, b) => startOf(a) - startOf(b))
  const shown: ComingSignup[] = []
  for (const s of coming.slice(0, limit)) {
    const next = s.activity.occurrences[0] ?? null
    const leave = next ? await tx.leave.findFirst({ where: { occurrenceId: next.id, memberId, status: { in: ['approved', 'pending'] } } }) : null
    const place = s.status === 'leave' ? null : await placeOf(tx, s.activityId, memberId)
    shown.push({ activityId: s.activityId, title: s.activity.title, next, place, onLeave: s.status === 'leave' || leave !== null })
  }
  return { total: coming.length, shown }
}

/** The member's place in a coming activity as /我的 says it ("已报名，第 1 位", "候补第 2 位"); empty when on 请假. */
export function placeText(signup: Pick<ComingSignup, 'place'>): string {
  const place = signup.place
  if (!place) return ''
  return place.status === 'confirmed' ? texts.signup.confirmedPlace(place.position) : texts.signup.waitingPlace(place.position)
}

export interface OwnQuestion {
  id: number
  text: string
  answers: number
  anonymous: boolean
}

/** The member's newest questions that this reader may see listed as theirs (question-access.ts). */
export async function ownQuestions(tx: Tx, memberId: number, reader: Reader, districtId: number | null, take = 5): Promise<OwnQuestion[]> {
  const questions = await tx.question.findMany({
    where: ownQuestionsWhere(memberId, reader, districtId),
    include: { _count: { select: { answers: true } } },
    orderBy: { askedAt: 'desc' },
    take,
  })
  return questions.map((q) => ({ id: q.id, text: q.text, answers: q._count.answers, anonymous: q.anonymous }))
}
