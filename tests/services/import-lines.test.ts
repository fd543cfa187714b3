import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { CalendarEnv } from '../../src/calendar/resolve-when.ts'
import { planImport, type ImportItem } from '../../src/services/import.ts'
import { qualifierWords } from '../../src/services/import-line.ts'
import { importFile, savedActivities, termDistrict } from '../helpers/import-files.ts'

/** The 2026 autumn term: week 1 = 2026-08-31..09-06; 下午 13:30, 上午 09:00. Dates below worked out by hand. */
const env: CalendarEnv = {
  today: '2026-09-01', nowTime: '00:00', allowPast: true,
  semesters: [{ name: '第一学期', startDate: '2026-09-01', endDate: '2027-01-22' }],
  defaults: { morning: '09:00', afternoon: '13:30', evening: '19:00' }, closedOn: () => null,
}

/** title | subject | place | when | host, rules — or the reason. */
function read(line: string): string {
  const [item] = planImport(['9月：', line], env) as [ImportItem]
  if (!item.ok) return item.reason.key
  const { details, plan, rules } = item
  const first = plan.kind === 'dated' ? plan.occurrences[0]! : null
  const when = plan.kind === 'pending' ? `${plan.from}~${plan.to}` : `${first!.date}${first!.start ? ` ${first!.start}` : ''}${plan.occurrences.length > 1 ? ` ×${plan.occurrences.length}` : ''}`
  const extra = [details.host ? `主持${details.host}` : '', details.capacity ? `名额${details.capacity}` : '', rules.minYears !== undefined ? `教龄${rules.minYears}-${rules.maxYears ?? ''}` : '',
    rules.noticeWeeks ? `公示${rules.noticeWeeks}` : '', rules.subjectRule ? `限${rules.subjectRule}` : ''].filter(Boolean).join(' ')
  return [details.title, details.subject ?? '', details.place ?? '', when, extra].join(' | ')
}

