import { addDays, daysBetween, type LocalDate } from '../calendar/dates.ts'
import { nationalHoliday } from '../calendar/holidays.ts'
import type { Tx } from '../db/client.ts'

/** What registering days a district closes did. */
export type ClosedDaysResult =
  /** The same name over exactly these days was registered before: nothing changed. */
  | { kind: 'already' }
  /** New days; `paused` sessions fall on them. */
  | { kind: 'saved'; paused: number }
  /** The name's registration these days overlap now covers them instead; `was` is its former first and last day. */
  | { kind: 'updated'; paused: number; resumed: number; was: { from: LocalDate; to: LocalDate } }

/**
 * Registers `name` from `from` to `to` (the caller checked the span). A
 * registration of the same name that overlaps these days is the same
 * holiday written again: unchanged it is said to be there already, changed
 * it is replaced (days it no longer covers are freed, their paused sessions
 * resumed). Days beside it, not overlapping, are a registration of their own.
 */
export async function registerClosedDays(tx: Tx, districtId: number, from: LocalDate, to: LocalDate, name: string): Promise<ClosedDaysResult> {
  const former = await overlappingRegistration(tx, districtId, from, to, name)
  if (former.length > 0 && former[0] === from && former.at(-1) === to && former.length === daysBetween(from, to) + 1) return { kind: 'already' }
  const freed = former.filter((date) => date < from || date > to)
  let resumed = 0
  if (freed.length > 0) {
    await tx.closedDay.deleteMany({ where: { districtId, date: { in: freed } } })
    // A session a national holiday pauses stays paused whatever the district registers.
    const resumable = freed.filter((date) => !nationalHoliday(date))
    resumed = (await tx.occurrence.updateMany({ where: { districtId, date: { in: resumable }, skipReason: name, cancelled: false }, data: { skipReason: null } })).count
  }
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const key = { districtId_date: { districtId, date } }
    await tx.closedDay.upsert({ where: key, update: { name }, create: { districtId, date, name } })
  }
  const { count: paused } = await tx.occurrence.updateMany({
    where: { districtId, date: { gte: from, lte: to }, skipReason: null },
    data: { skipReason: name },
  })
  if (former.length === 0) return { kind: 'saved', paused }
  return { kind: 'updated', paused, resumed, was: { from: former[0]!, to: former.at(-1)! } }
}

/** The district's closed days from a day on, the first `take` of them, in order. */
export function closedDaysFrom(tx: Tx, districtId: number, from: LocalDate, take: number): Promise<{ date: LocalDate; name: string }[]> {
  return tx.closedDay.findMany({ where: { districtId, date: { gte: from } }, orderBy: { date: 'asc' }, take })
}

/** The days of each run of consecutive days registered under `name` that overlaps from..to, in order. */
async function overlappingRegistration(tx: Tx, districtId: number, from: LocalDate, to: LocalDate, name: string): Promise<LocalDate[]> {
  const rows = await tx.closedDay.findMany({
    where: { districtId, name, date: { gte: addDays(from, -NEAR_DAYS), lte: addDays(to, NEAR_DAYS) } },
    orderBy: { date: 'asc' },
  })
  const runs: LocalDate[][] = []
  for (const { date } of rows) {
    const run = runs.at(-1)
    if (run && addDays(run.at(-1)!, 1) === date) run.push(date)
    else runs.push([date])
  }
  return runs.filter((run) => run[0]! <= to && run.at(-1)! >= from).flat()
}

/** How far a registration overlapping the new days may reach: the longest one /放假 takes. */
const NEAR_DAYS = 60

