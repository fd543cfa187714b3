import type { DistrictContext } from '../src/core/command.ts'
import { texts } from '../src/core/texts/index.ts'
import type { Activity } from '../src/generated/prisma/client.ts'

/**
 * A moved or cancelled activity is told where it was asked for, in its own group, and
 * in every group someone signed up from, @mentioning those signed up there (the first
 * MAX_MENTIONS_PER_MESSAGE of them, and how many more).
 */
export async function tellSignedUp(ctx: DistrictContext, activity: Activity, text: string): Promise<void> {
  for (const { chat, mentions, unmentioned } of await ctx.work.attendance.signedUpGroups(activity, ctx.district.id, ctx.groupId)) {
    const told = unmentioned > 0 ? `${text}\n${texts.longLists.mentionsCapped(mentions.length, unmentioned)}` : text
    if (!chat) ctx.reply(told, { mentions })
    else ctx.post({ chat, text: told, mentions })
  }
}
