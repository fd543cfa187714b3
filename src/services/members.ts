import { chunked } from '../db/chunks.ts'
import type { Tx } from '../db/client.ts'
import type { Stored } from '../db/rows.ts'
import type { Member } from '../generated/prisma/client.ts'
import { daysBetween, type LocalDate } from '../calendar/dates.ts'
import type { Person, Platform } from '../core/message.ts'
import { touchMembership, upsertMember, type AccountHints } from './identity.ts'
import { MAX_MENTIONS_PER_MESSAGE } from '../core/limits.ts'

/** A member by id, in one plain read (each sign-up asks for the sender's profile). */
export async function findMember(tx: Tx, id: number): Promise<Member> {
  const [row] = await tx.$queryRaw<Stored<Member>[]>`SELECT * FROM "Member" WHERE "id" = ${id}`
  if (!row) throw new Error(`member ${id} not found`)
  return {
    id: row.id, displayName: row.displayName, createdAt: new Date(row.createdAt), updatedAt: new Date(row.updatedAt),
    realName: row.realName, school: row.school, subject: row.subject, teachingYears: row.teachingYears, teachingYearsOn: row.teachingYearsOn,
  }
}

/** The name lists show: the one given with /我是, else the platform name. */
export function listName(member: Pick<Member, 'realName' | 'displayName'>): string {
  return member.realName || member.displayName
}

/** 教龄 today: the years given, plus each whole year since they were given. */
export function teachingYearsOn(member: Pick<Member, 'teachingYears' | 'teachingYearsOn'>, today: LocalDate): number | null {
  if (member.teachingYears === null || member.teachingYears === undefined) return null
  if (!member.teachingYearsOn) return member.teachingYears
  return member.teachingYears + Math.max(0, Math.floor(daysBetween(member.teachingYearsOn, today) / 365.25))
}

export type FoundMember = { kind: 'one'; member: Member } | { kind: 'none' } | { kind: 'many'; count: number }

/** A member of the district by the name others know them by (platform name or /我是 name). */
export async function findMemberByName(tx: Tx, districtId: number, name: string): Promise<FoundMember> {
  const rows = await tx.membership.findMany({
    where: {
      districtId,
      member: { OR: [{ displayName: name }, { realName: name }, { accounts: { some: { displayName: name } } }] },
    },
    include: { member: true },
  })
  if (rows.length === 0) return { kind: 'none' }
  if (rows.length > 1) return { kind: 'many', count: rows.length }
  return { kind: 'one', member: rows[0]!.member }
}

/**
 * The member a name or @mention stands for, for commands that name people
 * (代报名, mentors, pairing). A name nobody in the district has written under
 * yet becomes a placeholder member: the first account of that name to speak
 * in the district's groups takes it over (identity.ts).
 */
export async function memberForName(
  tx: Tx,
  districtId: number,
  target: { name: string } | { person: Person; platform: Platform; hints: AccountHints },
  now: Date,
): Promise<{ member: Member; created: boolean } | { ambiguous: number }> {
  if ('person' in target) return { member: await memberForPerson(tx, districtId, target, now), created: false }
  const found = await findMemberByName(tx, districtId, target.name)
  if (found.kind === 'many') return { ambiguous: found.count }
  if (found.kind === 'one') return { member: found.member, created: false }
  const member = await tx.member.create({ data: { displayName: target.name } })
  await touchMembership(tx, districtId, member.id, now)
  return { member, created: true }
}

/** The member behind an @mentioned account, made a member of the district if new. */
export async function memberForPerson(
  tx: Tx,
  districtId: number,
  target: { person: Person; platform: Platform; hints: AccountHints },
  now: Date,
): Promise<Member> {
  const id = await upsertMember(tx, target.platform, target.person, now, { ...target.hints, districtId })
  await touchMembership(tx, districtId, id, now)
  return tx.member.findUniqueOrThrow({ where: { id } })
}

/** Whether the member has an account (on this platform, when one is named): a member with none is a placeholder. */
export async function hasAccount(tx: Tx, memberId: number, platform?: Platform): Promise<boolean> {
  return (await tx.account.count({ where: { memberId, ...(platform ? { platform } : {}) } })) > 0
}

/** The platform of the member's account seen last; null for a placeholder. */
export async function lastPlatformOf(tx: Tx, memberId: number): Promise<Platform | null> {
  const account = await tx.account.findFirst({ where: { memberId }, orderBy: { lastSeenAt: 'desc' } })
  return account ? (account.platform as Platform) : null
}

/**
 * Whom to @mention on one platform for these members, in their order: each
 * one's account there seen last; members with no account there are left out.
 * Looked up a slice at a time, stopping once `limit` are found.
 */
export async function mentionsOf(tx: Tx, memberIds: readonly number[], platform: string, limit = Infinity): Promise<Person[]> {
  const found: Person[] = []
  for (const ids of chunked([...new Set(memberIds)])) {
    if (found.length >= limit) break
    const accounts = await tx.account.findMany({ where: { memberId: { in: ids }, platform }, orderBy: { lastSeenAt: 'desc' } })
    const first = new Map<number, Person>()
    for (const a of accounts) if (!first.has(a.memberId)) first.set(a.memberId, { id: a.userId, name: a.displayName })
    for (const id of ids) if (first.has(id)) found.push(first.get(id)!)
  }
  return found.slice(0, limit)
}

/**
 * The @mentions of one message about a list that may be long (those signed
 * up, those promoted): the first `max` who have an account on the platform,
 * and, when the list is longer than `max`, how many of it go unmentioned.
 */
export async function mentionsAtMost(
  tx: Tx,
  memberIds: readonly number[],
  platform: string,
  max = MAX_MENTIONS_PER_MESSAGE,
): Promise<{ mentions: Person[]; unmentioned: number }> {
  const unique = new Set(memberIds)
  const mentions = await mentionsOf(tx, [...unique], platform, max)
  return { mentions, unmentioned: unique.size > max ? unique.size - mentions.length : 0 }
}

/** The district a member was last seen in: the one a direct chat acts in. */
export async function homeDistrictId(tx: Tx, memberId: number): Promise<number | null> {
  const row = await tx.membership.findFirst({ where: { memberId }, orderBy: { lastSeenAt: 'desc' } })
  return row?.districtId ?? null
}
