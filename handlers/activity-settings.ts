import { Refusal, type DistrictContext } from '../src/core/command.ts'
import { texts } from '../src/core/texts/index.ts'
import { calendarEnv } from '../src/services/calendar-env.ts'
import { promoteWaiting, signupCounts } from '../src/services/signups.ts'
import { describeCount, describeDetails, describeRules } from '../src/services/describe.ts'
import { readCapacity, readPlace, takeRule, type RulePatch } from './rule-args.ts'
import { ruleColumns } from './rules.ts'
import { activityFromArgs, assertFits, assertMayChange, describeEnvOf } from './shared.ts'
import { announcePromotions } from './signup.ts'

/** `/设置 12 截止 12月1日 教龄1-8 名额50 @建平实验中学`: an activity's sign-up rules and details. */
export async function activitySettings(ctx: DistrictContext, args: readonly string[]): Promise<void> {
  const activity = await activityFromArgs(ctx, args, { command: '设置', example: '12 截止 12月1日 教龄1-8' })
  assertMayChange(ctx, activity)
  if (activity.status === 'cancelled') throw new Refusal(texts.signup.activityCancelled(activity.id))
  const words = args.slice(1)
  if (words.length === 0) throw new Refusal(texts.rules.settingsUsage(activity.id))
  const patch: RulePatch = {}
  let place: string | undefined
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!
    const rule = takeRule(words, i)
    if (rule && 'error' in rule) {
      throw new Refusal(rule.error === 'badYears' ? texts.rules.badYears(rule.text) : texts.rules.badDeadline(rule.text))
    }
    if (rule) {
      Object.assign(patch, rule.patch)
      i += rule.taken - 1
      continue
    }
    const capacity = readCapacity(words, i)
    const named = readPlace(word)
    if (capacity && 'error' in capacity) throw new Refusal(texts.schedule.badCapacity(capacity.error))
    if (capacity) {
      patch.capacity = capacity.value
      i += capacity.taken - 1
    } else if (named) place = named
    else throw new Refusal(texts.rules.unknownSetting(word, activity.id))
  }
  const env = await calendarEnv(ctx.tx, ctx.district, ctx.now)
  const data = await ruleColumns(ctx, patch, env)
  assertFits('place', place)
  if (place) data.place = place
  const updated = await ctx.tx.activity.update({ where: { id: activity.id }, data })
  const promoted = await promoteWaiting(ctx.tx, updated)
  const counts = (await signupCounts(ctx.tx, [activity.id])).get(activity.id)!
  const describe = describeEnvOf(ctx, env)
  const workshop = updated.workshopId ? await ctx.tx.workshop.findUnique({ where: { id: updated.workshopId } }) : null
  const lines = [
    texts.rules.updated(activity.id, activity.title),
    ...describeDetails(updated),
    ...describeRules(updated, describe, workshop?.name),
    describeCount(updated.capacity, counts),
  ]
  if (updated.capacity !== null && counts.confirmed > updated.capacity) lines.push(texts.rules.overCapacity(counts.confirmed))
  ctx.reply(lines.join('\n'))
  await announcePromotions(ctx, { ...activity, ...updated }, promoted, env)
}
