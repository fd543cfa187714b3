/**
 * The district's members as the web console lists them: each Membership
 * row with the member's profile, the roles granted in that district, and
 * where their accounts were last seen. Reads only; roles change through
 * /授权 and /撤销.
 */
import type { Tx } from '../db/client.ts'
import type { Member, Prisma } from '../generated/prisma/client.ts'
import type { Person } from '../core/message.ts'
import { isRole, type Role } from '../core/roles.ts'
import { containsLiterally, needsLiteralCheck, piecesWhere } from './literal-search.ts'

export interface DirectoryEntry {
  member: Member
  roles: Role[]
  lastSeenAt: Date
  /** Each account's platform and the title of the district group it last wrote in (null: a direct chat, or a group elsewhere). */
  seenIn: { platform: string; group: string | null; direct: boolean }[]
}

const include = (districtId: number) =>
  ({ member: { include: { accounts: { orderBy: { lastSeenAt: 'desc' } }, roles: { where: { districtId }, orderBy: { role: 'asc' } } } } }) as const

type Row = Prisma.MembershipGetPayload<{ include: ReturnType<typeof include> }>

/** Members whose name (any of them) or school contains the words; literally (literal-search.ts) once checked by `holdsWords`. */
function searchWhere(words: string | undefined): Prisma.MemberWhereInput {
  if (!words) return {}
  return piecesWhere(words, (piece) => ({
    OR: [{ displayName: { contains: piece } }, { realName: { contains: piece } }, { school: { contains: piece } }, { accounts: { some: { displayName: { contains: piece } } } }],
  }))
}

type Named = Pick<Member, 'displayName' | 'realName' | 'school'> & { accounts: { displayName: string }[] }

function holdsWords(member: Named, words: string): boolean {
  return [member.displayName, member.realName, member.school, ...member.accounts.map((a) => a.displayName)].some((text) => containsLiterally(text, words))
}

const order: Prisma.MembershipOrderByWithRelationInput[] = [{ lastSeenAt: 'desc' }, { memberId: 'asc' }]

/** One page of the district's members, seen last first, and how many match. */
export async function listMembers(
  tx: Tx,
  districtId: number,
  page: { search?: string; skip: number; take: number },
): Promise<{ entries: DirectoryEntry[]; total: number }> {
  const where: Prisma.MembershipWhereInput = { districtId, member: searchWhere(page.search) }
  if (page.search && needsLiteralCheck(page.search)) return literalPage(tx, districtId, where, { ...page, search: page.search })
  const total = await tx.membership.count({ where })
  const rows = await tx.membership.findMany({ where, include: include(districtId), orderBy: order, skip: page.skip, take: page.take })
  return { entries: await entriesOf(tx, districtId, rows), total }
}

/** Words with a LIKE wildcard: the candidates' names read small, matched in code, and only the page read in full. */
async function literalPage(
  tx: Tx,
  districtId: number,
  where: Prisma.MembershipWhereInput,
  page: { search: string; skip: number; take: number },
): Promise<{ entries: DirectoryEntry[]; total: number }> {
  const candidates = await tx.membership.findMany({
    where,
    select: { memberId: true, member: { select: { displayName: true, realName: true, school: true, accounts: { select: { displayName: true } } } } },
    orderBy: order,
  })
  const matching = candidates.filter((c) => holdsWords(c.member, page.search)).map((c) => c.memberId)
  const shown = matching.slice(page.skip, page.skip + page.take)
  const rows = await tx.membership.findMany({ where: { districtId, memberId: { in: shown } }, include: include(districtId), orderBy: order })
  return { entries: await entriesOf(tx, districtId, rows), total: matching.length }
}

/** One member of the district; null for one who is not (or does not exist): the caller says "not found" either way. */
export async function directoryEntry(tx: Tx, districtId: number, memberId: number): Promise<DirectoryEntry | null> {
  const row = await tx.membership.findUnique({ where: { districtId_memberId: { districtId, memberId } }, include: include(districtId) })
  return row ? (await entriesOf(tx, districtId, [row]))[0]! : null
}

async function entriesOf(tx: Tx, districtId: number, rows: Row[]): Promise<DirectoryEntry[]> {
  const groupIds = [...new Set(rows.flatMap((r) => r.member.accounts.flatMap((a) => (a.lastGroupId !== null ? [a.lastGroupId] : []))))]
  // Only the district's own groups are named: a group of another district is not this district's to show.
  const groups = new Map((await tx.group.findMany({ where: { id: { in: groupIds }, districtId } })).map((g) => [g.id, g]))
  return rows.map((r) => {
    const { accounts, roles, ...member } = r.member
    return {
      member,
      roles: roles.map((x) => x.role).filter(isRole),
      lastSeenAt: r.lastSeenAt,
      seenIn: accounts.map((a) => {
        const group = a.lastGroupId !== null ? groups.get(a.lastGroupId) : undefined
        return { platform: a.platform, group: group && !group.direct ? (group.title ?? null) : null, direct: group?.direct ?? false }
      }),
    }
  })
}

/**
 * Whom to @mention for the member in the chat a console session acts from:
 * their account on that chat's platform (seen last), as the platform names
 * it; null when they have none there.
 */
export async function mentionIn(tx: Tx, memberId: number, groupId: number): Promise<Person | null> {
  const group = await tx.group.findUnique({ where: { id: groupId } })
  if (!group) return null
  const account = await tx.account.findFirst({ where: { memberId, platform: group.platform }, orderBy: { lastSeenAt: 'desc' } })
  if (!account) return null
  return { id: account.userId, name: account.displayName, ...(account.stableId ? { stableId: account.stableId } : {}) }
}

/** The platform of the chat a console session acts from. */
export async function platformOf(tx: Tx, groupId: number): Promise<string | null> {
  return (await tx.group.findUnique({ where: { id: groupId } }))?.platform ?? null
}
