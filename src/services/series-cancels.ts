/**
 * Cancelling a whole series waits for the organizer's /确认: the ask is a
 * confirmation row of kind CANCEL_SERIES, waiting for them, carrying which
 * activity and why. One is open per member at a time.
 */
import type { Tx } from '../db/client.ts'

export const CANCEL_SERIES = 'cancelSeries'

/** What the organizer asked to cancel, and where. */
export interface CancelAsk {
  districtId: number | null
  activityId: number
  reason: string | null
}

interface CancelPayload {
  activityId: number
  reason: string | null
}

/** Asks the member to confirm cancelling the activity until `expiresAt`; an ask of theirs still open is closed first. */
export async function askCancelSeries(
  tx: Tx, ask: { districtId: number; memberId: number; activityId: number; reason: string | null }, now: Date, expiresAt: Date,
): Promise<void> {
  const member = ask.memberId
  await tx.confirmation.updateMany({ where: { kind: CANCEL_SERIES, waitingFor: member, doneAt: null }, data: { doneAt: now } })
  const payload: CancelPayload = { activityId: ask.activityId, reason: ask.reason }
  await tx.confirmation.create({
    data: {
      kind: CANCEL_SERIES, districtId: ask.districtId, memberId: member, otherId: member, waitingFor: member,
      createdAt: now, expiresAt, payload: JSON.stringify(payload),
    },
  })
}

function openRow(tx: Tx, memberId: number, now: Date) {
  return tx.confirmation.findFirst({
    where: { kind: CANCEL_SERIES, waitingFor: memberId, doneAt: null, expiresAt: { gt: now } },
    orderBy: { id: 'desc' },
  })
}

/** The member's ask still open, or null. */
export async function openCancelAsk(tx: Tx, memberId: number, now: Date): Promise<CancelAsk | null> {
  const row = await openRow(tx, memberId, now)
  if (!row?.payload) return null
  const { activityId, reason } = JSON.parse(row.payload) as CancelPayload
  return { districtId: row.districtId, activityId, reason }
}

/** Closes the member's open ask about this activity, if any: it was cancelled, or one session of it. */
export async function closeCancelAsk(tx: Tx, memberId: number, activityId: number, now: Date): Promise<void> {
  const row = await openRow(tx, memberId, now)
  if (row?.payload && (JSON.parse(row.payload) as CancelPayload).activityId === activityId) {
    await tx.confirmation.update({ where: { id: row.id }, data: { doneAt: now } })
  }
}
