import type { Tx } from '../db/client.ts'
import type { Member } from '../generated/prisma/client.ts'
import type { OutgoingMessage, Person, Platform } from '../core/message.ts'
import { texts } from '../core/texts/index.ts'
import { adminChats } from './direct-chats.ts'
import { mergeMembers } from './merge.ts'

/** How long an admin has to confirm that a new account is a placeholder member. */
const CLAIM_DAYS = 14

/**
 * A member named by an organizer before they ever wrote (a mentor at
 * /工作室 创建, someone signed up by 代报名): no account yet, one of that
 * name in the district. Two of the same name are left for an admin to sort.
 */
export async function findPlaceholder(tx: Tx, districtId: number, name: string): Promise<Member | null> {
  const found = await tx.member.findMany({
    where: { accounts: { none: {} }, OR: [{ displayName: name }, { realName: name }], memberships: { some: { districtId } } },
    take: 2,
  })
  return found.length === 1 ? found[0]! : null
}

/**
 * A placeholder that holds a role or a place in a workshop is never taken by
 * a name alone: names on WeChat and Lark are chosen freely.
 */
export async function isProtected(tx: Tx, memberId: number): Promise<boolean> {
  const [roles, mentor, mentee] = await Promise.all([
    tx.memberRole.count({ where: { memberId } }),
    tx.workshopMentor.count({ where: { memberId } }),
    tx.mentee.count({ where: { OR: [{ memberId }, { mentorId: memberId }] } }),
  ])
  return roles + mentor + mentee > 0
}

/** Where a new account was first seen, for the notices. */
export interface FirstSight {
  platform: Platform
  person: Person
  districtId: number
  groupId?: number
  /** Says what the bot will send because of it, in the same transaction. */
  post?: (message: OutgoingMessage) => void
  /** True when the account itself wrote (it is told); false when it was @mentioned by someone else. */
  spoke?: boolean
  /** Where the account wrote, for its own note. */
  chat?: { platform: Platform; chatId: string }
}

/**
 * A new account named as a protected placeholder: recorded as a claim for an
 * admin to confirm (/确认 王佩红, or /确认 @王佩红), and the admins are told
 * in their direct chats; the account itself is told it waits for that.
 */
export async function offerClaim(tx: Tx, placeholder: Member, memberId: number, seen: FirstSight, now: Date): Promise<void> {
  await tx.confirmation.create({
    data: { kind: 'claim', districtId: seen.districtId, memberId: placeholder.id, otherId: memberId, createdAt: now, expiresAt: new Date(now.getTime() + CLAIM_DAYS * 86_400_000) },
  })
  const where = await whereSeen(tx, seen)
  const name = seen.person.name
  for (const chat of await adminChats(tx, seen.districtId)) seen.post?.({ chat, text: texts.claims.offeredToAdmins(name, where, placeholder.realName ?? placeholder.displayName) })
  if (seen.spoke && seen.chat) seen.post?.({ chat: seen.chat, text: texts.claims.offeredToClaimant(name) })
}

/** A new account took a placeholder without a role by its name: the admins are told. */
export async function noticeTaken(tx: Tx, placeholder: Member, seen: FirstSight): Promise<void> {
  const where = await whereSeen(tx, seen)
  for (const chat of await adminChats(tx, seen.districtId)) {
    seen.post?.({ chat, text: texts.claims.takenToAdmins(seen.person.name, where, placeholder.realName ?? placeholder.displayName) })
  }
}

/** "微信，在「育秀教研群」": a group's title, never a direct chat's (that is a person's name). */
async function whereSeen(tx: Tx, seen: FirstSight): Promise<string> {
  const group = seen.groupId ? await tx.group.findUnique({ where: { id: seen.groupId } }) : null
  return texts.claims.where(texts.link.platformName(seen.platform), group && !group.direct ? group.title : null)
}

export interface OpenClaim {
  id: number
  placeholder: Member
  candidateId: number
}

/** Claims waiting for an admin of the district, for a placeholder of this name (all when no name is given). */
export async function openClaims(tx: Tx, districtId: number, now: Date, name?: string): Promise<OpenClaim[]> {
  const rows = await tx.confirmation.findMany({ where: { kind: 'claim', districtId, doneAt: null, expiresAt: { gt: now } }, orderBy: { id: 'asc' } })
  const claims: OpenClaim[] = []
  for (const row of rows) {
    const placeholder = await tx.member.findUnique({ where: { id: row.memberId } })
    if (!placeholder || !(await tx.member.findUnique({ where: { id: row.otherId } }))) continue
    if (name && placeholder.displayName !== name && placeholder.realName !== name) continue
    claims.push({ id: row.id, placeholder, candidateId: row.otherId })
  }
  return claims
}

/** An admin's /确认: the candidate's account becomes the placeholder member, with its role, workshop and records. */
export async function confirmClaim(tx: Tx, placeholderId: number, candidateId: number, now: Date): Promise<void> {
  await mergeMembers(tx, placeholderId, candidateId)
  await tx.confirmation.updateMany({ where: { kind: 'claim', memberId: placeholderId, doneAt: null }, data: { doneAt: now } })
}
