import type { CommandLine } from '../src/core/command-line.ts'
import type { Context, RestrictedForm } from '../src/core/command.ts'
import { texts } from '../src/core/texts/index.ts'

/**
 * Who runs a session (its code, its record, its photos): an admin, the
 * activity's organizer, or its host (主持) or presenter (主讲) when that is
 * the sender, the one member of the district going by that name, and they
 * hold a role (organizer or mentor). A name anyone may give themselves with
 * /我是 grants nothing by itself.
 */
export async function runsSession(
  ctx: Context,
  activity: { districtId: number; organizerId: number; host: string | null; presenter?: string | null },
): Promise<boolean> {
  const { roles, memberId } = ctx.sender
  if (roles.has('admin') || activity.organizerId === memberId) return true
  if (!roles.has('organizer') && !roles.has('mentor')) return false
  for (const name of [activity.host, activity.presenter]) {
    if (!name) continue
    const found = await ctx.work.members.findMemberByName(activity.districtId, name)
    if (found.kind === 'one' && found.member.id === memberId) return true
  }
  return false
}

/** The sender organizes the activity the line names, or mentors the workshop it is a session of. */
export async function runsActivity(ctx: Context, line: CommandLine): Promise<boolean> {
  const id = /^#?(\d{1,9})$/.exec(line.args[0] ?? '')?.[1]
  if (!ctx.district || !id) return false
  const activity = await ctx.work.activities.findActivity(ctx.district.id, Number(id))
  if (!activity) return false
  if (activity.organizerId === ctx.sender.memberId) return true
  return activity.workshopId !== null && (await ctx.work.workshops.isMentorOf(activity.workshopId, ctx.sender.memberId))
}

/**
 * A command only those who run the session may use (/签到码, /记录, /归档):
 * admins, and by the activity its line names, its organizer and its host or
 * presenter holding a role (runsSession). A line naming no activity passes
 * here, for the command's own sentence on how to write it; `refusal` is the
 * command's own sentence for the others.
 */
export function sessionStaffOnly(usage: string, refusal: (line: CommandLine) => string): RestrictedForm {
  return {
    usage,
    role: 'admin',
    matches: () => true,
    refusal,
    also: {
      who: texts.checkin.alsoSessionStaff,
      async may(ctx, line) {
        const id = /^[#＃]?(\d{1,9})$/.exec(line.args[0] ?? '')?.[1]
        if (!ctx.district || !id) return true
        const activity = await ctx.work.activities.findActivity(ctx.district.id, Number(id))
        return activity !== null && (await runsSession(ctx, activity))
      },
    },
  }
}
