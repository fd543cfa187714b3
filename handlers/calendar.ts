import { Refusal, type Command } from '../src/core/command.ts'
import { texts } from '../src/core/texts/index.ts'
import { CALENDAR_PATH } from '../src/services/feed-route.ts'

/**
 * `/日历`: in a direct chat, the member's own feed address (their districts'
 * activities, their sign-ups marked); in a district group, the district's.
 * `/日历 重置` replaces the address (the district's: admins only).
 */
export const calendar: Command = {
  id: 'calendar',
  name: '日历',
  aliases: ['calendar', 'ics', '日历订阅'],
  role: 'teacher',
  // In a direct chat 重置 replaces one's own address; in a group, the district's.
  forms: [{
    usage: '日历 重置（学区日历）',
    role: 'admin',
    matches: (line, message) => isReset(line.args[0]) && !message.chat.isDirect,
    refusal: () => texts.feed.resetAdminOnly,
  }],
  scope: 'anywhere',
  async run(ctx, line) {
    const [word] = line.args
    const reset = isReset(word)
    if (word && !reset) throw new Refusal(texts.feed.usage)
    const base = ctx.config.PUBLIC_URL
    if (!base) throw new Refusal(texts.feed.notServed)
    const url = (token: string) => `${base.replace(/\/+$/, '')}${CALENDAR_PATH}${token}.ics`
    if (ctx.message.chat.isDirect) {
      const token = await ctx.work.calendarFeed.feedToken({ memberId: ctx.sender.memberId }, ctx.now, reset)
      return ctx.reply([reset ? texts.feed.reset : '', texts.feed.personal(url(token))].filter(Boolean).join('\n'))
    }
    if (!ctx.district) throw new Refusal(texts.router.noDistrict)
    const token = await ctx.work.calendarFeed.feedToken({ districtId: ctx.district.id }, ctx.now, reset)
    ctx.reply([reset ? texts.feed.reset : '', texts.feed.district(url(token))].filter(Boolean).join('\n'))
  },
}

const isReset = (word: string | undefined) => word === '重置' || word === 'reset'