describe('a 行事历 line under 9月：', () => {
  it.each([
    // Its own date and time win over the heading, first, last or in the middle; the school after the time is the place.
    ['1、校长书记、教导主任会议   9月2日下午   育秀实验学校', '校长书记、教导主任会议 |  | 育秀实验学校 | 2026-09-02 13:30 | '],
    ['9月2日下午 校长书记会议 育秀实验学校', '校长书记会议 |  | 育秀实验学校 | 2026-09-02 13:30 | '],
    ['（2）校长书记会议 育秀实验学校 9月2日14:00', '校长书记会议 |  | 育秀实验学校 | 2026-09-02 14:00 | '],
    ['三、第4周周一下午 主题式联合教研 @育秀实验学校 中小学语文', '主题式联合教研 | 中小学语文 | 育秀实验学校 | 2026-09-21 13:30 | '],
    ['⑤ 教学视导 肇文学校 第10周周三下午3点半', '教学视导 |  | 肇文学校 | 2026-11-04 15:30 | '],
    ['4. 读书沙龙 10月12日下午 西渡学校', '读书沙龙 |  | 西渡学校 | 2026-10-12 13:30 | '],
    ['10.22 14:00 青年教师沙龙 育秀实验学校', '青年教师沙龙 |  | 育秀实验学校 | 2026-10-22 14:00 | '],
    ['骨干教师展示 10月底 育秀实验学校', '骨干教师展示 |  | 育秀实验学校 | 2026-10-25~2026-10-31 | '],
    // Notice-style labels and full-width digits.
    ['青年教师座谈：时间：９月１６日下午２点 地点：肇文学校', '青年教师座谈 |  | 肇文学校 | 2026-09-16 14:00 | '],
    ['名师讲堂 10月21日下午 育秀实验学校 限语文 名额：40', '名师讲堂 |  | 育秀实验学校 | 2026-10-21 13:30 | 名额40 限语文'],
    // No date of its own: the month heading's, as 日期待定.
    ['见习期教师的亮相课', '见习期教师的亮相课 |  |  | 2026-09-01~2026-09-30 | '],
    ['2、教学视导      西渡学校  中学史地', '教学视导 | 中学史地 | 西渡学校 | 2026-09-01~2026-09-30 | '],
    // Seed 004's phrasing: a series that is announced a week ahead, and qualifiers that are rules.
    ['常态化联合教研   双周一下午   （活动内容单周提前公示）', '常态化联合教研 |  |  | 2026-09-07 13:30 ×10 | 公示1'],
    ['常态化联合教研 双周一下午 活动内容单周提前公示', '常态化联合教研 |  |  | 2026-09-07 13:30 ×10 | 公示1'],
    ['新秀杯教学评优 1~8年教龄 第6周周二上午', '新秀杯教学评优 |  |  | 2026-10-06 09:00 | 教龄1-8'],
    ['新秀杯教学评优（教龄1-8年） 第6周周二上午 育秀实验学校', '新秀杯教学评优 |  | 育秀实验学校 | 2026-10-06 09:00 | 教龄1-8'],
    ['精英杯教学评优 （9~20年教龄） 第12周周二上午 光明学校', '精英杯教学评优 |  | 光明学校 | 2026-11-17 09:00 | 教龄9-20'],
    ['期中质量分析会 第9周周四下午（学区办）', '期中质量分析会 |  |  | 2026-10-29 13:30 | 主持学区办'],
    ['第一学期第7周：中小学毕业班专题研讨    （育秀实验学校、肇文学校）', '中小学毕业班专题研讨 |  | 育秀实验学校、肇文学校 | 2026-10-12~2026-10-16 | '],
    // "title：time，rules。": the title before the colon, then the time, the rules, a place; prose between goes (seed 004's line 43).
    ['1、常态化的教研联动：双周一下午，活动内容单周提前公示。', '常态化的教研联动 |  |  | 2026-09-07 13:30 ×10 | 公示1'],
    [
      '1、常态化的教研联动：定时间、定地点、定主题。双周一下午，活动内容单周提前公示。（各校教导处关注网络教研活动的具体内容，根据学校需要有选择地开展教研组教研联',
      '常态化的教研联动 |  |  | 2026-09-07 13:30 ×10 | 公示1',
    ],
    ['读书会：10月12日下午，育秀实验学校，限语文教师。', '读书会 |  | 育秀实验学校 | 2026-10-12 13:30 | 限语文'],
    // Commas without a colon and a time after it: read as written (the heading's month).
    ['育秀教育集团校长书记、教导主任会议，制定教育集团工作计划', '育秀教育集团校长书记、教导主任会议，制定教育集团工作计划 |  |  | 2026-09-01~2026-09-30 | '],
    // A qualifier that is no rule stays in the title as written.
    ['“育秀杯”青年教师教学技能比武（决赛） 第14周', '“育秀杯”青年教师教学技能比武（决赛） |  |  | 2026-11-30~2026-12-04 | '],
    // What cannot be an activity says why.
    ['育秀实验学校 语文 第4周', 'noTitle'],
    ['联合教研 第30周', 'weekOutOfTerm'],
    // A date it cannot read is said, never replaced by the heading's month with the date in the title.
    ['听课周 10月12日～16日左右 西渡学校', 'unreadable'],
  ])('%s', (line, expected) => {
    expect(read(line)).toBe(expected)
  })

  it('takes a line with only a time as the time of the numbered line above it (a notice over several lines), its 主题 into the title', () => {
    const items = planImport(['6、教育集团市现场展示活动    育秀实验学校', '    主题：阅读指导课程建设   ', '', '    时间：10月底 '], env)
    expect(items.map((i) => (i.ok ? [i.line, i.details.title, i.details.place, i.plan.kind === 'pending' && `${i.plan.from}~${i.plan.to}`].join(' | ') : i.reason.key))).toEqual([
      '1 | 教育集团市现场展示活动（阅读指导课程建设） | 育秀实验学校 | 2026-10-25~2026-10-31',
    ])
  })

  it('reads a notice\'s 地点 and 内容 lines with its head; the prose above the head stays no activity', () => {
    const items = planImport(['三、说明文字', '7、读书会', '地点：育秀实验学校 三楼报告厅', '内容：整本书阅读', '时间：10月12日下午'], env)
    expect(items.map((i) => (i.ok ? [i.line, i.details.title, i.details.place, i.plan.kind === 'dated' && i.plan.occurrences[0]!.date].join(' | ') : `${i.line} ${i.reason.key}`))).toEqual([
      '1 notActivity',
      '2 | 读书会（整本书阅读） | 育秀实验学校 三楼报告厅 | 2026-10-12',
    ])
  })

  it.each(['九月份', '2026年9月', '【9月】', '9月份安排：', '9 月：'])('takes %s as the heading of the lines below', (heading) => {
    const [item] = planImport([heading, '见习期教师的亮相课'], env)
    expect(item!.ok && item!.plan.kind === 'pending' && `${item!.plan.from}~${item!.plan.to}`).toBe('2026-09-01~2026-09-30')
  })

  it('gives the 第N周 under a 第二学期 heading that term', () => {
    const spring = { ...env, semesters: [...env.semesters, { name: '第二学期', startDate: '2027-02-22', endDate: '2027-07-02' }] }
    // Week 1 of the spring term: 2027-02-22 (a Monday); week 4's Wednesday is 2027-03-17.
    const items = planImport(['第二学期：', '1、主题式教研活动 钱桥学校 中小学英语 第4周周三下午'], spring)
    expect(items.map((i) => (i.ok ? `${i.whenText} ${i.plan.kind === 'dated' && i.plan.occurrences[0]!.date}` : i.reason.key))).toEqual(['第二学期第4周周三下午 2027-03-17'])
  })

  it('refuses the lines under 3月-6月 while the second term is not set, as its 第N周 lines are; takes them once it is', () => {
    const lines = ['1月：', '1、教育集团工作期末交流', '3月：', '1、教育集团领导工作例会', '2、教学视导    钱桥学校', '3、读书会 3月10日下午', '6月：', '1、相关资料整理']
    const read = (e: CalendarEnv) => planImport(lines, e).map((i) => (i.ok ? `${i.line} ${i.plan.kind === 'pending' ? `${i.plan.from}~${i.plan.to}` : i.plan.occurrences[0]!.date}` : `${i.line} ${i.reason.key}`))
    // 1月 is the first term's (it ends 2027-01-22).
    expect(read(env)).toEqual(['2 2027-01-01~2027-01-31', '4 termNotFound', '5 termNotFound', '6 termNotFound', '8 termNotFound'])
    const spring = { ...env, semesters: [...env.semesters, { name: '第二学期', startDate: '2027-02-22', endDate: '2027-07-02' }] }
    expect(read(spring)).toEqual(['2 2027-01-01~2027-01-31', '4 2027-03-01~2027-03-31', '5 2027-03-01~2027-03-31', '6 2027-03-10', '8 2027-06-01~2027-06-30'])
  })

  it('reads tab-indented lines under a heading one by one (a list, not a table row)', () => {
    const items = planImport(['9月：', '\t1、校长书记会议 9月2日下午', '\t2、主题式联合教研 第4周 育秀实验学校'], env)
    expect(items.map((i) => (i.ok ? `${i.line} ${i.details.title} ${i.details.place ?? ''}` : i.reason.key))).toEqual(['2 校长书记会议 ', '3 主题式联合教研 育秀实验学校'])
  })

  it('says of every line before a heading with no date that it is no activity', () => {
    const items = planImport(['2026学年育秀教育集团行事历', '一、指导思想', '9月2日下午 校长书记会议'], env)
    expect(items.map((i) => (i.ok ? i.details.title : i.reason.key))).toEqual(['notActivity', 'notActivity', '校长书记会议'])
  })
})

