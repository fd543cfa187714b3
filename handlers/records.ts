import { formatDate } from '../src/calendar/format.ts'
import { runsSession, sessionStaffOnly } from './session-staff.ts'
import { Refusal, type Command, type Context, type DistrictContext } from '../src/core/command.ts'
import type { PostedFiles } from '../src/core/posted-files.ts'
import { texts } from '../src/core/texts/index.ts'
import type { Activity, Occurrence } from '../src/generated/prisma/client.ts'
import { ARCHIVE_AFTER_MS, MAX_ARCHIVE_FILE_BYTES, type PostedFile, type SessionTarget } from '../src/services/archive-files.ts'
import { badNamedDay, readNamedDay } from './session-args.ts'
import { activityFromArgs, resolveErrorText } from './shared.ts'

/** The longest summary /记录 keeps (about a page of the 记录表). */
export const MAX_SUMMARY_CHARS = 2000

const T = texts.records

/** `/记录 12 [日期] 纪要`: the summary of a held session (today's, else the latest; a date picks one). */
export const record: Command = {
  id: 'record',
  listedFor: 'organizer',
  forms: [sessionStaffOnly('记录 <编号> <纪要>', () => T.notAllowed)],
  name: '记录',
  aliases: ['record', '纪要'],
  role: 'teacher',
  scope: 'district',
  direct: true,
  async run(ctx, line) {
    const activity = await activityFromArgs(ctx, line.args, { command: '记录', example: '12 围绕单元作业设计开展研讨' })
    await assertMayRecord(ctx, activity)
    const rest = line.raw.replace(/^[#＃]?\d+[\s\u3000]*/, '')
    const { session, rest: summary } = await pickSession(ctx, activity, rest, '记录')
    const text = summary.trim()
    if (!text) throw new Refusal(T.empty(activity.id))
    if (Array.from(text).length > MAX_SUMMARY_CHARS) throw new Refusal(T.tooLong(MAX_SUMMARY_CHARS, activity.id))
    const replaced = await ctx.work.records.saveSummary(session, text, ctx.sender.memberId, ctx.now)
    const day = formatDate(session.date)
    ctx.reply(replaced ? T.replaced(activity.id, activity.title, day) : T.saved(activity.id, activity.title, day))
  },
}

/**
 * `/归档 12 [日期]`: links photos and files posted outside the session's
 * window to its record: the one the message quotes, else the sender's
 * files posted in this group in the last ARCHIVE_AFTER_MS.
 */
export const archive: Command = {
  id: 'archive',
  listedFor: 'organizer',
  forms: [sessionStaffOnly('归档 <编号>', () => T.notAllowed)],
  name: '归档',
  aliases: ['archive'],
  role: 'teacher',
  scope: 'district',
  async run(ctx, line) {
    const activity = await activityFromArgs(ctx, line.args, { command: '归档', example: '12' })
    await assertMayRecord(ctx, activity)
    const { session } = await pickSession(ctx, activity, line.args.slice(1).join(' '), '归档')
    const id = String(activity.id)
    const { platform } = ctx.message
    const quoted = ctx.message.replyTo?.id
    const files = ctx.work.archiveFiles
    const staged = quoted
      ? [await files.stagedByMessage(platform, quoted)].filter((f) => f !== null)
      : await files.stagedSince(ctx.groupId, ctx.sender.memberId, new Date(ctx.now.getTime() - ARCHIVE_AFTER_MS))
    if (staged.length === 0) {
      const kept = quoted ? await files.archivedFile(platform, quoted) : null
      const keptIn = kept?.occurrenceId ? await ctx.work.activities.findActivity(ctx.district.id, kept.activityId) : null
      const keptOn = keptIn?.occurrences.find((o) => o.id === kept!.occurrenceId)
      if (keptIn && keptOn) throw new Refusal(T.alreadyArchived(keptIn.id, formatDate(keptOn.date)))
      throw new Refusal(T.nothingToArchive(id))
    }
    const target = targetOf(ctx, session)
    let images = 0
    let others = 0
    for (const f of staged) {
      if (!(await files.linkStaged(ctx.config.dataDir, f, target))) continue
      if (f.kind === 'image') images++
      else others++
    }
    if (images + others === 0) throw new Refusal(T.archiveGone)
    const total = await files.countFiles(session.id)
    ctx.reply(T.archived(activity.id, activity.title, formatDate(session.date), images, others, total))
  },
}

/**
 * Photos and files posted in a district's group: during a session's 签到
 * window, by its organizer, host or an admin, kept for that session's
 * record (with a short acknowledgement); outside any window, an admin's or
 * organizer's are staged quietly for /归档. Anyone else's are left alone.
 */
export const postedFiles: PostedFiles = {
  async accept(ctx) {
    if (!ctx.district || ctx.message.chat.isDirect) return null
    const open = await ctx.work.archiveFiles.openSessions(ctx.district.id, ctx.groupId, ctx.now)
    for (const { activity, occurrence } of open) {
      if (await mayRecord(ctx, activity)) return { maxBytes: MAX_ARCHIVE_FILE_BYTES, first: true, note: targetOf(ctx, occurrence, activity.id) }
    }
    const { roles } = ctx.sender
    if (roles.has('admin') || roles.has('organizer')) return { maxBytes: MAX_ARCHIVE_FILE_BYTES, first: false, note: null }
    return null
  },
  async keep(ctx, note, bytes) {
    const file = postedFile(ctx)
    if (!note) return ctx.work.archiveFiles.stageFile(ctx.config.dataDir, ctx.groupId, file, bytes)
    const target = note as SessionTarget
    if (!(await ctx.work.archiveFiles.keepFile(ctx.config.dataDir, target, file, bytes))) return
    const total = await ctx.work.archiveFiles.countFiles(target.occurrenceId)
    const day = formatDate(target.date)
    const gather = { key: `archive:${target.occurrenceId}`, head: T.keptHead(target.activityId, day), line: T.keptLine(ctx.sender.name, total.images, total.files), mention: ctx.message.sender }
    ctx.reply(T.kept(target.activityId, day, total.images, total.files), { gather })
  },
  async tooBig(ctx, note) {
    if (note) ctx.reply(T.tooBig(MAX_ARCHIVE_FILE_BYTES / 1024 / 1024))
  },
}

function postedFile(ctx: Context): PostedFile {
  const file = ctx.message.file!
  return { platform: ctx.message.platform, messageId: ctx.message.id, kind: file.kind ?? 'file', name: file.name, byId: ctx.sender.memberId, at: ctx.now }
}

function targetOf(ctx: Context, session: Occurrence, activityId = session.activityId): SessionTarget {
  return { districtId: ctx.district!.id, activityId, occurrenceId: session.id, date: session.date }
}

/** The activity's organizer, an admin, or its host or presenter holding a role (session-staff.ts). */
const mayRecord = (ctx: Context, activity: Pick<Activity, 'districtId' | 'organizerId' | 'host' | 'presenter'>): Promise<boolean> => runsSession(ctx, activity)

async function assertMayRecord(ctx: Context, activity: Pick<Activity, 'districtId' | 'organizerId' | 'host' | 'presenter'>): Promise<void> {
  if (!(await mayRecord(ctx, activity))) throw new Refusal(T.notAllowed)
}

/**
 * The held session the words name: a date at their start picks it (the
 * words after it are returned), else today's, else the latest held one.
 */
async function pickSession(ctx: DistrictContext, activity: Activity, words: string, command: string): Promise<{ session: Occurrence; rest: string }> {
  const held = await ctx.work.records.heldSessions(activity.id, ctx.now)
  if (held.length === 0) throw new Refusal(T.notHeld(activity.id))
  const env = await ctx.work.calendarEnv.calendarEnv(ctx.district, ctx.now)
  const split = words.trim().split(/[\s\u3000]+/).filter(Boolean)
  const named = readNamedDay(split, env)
  if (!named) {
    const bad = badNamedDay(split, env)
    if (bad) throw new Refusal(resolveErrorText(bad.error))
    return { session: held.find((o) => o.date === env.today) ?? held[held.length - 1]!, rest: words }
  }
  const session = held.find((o) => o.date === named.date || (named.monthDay && o.date.slice(5) === named.monthDay))
  const latest = held[held.length - 1]!
  const example = `/${command} ${activity.id} ${formatDate(latest.date).replace(/\(.*$/, '')}${command === '记录' ? ' 围绕单元作业设计开展研讨' : ''}`
  if (!session) throw new Refusal(T.noSessionOn(activity.id, formatDate(named.date), example))
  const rest = words.trim().replace(new RegExp(`^(?:\\S+[\\s\\u3000]*){${named.taken}}`), '')
  return { session, rest }
}
