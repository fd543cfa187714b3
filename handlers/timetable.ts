import { localParts } from '../src/calendar/dates.ts'
import { readTimetable, timetableFromJson, type Timetable } from '../src/calendar/timetable.ts'
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
  const timed = await ctx.work.timetables.saveTimetable(ctx.district, timetable, localParts(ctx.now, ctx.district.timezone).date)
  ctx.reply([texts.settings.timetableSaved(timetableText(timetable)), ...(timed ? [texts.settings.timetableApplied(timed)] : [])].join('\n'))
}

function timetableText(t: Timetable): string {
  const periods = Object.entries(t.periods)
    .sort((a, b) => Number(a[0]) - Number(b[0]))
    .map(([n, at]) => texts.settings.periodAt(Number(n), at))
  return [...periods, ...(t.afterSchool ? [texts.settings.afterSchoolAt(t.afterSchool)] : [])].join('、')
}