describe('a tentative time in a plan', () => {
  it.each([
    ['青蓝工程汇报课（暂定） 10月12日下午 西渡学校'],
    ['10月12日下午 青蓝工程汇报课（待定） 西渡学校'],
    ['青蓝工程汇报课 10月12日下午 暂定 西渡学校'],
  ])('%s: the title without it, the time marked tentative', (line) => {
    expect(read(line)).toBe('青蓝工程汇报课 |  | 西渡学校 | 2026-10-12 13:30 | ')
    const [item] = planImport(['9月：', line], env) as [ImportItem]
    expect(item.ok && item.when.tentative).toBe(true)
  })
})

describe('bracketed qualifiers in plans', () => {
  it.each([
    ['教龄1-8年', ['教龄1-8']],
    ['1~8教龄', ['教龄1-8']],
    ['9-20年教龄', ['教龄9-20']],
    ['教龄5年以上', ['教龄5年以上']],
    ['活动内容单周提前公示', ['提前公示']],
    ['提前2周公示', ['提前公示2周']],
    ['名额40', ['名额40']],
    ['限40人', ['名额40']],
    ['育秀实验学校、肇文学校', ['@育秀实验学校、肇文学校']],
    ['学区办', ['主持:学区办']],
    ['限语文教师', ['限语文']],
    ['暂定', ['暂定']],
    ['待定', ['暂定']],
    ['限青年教师', null],
    ['决赛', null],
    ['第3-16周', null],
    ['单周', null],
  ])('（%s）', (inner, words) => {
    expect(qualifierWords(inner)).toEqual(words)
  })
})

