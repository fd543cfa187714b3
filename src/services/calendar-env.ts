import type { Tx } from '../db/client.ts'
import type { District } from '../generated/prisma/client.ts'
import { localParts } from '../calendar/dates.ts'
import { nationalHoliday } from '../calendar/holidays.ts'
import type { CalendarEnv } from '../calendar/resolve-when.ts'
import { timetableFromJson } from '../calendar/timetable.ts'

/** The district's calendar as the pure time reader needs it. */
export async function calendarEnv(tx: Tx, district: District, now: Date): Promise<CalendarEnv> {
  const { date, time } = localParts(now, district.timezone)
  // The terms and the closed days still ahead in one read: nearly every command asks for them.
  const rows = await tx.$queryRaw<{ kind: string; name: string; a: string; b: string | null }[]>`
    SELECT 'semester' AS "kind", "name", "startDate" AS "a", "endDate" AS "b" FROM "Semester" WHERE "districtId" = ${district.id}
    UNION ALL
    SELECT 'closed' AS "kind", "name", "date" AS "a", NULL AS "b" FROM "ClosedDay" WHERE "districtId" = ${district.id} AND "date" >= ${date}
    ORDER BY "kind", "a"`
  const semesters = rows.filter((r) => r.kind === 'semester').map((r) => ({ name: r.name, startDate: r.a, endDate: r.b! }))
  const closedDays = new Map(rows.filter((r) => r.kind === 'closed').map((r) => [r.a, r.name]))
  return {
    today: date,
    nowTime: time,
    semesters,
    defaults: { morning: district.morningAt, afternoon: district.afternoonAt, evening: district.eveningAt },
    closedOn: (day) => closedDays.get(day) ?? nationalHoliday(day),
    timetable: timetableFromJson(district.timetable),
  }
}
