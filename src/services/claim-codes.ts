import { randomInt } from 'node:crypto'
import type { Tx } from '../db/client.ts'

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'

/** "K7P2-9QXM": no 0/O or 1/I/L to misread on a phone. */
export function newClaimCode(): string {
  const chars = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)])
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`
}

export function normalizeClaimCode(input: string): string {
  const plain = input.toUpperCase().replace(/[^0-9A-Z]/g, '')
  return plain.length === 8 ? `${plain.slice(0, 4)}-${plain.slice(4)}` : plain
}

/**
 * The first-start code: printed until one code has been redeemed, the same
 * code on every start so a restart does not invalidate what was printed.
 */
export async function firstStartClaimCode(tx: Tx): Promise<string | null> {
  if (await tx.claimCode.findFirst({ where: { purpose: 'claim', usedAt: { not: null } } })) return null
  const open = await tx.claimCode.findFirst({ where: { purpose: 'claim', usedAt: null }, orderBy: { createdAt: 'asc' } })
  return open?.code ?? (await issueClaimCode(tx))
}

export async function issueClaimCode(tx: Tx): Promise<string> {
  const code = newClaimCode()
  await tx.claimCode.create({ data: { code } })
  return code
}

/** Marks the code used for a district; false when unknown or already used. */
export async function redeemClaimCode(tx: Tx, code: string, districtId: number, now: Date): Promise<boolean> {
  const { count } = await tx.claimCode.updateMany({
    where: { code: normalizeClaimCode(code), purpose: 'claim', usedAt: null },
    data: { usedAt: now, districtId },
  })
  return count === 1
}

export async function isOpenClaimCode(tx: Tx, code: string): Promise<boolean> {
  return (await tx.claimCode.count({ where: { code: normalizeClaimCode(code), purpose: 'claim', usedAt: null } })) === 1
}

/** True for what reads as a code ("K7P2-9QXM", "k7p29qxm"), not a district name. */
export function looksLikeCode(input: string): boolean {
  return /^[0-9A-Za-z]{4}[-\s]?[0-9A-Za-z]{4}$/.test(input.trim())
}

export const BIND_CODE_HOURS = 24

/** A one-use code for joining another group (on any platform) to a district. */
export async function issueBindCode(tx: Tx, districtId: number, now: Date): Promise<string> {
  const code = newClaimCode()
  const expiresAt = new Date(now.getTime() + BIND_CODE_HOURS * 60 * 60_000)
  await tx.claimCode.create({ data: { code, purpose: 'bind', districtId, expiresAt } })
  return code
}

/** The district an open bind code is for, or null when unknown, used or expired. */
export async function openBindCode(tx: Tx, code: string, now: Date): Promise<number | null> {
  const row = await tx.claimCode.findFirst({ where: { code: normalizeClaimCode(code), purpose: 'bind', usedAt: null, expiresAt: { gt: now } } })
  return row?.districtId ?? null
}

export async function useBindCode(tx: Tx, code: string, now: Date): Promise<void> {
  await tx.claimCode.updateMany({ where: { code: normalizeClaimCode(code), purpose: 'bind' }, data: { usedAt: now } })
}

export const LINK_CODE_MINUTES = 30

/** A one-use code that joins the account that sends it back, on another platform, to this member. */
export async function issueLinkCode(tx: Tx, memberId: number, now: Date): Promise<string> {
  await tx.claimCode.deleteMany({ where: { purpose: 'link', memberId, usedAt: null } })
  const code = newClaimCode()
  const expiresAt = new Date(now.getTime() + LINK_CODE_MINUTES * 60_000)
  await tx.claimCode.create({ data: { code, purpose: 'link', memberId, expiresAt } })
  return code
}

/** Takes an open link code: the member it was issued to, or null when unknown, used or expired. */
export async function useLinkCode(tx: Tx, code: string, now: Date): Promise<number | null> {
  const where = { code: normalizeClaimCode(code), purpose: 'link', usedAt: null, expiresAt: { gt: now } }
  const row = await tx.claimCode.findFirst({ where })
  if (!row?.memberId) return null
  await tx.claimCode.update({ where: { code: row.code }, data: { usedAt: now } })
  return row.memberId
}

/** What kind of code this is, if it is an open one. */
export async function codePurpose(tx: Tx, code: string): Promise<string | null> {
  const row = await tx.claimCode.findUnique({ where: { code: normalizeClaimCode(code) } })
  return row?.purpose ?? null
}
