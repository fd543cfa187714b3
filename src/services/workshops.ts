import { addDays, type LocalDate } from '../calendar/dates.ts'
import type { Tx } from '../db/client.ts'
import type { Activity, Member, Mentee, Occurrence, Workshop, WorkshopMentor } from '../generated/prisma/client.ts'
import { grantRole } from './districts.ts'
import { notEndedWhere } from './session-times.ts'

export type WorkshopDetail = Workshop & {
  mentors: (WorkshopMentor & { member: Member })[]
  mentees: (Mentee & { member: Member; mentor: Member | null })[]
}

export function findWorkshop(tx: Tx, districtId: number, id: number): Promise<Workshop | null> {
  return tx.workshop.findFirst({ where: { id, districtId } })
}

export function workshopDetail(tx: Tx, districtId: number, id: number): Promise<WorkshopDetail | null> {
  return tx.workshop.findFirst({
    where: { id, districtId },
    include: {
      mentors: { include: { member: true }, orderBy: { memberId: 'asc' } },
      mentees: { include: { member: true, mentor: true }, orderBy: { appliedAt: 'asc' } },
    },
  })
}

/** Whether the district already has a workshop of this name (names are unique per district). */
export async function workshopNameTaken(tx: Tx, districtId: number, name: string): Promise<boolean> {
  return (await tx.workshop.findUnique({ where: { districtId_name: { districtId, name } } })) !== null
}

/** A new workshop with its mentors, each given the mentor role; `groupId` is the group it was created in, if any. */
export async function createWorkshop(
  tx: Tx,
  districtId: number,
  workshop: { name: string; groupId: number | null; mentorIds: readonly number[] },
  now: Date,
): Promise<Workshop> {
  const created = await tx.workshop.create({
    data: {
      districtId,
      name: workshop.name,
      groupId: workshop.groupId,
      createdAt: now,
      mentors: { create: workshop.mentorIds.map((memberId) => ({ memberId })) },
    },
  })
  for (const memberId of workshop.mentorIds) await grantRole(tx, districtId, memberId, 'mentor')
  return created
}

/** The workshop's next sessions: at most 5 not yet over (hasEnded), to 120 days on, not skipped, with their activity. */
export function upcomingSessions(tx: Tx, workshopId: number, when: { today: LocalDate; now: Date }): Promise<(Occurrence & { activity: Activity })[]> {
  return tx.occurrence.findMany({
    where: { activity: { workshopId, status: 'scheduled' }, date: { lte: addDays(when.today, 120) }, ...notEndedWhere(when.now), skipReason: null },
    include: { activity: true },
    orderBy: { startAt: 'asc' },
    take: 5,
  })
}

export function listWorkshops(tx: Tx, districtId: number) {
  return tx.workshop.findMany({
    where: { districtId },
    orderBy: { id: 'asc' },
    include: { mentors: { include: { member: true }, orderBy: { memberId: 'asc' } }, _count: { select: { mentees: { where: { status: 'approved' } } } } },
  })
}

/**
 * The workshop a group's questions go to: the one created in the group,
 * else the district's only workshop. Null when the group must say which.
 */
export async function workshopOfGroup(tx: Tx, districtId: number, groupId: number | null): Promise<Workshop | null> {
  if (groupId !== null) {
    const own = await tx.workshop.findMany({ where: { districtId, groupId }, take: 2 })
    if (own.length === 1) return own[0]!
  }
  const all = await tx.workshop.findMany({ where: { districtId }, take: 2 })
  return all.length === 1 ? all[0]! : null
}

export async function isMentorOf(tx: Tx, workshopId: number, memberId: number): Promise<boolean> {
  return (await tx.workshopMentor.count({ where: { workshopId, memberId } })) > 0
}

/** Mentor of any of the district's workshops. */
export async function isMentorIn(tx: Tx, districtId: number, memberId: number): Promise<boolean> {
  return (await tx.workshopMentor.count({ where: { memberId, workshop: { districtId } } })) > 0
}

/** An approved mentee of the workshop, or of any of the district's workshops when none is given. */
export async function isMentee(tx: Tx, districtId: number, workshopId: number | null, memberId: number): Promise<boolean> {
  const where = workshopId !== null ? { workshopId } : { workshop: { districtId } }
  return (await tx.mentee.count({ where: { ...where, memberId, status: 'approved' } })) > 0
}
