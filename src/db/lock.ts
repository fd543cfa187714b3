import { Prisma } from '../generated/prisma/client.ts'
import { dialectOf, type Tx } from './client.ts'

/**
 * Holds an activity for the rest of the transaction: a sign-up, a withdrawal,
 * a promotion and a change of capacity read its places and its next `seq`
 * before they write, and two of them must not read the same. PostgreSQL runs
 * transactions side by side, so the activity's row is locked (`FOR UPDATE`);
 * SQLite has one writer, and inTx runs one transaction of a process at a time,
 * so nothing more is needed there.
 */
export async function lockActivity(tx: Tx, activityId: number): Promise<void> {
  if (dialectOf(tx) !== 'postgres') return
  await tx.$queryRaw`SELECT "id" FROM "Activity" WHERE "id" = ${activityId} FOR UPDATE`
}

/**
 * The end of a SELECT that takes rows for this transaction only: on
 * PostgreSQL `FOR UPDATE SKIP LOCKED` (rows another process is taking are
 * passed over); nothing on SQLite, whose one writer already takes turns.
 */
export function skipLocked(tx: Tx): Prisma.Sql {
  return dialectOf(tx) === 'postgres' ? Prisma.sql`FOR UPDATE SKIP LOCKED` : Prisma.empty
}
