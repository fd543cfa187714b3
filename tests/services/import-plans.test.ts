import { readFileSync } from 'node:fs'
import path from 'node:path'
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx'
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ROOT } from '../helpers/console-process.ts'
import type { Harness } from '../helpers/harness.ts'
import { importFile, savedActivities, termDistrict } from '../helpers/import-files.ts'

/**
 * 行事历 files as district offices write them, imported through /导入 into a
 * district whose term is `/学期 2026-09-01 2027-01-22 第一学期` (week 1 =
 * 2026-08-31..09-06; 中秋 09-25..27 and 国庆 10-01..07 are holidays). Every
 * expected date below was worked out by hand from that calendar.
 */
const FIXTURES = path.join(ROOT, 'tests', 'fixtures')
const seedTables = readFileSync(path.join(FIXTURES, 'seed004-tables.txt'), 'utf8')
const seedCalendar = readFileSync(path.join(FIXTURES, 'seed004-xingshili.txt'), 'utf8')

let h: Harness
beforeEach(async () => {
  h = await termDistrict()
})
afterEach(() => h.close())

const EVEN_MONDAYS = '2026-09-07,2026-09-21,2026-10-05停,2026-10-19,2026-11-02,2026-11-16,2026-11-30,2026-12-14,2026-12-28,2027-01-11'

describe('a 行事历 written line by line', () => {
  const lines = [
    '2026学年第一学期育秀教育集团行事历',
    '9月：',
    '1、校长书记、教导主任会议   9月2日下午   育秀实验学校',
    '2、常态化联合教研   双周一下午   （活动内容单周提前公示）',
    '3、第4周周一下午   主题式联合教研活动   育秀实验学校   中小学语文',
    '4、见习期教师的亮相课',
    '10月：',
    '（1）10月12日下午   新秀杯教学评优（教龄1-8年）   育秀实验学校',
    '（2）教学视导   肇文学校',
    '一、强校工程推进专题研讨   西渡学校   第10周周三下午3点半',
    '二、精英杯教学评优 （9-20年教龄） 第12周周二上午 光明学校',
  ].join('\n')

  it("reads each line's own date and time before its month heading, its place, its series and its rules", async () => {
    const { preview, done } = await importFile(h, '行事历.txt', Buffer.from(lines))
    expect(preview).toContain('将创建 8 项活动：')
    expect(preview).toContain('第3行 → 校长书记、教导主任会议 · 育秀实验学校，9月2日')
    expect(preview).toContain('另有 1 行不是活动（没有日期，也不在月份标题下），未导入：\n  第1行「2026学年第一学期育秀教育集团行事历」')
    expect(done).toContain('完成：创建 8 项，跳过 0 项（已存在），无法读取 0 行。')
    expect(await savedActivities(h)).toEqual([
      '校长书记、教导主任会议 |  | 育秀实验学校 | 2026-09-02 13:30 | ',
      `常态化联合教研 |  |  | ${EVEN_MONDAYS} 13:30 | 提前公示1周`,
      '主题式联合教研活动 | 中小学语文 | 育秀实验学校 | 2026-09-21 13:30 | ',
      '见习期教师的亮相课 |  |  | 2026-09-01~2026-09-30 | ',
      '新秀杯教学评优 |  | 育秀实验学校 | 2026-10-12 13:30 | 教龄1-8',
      '教学视导 |  | 肇文学校 | 2026-10-01~2026-10-31 | ',
      '强校工程推进专题研讨 |  | 西渡学校 | 2026-11-04 15:30 | ',
      // Week 12's Tuesday: 2026-08-31 + 11 weeks + 1 day.
      '精英杯教学评优 |  | 光明学校 | 2026-11-17 09:00 | 教龄9-20',
    ])
  })
})

/** Seed 004's two 第N周 tables and its 行事历, as read against the 2026 term (its second term is not set up). */
const SEED_EXPECTED = [
  // 研讨互访: the tables' own 主题 and 学校 columns.
  '新学年工作的研讨 |  | 育秀实验学校 | 2026-09-01~2026-09-04 | ',
  '强校工程推进专题研讨 |  | 西渡学校 | 2026-11-02~2026-11-06 | ',
  // 主题式联合教研: the theme is 待定, so the table's caption names it; 学校教研组 holds the school and the subject.
  '主题式联合教研活动 | 中小学语文 | 育秀实验学校 | 2026-09-21~2026-09-25 | ',
  '主题式联合教研活动 | 中小学道德与法治 | 肇文学校 | 2026-10-19~2026-10-23 | ',
  '主题式联合教研活动 | 中学史地 | 西渡学校 | 2026-11-16~2026-11-20 | ',
  // The 行事历: what the tables already gave (第4周 语文, 第8周 道德与法治, 第10周, 第12周 史地) is not created twice.
  '育秀教育集团校长书记、教导主任会议，制定教育集团工作计划 |  |  | 2026-09-01~2026-09-30 | ',
  '利用网络，建立联系制度，实现学校优质教育资源共享 |  |  | 2026-09-01~2026-09-30 | ',
  '见习期教师的亮相课 |  |  | 2026-09-01~2026-09-30 | ',
  '教育集团领导工作例会 |  |  | 2026-10-01~2026-10-31 | ',
  '教学视导 |  | 肇文学校 | 2026-10-01~2026-10-31 | ',
  '中小学毕业班教学研讨 |  | 育秀实验学校、肇文学校 | 2026-10-12~2026-10-16 | ',
  '阅读指导课程建设市现场展示活动 |  | 育秀实验学校 | 2026-10-25~2026-10-31 | ',
  '教育集团领导工作例会 |  |  | 2026-11-01~2026-11-30 | ',
  '教学视导 | 中学史地 | 西渡学校 | 2026-11-01~2026-11-30 | ',
  '教育集团领导工作例会 |  |  | 2026-12-01~2026-12-31 | ',
  '见习期教师汇报课 |  |  | 2026-12-01~2026-12-31 | ',
  '教学视导 |  | 育秀实验学校 | 2026-12-01~2026-12-31 | ',
  '“育秀杯”青年教师教学技能比武 |  | 育秀实验学校 | 2026-11-30~2026-12-04 | ',
  '教育集团工作期末交流 |  |  | 2027-01-01~2027-01-31 | ',
  '相关资料整理 |  |  | 2027-01-01~2027-01-31 | ',
  // 3月-6月 are the second term's, which is not set: refused like its 第N周 lines.
]