describe('property: any table or cell lines are read or given a reason, never thrown on', () => {
  it('holds for rows built from header words, times, titles, schools and blanks, tab-separated or a cell a line', () => {
    const cell = fc.oneof(
      fc.constantFrom('周次', '日期', '时间', '月份', '学期', '活动内容', '主题', '承办学校', '地点', '学科', '备注', '名额', '主持人', '序号'),
      fc.constantFrom('第4周', '周一下午', '10月21日', '12', '第一学期', '第二学期', '10月', '待定', '14:00', '教龄1-8年', '提前公示', '限40人'),
      fc.constantFrom('主题式联合教研活动', '育秀实验学校    中小学语文', '“育秀杯”比武（教龄1-8年）', '西渡学校', '中学史地', ''),
      fc.string({ maxLength: 12 }),
    )
    const row = fc.array(cell, { minLength: 1, maxLength: 7 })
    const file = fc.array(fc.tuple(row, fc.boolean()), { maxLength: 12 }).map((rows) =>
      rows.flatMap(([cells, asLines]) => (asLines ? [...cells.map((c) => `\t${c}`), ''] : [cells.join('\t')])),
    )
    fc.assert(
      fc.property(file, (lines) => {
        const items = planImport(lines, env)
        expect(items.every((i) => (i.ok ? i.details.title.length > 0 : typeof i.reason.key === 'string'))).toBe(true)
      }),
      { numRuns: 400 },
    )
  })
})

describe('a heading that is no month (second outside look)', () => {
  it('其他： and 补充安排： end the month above and are no activity; the lines under them keep their own dates', async () => {
    const h = await termDistrict()
    try {
      const text = ['1月：', '1、期末质量分析会 1月18日下午', '补充安排：', '其他：', '新秀杯教学评优（教龄1-8年） 10月12日下午', '教研组长会'].join('\n')
      const { preview } = await importFile(h, '行事历.txt', Buffer.from(text))
      expect(preview).toContain('第3行「补充安排：」')
      expect(preview).toContain('第4行「其他：」')
      expect(await savedActivities(h)).toEqual([
        '期末质量分析会 |  |  | 2027-01-18 13:30 | ',
        '新秀杯教学评优 |  |  | 2026-10-12 13:30 | 教龄1-8',
      ])
    } finally {
      await h.close()
    }
  })
})
