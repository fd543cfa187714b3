import { retryWhileBusy } from '../db/busy.ts'
import type { Db, Tx } from '../db/client.ts'

/**
 * Receives a platform event before it is acknowledged: "new" when it is
 * written now, "known" when it was received before (still waiting, or
 * already handled: its keys are in InboundEvent). One small transaction, so
 * a burst is acknowledged at once whatever its commands cost.
 */
export async function receive(tx: Tx, key: string, alsoKnownAs: readonly string[], platform: string, payload: string, now: Date): Promise<'new' | 'known'> {
  const keys = [key, ...alsoKnownAs]
  if ((await tx.inboundEvent.count({ where: { key: { in: keys } } })) > 0) return 'known'
  const [row] = await tx.$queryRaw<{ key: string }[]>`
    INSERT INTO "Inbox" ("key", "platform", "payload", "receivedAt") VALUES (${key}, ${platform}, ${payload}, ${now})
    ON CONFLICT ("key") DO NOTHING RETURNING "key"`
  return row ? 'new' : 'known'
}

/** Handled (or found to need nothing): forgotten. */
export async function handled(db: Db, key: string): Promise<void> {
  await retryWhileBusy(() => db.$transaction([db.$executeRaw`DELETE FROM "Inbox" WHERE "key" = ${key}`]), 60_000)
}

/** Events received before `before` and never handled (their process died): oldest first. */
export function leftOver(tx: Tx, platform: string, before: Date, limit = 500) {
  return tx.inbox.findMany({ where: { platform, receivedAt: { lt: before } }, orderBy: { receivedAt: 'asc' }, take: limit })
}