describe("seed 004's tables and 行事历", () => {
  it('reads the tables as the seed has them in text (a cell a line, a row between blank lines), then the 行事历', async () => {
    const { preview, done } = await importFile(h, '集团工作计划.txt', Buffer.from(`${seedTables}\n${seedCalendar}`))
    expect(preview).toContain('将创建 20 项活动：')
    // 第二学期 rows and lines, and the lines under 3月-6月: said why, one by one.
    expect(preview).toContain('无法读取 19 行：')
    expect(preview).toContain('第17行「第二学期 第3周 学校课程建设专题研讨 少体校」：还没有设置这个学期。')
    expect(preview).toContain('第103行「2、教学视导 钱桥学校」：还没有设置这个学期。管理员请先发送：/学期 2027-02-22 2027-07-02 第二学期')
    // Each line of the 行事历 that a table row wrote already is said, with the row it went into.
    expect(preview).toContain(
      ['同一项活动写了不止一次，合并 4 行：', '  第70行与第32行是同一项，已合并', '  第76行与第37行是同一项，已合并', '  第84行与第12行是同一项，已合并', '  第85行与第42行是同一项，已合并'].join('\n'),
    )
    expect(done).toContain('完成：创建 20 项，跳过 0 项（已存在），合并 4 行（同一项写了不止一次），无法读取 19 行。')
    expect(await savedActivities(h)).toEqual(SEED_EXPECTED)
  })

  it('reads the same tables from a Word document (merged 学期 cells, 时间 over two columns) and the 行事历 paragraphs', async () => {
    const cell = (text: string, span: { rowSpan?: number; columnSpan?: number } = {}) => new TableCell({ children: [new Paragraph(text)], ...span })
    const table = (head: string[], rows: [string, number, string, string, string?][]) =>
      new Table({
        rows: [
          new TableRow({ children: [cell(head[0]!, { columnSpan: 2 }), ...head.slice(1).map((t) => cell(t))] }),
          ...rows.map(([term, span, ...rest]) => new TableRow({ children: [...(term ? [cell(term, { rowSpan: span })] : []), ...rest.filter((t) => t !== undefined).map((t) => cell(t!))] })),
        ],
      })
    const doc = new Document({
      sections: [{
        children: [
          new Paragraph('1、集团各层面开展研讨互访活动，在学校管理、教研组建设等方面进行专题交流研讨。'),
          table(['时间', '主题', '学校'], [
            ['第一学期', 2, '第1周', '新学年工作的研讨', '育秀实验学校'],
            ['', 0, '第10周', '强校工程推进专题研讨', '西渡学校'],
          ]),
          new Paragraph('2、主题式联合教研活动:每学期至少两所学校'),
          table(['时间', '学校教研组', '教研主题'], [
            ['第一学期', 3, '第4周', '育秀实验学校    中小学语文', '待定'],
            ['', 0, '第8周', '肇文学校      中小学道德与法治', '待定'],
            ['', 0, '第12周', '西渡学校      中学史地', '待定'],
          ]),
          ...seedCalendar.split('\n').map((l) => new Paragraph(l)),
        ],
      }],
    })
    const { preview } = await importFile(h, '集团工作计划.docx', await Packer.toBuffer(doc))
    expect(preview).toContain('将创建 20 项活动：')
    expect(await savedActivities(h)).toEqual(SEED_EXPECTED)
  })
  it('reads the same tables and 行事历 from an Excel workbook: a sheet a table under its caption row, 时间 merged over two columns, 学期 merged down', async () => {
    const wb = new ExcelJS.Workbook()
    const sheet = (name: string, caption: string, head: string[], rows: (string | null)[][]) => {
      const ws = wb.addWorksheet(name)
      ws.addRow([caption])
      ws.addRow([head[0], null, ...head.slice(1)])
      ws.mergeCells('A2:B2')
      for (const row of rows) ws.addRow(row)
      ws.mergeCells(`A3:A${2 + rows.length}`)
    }
    sheet('研讨互访', '1、集团各层面开展研讨互访活动', ['时间', '主题', '学校'], [
      ['第一学期', '第1周', '新学年工作的研讨', '育秀实验学校'],
      [null, '第10周', '强校工程推进专题研讨', '西渡学校'],
    ])
    sheet('联合教研', '2、主题式联合教研活动:每学期至少两所学校', ['时间', '学校教研组', '教研主题'], [
      ['第一学期', '第4周', '育秀实验学校    中小学语文', '待定'],
      [null, '第8周', '肇文学校      中小学道德与法治', '待定'],
      [null, '第12周', '西渡学校      中学史地', '待定'],
    ])
    const ws = wb.addWorksheet('行事历')
    for (const l of seedCalendar.split('\n')) ws.addRow(l.trim().split(/\s+/))
    const { preview } = await importFile(h, '集团工作计划.xlsx', Buffer.from(await wb.xlsx.writeBuffer()))
    expect(preview).toContain('将创建 20 项活动：')
    expect(await savedActivities(h)).toEqual(SEED_EXPECTED)
  })
})
