import { Refusal, type DistrictContext } from '../src/core/command.ts'
import { texts } from '../src/core/texts/index.ts'
import type { ActivityChanges } from '../src/services/activities.ts'
import { describeCount, describeDetails, describeRules } from '../src/services/describe.ts'
import { NO_SIGNUP_WORDS, rawTitle, SIGNUP_WORDS, takeDetail, type DetailField } from '../src/services/args/detail-args.ts'
import { oneLine } from '../src/core/visible-text.ts'
import { readCapacity, readPlace, takeRule, type RulePatch } from '../src/services/args/rule-args.ts'
import { takeAttendanceSetting, type AttendancePatch } from '../src/services/args/attendance-args.ts'
import { describeAttendance } from '../src/services/describe-attendance.ts'
import { ruleColumns } from './rules.ts'
import { activityFromArgs, assertFits, assertMayChange, describeEnvOf } from './shared.ts'
import { announcePromotions } from './signup.ts'
import { tellSignedUp } from './tell-signed-up.ts'

interface Settings {
  patch: RulePatch
  details: Partial<Record<DetailField, string | null>>
  /** 签到, 签到码, 请假审批, 学时, 级别. */
  attendance: AttendancePatch
  noSignup?: boolean
  /** The title was the last thing written. */
  titleLast?: boolean
}

/**
 * `/设置 12 截止 12月1日 教龄1-8 名额50 @建平实验中学`, `/设置 12 名称 …`,
 * `/设置 12 地点 育秀实验学校报告厅`, `/设置 12 不报名`: an activity's sign-up
 * rules and details. Sign-ups are kept whatever changes.
 */
export async function activitySettings(ctx: DistrictContext, args: readonly string[], raw = ''): Promise<void> {
  const activity = await activityFromArgs(ctx, args, { command: '设置', example: '12 截止 12月1日 教龄1-8' })
  assertMayChange(ctx, activity)
  if (activity.status === 'cancelled') throw new Refusal(texts.signup.activityCancelled(activity.id))
  const words = args.slice(1)
  if (words.length === 0) throw new Refusal(texts.rules.settingsUsage(activity.id))
  const { patch, details, attendance, noSignup, titleLast } = readSettings(words, activity.id)
  // The quotes of a title ("“育秀杯”") are kept as typed when the title ends the line.
  if (titleLast) details.title = oneLine(rawTitle(raw) ?? details.title ?? '') || details.title
  for (const field of ['title', 'place', 'subject', 'host', 'presenter'] as const) assertFits(field, details[field])
  const env = await ctx.work.calendarEnv.calendarEnv(ctx.district, ctx.now)
  const { title, ...others } = details
  const data: ActivityChanges = { ...(await ruleColumns(ctx, patch, env)), ...others, ...attendance, ...(title ? { title } : {}) }
  if (noSignup !== undefined) data.noSignup = noSignup
  // A larger capacity promotes those waiting, under the activity's row lock (see changeActivity).
  const { activity: updated, promoted } = await ctx.work.activities.changeActivity(activity.id, data)
  const counts = (await ctx.work.signups.signupCounts([activity.id])).get(activity.id)!
  const describe = describeEnvOf(ctx, env)
  const workshop = updated.workshopId ? await ctx.work.workshops.findWorkshop(ctx.district.id, updated.workshopId) : null
  const lines = [texts.rules.updated(activity.id, updated.title)]
  if (updated.title !== activity.title) lines.push(texts.rules.formerTitle(activity.title))
  lines.push(...describeDetails(updated), ...describeRules(updated, describe, workshop?.name))
  if (Object.keys(attendance).length > 0) lines.push(...describeAttendance(updated))
  const opened = activity.noSignup && !updated.noSignup
  if (updated.noSignup) lines.push(texts.notice.line(activity.id))
  // A notice opened to sign-ups says how to sign up; "已报名 0 人" would tell nothing.
  if (opened) lines.push(texts.notice.opened(activity.id))
  const anyone = counts.confirmed + counts.waiting > 0
  if ((!updated.noSignup && !opened) || anyone) lines.push(describeCount(updated.capacity, counts))
  if (updated.capacity !== null && counts.confirmed > updated.capacity) lines.push(texts.rules.overCapacity(counts.confirmed))
  // Those signed up are told of a new place, name or host, or that no sign-up is needed any more, as of a move.
  const changed = updated.place !== activity.place || updated.title !== activity.title || updated.host !== activity.host || updated.presenter !== activity.presenter || (updated.noSignup && !activity.noSignup)
  if (changed && counts.confirmed + counts.waiting > 0) await tellSignedUp(ctx, updated, lines.join('\n'))
  else ctx.reply(lines.join('\n'))
  await announcePromotions(ctx, { ...activity, ...updated }, promoted, env)
}

function readSettings(words: readonly string[], id: number): Settings {
  const settings: Settings = { patch: {}, details: {}, attendance: {} }
  const isOther = (j: number) => takeAttendanceSetting(words, j, false) !== null || takeRule(words, j) !== null || readCapacity(words, j) !== null || readPlace(words[j]!) !== null
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!
    if (NO_SIGNUP_WORDS.has(word) || SIGNUP_WORDS.has(word)) {
      settings.noSignup = NO_SIGNUP_WORDS.has(word)
      continue
    }
    const setting = takeAttendanceSetting(words, i)
    if (setting && 'error' in setting) throw new Refusal(texts.attendanceSettings[setting.error](setting.text, id))
    if (setting) {
      Object.assign(settings.attendance, setting.patch)
      i += setting.taken - 1
      continue
    }
    const detail = takeDetail(words, i, isOther)
    if (detail && 'error' in detail) throw new Refusal(texts.rules.emptyDetail(texts.rules.fieldName[detail.field], id))
    if (detail) {
      settings.details[detail.field] = detail.value
      i += detail.taken - 1
      settings.titleLast = detail.field === 'title' && i === words.length - 1
      continue
    }
    const rule = takeRule(words, i)
    if (rule && 'error' in rule) {
      throw new Refusal(rule.error === 'badYears' ? texts.rules.badYears(rule.text) : texts.rules.badDeadline(rule.text))
    }
    if (rule) {
      Object.assign(settings.patch, rule.patch)
      i += rule.taken - 1
      continue
    }
    const capacity = readCapacity(words, i)
    const named = readPlace(word)
    if (capacity && 'error' in capacity) throw new Refusal(texts.schedule.badCapacity(capacity.error))
    if (capacity) {
      settings.patch.capacity = capacity.value
      i += capacity.taken - 1
    } else if (named) settings.details.place = named
    else throw new Refusal(texts.rules.unknownSetting(word, id))
  }
  return settings
}
