import { Refusal, type Command } from '../src/core/command.ts'
import { texts } from '../src/core/texts.ts'
import { calendarEnv } from '../src/services/calendar-env.ts'
import { importedKeys, planImport, readLines, referenceDate, saveImport, type ImportItem } from '../src/services/import.ts'
import { itemLine, reasonText } from '../src/services/import-report.ts'
import { resolveErrorText } from './shared.ts'

const KEEP_MS = 24 * 60 * 60_000
/** A preview in chat stays readable on a phone. */
const MAX_PREVIEW = 40

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
    const env = await calendarEnv(ctx.tx, ctx.district, ctx.now)
    const reference = referenceDate(env.semesters, env.today)
    if (!reference) throw new Refusal(texts.importing.noSemester)
    const items = planImport(await readLines(pending.name, Buffer.from(pending.bytes)), { ...env, today: reference, nowTime: '00:00', allowPast: true })
    const known = await importedKeys(ctx.tx, ctx.district.id, items)
    const fresh = items.filter((i): i is Extract<ImportItem, { ok: true }> => i.ok && !known.has(i.key))
    const bad = items.filter((i): i is Extract<ImportItem, { ok: false }> => !i.ok)
    const year = Number(reference.slice(0, 4))
    const T = texts.importing
    const lines = [T.header(pending.name, ctx.district.name, reference)]
    if (confirm) {
      const origin = ctx.message.chat.isDirect ? null : ctx.groupId
      const result = await saveImport(ctx.tx, ctx.district, { groupId: origin, organizerId: ctx.sender.memberId }, fresh, reference)
      await ctx.tx.pendingImport.delete({ where: { id: pending.id } })
      lines.push(T.summary(result.created.length, items.length - bad.length - result.created.length, bad.length))
      lines.push(T.created(result.created.length), ...fresh.slice(0, MAX_PREVIEW).map((i) => itemLine(i, year)))
    } else {
      lines.push(T.willCreate(fresh.length), ...fresh.slice(0, MAX_PREVIEW).map((i) => itemLine(i, year)))
    }
    if (fresh.length > MAX_PREVIEW) lines.push(T.more(fresh.length - MAX_PREVIEW))
    if (known.size) lines.push(T.existing(items.filter((i) => i.ok && known.has(i.key)).length))
    if (bad.length) {
      lines.push(T.unreadable(bad.length))
      for (const item of bad.slice(0, MAX_PREVIEW)) lines.push(T.unreadableLine(item.line, item.text, reasonText(item.reason, resolveErrorText)))
    }
    if (!confirm) lines.push(T.previewFooter(fresh.length))
    ctx.reply(lines.join('\n'))
  },
}
