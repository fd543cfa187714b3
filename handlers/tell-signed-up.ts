import type { DistrictContext } from '../src/core/command.ts'
import { isPlatform } from '../src/core/message.ts'
import { texts } from '../src/core/texts/index.ts'
import type { Activity } from '../src/generated/prisma/client.ts'
import { mentionsAtMost } from '../src/services/members.ts'

/**
 * A moved or cancelled activity is told where it was asked for, in its own group, and
 * in every group someone signed up from, @mentioning those signed up there (the first
 * MAX_MENTIONS_PER_MESSAGE of them, and how many more).
 */
export async function tellSignedUp(ctx: DistrictContext, activity: Activity, text: string): Promise<void> {
  const signups = await ctx.tx.signup.findMany({ where: { activityId: activity.id, status: { in: ['confirmed', 'waiting'] } }, orderBy: { seq: 'asc' } })
  const groupIds = new Set<number>([ctx.groupId])
  if (activity.groupId) groupIds.add(activity.groupId)
  for (const s of signups) if (s.groupId) groupIds.add(s.groupId)
  for (const groupId of groupIds) {
    const group = await ctx.tx.group.findUnique({ where: { id: groupId } })
    if (!group || !isPlatform(group.platform)) continue
    if (group.id !== ctx.groupId && group.districtId !== ctx.district.id) continue
    const here = group.id === ctx.groupId
    // Those who signed up in a direct chat are told in the activity's own group.
    const fromHere = signups.filter((s) => (s.groupId ?? activity.groupId) === group.id)
    const { mentions, unmentioned } = await mentionsAtMost(ctx.tx, fromHere.map((s) => s.memberId), group.platform)
    const told = unmentioned > 0 ? `${text}\n${texts.longLists.mentionsCapped(mentions.length, unmentioned)}` : text
    if (here) ctx.reply(told, { mentions })
    else ctx.post({ chat: { platform: group.platform, chatId: group.chatId }, text: told, mentions })
  }
}

