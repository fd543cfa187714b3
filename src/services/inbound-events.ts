import type { Tx } from '../db/client.ts'

/**
 * Takes a platform event once: true when none of its keys was seen before,
 * and records them all. Redelivered events (Lark retries what it thinks
 * failed) find their keys and are dropped, also after a restart. A message
 * without keys (console, WeChat) is always fresh and costs no query.
 */
export async function claimOnce(tx: Tx, keys: readonly string[], now: Date): Promise<boolean> {
  const unique = [...new Set(keys)]
  if (unique.length === 0) return true
  const seen = await tx.inboundEvent.count({ where: { key: { in: unique } } })
  if (seen > 0) return false
  await tx.inboundEvent.createMany({ data: unique.map((key) => ({ key, receivedAt: now })) })
  return true
}

/** Forgets event keys older than Lark's last redelivery (6 h) by a wide margin. */
export async function pruneInboundEvents(tx: Tx, now: Date, keepDays = 7): Promise<number> {
  const before = new Date(now.getTime() - keepDays * 24 * 60 * 60_000)
  const { count } = await tx.inboundEvent.deleteMany({ where: { receivedAt: { lt: before } } })
  return count
}
