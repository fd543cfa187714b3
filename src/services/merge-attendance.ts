import type { Tx } from '../db/client.ts'

const earlier = (a: Date | null, b: Date | null) => (a && b ? (a < b ? a : b) : (a ?? b))
const later = (a: Date | null, b: Date | null) => (a && b ? (a > b ? a : b) : (a ?? b))

/**
 * The attendance side of joining two members who are one person: check-ins,
 * 请假, 听课 and what they archived move to `keepId`. Where both were at one
 * session (checked in from two accounts) the rows become one: present if
 * either was, the earlier check-in and the later check-out; where both asked
 * 请假 for one session, the one kept is keepId's. Returns how many rows moved.
 */
export async function mergeAttendance(tx: Tx, keepId: number, goneId: number): Promise<number> {
  let moved = 0
  for (const gone of await tx.attendance.findMany({ where: { memberId: goneId } })) {
    const kept = await tx.attendance.findUnique({ where: { occurrenceId_memberId: { occurrenceId: gone.occurrenceId, memberId: keepId } } })
    if (!kept) {
      await tx.attendance.update({ where: { id: gone.id }, data: { memberId: keepId } })
      moved++
      continue
    }
    await tx.attendance.update({
      where: { id: kept.id },
      data: {
        status: kept.status === 'present' || gone.status === 'present' ? 'present' : kept.status,
        checkInAt: earlier(kept.checkInAt, gone.checkInAt),
        checkOutAt: later(kept.checkOutAt, gone.checkOutAt),
        role: kept.role ?? gone.role,
        via: kept.via ?? gone.via,
        updatedAt: later(kept.updatedAt, gone.updatedAt)!,
      },
    })
    await tx.attendance.delete({ where: { id: gone.id } })
  }
  moved += (await tx.attendanceChange.updateMany({ where: { memberId: goneId }, data: { memberId: keepId } })).count
  await tx.attendanceChange.updateMany({ where: { byId: goneId }, data: { byId: keepId } })

  for (const gone of await tx.leave.findMany({ where: { memberId: goneId } })) {
    const kept = await tx.leave.findUnique({ where: { occurrenceId_memberId: { occurrenceId: gone.occurrenceId, memberId: keepId } } })
    if (kept) await tx.leave.delete({ where: { id: gone.id } })
    else {
      await tx.leave.update({ where: { id: gone.id }, data: { memberId: keepId } })
      moved++
    }
  }
  await tx.leave.updateMany({ where: { decidedById: goneId }, data: { decidedById: keepId } })
  await tx.sessionRecord.updateMany({ where: { byId: goneId }, data: { byId: keepId } })
  await tx.archiveFile.updateMany({ where: { byId: goneId }, data: { byId: keepId } })
  await tx.recentFile.updateMany({ where: { memberId: goneId }, data: { memberId: keepId } })
  moved += (await tx.observation.updateMany({ where: { mentorId: goneId }, data: { mentorId: keepId } })).count
  moved += (await tx.observation.updateMany({ where: { menteeId: goneId }, data: { menteeId: keepId } })).count
  await tx.observation.updateMany({ where: { byId: goneId }, data: { byId: keepId } })
  return moved
}
