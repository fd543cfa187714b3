import { typedTail } from '../src/core/command-line.ts'
import { Refusal, type Command } from '../src/core/command.ts'
import { texts } from '../src/core/texts/index.ts'
import { cancelOrAsk } from './cancel-series.ts'
import { cancelOneSession, isSeries, sessionFromWords } from './sessions.ts'
import { activityFromArgs, assertFits, assertMayChange, exampleId } from './shared.ts'

/**
 * `/取消 12 原因`, `/取消 4 11月16日 原因`: an activity, or one session of a
 * series. A series with sessions to come is cancelled whole only after /确认.
 */
export const cancel: Command = {
  id: 'cancel',
  name: '取消',
  aliases: ['cancel'],
  role: 'organizer',
  meant: (line) => texts.signup.meantWithdraw(exampleId(line)),
  scope: 'district',
  async run(ctx, line) {
    const activity = await activityFromArgs(ctx, line.args, { command: '取消', example: '12 专家临时有事' })
    assertMayChange(ctx, activity)
    if (activity.status === 'cancelled') throw new Refusal(texts.activity.alreadyCancelled(activity.id))
    const env = await ctx.work.calendarEnv.calendarEnv(ctx.district, ctx.now)
    const words = line.args.slice(1)
    // The reason as typed (full-width ，。 and quotes kept).
    const asTyped = (read: string[]) => typedTail(line, read)
    const picked = sessionFromWords(ctx, activity, words, env, '取消')
    if (picked && isSeries(activity)) return cancelOneSession(ctx, activity, picked.session, asTyped(picked.rest), env)
    const reason = asTyped(picked ? picked.rest : words).join(' ').trim() || undefined
    assertFits('cancelReason', reason)
    await cancelOrAsk(ctx, activity, reason, env)
  },
}
