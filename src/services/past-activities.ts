/**
 * Activities already held, waiting for a yes: a /排期 of a time gone by is
 * kept, as it was written, until its organizer confirms it (/确认 补登记) or
 * half an hour passes.
 */
import type { Tx } from '../db/client.ts'
import type { Role } from '../core/roles.ts'
import type { District } from '../generated/prisma/client.ts'
import { rolesOf } from './identity.ts'

/** The kind of the confirmation kept (what /确认 waits for). */
export const PAST_ACTIVITY = 'pastActivity'
const KIND = PAST_ACTIVITY

/** How long a request waits for its confirmation. */
export const PAST_REQUEST_MINUTES = 30

/** What was asked: the words of the /排期 line and the group it came from. */
export interface PastRequest {
  args: string[]
  groupId: number
}

/** Keeps the member's request, in place of any they had open. */
export async function keepPastRequest(tx: Tx, districtId: number, memberId: number, request: PastRequest, now: Date): Promise<void> {
  await tx.confirmation.updateMany({ where: { kind: KIND, waitingFor: memberId, doneAt: null }, data: { doneAt: now } })
  await tx.confirmation.create({
    data: {
      kind: KIND, districtId, memberId, otherId: memberId, waitingFor: memberId,
      createdAt: now, expiresAt: new Date(now.getTime() + PAST_REQUEST_MINUTES * 60_000), payload: JSON.stringify(request),
    },
  })
}

export interface OpenPastRequest {
  id: number
  district: District
  /** The member's roles in that district. */
  roles: Set<Role>
  request: PastRequest
}

/**
 * The member's latest request still open, with its district and their roles
 * there; null when there is none. `known` is a district at hand, not read
 * again when it is the request's.
 */
export async function openPastRequest(tx: Tx, memberId: number, now: Date, known: District | null): Promise<OpenPastRequest | null> {
  const row = await tx.confirmation.findFirst({
    where: { kind: KIND, waitingFor: memberId, doneAt: null, expiresAt: { gt: now } },
    orderBy: { id: 'desc' },
  })
  if (!row || !row.payload || row.districtId === null) return null
  const district = known?.id === row.districtId ? known : await tx.district.findUnique({ where: { id: row.districtId } })
  if (!district) return null
  const roles = await rolesOf(tx, district.id, memberId)
  return { id: row.id, district, roles, request: JSON.parse(row.payload) as PastRequest }
}

/** Marks a request done: confirmed, it is not asked again. */
export async function closePastRequest(tx: Tx, id: number, now: Date): Promise<void> {
  await tx.confirmation.update({ where: { id }, data: { doneAt: now } })
}
