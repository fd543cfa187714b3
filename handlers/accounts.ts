import { wordsOf, type CommandLine } from '../src/core/command-line.ts'
import { Refusal, type Command, type Context, type Work } from '../src/core/command.ts'
import { assertMayUse } from '../src/core/permissions.ts'
import { texts } from '../src/core/texts/index.ts'
import type { Merge } from '../src/services/merge-requests.ts'
import { listName } from '../src/services/members.ts'
import { assertNotGuessing, wrongCode } from './district.ts'
import { argsOf } from './shared.ts'
import { CANCEL_SERIES, confirmCancelSeries } from './cancel-series.ts'
import { confirmPastActivity, PAST_ACTIVITY } from './past-activity.ts'

/** How long a merge waits for each /确认. */
const MERGE_MINUTES = 10

/**
 * "/绑定 4821-0937" in a direct chat, with a personal code from another
 * platform: asks for a confirmation naming both accounts before anything
 * moves. Never in a group, where a code could be shown to someone tricked
 * into sending it.
 */
export async function linkAccounts(ctx: Context, code: string): Promise<void> {
  // Seen by a whole group, a personal code is no longer the issuer's secret: it is burnt.
  if (!ctx.message.chat.isDirect) throw new Refusal(texts.link.directOnly, { record: (work) => work.claimCodes.burnCode(code, 'link', ctx.now), log: texts.codes.burntLog })
  await assertNotGuessing(ctx)
  const issuer = await ctx.work.claimCodes.useLinkCode(code, ctx.now)
  if (!issuer) throw wrongCode(ctx, texts.link.badCode)
  if (issuer === ctx.sender.memberId) throw new Refusal(texts.link.same)
  // The code joins one person's accounts on two platforms; two on one platform are two people.
  if (await ctx.work.members.hasAccount(issuer, ctx.message.platform)) {
    throw new Refusal(texts.link.samePlatform(texts.link.platformName(ctx.message.platform)))
  }
  const merge = await ctx.work.mergeRequests.askMerge(issuer, ctx.sender.memberId, ctx.now, MERGE_MINUTES)
  const roles = await ctx.work.mergeRequests.heldRoles(ctx.sender.memberId)
  const mine = texts.link.account(texts.link.platformName(ctx.message.platform), ctx.message.sender.name)
  ctx.reply(texts.link.confirmAsk(merge.issuerAccounts, mine, MERGE_MINUTES, roles.length ? texts.link.rolesWarning(roles.join('、')) : ''))
}

/**
 * `/确认`: in a direct chat, the next step of a merge waiting for the
 * sender; for admins, `/确认 王佩红` or `/确认 @王佩红` takes a new account
 * as the placeholder member of that name (with its role and workshop).
 */
export const confirm: Command = {
  id: 'confirm',
  name: '确认',
  aliases: ['confirm'],
  role: 'teacher',
  forms: [
    // Saving a past activity is scheduling it.
    { usage: '确认 补登记', role: 'organizer', matches: (line) => line.args[0] === '补登记' },
    // Cancelling a whole series is for who may cancel (/取消 asks for this first).
    { usage: '确认 取消 <编号>', role: 'organizer', matches: (line) => line.args[0] === '取消' },
    { usage: '确认 <名字>', role: 'admin', matches: (line) => line.args.length > 0 },
  ],
  scope: 'anywhere',
  async run(ctx, line) {
    const merge = ctx.message.chat.isDirect ? await ctx.work.mergeRequests.openMerge(ctx.sender.memberId, ctx.now) : null
    if (merge && line.args.length === 0) return confirmMerge(ctx, merge)
    if (line.args[0] === '补登记') return confirmPastActivity(ctx)
    if (line.args[0] === '取消') return confirmCancelSeries(ctx, line.args.slice(1))
    const waiting = line.args.length === 0 ? await ctx.work.mergeRequests.newestWaitingKind(ctx.sender.memberId, [PAST_ACTIVITY, CANCEL_SERIES], ctx.now) : null
    if (waiting === PAST_ACTIVITY) return confirmPastActivity(ctx)
    if (waiting === CANCEL_SERIES) return confirmCancelSeries(ctx, [])
    const district = ctx.district ?? (ctx.message.chat.isDirect ? await homeDistrict(ctx.work, ctx.sender.memberId) : null)
    if (!district) throw new Refusal(line.args.length ? texts.router.noDistrict : texts.claims.nothing)
    const roles = ctx.district ? ctx.sender.roles : await ctx.work.identity.rolesOf(district.id, ctx.sender.memberId)
    await assertMayUse(confirm, line, { ...ctx, sender: { ...ctx.sender, roles } })
    if (!roles.has('admin')) throw new Refusal(texts.claims.nothing)
    await confirmPlaceholder({ ...ctx, district }, line)
  },
}

