import type { Tx } from '../db/client.ts'
import type { Account, District, Group, Prisma } from '../generated/prisma/client.ts'
import type { IncomingMessage, OutgoingMessage, Person, Platform } from '../core/message.ts'
import { isRole, type Role } from '../core/roles.ts'
import { findPlaceholder, isProtected, noticeTaken, offerClaim } from './placeholders.ts'

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
 * keeps the display name seen last; a group by (platform, chat id). Where the
 * platform may change ids at a re-login (message.idsSince), a new id is
 * matched to a known one first; see {@link findMovedAccount}.
 */
export async function identify(tx: Tx, message: IncomingMessage, now: Date, post?: (m: OutgoingMessage) => void): Promise<Identity> {
  const known = await knownSender(tx, message, now)
  if (known) return known
  const { group, district } = await upsertGroup(tx, message, now)
  const chat = { platform: message.platform, chatId: message.chat.id }
  const hints: AccountHints = { groupId: group.id, idsSince: message.idsSince, districtId: group.districtId ?? undefined, post, spoke: true, chat }
  const memberId = await upsertMember(tx, message.platform, message.sender, now, hints)
  if (message.chat.isDirect && (!group.direct || group.ownerId !== memberId)) {
    await tx.group.updateMany({ where: { id: group.id }, data: { direct: true, ownerId: memberId } })
  }
  const name = message.sender.name
  if (!district) return { memberId, name, groupId: group.id, district: null, roles: new Set() }
  // The membership and the roles in one read; a member seen for the first time here has no roles yet.
  const key = { districtId_memberId: { districtId: district.id, memberId } }
  const seen = await tx.membership.findUnique({ where: key, include: { member: { select: { roles: { where: { districtId: district.id } } } } } })
  if (!seen) {
    await tx.membership.create({ data: { districtId: district.id, memberId, lastSeenAt: now } })
    return { memberId, name, groupId: group.id, district, roles: await rolesOf(tx, district.id, memberId) }
  }
  if (now.getTime() - seen.lastSeenAt.getTime() > SEEN_REFRESH_MS) await tx.membership.updateMany({ where: { districtId: district.id, memberId }, data: { lastSeenAt: now } })
  const roles = new Set(seen.member.roles.map((r) => r.role).filter(isRole))
  return { memberId, name, groupId: group.id, district, roles }
}

/** What knownSender reads: the group, the account, the membership, the district and the roles, in one row. */
interface SenderRow {
  groupId: number
  title: string | null
  groupSeen: string | null
  direct: number | bigint | boolean
  ownerId: number | null
  memberId: number
  displayName: string
  stableId: string | null
  lastGroupId: number | null
  accountSeen: string | null
  memberSeen: string | null
  districtId: number | null
  districtName: string | null
  timezone: string | null
  morningAt: string | null
  afternoonAt: string | null
  eveningAt: string | null
  timetable: string | null
  presenterFactor: number | null
  hostFactor: number | null
  missShare: number | null
  observationsPerTerm: number | bigint | null
  districtCreatedAt: string | null
  roles: string | null
}



/**
 * The common case in one read (every message pays for identify): a known
 * account writing in a known group, with nothing to write back (same name
 * and title, seen within the hour, a member of the group's district).
 * Null sends the message the long way, which creates and refreshes.
 */
