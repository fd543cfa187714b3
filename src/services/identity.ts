import type { Tx } from '../db/client.ts'
import type { District } from '../generated/prisma/client.ts'
import type { IncomingMessage } from '../core/message.ts'
import { isRole, type Role } from '../core/roles.ts'

export interface Identity {
  memberId: number
  name: string
  groupId: number
  district: District | null
  roles: Set<Role>
}

/** A member seen again within this time keeps their lastSeenAt (fewer writes). */
const SEEN_REFRESH_MS = 60 * 60 * 1000

/**
 * Who sent a message and where: a member is keyed by (platform, user id) and
 * keeps the display name seen last; a group by (platform, chat id).
 */
export async function identify(tx: Tx, message: IncomingMessage, now: Date): Promise<Identity> {
  const memberId = await upsertMember(tx, message.platform, message.sender.id, message.sender.name)
  const group = await upsertGroup(tx, message)
  const district = group.districtId ? await tx.district.findUnique({ where: { id: group.districtId } }) : null
  if (!district) return { memberId, name: message.sender.name, groupId: group.id, district: null, roles: new Set() }
  await touchMembership(tx, district.id, memberId, now)
  return { memberId, name: message.sender.name, groupId: group.id, district, roles: await rolesOf(tx, district.id, memberId) }
}

export async function upsertMember(tx: Tx, platform: string, userId: string, name: string): Promise<number> {
  const account = await tx.account.findUnique({ where: { platform_userId: { platform, userId } }, include: { member: true } })
  if (!account) {
    const member = await tx.member.create({ data: { displayName: name, accounts: { create: { platform, userId, displayName: name } } } })
    return member.id
  }
  if (account.displayName !== name) await tx.account.update({ where: { id: account.id }, data: { displayName: name } })
  if (account.member.displayName !== name) await tx.member.update({ where: { id: account.memberId }, data: { displayName: name } })
  return account.memberId
}

async function upsertGroup(tx: Tx, message: IncomingMessage) {
  const key = { platform: message.platform, chatId: message.chat.id }
  const group = await tx.group.findUnique({ where: { platform_chatId: key } })
  const title = message.chat.title ?? null
  if (!group) return tx.group.create({ data: { ...key, title } })
  if (title && group.title !== title) return tx.group.update({ where: { id: group.id }, data: { title } })
  return group
}

export async function touchMembership(tx: Tx, districtId: number, memberId: number, now: Date): Promise<void> {
  const key = { districtId_memberId: { districtId, memberId } }
  const seen = await tx.membership.findUnique({ where: key })
  if (!seen) await tx.membership.create({ data: { districtId, memberId, lastSeenAt: now } })
  else if (now.getTime() - seen.lastSeenAt.getTime() > SEEN_REFRESH_MS) {
    await tx.membership.update({ where: key, data: { lastSeenAt: now } })
  }
}

export async function rolesOf(tx: Tx, districtId: number, memberId: number): Promise<Set<Role>> {
  const rows = await tx.memberRole.findMany({ where: { districtId, memberId } })
  return new Set(rows.map((r) => r.role).filter(isRole))
}
