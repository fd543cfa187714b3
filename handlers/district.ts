import { readClock } from '../src/calendar/normalize.ts'
import type { CommandLine } from '../src/core/command-line.ts'
import { Refusal, type Command, type Context, type Work } from '../src/core/command.ts'
import { assertMayUse } from '../src/core/permissions.ts'
import { texts } from '../src/core/texts/index.ts'
import { districtDefaults } from '../src/services/defaults.ts'
import { BIND_CODE_HOURS, LINK_CODE_MINUTES, looksLikeCode, looksLikeLinkCode } from '../src/services/claim-codes.ts'
import { attemptScopes, WRONG_CODE_WINDOW_MIN } from '../src/services/code-attempts.ts'
import type { DayPart } from '../src/services/districts.ts'
import { linkAccounts } from './accounts.ts'
import { activitySettings } from './activity-settings.ts'
import { setHoursRules, setObservationRule } from './district-rules.ts'
import { setTimetable } from './timetable.ts'
import { LIMITS, truncate } from '../src/core/limits.ts'
import { assertFits } from './shared.ts'

/** `/认领 K7P2-9QXM 育秀教育集团`: the code printed at first start makes this group a new district and the sender its admin. */
export const claim: Command = {
  id: 'claim',
  name: '认领',
  aliases: ['claim'],
  role: 'teacher',
  scope: 'anywhere',
  async run(ctx, line) {
    const [code, ...nameWords] = line.args
    if (!code) throw new Refusal(texts.claim.usage)
    if (ctx.message.chat.isDirect) throw new Refusal(texts.router.groupOnly)
    if (ctx.district) throw new Refusal(texts.claim.alreadyBound(ctx.district.name))
    await assertNotGuessing(ctx)
    if (!(await ctx.work.claimCodes.isOpenClaimCode(code))) throw wrongCode(ctx, texts.claim.invalid)
    const typed = nameWords.join(' ').trim()
    assertFits('districtName', typed)
    const name = typed || truncate(ctx.message.chat.title ?? '', LIMITS.districtName) || texts.claim.defaultName
    const claimed = await ctx.work.districts.claimDistrict(
      { code, name, groupId: ctx.groupId, adminId: ctx.sender.memberId, defaults: districtDefaults(ctx.config) },
      ctx.now,
    )
    if (claimed.kind === 'nameTaken') throw new Refusal(texts.claim.nameTaken(name))
    ctx.reply(texts.claim.done(claimed.district.name, ctx.sender.name))
  },
}

/**
 * `/绑定 育秀教育集团` (an admin of that district) or `/绑定 K7P2-9QXM` (a
 * group bind code) in a group joins it to the district; `/绑定 4821-0937` (a
 * personal link code) in a direct chat joins two accounts of one person.
 */
export const bind: Command = {
  id: 'bind',
  name: '绑定',
  aliases: ['bind'],
  role: 'teacher',
  scope: 'anywhere',
  async run(ctx, line) {
    const name = line.rest.trim()
    if (!name) throw new Refusal(texts.bind.usage)
    if (looksLikeLinkCode(name)) return linkAccounts(ctx, name)
    if (looksLikeCode(name)) {
      if (ctx.message.chat.isDirect) throw new Refusal(texts.bind.codeInDirect)
      return bindByCode(ctx, name)
    }
    if (ctx.message.chat.isDirect) throw new Refusal(texts.router.groupOnly)
    const target = await ctx.work.districts.findDistrictByName(name)
    // Say the same whether the district is missing or not the sender's: a name is no secret to probe for.
    if (!target || !(await ctx.work.identity.rolesOf(target.id, ctx.sender.memberId)).has('admin')) {
      throw new Refusal(texts.bind.notFound(name))
    }
    if (ctx.district?.id === target.id) throw new Refusal(texts.bind.already(target.name))
    if (ctx.district && !ctx.sender.roles.has('admin')) throw new Refusal(texts.bind.otherDistrict(ctx.district.name))
    await ctx.work.districts.joinDistrict(ctx.groupId, target.id, ctx.sender.memberId, ctx.now)
    ctx.reply(texts.bind.done(target.name))
  },
}

