import { localParts, type LocalDate } from '../calendar/dates.ts'
import type { Tx } from '../db/client.ts'
import type { District } from '../generated/prisma/client.ts'
import { describedAs, EventIndex, precision, shapeOf, type EventShape } from './import-same.ts'
import type { ImportItem } from './import-types.ts'

type Fresh = Extract<ImportItem, { ok: true }>

/** An activity of the district that a line of the file writes again (from another file, or scheduled by hand). */
export interface SameActivity {
  id: number
  title: string
  /** The line gives a day or a time where the activity has only a window (需要时 /改期). */
  morePrecise: boolean
}

interface Row {
  id: number
  title: string
  place: string | null
  subject: string | null
  pendingFrom: string | null
  pendingTo: string | null
  occurrences: { date: string; startAt: Date; endAt: Date | null; timed: boolean }[]
}

/**
 * The items that are an activity the district has already, found as one
 * file's two writings of an activity are (import-same.ts): the .csv of a
 * plan imported after its .txt creates nothing twice.
 */
export async function findSameActivities(tx: Tx, district: District, items: readonly Fresh[]): Promise<Map<Fresh, SameActivity>> {
  const found = new Map<Fresh, SameActivity>()
  const shapes = items.map(shapeOf)
  const spans = shapes.flatMap((s) => s.spans)
  if (spans.length === 0) return found
  const from = spans.reduce((m, s) => (s.from < m ? s.from : m), spans[0]!.from)
  const to = spans.reduce((m, s) => (s.to > m ? s.to : m), spans[0]!.to)
  const rows: Row[] = await tx.activity.findMany({
    where: { districtId: district.id, OR: [{ pendingFrom: { lte: to }, pendingTo: { gte: from } }, { occurrences: { some: { date: { gte: from, lte: to } } } }] },
    select: {
      id: true, title: true, place: true, subject: true, pendingFrom: true, pendingTo: true,
      occurrences: { select: { date: true, startAt: true, endAt: true, timed: true }, orderBy: { date: 'asc' } },
    },
    orderBy: { id: 'asc' },
  })
  const index = new EventIndex<{ row: Row; shape: EventShape }>()
  for (const row of rows) {
    const shape = shapeOfActivity(row, district.timezone)
    if (shape) index.add(shape, { row, shape })
  }
  items.forEach((item, i) => {
    const same = index.find(shapes[i]!)
    if (same) found.set(item, { id: same.row.id, title: same.row.title, morePrecise: precision(shapes[i]!) < precision(same.shape) })
  })
  return found
}

function shapeOfActivity(row: Row, tz: string): EventShape | null {
  const base = describedAs(row.title, row.place, row.subject)
  if (row.pendingFrom && row.pendingTo) return { ...base, spans: [{ from: row.pendingFrom, to: row.pendingTo }], pending: true }
  const [first] = row.occurrences
  if (!first) return null
  const spans = row.occurrences.map((o) => ({ from: o.date, to: o.endAt ? maxDate(o.date, localParts(o.endAt, tz).date) : o.date }))
  return { ...base, spans, pending: false, ...(first.timed ? { start: localParts(first.startAt, tz).time } : {}) }
}

function maxDate(a: LocalDate, b: LocalDate): LocalDate {
  return a > b ? a : b
}
