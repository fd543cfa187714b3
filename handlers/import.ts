import { Refusal, type Command } from '../src/core/command.ts'
import { texts } from '../src/core/texts/index.ts'
import { MAX_IMPORT_ACTIVITIES, prepareImport, saveImport } from '../src/services/import.ts'
import { itemLines, mergeLines, notActivityLines, sameLines, unreadableLines } from '../src/services/import-report.ts'
import { argsErrorText, resolveErrorText } from './shared.ts'

const KEEP_MS = 24 * 60 * 60_000
/** A preview in chat stays readable on a phone. */
const MAX_PREVIEW = 40
/** Lines taken for no activity: a few show what was left, the count says the rest. */
const MAX_NOT_ACTIVITIES = 5

/**
 * `/导入`: previews the 行事历 the admin last sent (what it would create, what
 * it cannot read); `/导入 确认` saves it in this command's transaction.
 */
export const importData: Command = {
  id: 'importData',
  name: '导入',
  aliases: ['import'],
  role: 'admin',
  scope: 'district',
  direct: true,
  async run(ctx, line) {
    const [word] = line.args
    const confirm = word === '确认' || word === 'yes'
    if (word && !confirm) throw new Refusal(texts.importing.chatUsage)
    const pending = await ctx.tx.pendingImport.findFirst({
      where: { memberId: ctx.sender.memberId, districtId: ctx.district.id, receivedAt: { gte: new Date(ctx.now.getTime() - KEEP_MS) } },
      orderBy: { receivedAt: 'desc' },
    })
    if (!pending) throw new Refusal(texts.importing.noFile)
    // Read when it came (in a worker, within limits): nothing is parsed again here, inside the transaction.
    const plan = await prepareImport(ctx.tx, ctx.district, ctx.now, JSON.parse(pending.lines) as string[])
    if (!plan) throw new Refusal(texts.importing.noSemester)
    const { reference, items, fresh, existing, merges, same, unreadable, notActivities } = plan
    if (fresh.length > MAX_IMPORT_ACTIVITIES) throw new Refusal(texts.importing.tooMany(fresh.length, MAX_IMPORT_ACTIVITIES))
    const year = Number(reference.slice(0, 4))
    const T = texts.importing
    const lines = [T.header(pending.name, ctx.district.name, reference)]
    if (confirm) {
      const origin = ctx.message.chat.isDirect ? null : ctx.groupId
      const result = await saveImport(ctx.tx, ctx.district, { groupId: origin, organizerId: ctx.sender.memberId }, fresh)
      await ctx.tx.pendingImport.delete({ where: { id: pending.id } })
      lines.push(T.summary(result.created.length, existing + result.existing.length, unreadable.length, merges.length))
      lines.push(T.created(result.created.length))
    } else {
      lines.push(T.willCreate(fresh.length))
    }
    lines.push(...itemLines(fresh, year, MAX_PREVIEW))
    lines.push(...mergeLines(merges, MAX_PREVIEW))
    if (existing) lines.push(T.existing(existing))
    lines.push(...sameLines(same, year, MAX_PREVIEW))
    lines.push(...unreadableLines(unreadable, { resolve: resolveErrorText, args: argsErrorText }, MAX_PREVIEW))
    lines.push(...notActivityLines(notActivities, MAX_NOT_ACTIVITIES))
    if (items.length === 0) lines.push(T.emptyFile)
    if (!confirm) lines.push(T.previewFooter(fresh.length))
    ctx.reply(lines.join('\n'))
  },
}
