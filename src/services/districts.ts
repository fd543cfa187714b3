import type { Tx } from '../db/client.ts'
import type { District } from '../generated/prisma/client.ts'
import type { Role } from '../core/roles.ts'
import { redeemClaimCode } from './claim-codes.ts'
import { touchMembership } from './identity.ts'

export interface DistrictDefaults {
  timezone: string
  morningAt: string
  afternoonAt: string
  eveningAt: string
}

/** The default start of a part of the day ("上午 9:00"), as a district keeps it. */
export type DayPart = 'morningAt' | 'afternoonAt' | 'eveningAt'

export function findDistrictByName(tx: Tx, name: string): Promise<District | null> {
  return tx.district.findUnique({ where: { name } })
}

export function findDistrict(tx: Tx, id: number): Promise<District | null> {
  return tx.district.findUnique({ where: { id } })
}

export function getDistrict(tx: Tx, id: number): Promise<District> {
  return tx.district.findUniqueOrThrow({ where: { id } })
}

export function createDistrict(tx: Tx, name: string, defaults: DistrictDefaults): Promise<District> {
  return tx.district.create({ data: { name, ...defaults } })
}

export type ClaimOutcome = { kind: 'nameTaken' } | { kind: 'claimed'; district: District }

/**
 * An open claim code (checked by the caller first, so a wrong one can be
 * recorded) makes a group a new district of this name, the member its admin.
 */
export async function claimDistrict(
  tx: Tx,
  claim: { code: string; name: string; groupId: number; adminId: number; defaults: DistrictDefaults },
  now: Date,
): Promise<ClaimOutcome> {
  if (await findDistrictByName(tx, claim.name)) return { kind: 'nameTaken' }
  const district = await createDistrict(tx, claim.name, claim.defaults)
  await redeemClaimCode(tx, claim.code, district.id, now)
  await bindGroup(tx, claim.groupId, district.id)
  await touchMembership(tx, district.id, claim.adminId, now)
  await grantRole(tx, district.id, claim.adminId, 'admin')
  return { kind: 'claimed', district }
}

export async function bindGroup(tx: Tx, groupId: number, districtId: number): Promise<void> {
  await tx.group.update({ where: { id: groupId }, data: { districtId } })
}

/** A group joins the district, and the member who bound it is seen there. */
export async function joinDistrict(tx: Tx, groupId: number, districtId: number, memberId: number, now: Date): Promise<void> {
  await bindGroup(tx, groupId, districtId)
  await touchMembership(tx, districtId, memberId, now)
}

export type Unbinding = { kind: 'notFound' } | { kind: 'unbound'; groupId: number; title: string | null }

/** A group of the district (never a direct chat) leaves it. */
export async function unbindGroup(tx: Tx, districtId: number, groupId: number): Promise<Unbinding> {
  const group = await tx.group.findFirst({ where: { id: groupId, districtId, direct: false } })
  if (!group) return { kind: 'notFound' }
  await tx.group.update({ where: { id: group.id }, data: { districtId: null } })
  return { kind: 'unbound', groupId: group.id, title: group.title }
}

export async function setDayPart(tx: Tx, districtId: number, part: DayPart, time: string): Promise<void> {
  await tx.district.update({ where: { id: districtId }, data: { [part]: time } })
}

/** Renames the district, unless another district has the name. */
export async function renameDistrict(tx: Tx, districtId: number, name: string): Promise<{ kind: 'taken' } | { kind: 'renamed' }> {
  const taken = await findDistrictByName(tx, name)
  if (taken && taken.id !== districtId) return { kind: 'taken' }
  await tx.district.update({ where: { id: districtId }, data: { name } })
  return { kind: 'renamed' }
}

/** Returns false when the member already held the role. */
export async function grantRole(tx: Tx, districtId: number, memberId: number, role: Role): Promise<boolean> {
  const key = { districtId_memberId_role: { districtId, memberId, role } }
  if (await tx.memberRole.findUnique({ where: key })) return false
  await tx.memberRole.create({ data: { districtId, memberId, role } })
  return true
}

export async function revokeRoles(tx: Tx, districtId: number, memberId: number, roles: Role[]): Promise<Role[]> {
  const held = await tx.memberRole.findMany({ where: { districtId, memberId, role: { in: roles } } })
  await tx.memberRole.deleteMany({ where: { districtId, memberId, role: { in: roles } } })
  return held.map((r) => r.role as Role)
}

export function countAdmins(tx: Tx, districtId: number): Promise<number> {
  return tx.memberRole.count({ where: { districtId, role: 'admin' } })
}

/** True when `memberId` was made admin of the district before `thanId` (or at the same moment); false when either is no admin. */
export async function isSeniorAdmin(tx: Tx, districtId: number, memberId: number, thanId: number): Promise<boolean> {
  const key = (id: number) => ({ districtId_memberId_role: { districtId, memberId: id, role: 'admin' } })
  const [theirs, mine] = await Promise.all([tx.memberRole.findUnique({ where: key(memberId) }), tx.memberRole.findUnique({ where: key(thanId) })])
  return theirs !== null && mine !== null && theirs.grantedAt <= mine.grantedAt
}

/**
 * Why /撤销 refuses `byId` taking the admin role from `memberId`, or null when
 * it does not: 'senior' when memberId became admin before them (whoever became
 * admin later cannot take the district from its first admins; one may always
 * remove oneself), 'last' when memberId is the district's only admin.
 */
export async function adminRevokeBar(tx: Tx, districtId: number, memberId: number, byId: number): Promise<'senior' | 'last' | null> {
  if (memberId !== byId && (await isSeniorAdmin(tx, districtId, memberId, byId))) return 'senior'
  const held = await tx.memberRole.findUnique({ where: { districtId_memberId_role: { districtId, memberId, role: 'admin' } } })
  return held && (await countAdmins(tx, districtId)) <= 1 ? 'last' : null
}

/** The district's 学时 rules (/设置 学时 …): the multiples of a presenter and a host, and the share of a session one may miss. */
export type HoursRules = Pick<District, 'presenterFactor' | 'hostFactor' | 'missShare'>

export async function setHoursRules(tx: Tx, districtId: number, rules: Partial<HoursRules>): Promise<HoursRules> {
  return tx.district.update({ where: { id: districtId }, data: rules, select: { presenterFactor: true, hostFactor: true, missShare: true } })
}

/** 听课 records each mentorship pair owes a term (/设置 听课 每学期 2次); 0 sets no minimum. */
export async function setObservationsPerTerm(tx: Tx, districtId: number, count: number): Promise<void> {
  await tx.district.update({ where: { id: districtId }, data: { observationsPerTerm: count } })
}
