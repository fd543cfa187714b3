import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { CalendarEnv } from '../../src/calendar/resolve-when.ts'
import { planImport, type ImportItem } from '../../src/services/import.ts'
import { mergeDuplicates } from '../../src/services/import-merge.ts'
import { titleCores } from '../../src/services/import-same.ts'
import { ROOT } from '../helpers/console-process.ts'

/** The 2026 autumn term only: week 1 = 2026-08-31..09-06; 下午 13:30. Dates below worked out by hand. */
const env: CalendarEnv = {
  today: '2026-09-01', nowTime: '00:00', allowPast: true,
  semesters: [{ name: '第一学期', startDate: '2026-09-01', endDate: '2027-01-22' }],
  defaults: { morning: '09:00', afternoon: '13:30', evening: '19:00' }, closedOn: () => null,
}

type Fresh = Extract<ImportItem, { ok: true }>

/** line | title | subject | place | days | rules, each activity once, then the merges. */
function merged(lines: string[], calendar = env): { activities: string[]; merges: string[] } {
  const readable = planImport(lines, calendar).filter((i): i is Fresh => i.ok)
  const { items, merges } = mergeDuplicates(readable)
  const days = (i: Fresh) => (i.plan.kind === 'pending' ? `${i.plan.from}~${i.plan.to}` : i.plan.occurrences.map((o) => `${o.date}${o.start ? ` ${o.start}` : ''}`).join(','))
  const rules = (i: Fresh) => [i.details.capacity ? `名额${i.details.capacity}` : '', i.rules.minYears !== undefined ? `教龄${i.rules.minYears}-${i.rules.maxYears}` : ''].filter(Boolean).join(' ')
  return {
    activities: items.map((i) => [i.line, i.details.title, i.details.subject ?? '', i.details.place ?? '', days(i), rules(i)].join(' | ')),
    merges: merges.map((m) => `${m.line}→${m.into}`),
  }
}

describe("seed 004's whole plan: its tables and its 行事历 name the same activities", () => {
  const seed = readFileSync(path.join(ROOT, 'tests', 'fixtures', 'seed004-plan.txt'), 'utf8').split('\n')

  it('gives each activity once, in the first line that names it, with the union of what the lines say', () => {
    const { activities, merges } = merged(seed)
    expect(activities).toEqual([
      '17 | 新学年工作的研讨 |  | 育秀实验学校 | 2026-09-01~2026-09-04 | ',
      '22 | 强校工程推进专题研讨 |  | 西渡学校 | 2026-11-02~2026-11-06 | ',
      // Line 43, "title：time，rules。": even weeks' Mondays, 9月7日 (week 2) to 1月11日 (week 20).
      '43 | 常态化的教研联动 |  |  | 2026-09-07 13:30,2026-09-21 13:30,2026-10-05 13:30,2026-10-19 13:30,2026-11-02 13:30,2026-11-16 13:30,2026-11-30 13:30,2026-12-14 13:30,2026-12-28 13:30,2027-01-11 13:30 | ',
      '50 | 主题式联合教研活动 | 中小学语文 | 育秀实验学校 | 2026-09-21~2026-09-25 | ',
      '55 | 主题式联合教研活动 | 中小学道德与法治 | 肇文学校 | 2026-10-19~2026-10-23 | ',
      '60 | 主题式联合教研活动 | 中学史地 | 西渡学校 | 2026-11-16~2026-11-20 | ',
      '87 | “育秀杯”育秀教育集团青年教师教学技能比武 |  | 育秀实验学校 | 2026-11-30~2026-12-04 | ',
      '104 | 集团内教学视导 |  | 肇文学校 | 2026-10-01~2026-10-31 | ',
      // The 行事历's 11月 视导 names the subject the table left out.
      '109 | 集团内教学视导 | 中学史地 | 西渡学校 | 2026-11-01~2026-11-30 | ',
      // The table's 育秀学校学校 is a slip: the school the rest of the plan writes is kept.
      '114 | 集团内教学视导 |  | 育秀实验学校 | 2026-12-01~2026-12-31 | ',
      '137 | 中小学毕业班专题研讨 |  | 育秀实验学校、肇文学校 | 2026-10-12~2026-10-16 | ',
      '140 | 教育集团市现场展示活动（阅读指导课程建设） |  | 育秀实验学校 | 2026-10-25~2026-10-31 | ',
      '158 | 育秀教育集团校长书记、教导主任会议，制定教育集团工作计划 |  |  | 2026-09-01~2026-09-30 | ',
      '160 | 利用网络，建立联系制度，实现学校优质教育资源共享 |  |  | 2026-09-01~2026-09-30 | ',
      '162 | 见习期教师的亮相课 |  |  | 2026-09-01~2026-09-30 | ',
      '166 | 教育集团领导工作例会 |  |  | 2026-10-01~2026-10-31 | ',
      '174 | 教育集团领导工作例会 |  |  | 2026-11-01~2026-11-30 | ',
      '181 | 教育集团领导工作例会 |  |  | 2026-12-01~2026-12-31 | ',
      '183 | 见习期教师汇报课 |  |  | 2026-12-01~2026-12-31 | ',
      '189 | 教育集团工作期末交流 |  |  | 2027-01-01~2027-01-31 | ',
      '191 | 相关资料整理 |  |  | 2027-01-01~2027-01-31 | ',
    ])
    expect(merges).toEqual([
      '163→50', // 主题式联合教研活动：育秀实验学校 中小学语文 第4周
      '168→104', // 教学视导 肇文学校 (10月)
      '169→55', // 道德与法治 is 中小学道德与法治
      '170→137', // 中小学毕业班教学研讨 is 中小学毕业班专题研讨
      '171→140', // 阅读指导课程建设市现场展示活动 is 教育集团市现场展示活动（阅读指导课程建设）
      '176→109',
      '177→22',
      '178→60',
      '185→114',
      '186→87', // “育秀杯”青年教师教学技能比武 is the group's
    ])
  })

  it('merges the second term\'s lines into its table rows too, once that term is set', () => {
    const spring = { ...env, semesters: [...env.semesters, { name: '第二学期', startDate: '2027-02-22', endDate: '2027-07-02' }] }
    const { activities, merges } = merged(seed, spring)
    // The 21 above, 3月-5月's 例会 and 6月's 总结交流 and 资料整理 (5), and the second term's table rows (10).
    expect(activities).toHaveLength(36)
    expect(activities).toContain('119 | 集团内教学视导 |  | 钱桥学校 | 2027-03-01~2027-03-31 | ')
    // Week 5 of the term that starts on 2027-02-22 (a Monday): 2027-03-22..26.
    expect(activities).toContain('139 | 中小学毕业班专题研讨 |  | 西渡学校、江山小学 | 2027-03-22~2027-03-26 | ')
    expect(merges.slice(10)).toEqual([
      '196→119', '197→65', // 主题式教研活动 is the table's 主题式联合教研活动
      '198→139', // 中小学毕业班工作专题研讨
      '199→27', '204→124', '205→70', '210→129', '211→75',
      '212→92', // 骨干教师展示活动 is 骨干教师课堂教学展示活动
    ])
  })
})

