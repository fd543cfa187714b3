import { formatDate, formatRange } from '../src/calendar/format.ts'
import { makeUpWorkday } from '../src/calendar/holidays.ts'
import type { Plan } from '../src/calendar/resolve-when.ts'
import type { When } from '../src/calendar/when.ts'
import { Refusal, type Command, type DistrictContext } from '../src/core/command.ts'
import { isPlatform } from '../src/core/message.ts'
import { mentionsAtMost } from '../src/services/members.ts'
import { ruleColumns } from './rules.ts'
import { signupButtons } from './signup.ts'
import { texts } from '../src/core/texts/index.ts'
import type { Activity, Occurrence } from '../src/generated/prisma/client.ts'
import { cancelActivity, createActivity, rescheduleActivity } from '../src/services/activities.ts'
import { calendarEnv } from '../src/services/calendar-env.ts'
import { describeDetails, describeRules, describeSkipped, describeWhen, type DescribeEnv } from '../src/services/describe.ts'
import { parseScheduleArgs } from './schedule-args.ts'
import { shiftBase } from './shift.ts'
import {
  activityFromArgs, argsErrorText, assertFits, assertMayChange, describeEnvOf, parseWhenOrRefuse, planOrRefuse,
} from './shared.ts'

export const schedule: Command = {
  id: 'schedule',
  name: '排期',
  aliases: ['schedule'],
  role: 'organizer',
  scope: 'district',
  async run(ctx, line) {
    const parsed = parseScheduleArgs(line.args)
    if (!parsed.ok) throw new Refusal(argsErrorText(parsed.error))
    const env = await calendarEnv(ctx.tx, ctx.district, ctx.now)
    const { whenText, when, details, rules } = parsed.value
    for (const field of ['title', 'place', 'subject', 'host'] as const) assertFits(field, details[field])
    assertFits('whenText', whenText)
    const plan = planOrRefuse(when, env)
    const origin = { groupId: ctx.groupId, organizerId: ctx.sender.memberId }
    const columns = await ruleColumns(ctx, rules, env)
    const { activity, occurrences } = await createActivity(ctx.tx, ctx.district, origin, details, { whenText, when, plan }, env.today, columns)
    const describe = describeEnvOf(ctx, env)
    const workshop = activity.workshopId ? await ctx.tx.workshop.findUnique({ where: { id: activity.workshopId } }) : null
    const lines = [
      texts.schedule.created(activity.id, activity.title),
      ...summary(activity, occurrences, plan, describe),
      ...describeRules(activity, describe, workshop?.name),
      texts.signup.howTo(activity.id),
    ]
    ctx.reply(lines.join('\n'), { buttons: signupButtons(activity.id), title: texts.schedule.created(activity.id, activity.title) })
  },
}

export const reschedule: Command = {
  id: 'reschedule',
  name: '改期',
  aliases: ['reschedule', 'move'],
  role: 'organizer',
  scope: 'district',
  async run(ctx, line) {
    const activity = await activityFromArgs(ctx, line.args, { command: '改期', example: '12 第5周周三下午' })
    assertMayChange(ctx, activity)
    if (activity.status === 'cancelled') throw new Refusal(texts.activity.cancelledNoMove(activity.id))
    const whenText = line.args.slice(1).join(' ')
    assertFits('whenText', whenText)
    const when = parseWhenOrRefuse(whenText)
    const env = await calendarEnv(ctx.tx, ctx.district, ctx.now)
    if (when.shift !== undefined) env.base = shiftBase(activity, env.today, ctx.district.timezone)
    const describe = describeEnvOf(ctx, env)
    const before = describeWhen(activity, activity.occurrences.filter((o) => o.date >= env.today), describe)
    const plan = planOrRefuse(when, env)
    const occurrences = await rescheduleActivity(ctx.tx, activity, ctx.district, { whenText, when, plan }, env.today)
    const text = [
      texts.activity.moved(activity.id, activity.title),
      ...summary({ ...activity, whenText, whenJson: JSON.stringify(when) }, occurrences, plan, describe),
      texts.activity.movedFrom(before),
    ].join('\n')
    await tellSignedUp(ctx, activity, text)
  },
}

