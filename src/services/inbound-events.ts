import type { Tx } from '../db/client.ts'

/**
 * How long an event's keys are kept: far longer than any event a platform
 * adapter still accepts (Lark's MAX_EVENT_AGE_MS, a day, past its last
 * redelivery at 6 h), so no event old enough to be taken can find its keys
 * forgotten and run twice.
 */
export const EVENT_KEY_RETENTION_MS = 7 * 24 * 60 * 60_000

/**
 * Takes a platform event once: true when none of its keys was seen before,
 * and records them all. Redelivered events (Lark retries what it thinks
 * failed) and replayed card presses find their keys and are dropped, also
 * after a restart. A message without keys (console, WeChat) is always fresh
 * and costs no query.
 */
export async function claimOnce(tx: Tx, keys: readonly string[], now: Date): Promise<boolean> {
  const unique = [...new Set(keys)]
  if (unique.length === 0) return true
  const seen = await tx.inboundEvent.count({ where: { key: { in: unique } } })
  if (seen > 0) return false
  await tx.inboundEvent.createMany({ data: unique.map((key) => ({ key, receivedAt: now })) })
  return true
}

/** Forgets event keys past EVENT_KEY_RETENTION_MS. */
export async function pruneInboundEvents(tx: Tx, now: Date, keepMs = EVENT_KEY_RETENTION_MS): Promise<number> {
  const before = new Date(now.getTime() - keepMs)
  const { count } = await tx.inboundEvent.deleteMany({ where: { receivedAt: { lt: before } } })
  return count
}