/** The district a direct chat acts in: the one the member was last seen in. */
async function homeDistrict(work: Work, memberId: number) {
  const id = await work.members.homeDistrictId(memberId)
  return id ? work.districts.findDistrict(id) : null
}

async function confirmMerge(ctx: Context, merge: Merge): Promise<void> {
  // The one who sent the code back confirmed; the one who took it confirms too (their records and roles are at stake: a code can leak).
  if (ctx.sender.memberId === merge.redeemerId) {
    const chat = await ctx.work.directChats.directChatOf(merge.issuerId)
    if (!chat) throw new Refusal(texts.link.issuerUnreachable)
    const issuerRoles = await ctx.work.mergeRequests.heldRoles(merge.issuerId)
    await ctx.work.mergeRequests.askMerge(merge.issuerId, merge.redeemerId, ctx.now, MERGE_MINUTES, merge.issuerId)
    const other = texts.link.account(texts.link.platformName(ctx.message.platform), ctx.message.sender.name)
    ctx.post({ chat, text: texts.link.askIssuer(other, issuerRoles.length ? texts.link.rolesWarning(issuerRoles.join('、')) : '', MERGE_MINUTES) })
    return ctx.reply(texts.link.waitIssuer(merge.issuerAccounts))
  }
  const { name, platforms } = await ctx.work.mergeRequests.finishMerge(merge, ctx.now)
  ctx.reply(texts.link.done(name, platforms.map(texts.link.platformName).join('、')))
}

/** `/确认 王佩红` (the one new account waiting for that name) or `/确认 @王佩红 [名字]` (this account). */
async function confirmPlaceholder(ctx: Context & { district: { id: number } }, line: CommandLine): Promise<void> {
  const args = argsOf(ctx, line)
  const mention = args.find((a) => a.person)?.person
  const name = wordsOf(args).filter((w) => !w.startsWith('@'))[0] ?? mention?.name
  if (!name) {
    const waiting = await ctx.work.placeholders.openClaims(ctx.district.id, ctx.now)
    if (waiting.length === 0) throw new Refusal(texts.claims.usage)
    const names = [...new Set(waiting.map((c) => listName(c.placeholder)))]
    return ctx.reply([texts.claims.listHeader, ...names.map(texts.claims.listLine)].join('\n'))
  }
  let placeholderId: number
  let candidateId: number
  let platform = ctx.message.platform
  if (mention) {
    const placeholder = await ctx.work.placeholders.findPlaceholder(ctx.district.id, name)
    if (!placeholder) throw new Refusal(texts.claims.noPlaceholder(name))
    const hints = { groupId: ctx.groupId, idsSince: ctx.message.idsSince }
    candidateId = (await ctx.work.members.memberForPerson(ctx.district.id, { person: mention, platform, hints }, ctx.now)).id
    placeholderId = placeholder.id
  } else {
    const claims = await ctx.work.placeholders.openClaims(ctx.district.id, ctx.now, name)
    const candidates = [...new Set(claims.map((c) => c.candidateId))]
    if (candidates.length === 0) throw new Refusal(texts.claims.none(name))
    if (candidates.length > 1) throw new Refusal(texts.claims.ambiguous(name, candidates.length))
    placeholderId = claims[0]!.placeholder.id
    candidateId = candidates[0]!
    platform = (await ctx.work.members.lastPlatformOf(candidateId)) ?? platform
  }
  if (placeholderId !== candidateId) await ctx.work.placeholders.confirmClaim(placeholderId, candidateId, ctx.now)
  ctx.reply(texts.claims.confirmed(name, texts.link.platformName(platform)))
}
