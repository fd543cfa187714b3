import { Refusal, type DistrictContext } from '../src/core/command.ts'
import { texts } from '../src/core/texts/index.ts'
import type { HoursRules } from '../src/services/districts.ts'

const PRESENTER = /^(主讲人?|主讲教师)[:：]?(.*)$/
const HOST = /^(主持人?)[:：]?(.*)$/
const MISS = /^(缺勤|迟到早退|迟到或早退|缺课|缺席比例|缺勤比例)[:：]?(.*)$/
const FACTOR = /^[×xX*]?(\d(?:\.\d{1,2})?)(?:倍)?$/
const FRACTION_WORDS: Record<string, number> = { 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 }

function readFactor(text: string): number | null {
  const m = FACTOR.exec(text)
  const n = m ? Number(m[1]) : NaN
  return n >= 0.5 && n <= 5 ? n : null
}

/** "1/5", "五分之一", "20%", "0.2": a share of a session, above 0 and at most 1. */
export function readShare(text: string): number | null {
  let n = NaN
  const fraction = /^(\d{1,2})\/(\d{1,2})$/.exec(text)
  const words = /^([二三四五六七八九十])分之一$/.exec(text)
  const percent = /^(\d{1,3}(?:\.\d)?)[%％]$/.exec(text)
  if (fraction) n = Number(fraction[1]) / Number(fraction[2])
  else if (words) n = 1 / FRACTION_WORDS[words[1]!]!
  else if (percent) n = Number(percent[1]) / 100
  else if (/^0?\.\d{1,3}$/.test(text)) n = Number(text)
  return n > 0 && n <= 1 ? n : null
}

/**
 * `/设置 学时 主讲 2倍 主持 1.5倍 缺勤 1/5`: the district's 学时 rules;
 * `/设置 学时` shows them.
 */
export async function setHoursRules(ctx: DistrictContext, words: readonly string[]): Promise<void> {
  if (words.length === 0) return ctx.reply(texts.districtRules.hours(ctx.district))
  const rules: Partial<HoursRules> = {}
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!
    const m = PRESENTER.exec(word) ?? HOST.exec(word) ?? MISS.exec(word)
    if (!m) throw new Refusal(texts.districtRules.hoursUsage)
    const value = m[2] || words[++i]
    if (!value) throw new Refusal(texts.districtRules.hoursUsage)
    if (MISS.test(word)) {
      const share = readShare(value)
      if (share === null) throw new Refusal(texts.districtRules.badShare(value))
      rules.missShare = share
    } else {
      const factor = readFactor(value)
      if (factor === null) throw new Refusal(texts.districtRules.badFactor(value))
      rules[PRESENTER.test(word) ? 'presenterFactor' : 'hostFactor'] = factor
    }
  }
  const saved = await ctx.work.districts.setHoursRules(ctx.district.id, rules)
  ctx.reply(texts.districtRules.hoursSaved(saved))
}

/** `/设置 听课 每学期 2次` (0 or 不限: no minimum); `/设置 听课` shows it. */
export async function setObservationRule(ctx: DistrictContext, words: readonly string[]): Promise<void> {
  if (words.length === 0) return ctx.reply(texts.districtRules.observations(ctx.district.observationsPerTerm))
  const text = words.join('')
  const m = /^(?:每学期|每个学期|一学期|学期)?(?:至少|最少|不少于)?(\d{1,2})次?$/.exec(text)
  const count = /^(不限|不设|无|取消)$/.test(text) ? 0 : m ? Number(m[1]) : NaN
  if (!(count >= 0 && count <= 20)) throw new Refusal(texts.districtRules.badObservations(words.join(' ')))
  await ctx.work.districts.setObservationsPerTerm(ctx.district.id, count)
  ctx.reply(texts.districtRules.observationsSaved(count))
}
