import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Harness } from '../helpers/harness.ts'
import { savedActivities, termDistrict } from '../helpers/import-files.ts'

/**
 * What a clerk found importing seed 004 from outside, replayed through the
 * chat in a district whose term is `/学期 2026-09-01 2027-01-22 第一学期`
 * (week 1 = 2026-08-31..09-06; 中秋 09-25..27 and 国庆 10-01..07 are
 * holidays; no second term). Every date below was worked out by hand.
 */
let h: Harness
beforeEach(async () => {
  h = await termDistrict()
})
afterEach(() => h.close())

/** Even weeks' Mondays, 9月7日 (week 2) to 1月11日 (week 20); 10月5日 is 国庆. */
const EVEN_MONDAYS = '2026-09-07,2026-09-21,2026-10-05停,2026-10-19,2026-11-02,2026-11-16,2026-11-30,2026-12-14,2026-12-28,2027-01-11'

describe('/排期 written as the plan writes it: title：time，rules。', () => {
  it('schedules seed 004\'s 常态化的教研联动 as a 双周一 13:30 series announced a week ahead', async () => {
    const [reply] = await h.say('/排期 常态化的教研联动：双周一下午，活动内容单周提前公示。')
    expect(reply).toContain('已安排 #1「常态化的教研联动」')
    expect(reply).toContain('时间：双周周一 13:30，共 9 次：9月7日(周一) 起，至 2027年1月11日(周一)')
    expect(await savedActivities(h)).toEqual([`常态化的教研联动 |  |  | ${EVEN_MONDAYS} 13:30 | 提前公示1周`])
  })
})
