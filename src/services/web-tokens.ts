/**
 * The web console's way in, with no password: /后台 in a direct chat gives a
 * one-time link (10 minutes); opening it starts a session (12 hours) for that
 * member in that district. Only a token's SHA-256 is stored, so the table
 * read by someone else opens nothing.
 */
import { createHash, randomBytes } from 'node:crypto'
import type { Tx } from '../db/client.ts'
import type { Role } from '../core/roles.ts'
import { getDistrict } from './districts.ts'
import { rolesOf } from './identity.ts'
import { listName } from './members.ts'

/** Where the web console is served, under PUBLIC_URL. */
export const CONSOLE_PATH = '/console'
export const LINK_MINUTES = 10
export const SESSION_HOURS = 12
/** Links a member may have open at once: asking again and again does not fill the table. */
const OPEN_LINKS = 5

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** A token of 32 random bytes, as URL-safe base64 (43 characters). */
function newToken(): string {
  return randomBytes(32).toString('base64url')
}

/** Whether a string has the shape of a token (checked before any lookup). */
export function isTokenShape(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token)
}

/** A new one-time link's token for the member, acting in the district as from the group it was asked in. */
export async function issueLink(tx: Tx, who: { memberId: number; districtId: number; groupId: number }, now: Date): Promise<string> {
  const open = await tx.webToken.findMany({
    where: { memberId: who.memberId, kind: 'link', usedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: 'desc' },
  })
  // The oldest open links beyond the limit are spent: the newest always works.
  const surplus = open.slice(OPEN_LINKS - 1).map((row) => row.hash)
  if (surplus.length > 0) await tx.webToken.updateMany({ where: { hash: { in: surplus } }, data: { usedAt: now } })
  await tx.webToken.deleteMany({ where: { memberId: who.memberId, expiresAt: { lt: new Date(now.getTime() - 24 * 3_600_000) } } })
  const token = newToken()
  await tx.webToken.create({
    data: { hash: hashToken(token), kind: 'link', ...who, createdAt: now, expiresAt: new Date(now.getTime() + LINK_MINUTES * 60_000) },
  })
  return token
}

export type Opened = { ok: true; session: string; expiresAt: Date } | { ok: false; why: 'unknown' | 'used' | 'expired' }

/** What a link would open, without spending it (the login page's button). */
export async function linkState(tx: Tx, linkToken: string, now: Date): Promise<{ ok: true; districtName: string } | { ok: false; why: 'unknown' | 'used' | 'expired' }> {
  if (!isTokenShape(linkToken)) return { ok: false, why: 'unknown' }
  const link = await tx.webToken.findUnique({ where: { hash: hashToken(linkToken) } })
  if (!link || link.kind !== 'link') return { ok: false, why: 'unknown' }
  if (link.usedAt) return { ok: false, why: 'used' }
  if (link.expiresAt <= now) return { ok: false, why: 'expired' }
  return { ok: true, districtName: (await getDistrict(tx, link.districtId)).name }
}

/** Spends a link and starts a session: the session's token, or why the link opens nothing. */
export async function openSession(tx: Tx, linkToken: string, now: Date): Promise<Opened> {
  if (!isTokenShape(linkToken)) return { ok: false, why: 'unknown' }
  const link = await tx.webToken.findUnique({ where: { hash: hashToken(linkToken) } })
  if (!link || link.kind !== 'link') return { ok: false, why: 'unknown' }
  if (link.usedAt) return { ok: false, why: 'used' }
  if (link.expiresAt <= now) return { ok: false, why: 'expired' }
  // Spent only if still unspent: two tabs opening the same link start one session.
  const spent = await tx.webToken.updateMany({ where: { hash: link.hash, usedAt: null }, data: { usedAt: now } })
  if (spent.count !== 1) return { ok: false, why: 'used' }
  const session = newToken()
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000)
  await tx.webToken.create({
    data: { hash: hashToken(session), kind: 'session', memberId: link.memberId, districtId: link.districtId, groupId: link.groupId, createdAt: now, expiresAt },
  })
  return { ok: true, session, expiresAt }
}

/** Who a session is: read afresh at every request, so a role revoked in chat is gone from the console at once. */
export interface Viewer {
  memberId: number
  name: string
  districtId: number
  districtName: string
  groupId: number
  roles: ReadonlySet<Role>
  expiresAt: Date
}

/** The live session's viewer, or null (unknown, ended, expired, or the member no longer in the district). */
export async function viewerOf(tx: Tx, sessionToken: string, now: Date): Promise<Viewer | null> {
  if (!isTokenShape(sessionToken)) return null
  const row = await tx.webToken.findUnique({ where: { hash: hashToken(sessionToken) } })
  if (!row || row.kind !== 'session' || row.usedAt || row.expiresAt <= now) return null
  const member = await tx.member.findUnique({ where: { id: row.memberId } })
  const inDistrict = member && (await tx.membership.findUnique({ where: { districtId_memberId: { districtId: row.districtId, memberId: row.memberId } } }))
  if (!member || !inDistrict) return null
  const district = await getDistrict(tx, row.districtId)
  return {
    memberId: member.id, name: listName(member), districtId: district.id, districtName: district.name, groupId: row.groupId,
    roles: await rolesOf(tx, row.districtId, member.id), expiresAt: row.expiresAt,
  }
}

/** Ends one session (logging out). */
export async function endSession(tx: Tx, sessionToken: string, now: Date): Promise<void> {
  if (!isTokenShape(sessionToken)) return
  await tx.webToken.updateMany({ where: { hash: hashToken(sessionToken), kind: 'session', usedAt: null }, data: { usedAt: now } })
}

/** Ends every session and open link of a member (/后台 退出全部): how many sessions were live, and how many links unused. */
export async function endAllSessions(tx: Tx, memberId: number, now: Date): Promise<{ sessions: number; links: number }> {
  const live = await tx.webToken.updateMany({ where: { memberId, kind: 'session', usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } })
  const links = await tx.webToken.updateMany({ where: { memberId, kind: 'link', usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } })
  await tx.webToken.updateMany({ where: { memberId, kind: 'link', usedAt: null }, data: { usedAt: now } })
  return { sessions: live.count, links: links.count }
}
