/**
 * A workshop's mentees: a member applies (to a mentor of it, or to none
 * yet), a mentor or an admin approves, or pairs a mentor with members
 * directly. Who may do which, and what is said, is the caller's; these write
 * the mentee rows the caller has read (workshopDetail).
 */
import type { Tx } from '../db/client.ts'

/** The member's application to the workshop. */
export async function applyToWorkshop(tx: Tx, workshopId: number, memberId: number, mentorId: number | null, now: Date): Promise<void> {
  await tx.mentee.create({ data: { workshopId, memberId, mentorId, status: 'applied', appliedAt: now } })
}

/** The mentor an application (a mentee row) asks for, changed. */
export async function chooseMentor(tx: Tx, menteeId: number, mentorId: number): Promise<void> {
  await tx.mentee.update({ where: { id: menteeId }, data: { mentorId } })
}

/** An application approved, with its mentor (null: none assigned yet). */
export async function approveMentee(tx: Tx, menteeId: number, mentorId: number | null, now: Date): Promise<void> {
  await tx.mentee.update({ where: { id: menteeId }, data: { status: 'approved', approvedAt: now, mentorId } })
}

/**
 * The member an approved mentee of the mentor: their row in the workshop
 * (`menteeId`, an application or an earlier pairing) updated, or a new one.
 */
export async function pairMentee(
  tx: Tx,
  pairing: { workshopId: number; memberId: number; mentorId: number; menteeId: number | null },
  now: Date,
): Promise<void> {
  const data = { mentorId: pairing.mentorId, status: 'approved', approvedAt: now }
  if (pairing.menteeId !== null) await tx.mentee.update({ where: { id: pairing.menteeId }, data })
  else await tx.mentee.create({ data: { workshopId: pairing.workshopId, memberId: pairing.memberId, appliedAt: now, ...data } })
}
