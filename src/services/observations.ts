/**
 * 听课 records of mentorship pairs: a mentor observed a mentee's lesson, or a
 * mentee their mentor's. A pair is an approved Mentee row with its mentor;
 * the district asks each pair for so many a term (District.observationsPerTerm).
 */
import type { Tx } from '../db/client.ts'
import type { Member, Observation } from '../generated/prisma/client.ts'

export interface Pair {
  workshopId: number
  workshopName: string
  mentor: Member
  mentee: Member
}

export interface PairCount extends Pair {
  count: number
}

/** A day range of local dates ("YYYY-MM-DD"), both ends included; null: no bound. */
export interface Span {
  from: string | null
  to: string | null
}

const spanWhere = (span: Span) => ({ date: { ...(span.from ? { gte: span.from } : {}), ...(span.to ? { lte: span.to } : {}) } })

/** The pairs a member is in, as mentor or as mentee (approved, with a mentor), in the district's workshops. */
export async function pairsOf(tx: Tx, districtId: number, memberId: number): Promise<Pair[]> {
  const rows = await tx.mentee.findMany({
    where: { status: 'approved', mentorId: { not: null }, workshop: { districtId }, OR: [{ mentorId: memberId }, { memberId }] },
    include: { member: true, mentor: true, workshop: true },
    orderBy: { id: 'asc' },
  })
  return rows.map((r) => ({ workshopId: r.workshopId, workshopName: r.workshop.name, mentor: r.mentor!, mentee: r.member }))
}

/** The same lesson of the same pair on the same day, already recorded (sent twice, or by both of them). */
export function sameObservation(tx: Tx, row: Pick<Observation, 'mentorId' | 'menteeId' | 'observer' | 'date' | 'lesson'>): Promise<Observation | null> {
  return tx.observation.findFirst({ where: row })
}

export function recordObservation(tx: Tx, row: Omit<Observation, 'id'>): Promise<Observation> {
  return tx.observation.create({ data: row })
}

/** How many 听课 a pair has in the span (both directions). */
export function countFor(tx: Tx, districtId: number, mentorId: number, menteeId: number, span: Span): Promise<number> {
  return tx.observation.count({ where: { districtId, mentorId, menteeId, ...spanWhere(span) } })
}

/** A member's 听课 records in the span, as mentor or mentee, by date. */
export function observationsOf(tx: Tx, districtId: number, memberId: number, span: Span): Promise<Observation[]> {
  return tx.observation.findMany({
    where: { districtId, OR: [{ mentorId: memberId }, { menteeId: memberId }], ...spanWhere(span) },
    orderBy: [{ date: 'asc' }, { id: 'asc' }],
  })
}

/** Every pair of the district (or of some workshops) with its 听课 count in the span, by workshop. */
export async function pairCounts(tx: Tx, districtId: number, span: Span, workshopIds?: readonly number[]): Promise<PairCount[]> {
  const rows = await tx.mentee.findMany({
    where: { status: 'approved', mentorId: { not: null }, workshop: { districtId }, ...(workshopIds ? { workshopId: { in: [...workshopIds] } } : {}) },
    include: { member: true, mentor: true, workshop: true },
    orderBy: [{ workshopId: 'asc' }, { id: 'asc' }],
  })
  const counts = await tx.observation.groupBy({ by: ['mentorId', 'menteeId'], where: { districtId, ...spanWhere(span) }, _count: { _all: true } })
  const of = new Map(counts.map((c) => [`${c.mentorId}:${c.menteeId}`, c._count._all]))
  return rows.map((r) => ({
    workshopId: r.workshopId, workshopName: r.workshop.name, mentor: r.mentor!, mentee: r.member, count: of.get(`${r.mentorId}:${r.memberId}`) ?? 0,
  }))
}

/** The workshops whose group this is (their weekly digest lists the pairs behind). */
export async function workshopsOfGroup(tx: Tx, groupId: number): Promise<number[]> {
  return (await tx.workshop.findMany({ where: { groupId }, select: { id: true } })).map((w) => w.id)
}
