import { hostname } from 'node:os'
import { inTx, type Db } from '../db/client.ts'

/** A process not seen for this long is taken as gone (it is seen every HEARTBEAT_MS). */
export const PROCESS_GONE_AFTER_MS = 90_000
export const HEARTBEAT_MS = 30_000

/** This process, written at start and seen every half minute; a clean stop removes it. */
export async function registerProcess(db: Db, id: string, now: Date): Promise<void> {
  await inTx(db, async (tx) => {
    await tx.botProcess.deleteMany({ where: { seenAt: { lt: new Date(now.getTime() - 24 * 60 * 60_000) } } })
    await tx.botProcess.create({ data: { id, host: hostname(), pid: process.pid, startedAt: now, seenAt: now } })
  })
}

export async function seeProcess(db: Db, id: string, now: Date): Promise<void> {
  await inTx(db, (tx) => tx.botProcess.updateMany({ where: { id }, data: { seenAt: now } }))
}

export async function removeProcess(db: Db, id: string): Promise<void> {
  await inTx(db, (tx) => tx.botProcess.deleteMany({ where: { id } }))
}

/** Bot processes seen lately on this database, this one included. */
export function liveProcesses(db: Db, now: Date): Promise<number> {
  return inTx(db, (tx) => tx.botProcess.count({ where: { seenAt: { gt: new Date(now.getTime() - PROCESS_GONE_AFTER_MS) } } }))
}

/**
 * Takes or renews a lease: true when `holder` has it until `now + ms`. It is
 * free when nobody holds it, or its holder let it run out (stopped, or died
 * and stopped renewing). One conditional update: of processes trying at the
 * same moment, one wins (PostgreSQL re-reads the row the winner changed).
 */
export async function holdLease(db: Db, name: string, holder: string, now: Date, ms: number): Promise<boolean> {
  const until = new Date(now.getTime() + ms)
  return inTx(db, async (tx) => {
    const { count } = await tx.lease.updateMany({ where: { name, OR: [{ holder }, { until: { lte: now } }] }, data: { holder, until } })
    if (count === 1) return true
    if (await tx.lease.findUnique({ where: { name } })) return false
    // The first ever: a process creating it at the same moment makes this run again (inTx), and then it is held.
    await tx.lease.create({ data: { name, holder, until } })
    return true
  })
}

/** Gives the lease up at once (a clean stop), so another process takes over without waiting it out. */
export async function releaseLease(db: Db, name: string, holder: string): Promise<void> {
  await inTx(db, (tx) => tx.lease.deleteMany({ where: { name, holder } }))
}
