import type { Role } from '../core/roles.ts'

/**
 * Who may open a page of the console: any signed-in member; those who
 * answer or run workshops (admins, organizers and mentors: 工作室与答疑);
 * admins and organizers ("staff"); or admins only. A route's guard and its
 * menu entry read the same rule, so a menu never offers a page that refuses.
 */
export type Access = 'member' | 'staffOrMentor' | 'staff' | 'admin'

const ROLES: Record<Exclude<Access, 'member'>, readonly Role[]> = {
  staffOrMentor: ['admin', 'organizer', 'mentor'],
  staff: ['admin', 'organizer'],
  admin: ['admin'],
}

export function mayOpen(roles: ReadonlySet<Role>, access: Access): boolean {
  return access === 'member' || ROLES[access].some((role) => roles.has(role))
}
