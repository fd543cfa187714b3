import { randomInt } from 'node:crypto'
import type { Tx } from '../db/client.ts'

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
const LETTERS = 'ABCDEFGHJKMNPQRSTUVWXYZ'

/**
 * "K7P2-9QXM": a code for a group (the first-start claim code, a bind code);
 * no 0/O or 1/I/L to misread on a phone, and always some letters, so it never
 * looks like a personal link code (digits only).
 */
export function newClaimCode(): string {
  const chars = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]!)
  for (const i of [0, 5]) if (!LETTERS.includes(chars[i]!)) chars[i] = LETTERS[randomInt(LETTERS.length)]!
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`
}

/** "4821-0937": a personal link code, digits only, so it reads differently from a group's code. */
export function newLinkCode(): string {
  const digits = Array.from({ length: 8 }, () => String(randomInt(10)))
  return `${digits.slice(0, 4).join('')}-${digits.slice(4).join('')}`
}

export function normalizeClaimCode(input: string): string {
  const plain = input.toUpperCase().replace(/[^0-9A-Z]/g, '')
  return plain.length === 8 ? `${plain.slice(0, 4)}-${plain.slice(4)}` : plain
}

/** True for what reads as a code ("K7P2-9QXM", "k7p29qxm", "4821 0937"), not a district name. */
export function looksLikeCode(input: string): boolean {
  return /^[0-9A-Za-z]{4}[-\s]?[0-9A-Za-z]{4}$/.test(input.trim())
}

/** A personal link code is digits only; a group's code has letters. */
export function looksLikeLinkCode(input: string): boolean {
  return /^\d{4}[-\s]?\d{4}$/.test(input.trim())
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

export const BIND_CODE_HOURS = 24

/** A one-use code, given to an admin in their direct chat, that joins another group (on any platform) to the district. */
export async function issueBindCode(tx: Tx, districtId: number, issuerId: number, now: Date): Promise<string> {
  const code = newClaimCode()
  const expiresAt = new Date(now.getTime() + BIND_CODE_HOURS * 60 * 60_000)
  await tx.claimCode.create({ data: { code, purpose: 'bind', districtId, memberId: issuerId, expiresAt } })
  return code
}

/** Takes an open bind code: the district it is for and who was given it, or null when unknown, used or expired. */
export async function useBindCode(tx: Tx, code: string, now: Date): Promise<{ districtId: number; issuerId: number | null } | null> {
  const where = { code: normalizeClaimCode(code), purpose: 'bind', usedAt: null, expiresAt: { gt: now } }
  const row = await tx.claimCode.findFirst({ where })
  if (!row?.districtId) return null
  await tx.claimCode.update({ where: { code: row.code }, data: { usedAt: now } })
  return { districtId: row.districtId, issuerId: row.memberId }
}

export const LINK_CODE_MINUTES = 30

/** A one-use code that asks to join the account that sends it back, on another platform, to this member. */
export async function issueLinkCode(tx: Tx, memberId: number, now: Date): Promise<string> {
  await tx.claimCode.deleteMany({ where: { purpose: 'link', memberId, usedAt: null } })
  const code = newLinkCode()
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

/** A code shown where it must not be (a personal code in a group, a group's code where it cannot be used): no longer usable. */
export async function burnCode(tx: Tx, code: string, purpose: 'link' | 'bind', now: Date): Promise<void> {
  await tx.claimCode.updateMany({ where: { code: normalizeClaimCode(code), purpose, usedAt: null }, data: { usedAt: now } })
}
