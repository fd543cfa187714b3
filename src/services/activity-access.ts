/**
 * Who may change an activity: the rule the commands enforce (/设置, /取消,
 * /改期, /恢复, /准假, corrections of 签到) and the web console's activity
 * page uses to decide which forms to show, so a form is shown only to those
 * its command accepts.
 */
import type { Role } from '../core/roles.ts'

/** Admins may change any activity; organizers only their own. */
export function mayChangeActivity(who: { memberId: number; roles: ReadonlySet<Role> }, activity: { organizerId: number }): boolean {
  return who.roles.has('admin') || activity.organizerId === who.memberId
}
