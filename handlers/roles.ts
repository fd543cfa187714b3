import { wordsOf, type CommandLine } from '../src/core/command-line.ts'
import { Refusal, type Command, type DistrictContext } from '../src/core/command.ts'
import { GRANTABLE, type Role } from '../src/core/roles.ts'
import type { Person } from '../src/core/message.ts'
import { texts } from '../src/core/texts/index.ts'
import { listName } from '../src/services/members.ts'
import { argsOf } from './shared.ts'

const ROLE_WORDS: Record<string, Role> = {
  管理员: 'admin', admin: 'admin', 组织者: 'organizer', organizer: 'organizer', 导师: 'mentor', 名师: 'mentor', mentor: 'mentor',
}

export const grant: Command = {
  id: 'grant',
  name: '授权',
  aliases: ['grant'],
  role: 'admin',
  scope: 'district',
  async run(ctx, line) {
    const { target, roleWord } = targetAndRole(ctx, line, texts.roles.usage)
    if (!roleWord) throw new Refusal(texts.roles.usage)
    const role = ROLE_WORDS[roleWord.toLowerCase()]
    if (!role) throw new Refusal(texts.roles.badRole(roleWord))
    const member = await resolveTarget(ctx, target)
    // A name can be copied by anyone: a role goes by name only to someone not yet seen (who then is taken only with an admin's /确认).
    if ('name' in target && (await ctx.work.members.hasAccount(member.id))) {
      throw new Refusal(texts.roles.needMention(target.name, role))
    }
    const added = await ctx.work.districts.grantRole(ctx.district.id, member.id, role)
    ctx.reply(added ? texts.roles.granted(member.name, role) : texts.roles.alreadyHeld(member.name, role))
  },
}

export const revoke: Command = {
  id: 'revoke',
  name: '撤销',
  aliases: ['revoke'],
  role: 'admin',
  scope: 'district',
  async run(ctx, line) {
    const { target, roleWord } = targetAndRole(ctx, line, texts.roles.revokeUsage)
    const role = roleWord ? ROLE_WORDS[roleWord.toLowerCase()] : undefined
    if (roleWord && !role) throw new Refusal(texts.roles.badRole(roleWord))
    const member = await resolveTarget(ctx, target)
    const roles = role ? [role] : [...GRANTABLE]
    // An admin removes only admins made after them (or themselves), never the last one (adminRevokeBar, as the console decides its buttons).
    const bar = roles.includes('admin') ? await ctx.work.districts.adminRevokeBar(ctx.district.id, member.id, ctx.sender.memberId) : null
    if (bar === 'senior') throw new Refusal(texts.roles.senior(member.name))
    if (bar === 'last') throw new Refusal(texts.roles.lastAdmin)
    const removed = await ctx.work.districts.revokeRoles(ctx.district.id, member.id, roles)
    if (removed.length === 0) throw new Refusal(texts.roles.notHeld(member.name))
    ctx.reply(texts.roles.revoked(member.name, removed))
  },
}

type Target = { mention: Person } | { name: string }

/** "@李明 组织者", "李明 组织者", or a platform @mention plus the role word. */
function targetAndRole(ctx: DistrictContext, line: CommandLine, usage: string): { target: Target; roleWord?: string } {
  const args = argsOf(ctx, line)
  const words = wordsOf(args)
  const mention = args.find((a) => a.person)?.person
  if (mention) return { target: { mention }, roleWord: words.filter((w) => !w.startsWith('@')).at(-1) }
  const [name, roleWord] = words
  if (!name) throw new Refusal(usage)
  return { target: { name: name.replace(/^@/, '') }, roleWord }
}

/**
 * The member named or @mentioned, with the name lists give them (their /我是
 * name, else their platform name): the reply names them as rosters and the
 * console's 成员 page do, however the @mention wrote them.
 */
async function resolveTarget(ctx: DistrictContext, target: Target): Promise<{ id: number; name: string }> {
  if ('mention' in target) {
    const hints = { groupId: ctx.groupId, idsSince: ctx.message.idsSince, post: ctx.post }
    const member = await ctx.work.members.memberForPerson(ctx.district.id, { person: target.mention, platform: ctx.message.platform, hints }, ctx.now)
    return { id: member.id, name: listName(member) }
  }
  const found = await ctx.work.members.findMemberByName(ctx.district.id, target.name)
  if (found.kind === 'none') throw new Refusal(texts.roles.notFound(target.name))
  if (found.kind === 'many') throw new Refusal(texts.roles.ambiguous(target.name, found.count))
  return { id: found.member.id, name: listName(found.member) }
}
