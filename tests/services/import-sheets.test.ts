import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Harness } from '../helpers/harness.ts'
import { importFile, savedActivities, termDistrict } from '../helpers/import-files.ts'

/**
 * Spreadsheets laid out as district offices lay them out, imported through
 * /导入 against the 2026 autumn term (week 1 = 2026-08-31..09-06). Every
 * expected date was worked out by hand from that calendar.
 */
let h: Harness
beforeEach(async () => {
  h = await termDistrict()
})
afterEach(() => h.close())

describe('spreadsheets as district offices lay them out', () => {
  it('reads an .xlsx by its header under a title row: 周次 merged down, 日期 as a weekday or a date, 备注 with a time or a rule', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('第一学期')
    ws.addRow(['育秀教育集团2026学年第一学期联合教研安排'])
    ws.mergeCells('A1:F1')
    ws.addRow(['周次', '日期', '活动内容', '承办学校', '学科', '备注'])
    ws.addRow([null, null, '资料归档', null, null, null])
    ws.addRow(['第4周', '周一下午', '主题式联合教研活动', '育秀实验学校', '中小学语文', null])
    ws.addRow([null, '周三', '青年教师座谈', '肇文学校', null, '14:00'])
    ws.mergeCells('A4:A5')
    ws.addRow([8, '10月21日', '主题式联合教研活动', '肇文学校', '中小学道德与法治', '教龄1-8年'])
    ws.addRow(['第10周', '周三下午3点半', '强校工程推进专题研讨', '西渡学校', null, null])
    ws.addRow([12, '周一', '主题式联合教研活动', '西渡学校', '中学史地', '提前公示'])
    ws.addRow(['第14周', null, '“育秀杯”青年教师教学技能比武', '育秀实验学校', null, '限40人'])
    ws.addRow(['第30周', '周一', '期末交流', '育秀实验学校', null, null])
    const { preview, done } = await importFile(h, '联合教研安排.xlsx', Buffer.from(await wb.xlsx.writeBuffer()))
    expect(preview).toContain('将创建 6 项活动：')
    expect(preview).toContain('第1行「育秀教育集团2026学年')
    expect(preview).toMatch(/第10行「第30周 周一 期末交流 育秀实验学校」：.*第30周/)
    expect(preview).toContain('第3行「资料归档」：没有时间，也不在某个月份下面')
    expect(done).toContain('完成：创建 6 项，跳过 0 项（已存在），无法读取 2 行。')
    expect(await savedActivities(h)).toEqual([
      '主题式联合教研活动 | 中小学语文 | 育秀实验学校 | 2026-09-21 13:30 | ',
      '青年教师座谈 |  | 肇文学校 | 2026-09-23 14:00 | ',
      '主题式联合教研活动 | 中小学道德与法治 | 肇文学校 | 2026-10-21 未定时 | 教龄1-8',
      '强校工程推进专题研讨 |  | 西渡学校 | 2026-11-04 15:30 | ',
      '主题式联合教研活动 | 中学史地 | 西渡学校 | 2026-11-16 未定时 | 提前公示1周',
      '“育秀杯”青年教师教学技能比武 |  | 育秀实验学校 | 2026-11-30~2026-12-04 | 名额40',
    ])
  })

  it('reads an .xlsx with its columns in another order, a 月份 column (merged, or a number), a merged 地点 and two title rows', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('视导与讲堂')
    ws.addRow(['育秀教育集团'])
    ws.addRow(['2026学年第一学期教学视导及名师讲堂安排'])
    ws.addRow(['活动内容', '月份', '日期', '地点', '学科'])
    ws.addRow(['教学视导', '10月', null, '肇文学校', null])
    ws.addRow(['教学视导', 11, null, '西渡学校', '中学史地'])
    ws.addRow(['名师讲堂', '12月', 9, '育秀实验学校', '中小学数学'])
    ws.addRow(['骨干教师展示', null, '16日下午', null, null])
    ws.mergeCells('B6:B7')
    ws.mergeCells('D6:D7')
    ws.addRow(['期末交流', 1, '15日下午', '育秀实验学校', null])
    const { done } = await importFile(h, '视导安排.xlsx', Buffer.from(await wb.xlsx.writeBuffer()))
    expect(done).toContain('完成：创建 5 项，跳过 0 项（已存在），无法读取 0 行。')
    expect(await savedActivities(h)).toEqual([
      '教学视导 |  | 肇文学校 | 2026-10-01~2026-10-31 | ',
      '教学视导 | 中学史地 | 西渡学校 | 2026-11-01~2026-11-30 | ',
      '名师讲堂 | 中小学数学 | 育秀实验学校 | 2026-12-09 未定时 | ',
      '骨干教师展示 |  | 育秀实验学校 | 2026-12-16 13:30 | ',
      '期末交流 |  | 育秀实验学校 | 2027-01-15 13:30 | ',
    ])
  })

  it('reads a .csv with 日期 and 时间 columns, dates written as 2026-09-02, 9/21, 2026/11/10 or 10月26日', async () => {
    const csv = [
      '日期（公历）,时间,活动内容,承办学校,学科,备注',
      '2026-09-02,下午,校长书记、教导主任会议,育秀实验学校,,',
      '9/21,14:00,主题式联合教研活动,育秀实验学校,中小学语文,',
      '2026-10-12,下午,新秀杯教学评优,育秀实验学校,,教龄1-8年',
      '10月26日,,读书沙龙,西渡学校,,名额30',
      '2026/11/10,上午,精英杯教学评优（9-20年教龄）,肇文学校,,',
    ].join('\r\n')
    const { done } = await importFile(h, '安排.csv', Buffer.from(csv))
    expect(done).toContain('完成：创建 5 项，跳过 0 项（已存在），无法读取 0 行。')
    expect(await savedActivities(h)).toEqual([
      '校长书记、教导主任会议 |  | 育秀实验学校 | 2026-09-02 13:30 | ',
      '主题式联合教研活动 | 中小学语文 | 育秀实验学校 | 2026-09-21 14:00 | ',
      '新秀杯教学评优 |  | 育秀实验学校 | 2026-10-12 13:30 | 教龄1-8',
      '读书沙龙 |  | 西渡学校 | 2026-10-26 未定时 | 名额30',
      // A qualifier in the title cell that is a rule is that rule.
      '精英杯教学评优 |  | 肇文学校 | 2026-11-10 09:00 | 教龄9-20',
    ])
  })

  it('never says 0 without saying why: a table whose rows have no date lists each row and its reason', async () => {
    const csv = ['活动内容,承办学校,日期', '教学视导,肇文学校,', '资料整理,育秀实验学校,'].join('\n')
    const { preview } = await importFile(h, '无日期.csv', Buffer.from(csv))
    expect(preview).toContain('将创建 0 项活动：')
    expect(preview).toContain('无法读取 2 行：')
    expect(preview).toContain('第2行「教学视导 肇文学校」：没有时间，也不在某个月份下面')
    expect(preview).toContain('第3行「资料整理 育秀实验学校」：没有时间，也不在某个月份下面')
  })

  it('a date written 待定 is 日期待定 within the term, and an empty cell below it is the same (a merged cell saved as CSV)', async () => {
    const csv = ['活动内容,承办学校,日期', '教学视导,肇文学校,待定', '资料整理,育秀实验学校,'].join('\n')
    const { preview } = await importFile(h, '待定.csv', Buffer.from(csv))
    expect(preview).toContain('将创建 2 项活动：')
    expect(preview).toContain('第2行 → 教学视导 · 肇文学校，9月1日-1月22日（日期待定）')
    expect(preview).toContain('第3行 → 资料整理 · 育秀实验学校，9月1日-1月22日（日期待定）')
  })
})