export const cancel: Command = {
  id: 'cancel',
  name: '取消',
  aliases: ['cancel'],
  role: 'organizer',
  scope: 'district',
  async run(ctx, line) {
    const activity = await activityFromArgs(ctx, line.args, { command: '取消', example: '12 专家临时有事' })
    assertMayChange(ctx, activity)
    if (activity.status === 'cancelled') throw new Refusal(texts.activity.alreadyCancelled(activity.id))
    const reason = line.args.slice(1).join(' ').trim() || undefined
    assertFits('cancelReason', reason)
    const env = await calendarEnv(ctx.tx, ctx.district, ctx.now)
    const when = describeWhen(activity, activity.occurrences.filter((o) => o.date >= env.today), describeEnvOf(ctx, env))
    await cancelActivity(ctx.tx, activity.id, reason)
    const text = texts.activity.cancelled(activity.id, activity.title, when, reason)
    await tellSignedUp(ctx, activity, text)
  },
}

/**
 * A moved or cancelled activity is told where it was asked for, in its own group, and
 * in every group someone signed up from, @mentioning those signed up there (the first
 * MAX_MENTIONS_PER_MESSAGE of them, and how many more).
 */
async function tellSignedUp(ctx: DistrictContext, activity: Activity, text: string): Promise<void> {
  const signups = await ctx.tx.signup.findMany({ where: { activityId: activity.id, status: { in: ['confirmed', 'waiting'] } }, orderBy: { seq: 'asc' } })
  const groupIds = new Set<number>([ctx.groupId])
  if (activity.groupId) groupIds.add(activity.groupId)
  for (const s of signups) if (s.groupId) groupIds.add(s.groupId)
  for (const groupId of groupIds) {
    const group = await ctx.tx.group.findUnique({ where: { id: groupId } })
    if (!group || !isPlatform(group.platform)) continue
    if (group.id !== ctx.groupId && group.districtId !== ctx.district.id) continue
    const here = group.id === ctx.groupId
    // Those who signed up in a direct chat are told in the activity's own group.
    const fromHere = signups.filter((s) => (s.groupId ?? activity.groupId) === group.id)
    const { mentions, unmentioned } = await mentionsAtMost(ctx.tx, fromHere.map((s) => s.memberId), group.platform)
    const told = unmentioned > 0 ? `${text}\n${texts.longLists.mentionsCapped(mentions.length, unmentioned)}` : text
    if (here) ctx.reply(told, { mentions })
    else ctx.post({ chat: { platform: group.platform, chatId: group.chatId }, text: told, mentions })
  }
}

/** The lines after "已安排 #12": when, where, and what holidays change. */
function summary(activity: Activity, occurrences: Occurrence[], plan: Plan, env: DescribeEnv): string[] {
  const year = Number(env.today.slice(0, 4))
  const lines: string[] = []
  const when = JSON.parse(activity.whenJson) as When
  if (plan.kind === 'pending') {
    const range = formatRange(plan.from, plan.to)
    lines.push(when.vague ? texts.schedule.vaguePending(activity.whenText, range, activity.id) : texts.schedule.pending(activity.whenText, range, activity.id))
    if (when.date?.kind === 'monthWeek') lines.push(texts.schedule.monthWeekRule(when.date.month, when.date.week))
    if (plan.needsTimetable) lines.push(texts.schedule.needTimetable)
  } else {
    lines.push(texts.activity.when(describeWhen({ ...activity, pendingFrom: null, pendingTo: null }, occurrences, env)))
    const skipped = describeSkipped(occurrences, env)
    if (skipped) lines.push(skipped)
    if (plan.holiday) lines.push(texts.schedule.onHoliday(plan.holiday))
    const makeUp = plan.occurrences.length === 1 ? makeUpWorkday(plan.occurrences[0]!.date) : null
    if (makeUp) lines.push(texts.schedule.makeUpDay(formatDate(plan.occurrences[0]!.date, year), makeUp))
    if (plan.needsTimetable) lines.push(texts.schedule.needTimetable)
    else if (plan.occurrences.every((o) => o.start === undefined && !o.endDate)) lines.push(texts.schedule.noClock)
  }
  lines.push(...describeDetails(activity))
  return lines
}
