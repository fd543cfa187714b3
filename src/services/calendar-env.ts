import type { Tx } from '../db/client.ts'
import type { District } from '../generated/prisma/client.ts'
import { localParts } from '../calendar/dates.ts'
import { nationalHoliday } from '../calendar/holidays.ts'
import type { CalendarEnv } from '../calendar/resolve-when.ts'
import { listSemesters } from './semesters.ts'

/** The district's calendar as the pure time reader needs it. */
export async function calendarEnv(tx: Tx, district: District, now: Date): Promise<CalendarEnv> {
  const { date, time } = localParts(now, district.timezone)
  const [semesters, closed] = await Promise.all([
    listSemesters(tx, district.id),
    tx.closedDay.findMany({ where: { districtId: district.id, date: { gte: date } } }),
  ])
  const closedDays = new Map(closed.map((c) => [c.date, c.name]))
  return {
    today: date,
    nowTime: time,
    semesters,
    defaults: { morning: district.morningAt, afternoon: district.afternoonAt, evening: district.eveningAt },
    closedOn: (day) => closedDays.get(day) ?? nationalHoliday(day),
  }
}
