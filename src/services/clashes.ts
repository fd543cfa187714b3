import { weekdayOf, type LocalDate } from '../calendar/dates.ts'
import { makeUpWorkday } from '../calendar/holidays.ts'
import type { Plan } from '../calendar/resolve-when.ts'
import { chunked } from '../db/chunks.ts'
import type { Tx } from '../db/client.ts'
import type { Activity, Occurrence } from '../generated/prisma/client.ts'

/** Another live activity a new one may clash with or repeat, on one of its days. */
export interface Clash {
  kind: 'samePlace' | 'duplicate'
  activityId: number
  title: string
  date: string
  startAt: Date
  timed: boolean
}

/** A session without an end is taken to last this long when checking overlaps. */
const ASSUMED_LENGTH_MS = 2 * 60 * 60_000

const sameWords = (a: string, b: string) => squeeze(a) === squeeze(b)
const squeeze = (s: string) => s.replace(/[\s\p{P}\p{S}]/gu, '').toLowerCase()

/**
 * What scheduling warns about without refusing: on one of the new activity's
 * days, another live activity at the same place at an overlapping time, or
 * one of the same name (a duplicate). At most one of each kind.
 */
export async function findClashes(tx: Tx, activity: Activity, occurrences: readonly Occurrence[]): Promise<Clash[]> {
  const held = occurrences.filter((o) => !o.skipReason)
  if (held.length === 0) return []
  const others = []
  for (const dates of chunked([...new Set(held.map((o) => o.date))])) {
    others.push(...(await tx.occurrence.findMany({
      where: { districtId: activity.districtId, date: { in: dates }, skipReason: null, activityId: { not: activity.id }, activity: { status: 'scheduled' } },
      include: { activity: { select: { id: true, title: true, place: true } } },
      orderBy: [{ startAt: 'asc' }, { activityId: 'asc' }],
    })))
  }
  const found: Clash[] = []
  const place = activity.place ? squeeze(activity.place) : null
  for (const other of others) {
    const mine = held.filter((o) => o.date === other.date)
    const clash = (kind: Clash['kind']) => ({ kind, activityId: other.activity.id, title: other.activity.title, date: other.date, startAt: other.startAt, timed: other.timed })
    if (!found.some((c) => c.kind === 'duplicate') && sameWords(other.activity.title, activity.title)) found.push(clash('duplicate'))
    else if (!found.some((c) => c.kind === 'samePlace') && place && other.activity.place && squeeze(other.activity.place) === place && mine.some((o) => overlaps(o, other))) found.push(clash('samePlace'))
  }
  return found
}

/** Two sessions of one day overlap; one without a clock time overlaps anything that day. */
function overlaps(a: Occurrence, b: Occurrence): boolean {
  if (!a.timed || !b.timed) return true
  const end = (o: Occurrence) => (o.endAt ?? new Date(o.startAt.getTime() + ASSUMED_LENGTH_MS)).getTime()
  return a.startAt.getTime() < end(b) && b.startAt.getTime() < end(a)
}

/** The day of a one-off on a weekend that is not a make-up workday: said (注意：12月12日(周六)是周末。), not refused. */
export function weekendDay(plan: Plan): LocalDate | null {
  const only = plan.kind !== 'pending' && plan.occurrences.length === 1 ? plan.occurrences[0]!.date : null
  return only && weekdayOf(only) >= 6 && !makeUpWorkday(only) ? only : null
}

/** A one-off on a make-up workday (调休上班日): the day and the holiday it makes up for. */
export function makeUpDay(plan: Plan): { date: LocalDate; holiday: string } | null {
  const only = plan.kind !== 'pending' && plan.occurrences.length === 1 ? plan.occurrences[0]!.date : null
  const holiday = only ? makeUpWorkday(only) : null
  return only && holiday ? { date: only, holiday } : null
}
