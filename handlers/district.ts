import { readClock } from '../src/calendar/normalize.ts'
import { Refusal, type Command, type Context } from '../src/core/command.ts'
import { texts } from '../src/core/texts.ts'
import { districtDefaults } from '../src/services/defaults.ts'
import {
  BIND_CODE_HOURS, codePurpose, isOpenClaimCode, issueBindCode, issueLinkCode, LINK_CODE_MINUTES, looksLikeCode, openBindCode,
  redeemClaimCode, useBindCode, useLinkCode,
} from '../src/services/claim-codes.ts'
import { listName } from '../src/services/members.ts'
import { mergeMembers } from '../src/services/merge.ts'
import { bindGroup, createDistrict, findDistrictByName, grantRole } from '../src/services/districts.ts'
import { rolesOf, touchMembership } from '../src/services/identity.ts'
import { activitySettings } from './activity-settings.ts'

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
    if (!(await isOpenClaimCode(ctx.tx, code))) throw new Refusal(texts.claim.invalid)
    const name = nameWords.join(' ').trim() || ctx.message.chat.title?.trim() || texts.claim.defaultName
    if (await findDistrictByName(ctx.tx, name)) throw new Refusal(texts.claim.nameTaken(name))
    const district = await createDistrict(ctx.tx, name, districtDefaults(ctx.config))
    await redeemClaimCode(ctx.tx, code, district.id, ctx.now)
    await bindAsAdmin(ctx, district.id)
    ctx.reply(texts.claim.done(district.name, ctx.sender.name))
  },
}

export const bind: Command = {
  id: 'bind',
  name: '绑定',
  aliases: ['bind'],
  role: 'teacher',
  scope: 'anywhere',
  async run(ctx, line) {
    const name = line.rest.trim()
    if (!name) throw new Refusal(texts.bind.usage)
    if (looksLikeCode(name) && (await codePurpose(ctx.tx, name)) === 'link') return linkAccounts(ctx, name)
    if (ctx.message.chat.isDirect) throw new Refusal(texts.router.groupOnly)
    if (looksLikeCode(name)) return bindByCode(ctx, name)
    const target = await findDistrictByName(ctx.tx, name)
    // Say the same whether the district is missing or not the sender's: a name is no secret to probe for.
    if (!target || !(await rolesOf(ctx.tx, target.id, ctx.sender.memberId)).has('admin')) {
      throw new Refusal(texts.bind.notFound(name))
    }
    if (ctx.district?.id === target.id) throw new Refusal(texts.bind.already(target.name))
    if (ctx.district && !ctx.sender.roles.has('admin')) throw new Refusal(texts.bind.otherDistrict(ctx.district.name))
    await bindGroup(ctx.tx, ctx.groupId, target.id)
    await touchMembership(ctx.tx, target.id, ctx.sender.memberId, ctx.now)
    ctx.reply(texts.bind.done(target.name))
  },
}

/** "/绑定 K7P2-9QXM": a code from /绑定码 joins this group and makes the sender an admin of the district. */
async function bindByCode(ctx: Context, code: string): Promise<void> {
  const districtId = await openBindCode(ctx.tx, code, ctx.now)
  if (!districtId) throw new Refusal(texts.bind.badCode)
  const target = await ctx.tx.district.findUniqueOrThrow({ where: { id: districtId } })
  if (ctx.district?.id === target.id) throw new Refusal(texts.bind.already(target.name))
  if (ctx.district && !ctx.sender.roles.has('admin')) throw new Refusal(texts.bind.otherDistrict(ctx.district.name))
  await useBindCode(ctx.tx, code, ctx.now)
  await bindAsAdmin(ctx, target.id)
  ctx.reply(texts.bind.doneByCode(target.name, ctx.sender.name))
}

/** Binds the sender's group to the district and makes the sender its admin (the holder of a code). */
async function bindAsAdmin(ctx: Context, districtId: number): Promise<void> {
  await bindGroup(ctx.tx, ctx.groupId, districtId)
  await touchMembership(ctx.tx, districtId, ctx.sender.memberId, ctx.now)
  await grantRole(ctx.tx, districtId, ctx.sender.memberId, 'admin')
}

/** "/绑定 <code>" with a code from /绑定码 in a direct chat on another platform: one person, one member. */
async function linkAccounts(ctx: Context, code: string): Promise<void> {
  const issuer = await useLinkCode(ctx.tx, code, ctx.now)
  if (!issuer) throw new Refusal(texts.link.badCode)
  if (issuer === ctx.sender.memberId) throw new Refusal(texts.link.same)
  await mergeMembers(ctx.tx, issuer, ctx.sender.memberId)
  const accounts = await ctx.tx.account.findMany({ where: { memberId: issuer } })
  const platforms = [...new Set(accounts.map((a) => texts.link.platformName(a.platform)))]
  const member = await ctx.tx.member.findUniqueOrThrow({ where: { id: issuer } })
  ctx.reply(texts.link.done(listName(member), platforms.join('、')))
}

/**
 * In a direct chat: a personal code to join this account with one on
 * another platform. In a district group (admins): a code to join another
 * group to the district.
 */
export const bindCode: Command = {
  id: 'bindCode',
  name: '绑定码',
  aliases: ['bindcode', '邀请码'],
  role: 'teacher',
  scope: 'anywhere',
  async run(ctx) {
    if (ctx.message.chat.isDirect) {
      const code = await issueLinkCode(ctx.tx, ctx.sender.memberId, ctx.now)
      return ctx.reply(texts.link.codeIssued(code, LINK_CODE_MINUTES))
    }
    if (!ctx.district) throw new Refusal(texts.router.noDistrict)
    if (!ctx.sender.roles.has('admin')) throw new Refusal(texts.link.useDirect)
    const code = await issueBindCode(ctx.tx, ctx.district.id, ctx.now)
    ctx.reply(texts.bind.codeIssued(code, ctx.district.name, BIND_CODE_HOURS))
  },
}

const PARTS: Record<string, 'morningAt' | 'afternoonAt' | 'eveningAt'> = {
  上午: 'morningAt', 下午: 'afternoonAt', 晚上: 'eveningAt',
}

export const settings: Command = {
  id: 'settings',
  name: '设置',
  aliases: ['settings', 'set'],
  role: 'organizer',
  scope: 'district',
  async run(ctx, line) {
    const [key, ...values] = line.args
    if (key && /^#?\d{1,9}$/.test(key)) return activitySettings(ctx, line.args)
    if (!ctx.sender.roles.has('admin')) throw new Refusal(texts.router.forbidden('设置', 'admin'))
    const value = values.join(' ').trim()
    if (!key || !value) throw new Refusal(texts.settings.usage)
    const part = PARTS[key]
    if (part) {
      const time = readClock(value)
      if (!time) throw new Refusal(texts.settings.badClock(value))
      await ctx.tx.district.update({ where: { id: ctx.district.id }, data: { [part]: time } })
      return ctx.reply(texts.settings.partSaved(key, time))
    }
    if (key === '名称' || key === '名字') {
      const taken = await findDistrictByName(ctx.tx, value)
      if (taken && taken.id !== ctx.district.id) throw new Refusal(texts.claim.nameTaken(value))
      await ctx.tx.district.update({ where: { id: ctx.district.id }, data: { name: value } })
      return ctx.reply(texts.settings.nameSaved(value))
    }
    throw new Refusal(texts.settings.usage)
  },
}
