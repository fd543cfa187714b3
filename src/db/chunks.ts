/**
 * Prisma's runtime refuses a statement with more than 999 bound values on
 * SQLite (P2029, "The query parameter limit supported by your database is
 * exceeded"); it splits a statement itself only when it can (a plain read
 * with no order or limit, a relation's rows for `include`, `createMany`),
 * never an ordered read, a count, a groupBy or an updateMany. So a list read
 * from the database is better a join or a subquery, and a list that comes
 * from outside is looked up at most this many values at a time, which leaves
 * room for the query's other values.
 */
export const MAX_LIST_VALUES = 500

/** The items in slices of at most `size`, in order. */
export function chunked<T>(items: readonly T[], size = MAX_LIST_VALUES): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`chunk size must be a positive integer, got ${size}`)
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

/** Runs `read` on each slice in turn (one statement at a time, as a transaction must) and joins the rows. */
export async function readInChunks<T, R>(items: readonly T[], read: (chunk: T[]) => Promise<readonly R[]>): Promise<R[]> {
  const rows: R[] = []
  for (const chunk of chunked(items)) rows.push(...(await read(chunk)))
  return rows
}
