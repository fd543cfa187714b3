/**
 * The district's activities as the web console lists them: those still to
 * come by their next session, those over by their last, a page at a time.
 * A district holds thousands once a 行事历 is imported: the ordering reads
 * one small row per activity and per activity's first or last session, and
 * only the page shown is read in full.
 */
import type { Tx } from '../db/client.ts'
import type { LocalDate } from '../calendar/dates.ts'
import type { Activity, Occurrence } from '../generated/prisma/client.ts'
import { listName } from './members.ts'
import { signupCounts } from './signups.ts'

export type ListWhen = 'upcoming' | 'past' | 'all'

export interface ListQuery {
  districtId: number
  today: LocalDate
  when: ListWhen
  /** Words the title holds. */
  search?: string
  /** 1-based. */
  page: number
  perPage: number
}

export interface ListedActivity {
  activity: Activity
  organizerName: string
  /** The next session held when the activity is still to come, else the last one held; null when none is dated. */
  session: Occurrence | null
  upcoming: boolean
  counts: { confirmed: number; waiting: number }
}

export interface ActivityPage {
  rows: ListedActivity[]
  total: number
  page: number
  pages: number
}

interface Placed {
  id: number
  upcoming: boolean
  /** The order within its part: the next session's start (or the undated window's first day), the last one's start. */
  at: number
  session: Date | null
}

export async function listActivities(tx: Tx, q: ListQuery): Promise<ActivityPage> {
  const placed = (await placeAll(tx, q)).filter((p) => q.when === 'all' || p.upcoming === (q.when === 'upcoming'))
  // To come: the soonest first; over: the latest first; "all" lists those to come above those over.
  placed.sort((a, b) => Number(b.upcoming) - Number(a.upcoming) || (a.upcoming ? a.at - b.at : b.at - a.at) || a.id - b.id)
  const pages = Math.max(1, Math.ceil(placed.length / q.perPage))
  const page = Math.min(Math.max(1, q.page), pages)
  const shown = placed.slice((page - 1) * q.perPage, page * q.perPage)
  return { rows: await readRows(tx, shown), total: placed.length, page, pages }
}

/** Each activity of the search, to come or over, with the session it is ordered by. */
async function placeAll(tx: Tx, q: ListQuery): Promise<Placed[]> {
  const activities = await tx.activity.findMany({
    where: { districtId: q.districtId, ...(q.search ? { title: { contains: q.search } } : {}) },
    select: { id: true, pendingFrom: true, pendingTo: true },
  })
  const held = { districtId: q.districtId, skipReason: null }
  const ahead = await tx.occurrence.groupBy({ by: ['activityId'], where: { ...held, date: { gte: q.today } }, _min: { startAt: true } })
  const behind = await tx.occurrence.groupBy({ by: ['activityId'], where: { ...held, date: { lt: q.today } }, _max: { startAt: true } })
  const next = new Map(ahead.map((r) => [r.activityId, r._min.startAt]))
  const last = new Map(behind.map((r) => [r.activityId, r._max.startAt]))
  return activities.map((a): Placed => {
    const soon = next.get(a.id)
    if (soon) return { id: a.id, upcoming: true, at: soon.getTime(), session: soon }
    if (a.pendingTo && a.pendingTo >= q.today) return { id: a.id, upcoming: true, at: Date.parse(a.pendingFrom ?? a.pendingTo), session: null }
    const over = last.get(a.id)
    return { id: a.id, upcoming: false, at: over ? over.getTime() : Date.parse(a.pendingTo ?? '1970-01-01'), session: over ?? null }
  })
}

/** The page's activities in full, with their organizer, the session shown and the sign-up counts. */
async function readRows(tx: Tx, shown: Placed[]): Promise<ListedActivity[]> {
  const ids = shown.map((p) => p.id)
  if (ids.length === 0) return []
  const activities = new Map((await tx.activity.findMany({ where: { id: { in: ids } }, include: { organizer: true } })).map((a) => [a.id, a]))
  const starts = shown.flatMap((p) => (p.session ? [p.session] : []))
  const sessions = starts.length === 0 ? [] : await tx.occurrence.findMany({ where: { activityId: { in: ids }, skipReason: null, startAt: { in: starts } } })
  const counts = await signupCounts(tx, ids)
  return shown.flatMap((p) => {
    const found = activities.get(p.id)
    if (!found) return []
    const { organizer, ...activity } = found
    const session = p.session ? (sessions.find((o) => o.activityId === p.id && o.startAt.getTime() === p.session!.getTime()) ?? null) : null
    return [{ activity, organizerName: listName(organizer), session, upcoming: p.upcoming, counts: counts.get(p.id) ?? { confirmed: 0, waiting: 0 } }]
  })
}
