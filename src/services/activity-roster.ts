/**
 * Who may see an activity's people, and its 请假 as the page that shows them
 * reads them. /名单 in chat and the web console's activity page decide with
 * the same seesRoster, so neither shows a name the other would not.
 */
import type { Tx } from '../db/client.ts'
import type { Role } from '../core/roles.ts'
import type { Activity, Leave, Member } from '../generated/prisma/client.ts'
import { isMentorOf } from './workshops.ts'

/**
 * The names on the list, 请假 with their reasons, attendance and 学时: for
 * admins, the activity's organizer and the mentors of the workshop it is a
 * session of. Others see how many signed up and their own place.
 */
export async function seesRoster(
  tx: Tx,
  activity: Pick<Activity, 'organizerId' | 'workshopId'>,
  who: { memberId: number; roles: ReadonlySet<Role> },
): Promise<boolean> {
  if (who.roles.has('admin') || activity.organizerId === who.memberId) return true
  return activity.workshopId !== null && (await isMentorOf(tx, activity.workshopId, who.memberId))
}

export type ActivityLeave = Leave & { member: Member }

/** Every 请假 of an activity still standing or decided (pending, approved, refused), by session and then by when it was asked. */
export async function activityLeaves(tx: Tx, activityId: number): Promise<ActivityLeave[]> {
  const leaves = await tx.leave.findMany({
    where: { activityId, status: { in: ['pending', 'approved', 'refused'] } },
    orderBy: [{ occurrenceId: 'asc' }, { askedAt: 'asc' }, { id: 'asc' }],
  })
  const members = new Map((await tx.member.findMany({ where: { id: { in: [...new Set(leaves.map((l) => l.memberId))] } } })).map((m) => [m.id, m]))
  return leaves.flatMap((l) => (members.has(l.memberId) ? [{ ...l, member: members.get(l.memberId)! }] : []))
}

/** One 请假 of the activity by its id; null when it is another activity's. */
export async function findLeave(tx: Tx, activityId: number, leaveId: number): Promise<ActivityLeave | null> {
  const leave = await tx.leave.findFirst({ where: { id: leaveId, activityId } })
  const member = leave && (await tx.member.findUnique({ where: { id: leave.memberId } }))
  return leave && member ? { ...leave, member } : null
}
