import type { Tx } from '../db/client.ts'
import type { SemesterInfo } from '../calendar/semester.ts'

export async function listSemesters(tx: Tx, districtId: number): Promise<SemesterInfo[]> {
  return tx.semester.findMany({
    where: { districtId },
    orderBy: { startDate: 'asc' },
    select: { name: true, startDate: true, endDate: true },
  })
}

export type SaveSemesterResult = { ok: true } | { ok: false; overlaps: string }

/**
 * Adds a semester, or corrects the one it overlaps when that has the same
 * name (a district fixing a typo in its dates).
 */
export async function saveSemester(tx: Tx, districtId: number, semester: SemesterInfo): Promise<SaveSemesterResult> {
  const overlapping = await tx.semester.findMany({
    where: { districtId, startDate: { lte: semester.endDate }, endDate: { gte: semester.startDate } },
  })
  const clash = overlapping.find((s) => s.name !== semester.name)
  if (clash) return { ok: false, overlaps: clash.name }
  if (overlapping.length > 1) return { ok: false, overlaps: semester.name }
  const same = overlapping[0]
  if (same) await tx.semester.update({ where: { id: same.id }, data: semester })
  else await tx.semester.create({ data: { districtId, ...semester } })
  return { ok: true }
}
