import { Refusal, type Command, type DistrictContext } from '../src/core/command.ts'
import { zipTime } from '../src/calendar/dates.ts'
import type { ChatRef } from '../src/core/message.ts'
import { texts } from '../src/core/texts/index.ts'
import { semesterOn } from '../src/calendar/semester.ts'
import { workbookBytes, type ExportScope } from '../src/services/export.ts'
import { archiveReader } from '../src/services/question-access.ts'
import { archiveZip, MAX_SEND_BYTES, saveExport } from '../src/services/term-archive.ts'
import { activityFromArgs } from './shared.ts'

/**
 * `/导出`: the term's archive workbook (admins), or one's own activities and
 * the Q&A of the workshops one mentors (organizers); `/导出 12` one
 * activity's list. Personal data never goes to a group: the file is sent to
 * the sender's direct chat with the bot.
 */
export const exportData: Command = {
  id: 'exportData',
  name: '导出',
  aliases: ['export'],
  role: 'organizer',
  scope: 'district',
  direct: true,
  async run(ctx, line) {
    const admin = ctx.sender.roles.has('admin')
    const scope: ExportScope = { districtId: ctx.district.id, reader: archiveReader(ctx.sender), now: ctx.now }
    let fileName: string
    if (line.args.length > 0) {
      const activity = await activityFromArgs(ctx, line.args, { command: '导出', example: '12' })
      if (!admin && activity.organizerId !== ctx.sender.memberId) throw new Refusal(texts.export.onlyOwn)
      scope.activityId = activity.id
      fileName = texts.export.activityFileName(activity.id, activity.title)
    } else {
      const env = await ctx.work.calendarEnv.calendarEnv(ctx.district, ctx.now)
      const term = semesterOn(env.today, env.semesters)
      if (term) Object.assign(scope, { from: term.startDate, to: term.endDate })
      const label = term?.name ?? texts.export.allTerms
      fileName = admin ? texts.export.fileName(ctx.district.name, label) : texts.export.ownFileName(ctx.district.name, label, ctx.sender.name)
    }
    const chat = await privateChat(ctx)
    const wb = await ctx.work.exporting.buildWorkbook(scope)
    // An organizer who mentors a workshop may have its Q&A to export and no activity of their own.
    const filled = [texts.export.sheets.activities, texts.export.sheets.questions].some((name) => wb.getWorksheet(name)!.rowCount > 1)
    if (!filled) throw new Refusal(texts.export.nothing)
    const name = fileName.replace(/[\\/:*?"<>|]/g, '_')
    const packed = await withRecords(ctx, scope, { name, bytes: await workbookBytes(wb) }, chat)
    if (!packed) return
    const file = { name: packed.name, base64: packed.bytes.toString('base64') }
    const here = chat.platform === ctx.message.platform && chat.chatId === ctx.message.chat.id
    if (here) return ctx.reply(texts.export.sentHere(file.name), { file })
    ctx.post({ chat, text: texts.export.sentHere(file.name), file })
    ctx.reply(texts.export.sent(file.name))
  },
}

/** Where a file with personal data may go: this chat if it is private, else the sender's direct chat with the bot. */
async function privateChat(ctx: Parameters<typeof exportData.run>[0]): Promise<ChatRef> {
  const { message } = ctx
  // The console is the operator's own terminal.
  if (message.chat.isDirect || message.platform === 'console') return { platform: message.platform, chatId: message.chat.id }
  const direct = await ctx.work.directChats.directChatOf(ctx.sender.memberId, message.platform)
  if (!direct) throw new Refusal(texts.export.directOnly)
  return direct
}

/**
 * The workbook alone while nothing in the export has been held; else one
 * .zip with a 教研活动记录表 per held session and the kept photos and files:
 * one message, one file for the 专项档案, on every platform. A zip over what
 * the platform takes is saved under DATA_DIR and said so (null: nothing to send).
 */
async function withRecords(ctx: DistrictContext, scope: ExportScope, workbook: { name: string; bytes: Buffer }, chat: ChatRef) {
  const records = await ctx.work.termArchive.sessionRecords(scope, ctx.now, ctx.district.timezone)
  if (records.length === 0) return workbook
  const name = texts.recordSheet.zipName(workbook.name.replace(/\.xlsx$/, ''))
  const bytes = await archiveZip(ctx.config.dataDir, workbook, records, zipTime(ctx.now, ctx.district.timezone))
  const limit = MAX_SEND_BYTES[chat.platform]
  if (limit === undefined || bytes.length <= limit) return { name, bytes }
  const where = saveExport(ctx.config.dataDir, name, bytes)
  const mb = (n: number) => Math.ceil(n / 1024 / 1024)
  ctx.reply(texts.recordSheet.tooBigToSend(name, mb(bytes.length), mb(limit), where))
  return null
}