async function knownSender(tx: Tx, message: IncomingMessage, now: Date): Promise<Identity | null> {
  if (message.idsSince) return null
  const { platform, sender, chat } = message
  const [row] = await tx.$queryRaw<SenderRow[]>`
    SELECT g."id" AS "groupId", g."title" AS "title", g."lastSeenAt" AS "groupSeen", g."direct" AS "direct", g."ownerId" AS "ownerId",
           a."memberId" AS "memberId", a."displayName" AS "displayName", a."stableId" AS "stableId", a."lastGroupId" AS "lastGroupId",
           a."lastSeenAt" AS "accountSeen", m."lastSeenAt" AS "memberSeen",
           d."id" AS "districtId", d."name" AS "districtName", d."timezone" AS "timezone", d."morningAt" AS "morningAt",
           d."afternoonAt" AS "afternoonAt", d."eveningAt" AS "eveningAt", d."timetable" AS "timetable",
           d."presenterFactor" AS "presenterFactor", d."hostFactor" AS "hostFactor", d."missShare" AS "missShare",
           d."observationsPerTerm" AS "observationsPerTerm", d."createdAt" AS "districtCreatedAt",
           (SELECT string_agg(r."role", ',') FROM "MemberRole" r WHERE r."districtId" = g."districtId" AND r."memberId" = a."memberId") AS "roles"
    FROM "Group" g
    JOIN "Account" a ON a."platform" = ${platform} AND a."userId" = ${sender.id}
    LEFT JOIN "District" d ON d."id" = g."districtId"
    LEFT JOIN "Membership" m ON m."districtId" = g."districtId" AND m."memberId" = a."memberId"
    WHERE g."platform" = ${platform} AND g."chatId" = ${chat.id}`
  if (!row) return null
  const fresh = (iso: string | null) => iso !== null && !isStale(new Date(iso), now)
  const unchanged =
    (!chat.title || row.title === chat.title) &&
    row.displayName === sender.name &&
    (!sender.stableId || row.stableId === sender.stableId) &&
    row.lastGroupId === row.groupId &&
    fresh(row.groupSeen) &&
    fresh(row.accountSeen) &&
    (!chat.isDirect || (Boolean(Number(row.direct)) && row.ownerId === row.memberId)) &&
    (row.districtId === null || fresh(row.memberSeen))
  if (!unchanged) return null
  const base = { memberId: row.memberId, name: sender.name, groupId: row.groupId }
  if (row.districtId === null) return { ...base, district: null, roles: new Set() }
  const district: District = {
    id: row.districtId,
    name: row.districtName!,
    timezone: row.timezone!,
    morningAt: row.morningAt!,
    afternoonAt: row.afternoonAt!,
    eveningAt: row.eveningAt!,
    timetable: row.timetable,
    presenterFactor: Number(row.presenterFactor),
    hostFactor: Number(row.hostFactor),
    missShare: Number(row.missShare),
    observationsPerTerm: Number(row.observationsPerTerm),
    createdAt: new Date(row.districtCreatedAt!),
  }
  return { ...base, district, roles: new Set((row.roles ?? '').split(',').filter(isRole)) }
}

export interface AccountHints {
  /** The group the person was seen in. */
  groupId?: number
  /** See IncomingMessage.idsSince. */
  idsSince?: Date
  /** The district of the group: a new account may take over a placeholder member named there. */
  districtId?: number
  /** Says what the bot will send about a placeholder met (admins are told), in the caller's transaction. */
  post?: (message: OutgoingMessage) => void
  /** The account wrote itself (rather than being @mentioned), in this chat: it is told when it waits for an admin. */
  spoke?: boolean
  chat?: { platform: Platform; chatId: string }
}

/** The member behind a platform account, created on first sight. */
export async function upsertMember(tx: Tx, platform: string, person: Person, now: Date, hints: AccountHints = {}): Promise<number> {
  const { name } = person
  const stableId = person.stableId || null
  const known = await tx.account.findUnique({ where: { platform_userId: { platform, userId: person.id } } })
  const moved = known ? null : await findMovedAccount(tx, platform, person, hints)
  const account = known ?? (moved && !moved.guarded ? moved.account : null)
  if (!account) {
    const accountData = { platform, userId: person.id, displayName: name, stableId, lastGroupId: hints.groupId ?? null, lastSeenAt: now }
    const placeholder = hints.districtId ? await findPlaceholder(tx, hints.districtId, name) : null
    const guarded = placeholder ? await isProtected(tx, placeholder.id) : false
    const seen = hints.districtId ? { platform: platform as Platform, person, districtId: hints.districtId, groupId: hints.groupId, post: hints.post, spoke: hints.spoke, chat: hints.chat } : null
    if (placeholder && !guarded) {
      await tx.account.create({ data: { ...accountData, memberId: placeholder.id } })
      await noticeTaken(tx, placeholder, seen!)
      return placeholder.id
    }
    const member = await tx.member.create({ data: { displayName: name, accounts: { create: accountData } } })
    // A name alone never takes a role or a workshop (a placeholder's, or a known member's after a re-login): an admin confirms it is the person.
    const claimed = placeholder ?? (moved?.guarded ? await tx.member.findUnique({ where: { id: moved.account.memberId } }) : null)
    if (claimed && seen) await offerClaim(tx, claimed, member.id, seen, now)
    return member.id
  }
  const data: Prisma.AccountUpdateInput = {}
  if (account.userId !== person.id) data.userId = person.id
  if (account.displayName !== name) data.displayName = name
  if (stableId && account.stableId !== stableId) data.stableId = stableId
  if (hints.groupId !== undefined && account.lastGroupId !== hints.groupId) data.lastGroupId = hints.groupId
  if (isStale(account.lastSeenAt, now, hints.idsSince)) data.lastSeenAt = now
  if (Object.keys(data).length > 0) await tx.account.update({ where: { id: account.id }, data })
  if (data.displayName) await tx.member.update({ where: { id: account.memberId }, data: { displayName: name } })
  return account.memberId
}

