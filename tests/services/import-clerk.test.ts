import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ROOT } from '../helpers/console-process.ts'
import type { Harness } from '../helpers/harness.ts'
import { importFile, savedActivities, termDistrict } from '../helpers/import-files.ts'

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
    expect(reply).toContain('时间：双周周一 13:30\n共 9 次，9月7日(周一)—2027年1月11日(周一)')
    expect(await savedActivities(h)).toEqual([`常态化的教研联动 |  |  | ${EVEN_MONDAYS} 13:30 | 提前公示1周`])
  })
})

const seedPlan = readFileSync(path.join(ROOT, 'tests', 'fixtures', 'seed004-plan.txt'))
/** The clerk's seed004.csv: the first term's plan as a 学期/周次 table. */
const seedCsv = [
  '2026学年第一学期育秀教育集团行事历,,,,,',
  '学期,周次,活动内容,承办学校,学科,备注',
  '第一学期,第1周,新学年工作的研讨,育秀实验学校,,',
  ',第4周,主题式联合教研活动,育秀实验学校,中小学语文,周一下午 限40人',
  ',第7周,中小学毕业班专题研讨,育秀实验学校、肇文学校,,',
  ',第8周,主题式联合教研活动,肇文学校,中小学道德与法治,',
  ',第10周,强校工程推进专题研讨,西渡学校,,',
  ',第12周,主题式联合教研活动,西渡学校,中学史地,14:00',
  ',第14周,“育秀杯”青年教师教学技能比武,育秀实验学校,,教龄1-8年',
  ',双周一下午,常态化联合教研,育秀实验学校,,提前公示',
].join('\n')
/** The clerk's month.csv: a 月份/日期 table; "12,12" is 12月12日, a Saturday. */
const monthCsv = [
  '月份,日期,活动内容,地点,备注',
  '10月,,教学视导,肇文学校,',
  '11月,,教学视导,西渡学校,',
  '12月,,教学视导,育秀实验学校,',
  '10月,10月底,阅读指导课程建设市现场展示活动,育秀实验学校,',
  '12,12,见习期教师汇报课,育秀实验学校,',
  '12月,12月9日下午,名师讲堂,建平实验中学,主持 王佩红',
].join('\n')

describe("seed 004's plan imported, then the same activities again from the clerk's two CSV files", () => {
  it('creates each activity once, says which lines were merged, and takes the CSV rows as already there', async () => {
    const { preview, done } = await importFile(h, 'seed004.txt', seedPlan)
    expect(preview).toContain('将创建 21 项活动：')
    expect(preview).toContain('  第43行 → 常态化的教研联动 · 提前公示1周，9月7日(周一) 13:30 起共 10 次')
    expect(preview).toContain('  第140行 → 教育集团市现场展示活动（阅读指导课程建设） · 育秀实验学校，10月25日-31日（日期待定）')
    expect(preview).toContain('同一项活动写了不止一次，合并 10 行：')
    expect(preview).toContain('  第170行与第137行是同一项，已合并')
    expect(preview).toContain('  第186行与第87行是同一项，已合并')
    // 3月-6月 wait for the second term, like its 第N周 rows.
    expect(preview).toContain('  第196行「2、教学视导 钱桥学校」：还没有设置这个学期。管理员请先发送：/学期 2027-02-22 2027-07-02 第二学期')
    expect(done).toContain('完成：创建 21 项，跳过 0 项（已存在），合并 10 行（同一项写了不止一次），无法读取 24 行。')
    expect(await h.app.db.activity.count()).toBe(21)

    const again = await importFile(h, 'seed004.txt', seedPlan)
    expect(again.preview).toContain('将创建 0 项活动：')
    expect(again.preview).toContain('已导入过、跳过 21 项（重复导入不会产生重复活动）。')

    const csv = await importFile(h, 'seed004.csv', Buffer.from(seedCsv))
    expect(csv.preview).toContain('将创建 0 项活动：')
    expect(csv.preview).toContain('已导入过、跳过 8 项（重复导入不会产生重复活动）。')
    // Week 4's Monday is 9月21日: the row says more than the plan's week.
    expect(csv.preview).toContain('  第4行与已有的 #4「主题式联合教研活动」是同一项；这一行的时间更具体（9月21日(周一) 13:30），需要时用 /改期 4 改过去')
    expect(csv.preview).toContain('  第9行与已有的 #7「“育秀杯”育秀教育集团青年教师教学技能比武」是同一项')
    expect(csv.preview).toContain('  第10行与已有的 #3「常态化的教研联动」是同一项')

    const month = await importFile(h, 'month.csv', Buffer.from(monthCsv))
    expect(month.preview).toContain('将创建 1 项活动：\n  第7行 → 名师讲堂 · 建平实验中学，12月9日(周三) 13:30')
    expect(month.preview).toContain('  第2行与已有的 #8「集团内教学视导」是同一项')
    expect(month.preview).toContain('  第5行与已有的 #12「教育集团市现场展示活动（阅读指导课程建设）」是同一项')
    expect(month.done).toContain('完成：创建 1 项，跳过 5 项（已存在），无法读取 0 行。')
    expect(await h.app.db.activity.count()).toBe(22)
  })
})

describe('a row on a weekend', () => {
  it('carries the note /排期 gives: 12月12日 is a Saturday', async () => {
    const { preview } = await importFile(h, 'month.csv', Buffer.from(monthCsv))
    expect(preview).toContain('  第6行 → 见习期教师汇报课 · 育秀实验学校，12月12日(周六)\n    注意：12月12日(周六)是周末。\n  第7行 → 名师讲堂')
    // The same sentence as /排期's.
    const [reply] = await h.say('/排期 12月12日 见习期教师汇报课 @育秀实验学校')
    expect(reply).toContain('注意：12月12日(周六)是周末。')
  })

  it('says a row on a holiday is one, and a row on a make-up workday what it makes up for', async () => {
    // 10月1日 is 国庆节; 9月20日 (a Sunday) is worked for 国庆节 in 2026.
    const { preview } = await importFile(h, '日程.csv', Buffer.from(['日期,活动内容', '10月1日,升旗仪式', '9月20日,调休日教研'].join('\n')))
    expect(preview).toContain('  第2行 → 升旗仪式，10月1日(周四)\n    注意：这一天是国庆节假期。')
    expect(preview).toContain('  第3行 → 调休日教研，9月20日(周日)\n    提醒：9月20日(周日)是国庆节调休上班日。\n')
    // /排期 says the same, and no weekend of a worked Sunday.
    const [reply] = await h.say('/排期 9月20日下午 调休日教研')
    expect(reply).toContain('提醒：9月20日(周日)是国庆节调休上班日。')
    expect(reply).not.toContain('是周末')
  })
})
