import { wordsOf, type CommandLine } from '../src/core/command-line.ts'
import { Refusal, type Command, type Context } from '../src/core/command.ts'
import { assertMayUse } from '../src/core/permissions.ts'
import { texts } from '../src/core/texts/index.ts'
import { useLinkCode } from '../src/services/claim-codes.ts'
import { directChatOf } from '../src/services/direct-chats.ts'
import { rolesOf } from '../src/services/identity.ts'
import { askMerge, finishMerge, heldRoles, openMerge, type Merge } from '../src/services/merge-requests.ts'
import { homeDistrictId, listName, memberForPerson } from '../src/services/members.ts'
import { confirmClaim, findPlaceholder, openClaims } from '../src/services/placeholders.ts'
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
  const issuer = await useLinkCode(ctx.tx, code, ctx.now)
  if (!issuer) throw wrongCode(ctx, texts.link.badCode)
  if (issuer === ctx.sender.memberId) throw new Refusal(texts.link.same)
  // The code joins one person's accounts on two platforms; two on one platform are two people.
  if ((await ctx.tx.account.count({ where: { memberId: issuer, platform: ctx.message.platform } })) > 0) {
    throw new Refusal(texts.link.samePlatform(texts.link.platformName(ctx.message.platform)))
  }
  const merge = await askMerge(ctx.tx, issuer, ctx.sender.memberId, ctx.now, MERGE_MINUTES)
  const roles = await heldRoles(ctx.tx, ctx.sender.memberId)
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
    const merge = ctx.message.chat.isDirect ? await openMerge(ctx.tx, ctx.sender.memberId, ctx.now) : null
    if (merge && line.args.length === 0) return confirmMerge(ctx, merge)
    if (line.args[0] === '补登记') return confirmPastActivity(ctx)
    if (line.args[0] === '取消') return confirmCancelSeries(ctx, line.args.slice(1))
    const waiting = line.args.length === 0 ? await newestWaiting(ctx) : null
    if (waiting === PAST_ACTIVITY) return confirmPastActivity(ctx)
    if (waiting === CANCEL_SERIES) return confirmCancelSeries(ctx, [])
    const district = ctx.district ?? (ctx.message.chat.isDirect ? await homeDistrict(ctx) : null)
    if (!district) throw new Refusal(line.args.length ? texts.router.noDistrict : texts.claims.nothing)
    const roles = ctx.district ? ctx.sender.roles : await rolesOf(ctx.tx, district.id, ctx.sender.memberId)
    await assertMayUse(confirm, line, { ...ctx, sender: { ...ctx.sender, roles } })
    if (!roles.has('admin')) throw new Refusal(texts.claims.nothing)
    await confirmPlaceholder({ ...ctx, district }, line)
  },
}

/** What `/确认` alone confirms: the sender's newest request still open (a past activity to record, a series to cancel). */
async function newestWaiting(ctx: Context): Promise<string | null> {
  const row = await ctx.tx.confirmation.findFirst({
    where: { kind: { in: [PAST_ACTIVITY, CANCEL_SERIES] }, waitingFor: ctx.sender.memberId, doneAt: null, expiresAt: { gt: ctx.now } },
    orderBy: { id: 'desc' },
  })
  return row?.kind ?? null
}

async function homeDistrict(ctx: Context) {
  const id = await homeDistrictId(ctx.tx, ctx.sender.memberId)
  return id ? ctx.tx.district.findUnique({ where: { id } }) : null
}

async function confirmMerge(ctx: Context, merge: Merge): Promise<void> {
  // The one who sent the code back confirmed; the one who took it confirms too (their records and roles are at stake: a code can leak).
  if (ctx.sender.memberId === merge.redeemerId) {
    const chat = await directChatOf(ctx.tx, merge.issuerId)
    if (!chat) throw new Refusal(texts.link.issuerUnreachable)
    const issuerRoles = await heldRoles(ctx.tx, merge.issuerId)
    await askMerge(ctx.tx, merge.issuerId, merge.redeemerId, ctx.now, MERGE_MINUTES, merge.issuerId)
    const other = texts.link.account(texts.link.platformName(ctx.message.platform), ctx.message.sender.name)
    ctx.post({ chat, text: texts.link.askIssuer(other, issuerRoles.length ? texts.link.rolesWarning(issuerRoles.join('、')) : '', MERGE_MINUTES) })
    return ctx.reply(texts.link.waitIssuer(merge.issuerAccounts))
  }
  const { name, platforms } = await finishMerge(ctx.tx, merge, ctx.now)
  ctx.reply(texts.link.done(name, platforms.map(texts.link.platformName).join('、')))
}

/** `/确认 王佩红` (the one new account waiting for that name) or `/确认 @王佩红 [名字]` (this account). */
async function confirmPlaceholder(ctx: Context & { district: { id: number } }, line: CommandLine): Promise<void> {
  const args = argsOf(ctx, line)
  const mention = args.find((a) => a.person)?.person
  const name = wordsOf(args).filter((w) => !w.startsWith('@'))[0] ?? mention?.name
  if (!name) {
    const waiting = await openClaims(ctx.tx, ctx.district.id, ctx.now)
    if (waiting.length === 0) throw new Refusal(texts.claims.usage)
    const names = [...new Set(waiting.map((c) => listName(c.placeholder)))]
    return ctx.reply([texts.claims.listHeader, ...names.map(texts.claims.listLine)].join('\n'))
  }
  let placeholderId: number
  let candidateId: number
  let platform = ctx.message.platform
  if (mention) {
    const placeholder = await findPlaceholder(ctx.tx, ctx.district.id, name)
    if (!placeholder) throw new Refusal(texts.claims.noPlaceholder(name))
    const hints = { groupId: ctx.groupId, idsSince: ctx.message.idsSince }
    candidateId = (await memberForPerson(ctx.tx, ctx.district.id, { person: mention, platform, hints }, ctx.now)).id
    placeholderId = placeholder.id
  } else {
    const claims = await openClaims(ctx.tx, ctx.district.id, ctx.now, name)
    const candidates = [...new Set(claims.map((c) => c.candidateId))]
    if (candidates.length === 0) throw new Refusal(texts.claims.none(name))
    if (candidates.length > 1) throw new Refusal(texts.claims.ambiguous(name, candidates.length))
    placeholderId = claims[0]!.placeholder.id
    candidateId = candidates[0]!
    const account = await ctx.tx.account.findFirst({ where: { memberId: candidateId }, orderBy: { lastSeenAt: 'desc' } })
    if (account) platform = account.platform as typeof platform
  }
  if (placeholderId !== candidateId) await confirmClaim(ctx.tx, placeholderId, candidateId, ctx.now)
  ctx.reply(texts.claims.confirmed(name, texts.link.platformName(platform)))
}
