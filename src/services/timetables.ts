/**
 * A district's 作息时间 (class periods and after school), by which 第三节课 and
 * 放学后 are given clock times.
 */
import { toInstant, type LocalDate } from '../calendar/dates.ts'
import { afterSchoolStart, periodStart, type Timetable } from '../calendar/timetable.ts'
import type { When } from '../calendar/when.ts'
import type { Tx } from '../db/client.ts'
import type { District } from '../generated/prisma/client.ts'

/**
 * Saves the district's timetable and gives the untimed occurrences from
 * `today` on of activities written by class period their time; returns how
 * many activities were timed.
 */
export async function saveTimetable(tx: Tx, district: Pick<District, 'id' | 'timezone'>, timetable: Timetable, today: LocalDate): Promise<number> {
  await tx.district.update({ where: { id: district.id }, data: { timetable: JSON.stringify(timetable) } })
  const activities = await tx.activity.findMany({
    where: { districtId: district.id, status: 'scheduled', OR: [{ whenJson: { contains: '"periods"' } }, { whenJson: { contains: '"afterSchool"' } }] },
    include: { occurrences: { where: { date: { gte: today }, timed: false } } },
  })
  let count = 0
  for (const activity of activities) {
    const { time } = JSON.parse(activity.whenJson) as When
    const at = time.periods ? periodStart(time.periods, time.part, timetable, time.afterPeriods) : afterSchoolStart(timetable)
    if (!('start' in at) || activity.occurrences.length === 0) continue
    for (const o of activity.occurrences) {
      await tx.occurrence.update({ where: { id: o.id }, data: { startAt: toInstant(o.date, at.start, district.timezone), timed: true } })
    }
    count++
  }
  return count
}
