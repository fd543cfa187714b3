import { Refusal, type Command } from '../src/core/command.ts'
import { texts } from '../src/core/texts/index.ts'
import { CONSOLE_PATH, LINK_MINUTES, SESSION_HOURS } from '../src/services/web-tokens.ts'
import { isPrivateHere } from './shared.ts'

const T = texts.web

/**
 * /后台: a one-time link to the web console, only in a direct chat (or the
 * console group, the operator's own terminal): a link in a group would let
 * anyone reading it in. `/后台 退出全部` ends every session of the sender.
 */
export const webConsole: Command = {
  id: 'webConsole',
  name: '后台',
  aliases: ['console', '网页后台', '管理后台', '登录后台'],
  role: 'teacher',
  scope: 'district',
  direct: true,
  async run(ctx, line) {
    const arg = line.args.join('')
    if (arg === '退出全部' || arg === '退出' || arg === '全部退出') {
      const ended = await ctx.work.webTokens.endAllSessions(ctx.sender.memberId, ctx.now)
      return ctx.reply(T.endedAll(ended.sessions, ended.links))
    }
    if (arg) throw new Refusal(T.usage)
    if (!isPrivateHere(ctx)) throw new Refusal(T.directOnly)
    const base = ctx.config.PUBLIC_URL
    if (!base) throw new Refusal(T.notServed)
    const token = await ctx.work.webTokens.issueLink({ memberId: ctx.sender.memberId, districtId: ctx.district.id, groupId: ctx.groupId }, ctx.now)
    const roles = ctx.sender.roles
    const who = roles.has('admin') || roles.has('organizer') ? 'staff' : roles.has('mentor') ? 'mentor' : 'teacher'
    ctx.reply(T.link(`${base.replace(/\/+$/, '')}${CONSOLE_PATH}/login/${token}`, LINK_MINUTES, SESSION_HOURS, who))
  },
}
