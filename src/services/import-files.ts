/**
 * The 行事历 file an admin sent, read when it came (src/services/domain.ts
 * keeps its lines) and kept a day for /导入 to preview and, once confirmed,
 * to save.
 */
import type { Tx } from '../db/client.ts'

/** How long a file sent waits for /导入. */
const KEEP_MS = 24 * 60 * 60_000

export interface KeptImportFile {
  id: number
  name: string
  lines: string[]
}

/** The member's latest file for the district, if it came within the day. */
export async function keptImportFile(tx: Tx, memberId: number, districtId: number, now: Date): Promise<KeptImportFile | null> {
  const row = await tx.pendingImport.findFirst({
    where: { memberId, districtId, receivedAt: { gte: new Date(now.getTime() - KEEP_MS) } },
    orderBy: { receivedAt: 'desc' },
  })
  return row ? { id: row.id, name: row.name, lines: JSON.parse(row.lines) as string[] } : null
}

/** Forgets a file once what it holds is saved. */
export async function forgetImportFile(tx: Tx, id: number): Promise<void> {
  await tx.pendingImport.delete({ where: { id } })
}
