import { toInstant } from '../src/calendar/dates.ts'
import type { CalendarEnv } from '../src/calendar/resolve-when.ts'
import { Refusal, type DistrictContext } from '../src/core/command.ts'
import { texts } from '../src/core/texts/index.ts'
import type { Activity } from '../src/generated/prisma/client.ts'
import type { RuleBreak } from '../src/services/eligibility.ts'
import type { RulePatch } from '../src/services/args/rule-args.ts'
import { assertFits, parseWhenOrRefuse, planOrRefuse } from './shared.ts'

/** What a rule patch may set on an activity. */
export type RuleColumns = Partial<Pick<Activity, 'deadline' | 'minYears' | 'maxYears' | 'subjectRule' | 'schoolRule' | 'menteesOnly' | 'capacity' | 'noticeWeeks' | 'workshopId' | 'place'>>

/** The columns a rule patch sets: the deadline read as a time, the workshop checked to be the district's. */
export async function ruleColumns(ctx: DistrictContext, patch: RulePatch, env: CalendarEnv): Promise<RuleColumns> {
  const data: RuleColumns = {}
  assertFits('subject', patch.subjectRule)
  assertFits('school', patch.schoolRule)
  if (patch.deadlineText !== undefined) data.deadline = patch.deadlineText === null ? null : readDeadline(patch.deadlineText, env, ctx.district.timezone)
  if (patch.minYears !== undefined) data.minYears = patch.minYears
  if (patch.maxYears !== undefined) data.maxYears = patch.maxYears
  if (patch.subjectRule !== undefined) data.subjectRule = patch.subjectRule
  if (patch.schoolRule !== undefined) data.schoolRule = patch.schoolRule
  if (patch.menteesOnly !== undefined) data.menteesOnly = patch.menteesOnly
  if (patch.capacity !== undefined) data.capacity = patch.capacity
  if (patch.noticeWeeks !== undefined) data.noticeWeeks = patch.noticeWeeks
  if (patch.workshopId !== undefined) {
    if (patch.workshopId !== null && !(await ctx.work.workshops.findWorkshop(ctx.district.id, patch.workshopId))) {
      throw new Refusal(texts.workshop.notFound(patch.workshopId))
    }
    data.workshopId = patch.workshopId
  }
  return data
}

/** "12月1日" closes at the end of that day; "12月1日 17:00" at that time. */
function readDeadline(text: string, env: CalendarEnv, tz: string): Date {
  const plan = planOrRefuse(parseWhenOrRefuse(text), env)
  const first = plan.kind === 'dated' && plan.occurrences.length === 1 ? plan.occurrences[0] : undefined
  if (!first) throw new Refusal(texts.rules.badDeadline(text))
  if (first.start) return toInstant(first.date, first.start, tz)
  return new Date(toInstant(first.date, '23:59', tz).getTime() + 59_000)
}

/** Why a sign-up is refused, with what to do about it. */
export function ruleBreakText(brk: RuleBreak, activity: Pick<Activity, 'id'>, deadline: string, ofOther = false, inGroup = false): string {
  const t = ofOther ? texts.rules.other : texts.rules
  // A teacher's 教龄 is not read out in a group.
  if (brk.key === 'years' && inGroup) return t.yearsOut(texts.rules.yearsRange(brk.min, brk.max))
  switch (brk.key) {
    case 'closed': return texts.rules.closed(activity.id, deadline)
    case 'needYears': return t.needYears(texts.rules.yearsRange(brk.min, brk.max))
    case 'years': return t.years(texts.rules.yearsRange(brk.min, brk.max), brk.years)
    case 'needSubject': return t.needSubject(brk.subject)
    case 'subject': return t.subject(brk.subject, brk.has)
    case 'needSchool': return t.needSchool(brk.school)
    case 'school': return t.school(brk.school, brk.has)
    case 'menteesOnly': return t.menteesOnly
  }
}