/**
 * "/绑定 K7P2-9QXM": a group bind code joins this group to its district and
 * grants nothing; the admin it was given to is told where it was used.
 */
async function bindByCode(ctx: Context, code: string): Promise<void> {
  await assertNotGuessing(ctx)
  const used = await ctx.work.claimCodes.useBindCode(code, ctx.now)
  if (!used) throw wrongCode(ctx, texts.bind.badCode)
  const target = await ctx.work.districts.getDistrict(used.districtId)
  // Shown in a group where it cannot be used, the code is burnt: everyone there has read it.
  const burnt = { record: (work: Work) => work.claimCodes.burnCode(code, 'bind', ctx.now), log: texts.codes.burntLog }
  if (ctx.district?.id === target.id) throw new Refusal(texts.bind.alreadyBurnt(target.name), burnt)
  if (ctx.district && !ctx.sender.roles.has('admin')) throw new Refusal(texts.bind.otherDistrictBurnt(ctx.district.name), burnt)
  await ctx.work.districts.joinDistrict(ctx.groupId, target.id, ctx.sender.memberId, ctx.now)
  const admin = (await ctx.work.identity.rolesOf(target.id, ctx.sender.memberId)).has('admin')
  ctx.reply([texts.bind.doneByCode(target.name), ...(admin ? [] : [texts.bind.noRoleHere(ctx.sender.name)])].join('\n'))
  const issuerChat = used.issuerId ? await ctx.work.directChats.directChatOf(used.issuerId, ctx.message.platform) : null
  if (issuerChat) {
    const platform = texts.link.platformName(ctx.message.platform)
    ctx.post({ chat: issuerChat, text: texts.bind.codeUsed(code.toUpperCase(), target.name, ctx.message.chat.title ?? '', platform, ctx.sender.name, ctx.groupId) })
  }
}

/** Too many wrong codes lately from this member or in this chat: refused before any code is looked at. */
export async function assertNotGuessing(ctx: Context): Promise<void> {
  if (await ctx.work.codeAttempts.tooManyWrongCodes(attemptScopes(ctx.sender.memberId, ctx.groupId), ctx.now)) {
    throw new Refusal(texts.codes.slowDown(WRONG_CODE_WINDOW_MIN))
  }
}

/** A wrong code: refused, and recorded (with the refusal, after the rollback) so repeated guessing is slowed down and logged. */
export function wrongCode(ctx: Context, text: string): Refusal {
  return new Refusal(text, { record: (work, who) => work.codeAttempts.recordWrongCode(attemptScopes(who.memberId, who.groupId), ctx.now), log: texts.codes.wrongLog })
}

/**
 * `/绑定码` in a direct chat: a personal code to join this account with one
 * on another platform. `/绑定码 群` (admins): a code to join another group to
 * the district, given only in the admin's direct chat.
 */
export const bindCode: Command = {
  id: 'bindCode',
  name: '绑定码',
  aliases: ['bindcode', '邀请码', '群绑定码'],
  role: 'teacher',
  forms: [{ usage: '绑定码 群', role: 'admin', matches: (line) => namesGroup(line), refusal: () => texts.bind.notAdmin }],
  scope: 'anywhere',
  async run(ctx, line) {
    const direct = ctx.message.chat.isDirect
    // In a group, /绑定码 alone is for the group too: a personal code is given only in a direct chat.
    const forGroup = namesGroup(line) || !direct
    if (!forGroup) {
      const code = await ctx.work.claimCodes.issueLinkCode(ctx.sender.memberId, ctx.now)
      return ctx.reply(texts.link.codeIssued(code, LINK_CODE_MINUTES))
    }
    const districtId = ctx.district?.id ?? (direct ? await ctx.work.members.homeDistrictId(ctx.sender.memberId) : null)
    if (!districtId) throw new Refusal(direct ? texts.router.noHomeDistrict : texts.router.noDistrict)
    const roles = ctx.district ? ctx.sender.roles : await ctx.work.identity.rolesOf(districtId, ctx.sender.memberId)
    await assertMayUse(bindCode, line, { ...ctx, sender: { ...ctx.sender, roles } })
    if (!roles.has('admin')) throw new Refusal(texts.link.useDirect)
    const district = await ctx.work.districts.getDistrict(districtId)
    const code = await ctx.work.claimCodes.issueBindCode(district.id, ctx.sender.memberId, ctx.now)
    const text = texts.bind.codeIssued(code, district.name, BIND_CODE_HOURS)
    // The console is the operator's own terminal.
    if (direct || ctx.message.platform === 'console') return ctx.reply(text)
    const chat = await ctx.work.directChats.directChatOf(ctx.sender.memberId, ctx.message.platform)
    if (!chat) throw new Refusal(texts.bind.needDirect(ctx.config.BOT_NAME))
    ctx.post({ chat, text })
    ctx.reply(texts.bind.codeSentDirect)
  },
}

