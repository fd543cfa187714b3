import type { Db } from '../../src/db/client.ts'

/**
 * Copies of an activity written straight into the database, for tests of
 * sizes that thousands of commands would only make slow; each copy may
 * change columns. Returns the new rows in id order.
 */
export async function copiesOf(db: Db, activityId: number, count: number, patch: (i: number) => { title?: string; capacity?: number | null; importKey?: string } = () => ({})) {
  const { id: _id, createdAt: _c, updatedAt: _u, importKey: _k, ...columns } = await db.activity.findUniqueOrThrow({ where: { id: activityId } })
  const made = await db.activity.createManyAndReturn({ data: Array.from({ length: count }, (_, i) => ({ ...columns, ...patch(i) })) })
  return made.sort((a, b) => a.id - b.id)
}

/** One occurrence each at 13:30 Beijing time, spread day by day over `days` days from `from` (YYYY-MM-DD). */
export async function spreadOccurrences(db: Db, activities: readonly { id: number; districtId: number }[], from: string, days: number): Promise<void> {
  const start = Date.parse(`${from}T00:00:00Z`)
  await db.occurrence.createMany({
    data: activities.map((a, i) => {
      const date = new Date(start + (i % days) * 86_400_000).toISOString().slice(0, 10)
      return { activityId: a.id, districtId: a.districtId, date, startAt: new Date(`${date}T13:30:00+08:00`) }
    }),
  })
}
