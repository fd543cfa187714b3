/**
 * The district's activities as the web console lists them: those still to
 * come by their next session, those over by their last, those whose date is
 * still to be set by their window, a page at a time. A session is to come
 * until it ends (session-times.ts hasEnded), not until its day is over.
 * A district holds thousands once a 行事历 is imported: the ordering reads
 * one small row per activity and per activity's first or last session, and
 * only the page shown is read in full.
 */
import type { Tx } from '../db/client.ts'
import type { LocalDate } from '../calendar/dates.ts'
import type { When } from '../calendar/when.ts'
import type { Activity, Occurrence } from '../generated/prisma/client.ts'
import { pendingWindowPassed } from './describe.ts'
import { containsLiterally, needsLiteralCheck, piecesWhere } from './literal-search.ts'
import { listName } from './members.ts'
import { endedWhere, notEndedWhere } from './session-times.ts'
import { signupCounts } from './signups.ts'

/** 即将开始 (undated ones whose window is ahead too), 已结束, 日期待定 (every undated one), 全部. */
export type ListWhen = 'upcoming' | 'past' | 'pending' | 'all'

/** A session still to come or under way; every session over; no date yet. */
export type ListState = 'upcoming' | 'past' | 'undated'

export interface ListQuery {
  districtId: number
  today: LocalDate
  now: Date
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
  /** The next session not yet over when there is one, else the last one; null when none is dated. */
  session: Occurrence | null
  state: ListState
  /** A series' first session held, whose time its rhythm is said with (describeRhythm); null for one that does not repeat. */
  first: Occurrence | null
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
  state: ListState
  /** Listed among those to come (first) or among those over. */
  coming: boolean
  /** The order within its part: the next session's start (or the undated window's first day), the last one's start. */
  at: number
  session: Date | null
}

export async function listActivities(tx: Tx, q: ListQuery): Promise<ActivityPage> {
  const placed = (await placeAll(tx, q)).filter((p) => shownUnder(p, q.when))
  // To come: the soonest first; over: the latest first; "all" lists those to come above those over.
  placed.sort((a, b) => Number(b.coming) - Number(a.coming) || (a.coming ? a.at - b.at : b.at - a.at) || a.id - b.id)
  const pages = Math.max(1, Math.ceil(placed.length / q.perPage))
  const page = Math.min(Math.max(1, q.page), pages)
  const shown = placed.slice((page - 1) * q.perPage, page * q.perPage)
  return { rows: await readRows(tx, shown), total: placed.length, page, pages }
}

/** An undated activity is never 已结束: it is 即将开始 while its window is ahead, and always 日期待定. */
function shownUnder(p: Placed, when: ListWhen): boolean {
  if (when === 'all') return true
  if (when === 'pending') return p.state === 'undated'
  if (when === 'past') return p.state === 'past'
  return p.state === 'upcoming' || (p.state === 'undated' && p.coming)
}

/** Each activity of the search, with the session it is ordered by. */
async function placeAll(tx: Tx, q: ListQuery): Promise<Placed[]> {
  const search = q.search
  const found = await tx.activity.findMany({
    where: { districtId: q.districtId, ...(search ? piecesWhere(search, (piece) => ({ title: { contains: piece } })) : {}) },
    select: { id: true, title: true, pendingFrom: true, pendingTo: true },
  })
  const activities = search && needsLiteralCheck(search) ? found.filter((a) => containsLiterally(a.title, search)) : found
  const held = { districtId: q.districtId, skipReason: null }
  const ahead = await tx.occurrence.groupBy({ by: ['activityId'], where: { ...held, ...notEndedWhere(q.now) }, _min: { startAt: true } })
  const behind = await tx.occurrence.groupBy({ by: ['activityId'], where: { ...held, ...endedWhere(q.now) }, _max: { startAt: true } })
  const next = new Map(ahead.map((r) => [r.activityId, r._min.startAt]))
  const last = new Map(behind.map((r) => [r.activityId, r._max.startAt]))
  const placed = activities.map((a): Placed | number => {
    const soon = next.get(a.id)
    if (soon) return { id: a.id, state: 'upcoming', coming: true, at: soon.getTime(), session: soon }
    const over = last.get(a.id)
    if (over) return { id: a.id, state: 'past', coming: false, at: over.getTime(), session: over }
    if (a.pendingTo) {
      const coming = !pendingWindowPassed(a, q.today)
      return { id: a.id, state: 'undated', coming, at: Date.parse(coming ? (a.pendingFrom ?? a.pendingTo) : a.pendingTo), session: null }
    }
    return a.id
  })
  const unheld = placed.filter((p): p is number => typeof p === 'number')
  return [...placed.filter((p): p is Placed => typeof p !== 'number'), ...(await placeUnheld(tx, unheld, q.now))]
}

/**
 * Activities none of whose sessions is held (each paused by a holiday or
 * cancelled alone): placed by their last session all the same, so a dated
 * activity is never listed as 日期待定.
 */
async function placeUnheld(tx: Tx, ids: number[], now: Date): Promise<Placed[]> {
  if (ids.length === 0) return []
  const rows = await tx.occurrence.groupBy({ by: ['activityId'], where: { activityId: { in: ids } }, _max: { startAt: true } })
  const coming = new Set((await tx.occurrence.findMany({ where: { activityId: { in: ids }, ...notEndedWhere(now) }, select: { activityId: true } })).map((o) => o.activityId))
  const last = new Map(rows.map((r) => [r.activityId, r._max.startAt]))
  return ids.map((id): Placed => {
    const at = last.get(id) ?? null
    const state = coming.has(id) ? 'upcoming' : 'past'
    return { id, state, coming: state === 'upcoming', at: at?.getTime() ?? 0, session: at }
  })
}

/** The page's activities in full, with their organizer, the session shown, a series' first session and the sign-up counts. */
async function readRows(tx: Tx, shown: Placed[]): Promise<ListedActivity[]> {
  const ids = shown.map((p) => p.id)
  if (ids.length === 0) return []
  const activities = new Map((await tx.activity.findMany({ where: { id: { in: ids } }, include: { organizer: true } })).map((a) => [a.id, a]))
  const starts = shown.flatMap((p) => (p.session ? [p.session] : []))
  const sessions = starts.length === 0 ? [] : await tx.occurrence.findMany({ where: { activityId: { in: ids }, startAt: { in: starts } }, orderBy: { id: 'asc' } })
  const series = [...activities.values()].filter((a) => (JSON.parse(a.whenJson) as When).repeat).map((a) => a.id)
  const firsts = series.length === 0 ? [] : await tx.occurrence.findMany({ where: { activityId: { in: series }, skipReason: null }, orderBy: [{ activityId: 'asc' }, { startAt: 'asc' }], distinct: ['activityId'] })
  const counts = await signupCounts(tx, ids)
  return shown.flatMap((p) => {
    const found = activities.get(p.id)
    if (!found) return []
    const { organizer, ...activity } = found
    // A held session first, where a paused one shares its start.
    const same = sessions.filter((o) => o.activityId === p.id && o.startAt.getTime() === p.session?.getTime())
    const session = same.find((o) => !o.skipReason) ?? same[0] ?? null
    const first = firsts.find((o) => o.activityId === p.id) ?? null
    return [{ activity, organizerName: listName(organizer), session, state: p.state, first, counts: counts.get(p.id) ?? { confirmed: 0, waiting: 0 } }]
  })
}