const namesGroup = (line: CommandLine) => /^(群|群聊|group)$/i.test(line.args[0] ?? '') || line.name === '群绑定码'

/** `/解绑` in a group, or `/解绑 12` in a direct chat: the group leaves the district (admins). */
export const unbind: Command = {
  id: 'unbind',
  name: '解绑',
  aliases: ['unbind'],
  role: 'admin',
  scope: 'district',
  direct: true,
  async run(ctx, line) {
    const raw = line.args[0]?.replace(/^#/, '')
    if (raw !== undefined && !/^\d{1,9}$/.test(raw)) throw new Refusal(texts.bind.unbindUsage)
    if (raw === undefined && ctx.message.chat.isDirect) throw new Refusal(texts.bind.unbindUsage)
    const id = raw === undefined ? ctx.groupId : Number(raw)
    const group = await ctx.work.districts.unbindGroup(ctx.district.id, id)
    if (group.kind === 'notFound') throw new Refusal(texts.bind.unbindNotFound(raw ?? ''))
    ctx.reply(group.groupId === ctx.groupId ? texts.bind.unboundHere(ctx.district.name) : texts.bind.unbound(group.title ?? String(group.groupId), ctx.district.name))
  },
}

const isActivityId = (word: string | undefined) => word !== undefined && /^#?\d{1,9}$/.test(word)

const PARTS: Record<string, DayPart> = {
  上午: 'morningAt', 下午: 'afternoonAt', 晚上: 'eveningAt',
}

export const settings: Command = {
  id: 'settings',
  name: '设置',
  aliases: ['settings', 'set'],
  role: 'organizer',
  // An activity's settings are its organizer's; the district's (默认时间, 作息, 名称) are the admins'.
  forms: [{ usage: '设置 上午|下午|晚上|作息|名称|学时|听课 …', role: 'admin', matches: (line) => line.args.length > 0 && !isActivityId(line.args[0]) }],
  scope: 'district',
  async run(ctx, line) {
    const [key, ...values] = line.args
    if (isActivityId(key)) return activitySettings(ctx, line.args, line.raw)
    if (key === '作息' || key === '作息时间') return setTimetable(ctx, values)
    if (key === '学时' || key === '学时规则') return setHoursRules(ctx, values)
    if (key === '听课' || key === '听课要求') return setObservationRule(ctx, values)
    const value = values.join(' ').trim()
    if (!key || !value) throw new Refusal(texts.settings.usage)
    const part = PARTS[key]
    if (part) {
      const time = readClock(value)
      if (!time) throw new Refusal(texts.settings.badClock(value))
      await ctx.work.districts.setDayPart(ctx.district.id, part, time)
      return ctx.reply(texts.settings.partSaved(key, time))
    }
    if (key === '名称' || key === '名字') {
      assertFits('districtName', value)
      const renamed = await ctx.work.districts.renameDistrict(ctx.district.id, value)
      if (renamed.kind === 'taken') throw new Refusal(texts.claim.nameTaken(value))
      return ctx.reply(texts.settings.nameSaved(value))
    }
    throw new Refusal(texts.settings.usage)
  },
}
