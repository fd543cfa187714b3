import { chunked } from '../db/chunks.ts'
import type { Tx } from '../db/client.ts'
import type { Signup } from '../generated/prisma/client.ts'
import { mergeAttendance } from './merge-attendance.ts'
import { promoteWaiting } from './signups.ts'

const STATUS_RANK: Record<string, number> = { confirmed: 0, waiting: 1, leave: 2, cancelled: 3 }

/** The better of two sign-ups of one person: confirmed before waiting before 请假 before cancelled, then the earlier. */
function better(a: Signup, b: Signup): Signup {
  const rank = (STATUS_RANK[a.status] ?? 3) - (STATUS_RANK[b.status] ?? 3)
  if (rank !== 0) return rank < 0 ? a : b
  return a.seq <= b.seq ? a : b
}

/**
 * Joins two members who are one person (accounts on two platforms): every
 * record of `goneId` moves to `keepId`, where both have one the better is
 * kept, profile fields missing on `keepId` are taken from `goneId`, and
 * `goneId` is deleted. Nothing is lost; returns how many records moved.
 */
export async function mergeMembers(tx: Tx, keepId: number, goneId: number): Promise<number> {
  if (keepId === goneId) return 0
  const keep = await tx.member.findUniqueOrThrow({ where: { id: keepId } })
  const gone = await tx.member.findUniqueOrThrow({ where: { id: goneId } })
  let moved = 0
  const move = async (p: Promise<{ count: number }>) => void (moved += (await p).count)

  await move(tx.account.updateMany({ where: { memberId: goneId }, data: { memberId: keepId } }))

  for (const m of await tx.membership.findMany({ where: { memberId: goneId } })) {
    const key = { districtId_memberId: { districtId: m.districtId, memberId: keepId } }
    const mine = await tx.membership.findUnique({ where: key })
    if (mine) {
      if (m.lastSeenAt > mine.lastSeenAt) await tx.membership.update({ where: key, data: { lastSeenAt: m.lastSeenAt } })
    } else {
      await tx.membership.create({ data: { districtId: m.districtId, memberId: keepId, lastSeenAt: m.lastSeenAt } })
      moved++
    }
  }
  await tx.membership.deleteMany({ where: { memberId: goneId } })

  for (const r of await tx.memberRole.findMany({ where: { memberId: goneId } })) {
    const key = { districtId_memberId_role: { districtId: r.districtId, memberId: keepId, role: r.role } }
    if (!(await tx.memberRole.findUnique({ where: key }))) {
      await tx.memberRole.create({ data: { districtId: r.districtId, memberId: keepId, role: r.role, grantedAt: r.grantedAt } })
      moved++
    }
  }
  await tx.memberRole.deleteMany({ where: { memberId: goneId } })

  await move(tx.activity.updateMany({ where: { organizerId: goneId }, data: { organizerId: keepId } }))

  // Where both hold a sign-up for one activity the worse goes; then the rest move in one statement, however many.
  const refill = new Set<number>()
  const clash = (memberId: number, otherId: number) =>
    tx.signup.findMany({ where: { memberId, activity: { signups: { some: { memberId: otherId } } } } })
  const mine = new Map((await clash(keepId, goneId)).map((s) => [s.activityId, s]))
  const dropped: Signup[] = []
  for (const s of await clash(goneId, keepId)) {
    const other = mine.get(s.activityId)!
    const lost = better(other, s) === other ? s : other
    if (lost.status === 'confirmed') refill.add(s.activityId)
    dropped.push(lost)
  }
  for (const ids of chunked(dropped.map((s) => s.id))) await tx.signup.deleteMany({ where: { id: { in: ids } } })
  await move(tx.signup.updateMany({ where: { memberId: goneId }, data: { memberId: keepId } }))
  moved += dropped.filter((s) => s.memberId === goneId).length
  await tx.signup.updateMany({ where: { byId: goneId }, data: { byId: keepId } })
  // One person held two places: the freed one goes to whoever waits first.
  for (const activityId of refill) {
    const activity = await tx.activity.findUniqueOrThrow({ where: { id: activityId } })
    await promoteWaiting(tx, activity)
  }

  for (const w of await tx.workshopMentor.findMany({ where: { memberId: goneId } })) {
    const key = { workshopId_memberId: { workshopId: w.workshopId, memberId: keepId } }
    if (!(await tx.workshopMentor.findUnique({ where: key }))) {
      await tx.workshopMentor.create({ data: { workshopId: w.workshopId, memberId: keepId } })
      moved++
    }
  }
  await tx.workshopMentor.deleteMany({ where: { memberId: goneId } })

  for (const m of await tx.mentee.findMany({ where: { memberId: goneId } })) {
    const mine = await tx.mentee.findUnique({ where: { workshopId_memberId: { workshopId: m.workshopId, memberId: keepId } } })
    if (mine && (mine.status === 'approved' || m.status !== 'approved')) {
      await tx.mentee.delete({ where: { id: m.id } })
      continue
    }
    if (mine) await tx.mentee.delete({ where: { id: mine.id } })
    await tx.mentee.update({ where: { id: m.id }, data: { memberId: keepId } })
    moved++
  }
  await move(tx.mentee.updateMany({ where: { mentorId: goneId }, data: { mentorId: keepId } }))
  await move(tx.question.updateMany({ where: { askerId: goneId }, data: { askerId: keepId } }))
  await move(tx.answer.updateMany({ where: { authorId: goneId }, data: { authorId: keepId } }))
  await tx.claimCode.deleteMany({ where: { memberId: goneId, usedAt: null } })
  await tx.claimCode.updateMany({ where: { memberId: goneId }, data: { memberId: keepId } })
  // Their direct chats with the bot, calendar feeds, a file waiting for /导入, and what waits for their /确认.
  await move(tx.group.updateMany({ where: { ownerId: goneId }, data: { ownerId: keepId } }))
  await tx.calendarToken.updateMany({ where: { memberId: goneId }, data: { memberId: keepId } })
  await tx.pendingImport.updateMany({ where: { memberId: goneId }, data: { memberId: keepId } })
  await tx.confirmation.updateMany({ where: { memberId: goneId }, data: { memberId: keepId } })
  await tx.confirmation.updateMany({ where: { otherId: goneId }, data: { otherId: keepId } })
  await tx.confirmation.updateMany({ where: { waitingFor: goneId }, data: { waitingFor: keepId } })
  moved += await mergeAttendance(tx, keepId, goneId)

  await tx.member.update({
    where: { id: keepId },
    data: {
      realName: keep.realName ?? gone.realName,
      school: keep.school ?? gone.school,
      subject: keep.subject ?? gone.subject,
      ...(keep.teachingYears === null && gone.teachingYears !== null
        ? { teachingYears: gone.teachingYears, teachingYearsOn: gone.teachingYearsOn }
        : {}),
    },
  })
  await tx.member.delete({ where: { id: goneId } })
  return moved
}
