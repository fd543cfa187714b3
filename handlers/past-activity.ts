import { resolveWhen, type CalendarEnv, type Plan } from '../src/calendar/resolve-when.ts'
import type { When } from '../src/calendar/when.ts'
import { Refusal, type Context, type DistrictContext } from '../src/core/command.ts'
import { texts } from '../src/core/texts/index.ts'
import { rolesOf } from '../src/services/identity.ts'
import { describeOccurrence, type DescribeEnv } from '../src/services/describe.ts'
import { toInstant } from '../src/calendar/dates.ts'
import { scheduleFromArgs } from './schedule.ts'

/** How long a /排期 of a past time waits for /确认 补登记. */
const CONFIRM_MINUTES = 30
export const PAST_ACTIVITY = 'pastActivity'
const KIND = PAST_ACTIVITY

interface PastPayload {
  args: string[]
  groupId: number
}

/** Every session of the plan has begun: an event already held. */
export function isPast(ctx: DistrictContext, plan: Plan): boolean {
  if (plan.kind !== 'dated') return false
  return plan.occurrences.every((o) => toInstant(o.date, o.start ?? '23:59', ctx.district.timezone) <= ctx.now)
}

/** The plan of a time that is refused only for being past; null for any other time. */
export function pastPlan(ctx: DistrictContext, when: When, env: CalendarEnv): Plan | null {
  const now = resolveWhen(when, env)
  if (now.ok || now.error.key !== 'inPast') return null
  const then = resolveWhen(when, { ...env, allowPast: true })
  return then.ok && then.plan.kind === 'dated' && then.plan.occurrences.length > 0 && isPast(ctx, then.plan) ? then.plan : null
}

/** "10月20日已经过去。要补登记存档请发送 /确认 补登记": the line is kept for the confirmation. */
export async function askPastConfirmation(ctx: DistrictContext, args: readonly string[], plan: Plan, describe: DescribeEnv): Promise<void> {
  if (plan.kind !== 'dated') return
  const member = ctx.sender.memberId
  await ctx.tx.confirmation.updateMany({ where: { kind: KIND, waitingFor: member, doneAt: null }, data: { doneAt: ctx.now } })
  const payload: PastPayload = { args: [...args], groupId: ctx.groupId }
  await ctx.tx.confirmation.create({
    data: {
      kind: KIND, districtId: ctx.district.id, memberId: member, otherId: member, waitingFor: member,
      createdAt: ctx.now, expiresAt: new Date(ctx.now.getTime() + CONFIRM_MINUTES * 60_000), payload: JSON.stringify(payload),
    },
  })
  const first = plan.occurrences[0]!
  const when = describeOccurrence({ date: first.date, startAt: toInstant(first.date, first.start ?? '00:00', describe.timezone), endAt: null, timed: first.start !== undefined }, describe)
  ctx.reply(texts.past.ask(when, CONFIRM_MINUTES))
}

function openPast(ctx: Context) {
  return ctx.tx.confirmation.findFirst({
    where: { kind: KIND, waitingFor: ctx.sender.memberId, doneAt: null, expiresAt: { gt: ctx.now } },
    orderBy: { id: 'desc' },
  })
}

/** `/确认 补登记`: saves the past activity the sender asked for, as they wrote it. */
export async function confirmPastActivity(ctx: Context): Promise<void> {
  const row = await openPast(ctx)
  if (!row || !row.payload || row.districtId === null) throw new Refusal(texts.past.nothing)
  const district = ctx.district?.id === row.districtId ? ctx.district : await ctx.tx.district.findUnique({ where: { id: row.districtId } })
  if (!district) throw new Refusal(texts.past.nothing)
  const roles = await rolesOf(ctx.tx, district.id, ctx.sender.memberId)
  if (!roles.has('admin') && !roles.has('organizer')) throw new Refusal(texts.router.forbidden('排期', 'organizer'))
  const payload = JSON.parse(row.payload) as PastPayload
  await ctx.tx.confirmation.update({ where: { id: row.id }, data: { doneAt: ctx.now } })
  await scheduleFromArgs({ ...ctx, district, groupId: payload.groupId, sender: { ...ctx.sender, roles } }, payload.args, true)
}
