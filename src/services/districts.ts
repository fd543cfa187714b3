import type { Tx } from '../db/client.ts'
import type { District } from '../generated/prisma/client.ts'
import type { Role } from '../core/roles.ts'

export interface DistrictDefaults {
  timezone: string
  morningAt: string
  afternoonAt: string
  eveningAt: string
}

export function findDistrictByName(tx: Tx, name: string): Promise<District | null> {
  return tx.district.findUnique({ where: { name } })
}

export function createDistrict(tx: Tx, name: string, defaults: DistrictDefaults): Promise<District> {
  return tx.district.create({ data: { name, ...defaults } })
}

export async function bindGroup(tx: Tx, groupId: number, districtId: number): Promise<void> {
  await tx.group.update({ where: { id: groupId }, data: { districtId } })
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
