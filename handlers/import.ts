import { Refusal, type Command } from '../src/core/command.ts'
import { texts } from '../src/core/texts/index.ts'
import { MAX_IMPORT_ACTIVITIES } from '../src/services/import.ts'
import { notActivityList, previewFooter, reportLines, type ImportWording } from '../src/services/import-preview.ts'
import { argsErrorText, resolveErrorText } from './shared.ts'

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
    const pending = await ctx.work.importFiles.keptImportFile(ctx.sender.memberId, ctx.district.id, ctx.now)
    if (!pending) throw new Refusal(texts.importing.noFile)
    // Read when it came (in a worker, within limits): nothing is parsed again here, inside the unit of work.
    const plan = await ctx.work.imports.prepareImport(ctx.district, ctx.now, pending.lines)
    if (!plan) throw new Refusal(texts.importing.noSemester)
    const { reference, fresh, existing, merges, unreadable } = plan
    if (fresh.length > MAX_IMPORT_ACTIVITIES) throw new Refusal(texts.importing.tooMany(fresh.length, MAX_IMPORT_ACTIVITIES))
    const year = Number(reference.slice(0, 4))
    // The console's 导入 page reads the preview (src/web/routes/files.ts): worded for a page, with room for every line.
    const wording: ImportWording = ctx.message.via === 'page' ? 'page' : 'chat'
    const T = texts.importing
    const lines = [T.header(pending.name, ctx.district.name, reference)]
    if (confirm) {
      const origin = ctx.message.chat.isDirect ? null : ctx.groupId
      const result = await ctx.work.imports.saveImport(ctx.district, { groupId: origin, organizerId: ctx.sender.memberId }, fresh)
      await ctx.work.importFiles.forgetImportFile(pending.id)
      lines.push(T.summary(result.created.length, existing + result.existing.length, unreadable.length, merges.length))
      lines.push(T.created(result.created.length))
    } else {
      lines.push(T.willCreate(fresh.length))
    }
    lines.push(...reportLines(plan, year, wording, { resolve: resolveErrorText, args: argsErrorText }))
    if (!confirm) lines.push(previewFooter(fresh.length, wording))
    ctx.reply(lines.join('\n'))
    // A page lists apart every line taken for no activity, as a titled answer it shows as a list to open.
    const rest = wording === 'page' ? notActivityList(plan) : null
    if (rest) ctx.reply(rest.lines.join('\n'), { title: rest.title })
  },
}