/**
 * An account known under an older id: the same stable id (the platform's
 * own, trusted), or else the only account of that name last seen in the
 * same group and not yet seen since the current login began (someone seen
 * since then is a different person). Matched by name alone, an account whose
 * member holds a role or a workshop place is `guarded`: names are chosen
 * freely, so it is not taken, only offered to an admin to confirm.
 */
async function findMovedAccount(tx: Tx, platform: string, person: Person, hints: AccountHints): Promise<{ account: Account; guarded: boolean } | null> {
  if (!hints.idsSince) return null
  if (person.stableId) {
    const same = await tx.account.findFirst({ where: { platform, stableId: person.stableId }, orderBy: { updatedAt: 'desc' } })
    if (same) return { account: same, guarded: false }
  }
  if (hints.groupId === undefined) return null
  const namesakes = await tx.account.findMany({ where: { platform, lastGroupId: hints.groupId, displayName: person.name } })
  if (namesakes.some((a) => a.lastSeenAt && a.lastSeenAt >= hints.idsSince!)) return null
  const candidates = namesakes.filter((a) => !(person.stableId && a.stableId && a.stableId !== person.stableId))
  if (candidates.length !== 1) return null
  return { account: candidates[0]!, guarded: await isProtected(tx, candidates[0]!.memberId) }
}

/** The group of the message (read with its district in one query), created on first sight. */
async function upsertGroup(tx: Tx, message: IncomingMessage, now: Date): Promise<{ group: Group; district: District | null }> {
  const key = { platform: message.platform, chatId: message.chat.id }
  const title = message.chat.title ?? null
  const found = (await tx.group.findUnique({ where: { platform_chatId: key }, include: { district: true } })) ?? (await findMovedGroup(tx, message))
  if (!found) return { group: await tx.group.create({ data: { ...key, title, lastSeenAt: now } }), district: null }
  const { district, ...group } = found
  const data: Prisma.GroupUpdateInput = {}
  if (group.chatId !== key.chatId) data.chatId = key.chatId
  if (title && group.title !== title) data.title = title
  if (isStale(group.lastSeenAt, now, message.idsSince)) data.lastSeenAt = now
  if (Object.keys(data).length === 0) return { group, district }
  return { group: await tx.group.update({ where: { id: group.id }, data }), district }
}

/**
 * After a re-login: the only group of that title on the platform not yet
 * seen since, when the platform vouches the chat is the only one of that
 * title it is in (a group made later with the same title takes nothing).
 */
async function findMovedGroup(tx: Tx, message: IncomingMessage) {
  const since = message.idsSince
  const title = message.chat.title
  if (!since || !title || message.chat.isDirect || message.chat.titleUnique !== true) return null
  const namesakes = await tx.group.findMany({ where: { platform: message.platform, title }, include: { district: true } })
  if (namesakes.some((g) => g.lastSeenAt && g.lastSeenAt >= since)) return null
  return namesakes.length === 1 ? namesakes[0]! : null
}

/** Seen-at stamps are refreshed hourly, and always at the first sight after a re-login. */
function isStale(seenAt: Date | null, now: Date, idsSince?: Date): boolean {
  if (!seenAt) return true
  if (idsSince && seenAt < idsSince) return true
  return now.getTime() - seenAt.getTime() > SEEN_REFRESH_MS
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
