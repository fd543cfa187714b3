import { localParts, toInstant } from '../src/calendar/dates.ts'
import { periodStart, afterSchoolStart, readTimetable, timetableFromJson, type Timetable } from '../src/calendar/timetable.ts'
import type { When } from '../src/calendar/when.ts'
import { Refusal, type DistrictContext } from '../src/core/command.ts'
import { texts } from '../src/core/texts/index.ts'

/**
 * `/设置 作息 第1节 8:00 第2节 8:55 … 放学后 15:40`: the district's 作息时间, by
 * which 第三节课 and 放学后 are read. Activities already planned by period with
 * no time yet get their times now. `/设置 作息` alone shows it.
 */
export async function setTimetable(ctx: DistrictContext, words: readonly string[]): Promise<void> {
  if (words.length === 0) {
    const current = timetableFromJson(ctx.district.timetable)
    return ctx.reply(current ? texts.settings.timetableNow(timetableText(current)) : texts.settings.timetableNone)
  }
  const timetable = readTimetable(words)
  if (!timetable) throw new Refusal(texts.settings.badTimetable)
  await ctx.tx.district.update({ where: { id: ctx.district.id }, data: { timetable: JSON.stringify(timetable) } })
  const timed = await timeWaitingActivities(ctx, timetable)
  ctx.reply([texts.settings.timetableSaved(timetableText(timetable)), ...(timed ? [texts.settings.timetableApplied(timed)] : [])].join('\n'))
}

function timetableText(t: Timetable): string {
  const periods = Object.entries(t.periods)
    .sort((a, b) => Number(a[0]) - Number(b[0]))
    .map(([n, at]) => texts.settings.periodAt(Number(n), at))
  return [...periods, ...(t.afterSchool ? [texts.settings.afterSchoolAt(t.afterSchool)] : [])].join('、')
}

/** Gives the untimed future occurrences of activities written by class period their time; returns how many activities. */
async function timeWaitingActivities(ctx: DistrictContext, timetable: Timetable): Promise<number> {
  const today = localParts(ctx.now, ctx.district.timezone).date
  const activities = await ctx.tx.activity.findMany({
    where: { districtId: ctx.district.id, status: 'scheduled', OR: [{ whenJson: { contains: '"periods"' } }, { whenJson: { contains: '"afterSchool"' } }] },
    include: { occurrences: { where: { date: { gte: today }, timed: false } } },
  })
  let count = 0
  for (const activity of activities) {
    const { time } = JSON.parse(activity.whenJson) as When
    const at = time.periods ? periodStart(time.periods, time.part, timetable, time.afterPeriods) : afterSchoolStart(timetable)
    if (!('start' in at) || activity.occurrences.length === 0) continue
    for (const o of activity.occurrences) {
      await ctx.tx.occurrence.update({ where: { id: o.id }, data: { startAt: toInstant(o.date, at.start, ctx.district.timezone), timed: true } })
    }
    count++
  }
  return count
}