describe('one activity written twice', () => {
  it('keeps the first title, the more precise time, and the place, subject and rules of both', () => {
    const { activities, merges } = merged([
      '时间\t学校教研组\t教研主题',
      '第一学期\t第4周\t育秀实验学校    中小学语文\t主题式联合教研活动',
      '',
      '9月：',
      // Week 4's Monday is 2026-09-21.
      '1、主题式联合教研 9月21日下午 育秀实验学校 名额40',
    ])
    expect(activities).toEqual(['2 | 主题式联合教研活动 | 中小学语文 | 育秀实验学校 | 2026-09-21 13:30 | 名额40'])
    expect(merges).toEqual(['5→2'])
  })

  it('takes a line in the group\'s words (育秀教育集团, 集团内) as the same as one without them', () => {
    expect(titleCores('“育秀杯”育秀教育集团青年教师教学技能比武')).toContain('育秀杯青年教师技能比武')
    expect(titleCores('“育秀杯”青年教师教学技能比武')).toEqual(['育秀杯青年教师技能比武'])
    expect(titleCores('集团内教学视导')).toContain('视导')
    expect(titleCores('教育集团市现场展示活动（阅读指导课程建设）')).toContain('市现场展示')
  })
})

describe('activities that only look alike stay apart', () => {
  it.each([
    ['the same week, other subjects', ['10月：', '1、主题式联合教研活动 肇文学校 道德与法治 第8周', '2、主题式联合教研活动 肇文学校 中小学语文 第8周']],
    ['the same subject, other weeks', ['9月：', '1、主题式联合教研活动 育秀实验学校 语文 第4周', '2、主题式联合教研活动 育秀实验学校 语文 第5周']],
    ['the same week, other schools', ['1、教学视导 肇文学校 第8周', '2、教学视导 西渡学校 第8周']],
    ['one day, other times', ['1、教研组长会议 9月21日 9:00', '2、教研组长会议 9月21日 14:00']],
    ['other teachers in the same contest week', ['1、青年教师教学技能比武 育秀实验学校 第14周', '2、骨干教师教学技能比武 育秀实验学校 第14周']],
    ['a series and a one-off on one of its days', ['1、常态化联合教研 双周一下午', '2、主题式联合教研活动 9月21日下午']],
    ['a weekly and a fortnightly series', ['1、常态化联合教研 每周一下午', '2、常态化联合教研 双周一下午']],
    ['titles sharing only a generic word', ['10月：', '1、教育集团领导工作例会', '2、教学视导 肇文学校']],
    ['brackets that say other things', ['1、“育秀杯”青年教师教学技能比武（初赛） 育秀实验学校 第14周', '2、“育秀杯”青年教师教学技能比武（决赛） 育秀实验学校 第14周']],
  ])('%s', (_, lines) => {
    const { activities, merges } = merged(lines)
    expect(merges).toEqual([])
    expect(activities).toHaveLength(2)
  })
})
