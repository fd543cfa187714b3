export type Role = 'admin' | 'organizer' | 'mentor' | 'teacher'

/** Roles a member can be granted; everyone is a teacher. */
export const GRANTABLE: readonly Role[] = ['admin', 'organizer', 'mentor']

/** An admin may do everything; otherwise the exact role is needed. */
export function mayUse(required: Role, held: ReadonlySet<Role>): boolean {
  return required === 'teacher' || held.has('admin') || held.has(required)
}

export function isRole(value: string): value is Role {
  return value === 'admin' || value === 'organizer' || value === 'mentor' || value === 'teacher'
}
