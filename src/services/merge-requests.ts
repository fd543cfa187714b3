import type { Tx } from '../db/client.ts'
import { isRole } from '../core/roles.ts'
import { ROLE_NAMES, texts } from '../core/texts/index.ts'
import { listName } from './members.ts'
import { mergeMembers } from './merge.ts'

/** Two accounts of one person asking to be joined: who issued the link code, who sent it back. */
export interface Merge {
  id: number
  issuerId: number
  redeemerId: number
  /** "微信「王芳」": the issuer's accounts, as both sides are shown them. */
  issuerAccounts: string
}

/** Records (or moves on) a merge waiting for `waitingFor`'s /确认 (the one who sent the code back, first). */
export async function askMerge(tx: Tx, issuerId: number, redeemerId: number, now: Date, minutes: number, waitingFor = redeemerId): Promise<Merge> {
  const expiresAt = new Date(now.getTime() + minutes * 60_000)
  const open = await tx.confirmation.findFirst({ where: { kind: 'merge', memberId: issuerId, otherId: redeemerId, doneAt: null } })
  const row = open
    ? await tx.confirmation.update({ where: { id: open.id }, data: { waitingFor, expiresAt } })
    : await tx.confirmation.create({ data: { kind: 'merge', memberId: issuerId, otherId: redeemerId, waitingFor, createdAt: now, expiresAt } })
  return { id: row.id, issuerId, redeemerId, issuerAccounts: await accountsOf(tx, issuerId) }
}

/** The merge waiting for this member's /确认, if one has not expired. */
export async function openMerge(tx: Tx, memberId: number, now: Date): Promise<Merge | null> {
  const row = await tx.confirmation.findFirst({
    where: { kind: 'merge', waitingFor: memberId, doneAt: null, expiresAt: { gt: now } },
    orderBy: { id: 'desc' },
  })
  if (!row) return null
  return { id: row.id, issuerId: row.memberId, redeemerId: row.otherId, issuerAccounts: await accountsOf(tx, row.memberId) }
}

/** The kind of the newest request of these kinds still waiting for this member's /确认 (a past activity to record, a series to cancel). */
export async function newestWaitingKind(tx: Tx, memberId: number, kinds: readonly string[], now: Date): Promise<string | null> {
  const row = await tx.confirmation.findFirst({
    where: { kind: { in: [...kinds] }, waitingFor: memberId, doneAt: null, expiresAt: { gt: now } },
    orderBy: { id: 'desc' },
  })
  return row?.kind ?? null
}

/** Joins the two members (the issuer kept); returns the name and the platforms it now has accounts on. */
export async function finishMerge(tx: Tx, merge: Merge, now: Date): Promise<{ name: string; platforms: string[] }> {
  await tx.confirmation.update({ where: { id: merge.id }, data: { doneAt: now } })
  await mergeMembers(tx, merge.issuerId, merge.redeemerId)
  const accounts = await tx.account.findMany({ where: { memberId: merge.issuerId } })
  const member = await tx.member.findUniqueOrThrow({ where: { id: merge.issuerId } })
  return { name: listName(member), platforms: [...new Set(accounts.map((a) => a.platform))] }
}

/** The roles a member holds in any district, and mentorships, as words ("管理员、导师"); empty for a teacher. */
export async function heldRoles(tx: Tx, memberId: number): Promise<string[]> {
  const roles = (await tx.memberRole.findMany({ where: { memberId } })).map((r) => r.role).filter(isRole)
  const words = new Set(roles.map((r) => ROLE_NAMES[r]))
  if (await tx.workshopMentor.count({ where: { memberId } })) words.add(ROLE_NAMES.mentor)
  return [...words]
}

async function accountsOf(tx: Tx, memberId: number): Promise<string> {
  const accounts = await tx.account.findMany({ where: { memberId }, orderBy: { id: 'asc' } })
  return accounts.map((a) => texts.link.account(texts.link.platformName(a.platform), a.displayName)).join('、')
}
