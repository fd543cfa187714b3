import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { Document, Packer, Paragraph } from 'docx'
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CalendarEnv } from '../../src/calendar/resolve-when.ts'
import { planImport, readLines, referenceDate, type ImportItem } from '../../src/services/import.ts'
import { ROOT } from '../helpers/console-process.ts'
import { paragraphFlood, rowFlood, sharedStringBomb } from '../helpers/hostile-files.ts'
import { createHarness, type Harness } from '../helpers/harness.ts'

const FIXTURE = path.join(ROOT, 'tests', 'fixtures', 'seed004-xingshili.txt')
const text = readFileSync(FIXTURE)
const semesters = [
  { name: '第一学期', startDate: '2019-09-02', endDate: '2020-01-17' },
  { name: '第二学期', startDate: '2020-02-17', endDate: '2020-07-03' },
]
const env: CalendarEnv = {
  today: '2019-09-02', nowTime: '00:00', semesters, allowPast: true,
  defaults: { morning: '09:00', afternoon: '13:30', evening: '19:00' }, closedOn: () => null,
}

/** The lines read from a file that must be readable. */
async function linesOf(name: string, bytes: Buffer): Promise<string[]> {
  const read = await readLines(name, bytes)
  if (!read.ok) throw new Error(`${name} unreadable: ${JSON.stringify(read.problem)}`)
  return read.lines
}

/** What the importer makes of each line: title | subject | place | window (or the reason it cannot). */
const summary = (items: ImportItem[]) =>
  items.map((i) =>
    i.ok
      ? [i.line, i.details.title, i.details.subject ?? '', i.details.place ?? '', i.plan.kind === 'pending' ? `${i.plan.from}~${i.plan.to}` : i.plan.occurrences.map((o) => o.date).join(',')].join(' | ')
      : `${i.line} | ${i.reason.key}`,
  )

/** Seed 004's 行事历, term starting 2019-09-02: every activity it yields, on its dates. */
const EXPECTED = [
  '1 | notActivity',
  '4 | 育秀教育集团校长书记、教导主任会议，制定教育集团工作计划 |  |  | 2019-09-01~2019-09-30',
  '6 | 利用网络，建立联系制度，实现学校优质教育资源共享 |  |  | 2019-09-01~2019-09-30',
  '8 | 见习期教师的亮相课 |  |  | 2019-09-01~2019-09-30',
  '9 | 主题式联合教研活动 | 中小学语文 | 育秀实验学校 | 2019-09-23~2019-09-27',
  '12 | 教育集团领导工作例会 |  |  | 2019-10-01~2019-10-31',
  '14 | 教学视导 |  | 肇文学校 | 2019-10-01~2019-10-31',
  '15 | 主题式联合教研活动 | 道德与法治 | 肇文学校 | 2019-10-21~2019-10-25',
  '16 | 中小学毕业班教学研讨 |  | 育秀实验学校、肇文学校 | 2019-10-14~2019-10-18',
  '17 | 阅读指导课程建设市现场展示活动 |  | 育秀实验学校 | 2019-10-25~2019-10-31',
  '20 | 教育集团领导工作例会 |  |  | 2019-11-01~2019-11-30',
  '22 | 教学视导 | 中学史地 | 西渡学校 | 2019-11-01~2019-11-30',
  '23 | 强校工程推进专题研讨 |  | 西渡学校 | 2019-11-04~2019-11-08',
  '24 | 主题式联合教研活动 | 中学史地 | 西渡学校 | 2019-11-18~2019-11-22',
  '27 | 教育集团领导工作例会 |  |  | 2019-12-01~2019-12-31',
  '29 | 见习期教师汇报课 |  |  | 2019-12-01~2019-12-31',
  '31 | 教学视导 |  | 育秀实验学校 | 2019-12-01~2019-12-31',
  '32 | “育秀杯”青年教师教学技能比武 |  | 育秀实验学校 | 2019-12-02~2019-12-06',
  '35 | 教育集团工作期末交流 |  |  | 2020-01-01~2020-01-31',
  '37 | 相关资料整理 |  |  | 2020-01-01~2020-01-31',
  '41 | 教育集团领导工作例会 |  |  | 2020-03-01~2020-03-31',
  '42 | 教学视导 |  | 钱桥学校 | 2020-03-01~2020-03-31',
  '43 | 主题式教研活动 | 中小学英语 | 钱桥学校 | 2020-03-09~2020-03-13',
  '44 | 中小学毕业班工作专题研讨 |  | 西渡学校、江山小学 | 2020-03-16~2020-03-20',
  '45 | 学校课程建设专题研讨 |  | 少体校 | 2020-03-02~2020-03-06',
  '48 | 教育集团领导工作例会 |  |  | 2020-04-01~2020-04-30',
  '50 | 教学视导 |  | 光明学校 | 2020-04-01~2020-04-30',
  '51 | 主题式教研活动 | 中小学数学 | 光明学校 | 2020-04-06~2020-04-10',
  '54 | 教育集团领导工作例会 |  |  | 2020-05-01~2020-05-31',
  '56 | 教学视导 |  | 江山小学 | 2020-05-01~2020-05-31',
  '57 | 主题式教研活动 | 艺术 | 江山小学 | 2020-05-18~2020-05-22',
  '58 | 骨干教师展示活动 |  | 育秀实验学校 | 2020-05-18~2020-05-22',
  '61 | 教育集团工作总结交流 |  |  | 2020-06-01~2020-06-30',
  '62 | 相关资料整理 |  |  | 2020-06-01~2020-06-30',
]

describe("reading seed 004's 行事历", () => {
  it('yields every activity on its dates: 第N周 of the month\'s term, 10月底, or the month itself', async () => {
    const items = planImport(await linesOf('行事历.txt', text), env)
    expect(summary(items)).toEqual(EXPECTED)
  })

  it('reads the same from a generated Word document and Excel workbook', async () => {
    const lines = text.toString('utf8').split('\n')
    const doc = new Document({ sections: [{ children: lines.map((l) => new Paragraph(l)) }] })
    const docx = await linesOf('行事历.docx', await Packer.toBuffer(doc))
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('行事历')
    // As offices lay it out: one cell per field.
    for (const l of lines) ws.addRow(l.trim().split(/\s+/))
    const xlsx = await linesOf('行事历.xlsx', Buffer.from(await wb.xlsx.writeBuffer()))
    const strip = (items: ImportItem[]) => summary(items).map((s) => s.replace(/^\d+ \| /, ''))

    const expected = EXPECTED.map((s) => s.replace(/^\d+ \| /, ''))
    expect(strip(planImport(docx, env))).toEqual(expected)
    expect(strip(planImport(xlsx, env))).toEqual(expected)
  })

  it('reads a text file saved as GB18030 and says why a line cannot be read', async () => {
    const gbk = Buffer.from([0x39, 0xd4, 0xc2, 0xa3, 0xba]) // "9月：" in GB18030
    expect(await linesOf('a.txt', gbk)).toEqual(['9月：'])
    const items = planImport(['9月：', '1、育秀实验学校 语文 第4周', '2、联合教研 第30周'], env)
    expect(items.map((i) => (i.ok ? 'ok' : i.reason.key))).toEqual(['noTitle', 'weekOutOfTerm'])
  })

  it('reads against the school year of the term under way, or the last one', () => {
    expect(referenceDate(semesters, '2026-11-23')).toBe('2019-09-02')
    expect(referenceDate(semesters, '2020-03-01')).toBe('2020-02-17')
    expect(referenceDate([], '2020-03-01')).toBeNull()
  })
})

/** A 行事历 of `count` activities (one a line) under the months of the 2019 school year. */
function longCalendar(count: number): Buffer {
  const months = ['9月：', '10月：', '11月：', '12月：', '1月：']
  const perMonth = Math.ceil(count / months.length)
  const lines = Array.from({ length: count }, (_, i) => [...(i % perMonth === 0 ? [months[i / perMonth]!] : []), `${(i % perMonth) + 1}、联合教研第${i + 1}次 育秀实验学校 第4周`])
  return Buffer.from(lines.flat().join('\n'))
}

/** A district whose school year 2019 is set up, as seed 004's was. */
async function districtOf2019(): Promise<Harness> {
  const h = await createHarness('2026-11-23T09:00:00+08:00')
  await h.say('/学期 2019-09-02 2020-01-17 第一学期')
  await h.say('/学期 2020-02-17 2020-07-03 第二学期')
  return h
}

describe('npm run import', () => {
  let h: Harness
  beforeEach(async () => {
    h = await districtOf2019()
  })
  afterEach(() => h.close())

  const run = (...args: string[]) =>
    spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/import.ts', ...args], {
      cwd: ROOT, env: { ...process.env, DATABASE_URL: h.config.DATABASE_URL, DATA_DIR: h.config.dataDir }, encoding: 'utf8',
    })

  it('previews, saves with --yes, and creates nothing twice on a second import', async () => {
    const docx = path.join(h.config.dataDir, '行事历.docx')
    const lines = text.toString('utf8').split('\n')
    writeFileSync(docx, await Packer.toBuffer(new Document({ sections: [{ children: lines.map((l) => new Paragraph(l)) }] })))
    const preview = run(docx, '--district', '示范学区')
    expect(preview.stdout).toContain('将创建 33 项活动：')
    expect(preview.stdout).toContain('第15行 → 主题式联合教研活动 · 道德与法治 · 肇文学校，10月21日-25日（日期待定）')
    expect(preview.stdout).toContain('以上只是预览，还没有保存。')
    expect(await h.app.db.activity.count()).toBe(0)
    const saved = run(docx, '--district', '示范学区', '--yes')
    expect(saved.stdout).toContain('完成：创建 33 项，跳过 0 项（已存在），无法读取 0 行。')
    expect(await h.app.db.activity.count()).toBe(33)
    const again = run(docx, '--district', '示范学区', '--yes')
    expect(again.stdout).toContain('已导入过、跳过 33 项')
    expect(again.stdout).toContain('完成：创建 0 项，跳过 33 项（已存在），无法读取 0 行。')
    expect(await h.app.db.activity.count()).toBe(33)
    // The imported activities are ordinary ones: listed, with their place and subject.
    const [detail] = await h.say('/活动 7')
    expect(detail).toContain('#7「主题式联合教研活动」')
    expect(detail).toContain('地点：肇文学校')
  }, 60_000)

  it('previews and saves a 行事历 of 5 000 activities (more values than SQLite binds in one statement)', () => {
    const file = path.join(h.config.dataDir, '行事历.txt')
    writeFileSync(file, longCalendar(5000))
    const preview = run(file, '--district', '示范学区')
    expect(preview.stderr).toBe('')
    expect(preview.stdout).toContain('将创建 5000 项活动：')
    const saved = run(file, '--district', '示范学区', '--yes')
    expect(saved.stdout).toContain('完成：创建 5000 项，跳过 0 项（已存在），无法读取 0 行。')
    expect(run(file, '--district', '示范学区').stdout).toContain('已导入过、跳过 5000 项')
  }, 120_000)

  it('exits with the reason, not an abort, on a zip bomb and on a file over 5 MB', async () => {
    const dir = h.config.dataDir
    writeFileSync(path.join(dir, '行事历.docx'), await paragraphFlood())
    writeFileSync(path.join(dir, '行事历.xlsx'), await sharedStringBomb())
    writeFileSync(path.join(dir, '行事历.txt'), Buffer.alloc(6 * 1024 * 1024, 0x61))
    const advice = '请只保留行事历部分，另存为新的 Word（.docx）或 Excel（.xlsx）文件，或复制成文本（.txt）后再发送。'
    for (const [name, why] of [['行事历.docx', '解压后超过 24 MB'], ['行事历.xlsx', '解压后超过 24 MB'], ['行事历.txt', '文件超过 5 MB']]) {
      const result = run(path.join(dir, name!), '--district', '示范学区')
      expect(result.status, name).toBe(1)
      expect(result.stderr, name).toBe(`读不了「${name}」：${why}。${advice}\n`)
    }
  })

  it('refuses an unknown district and says how to use it', () => {
    expect(run(FIXTURE, '--district', '没有的学区').stderr).toContain('没有名为「没有的学区」的学区。')
    expect(run().stderr).toContain('用法：npm run import')
  })
})

describe('/导入 in chat: the file, then a preview, then 确认', () => {
  let h: Harness
  beforeEach(async () => {
    h = await districtOf2019()
  })
  afterEach(() => h.close())

  it('an admin sends the 行事历 and imports it; a teacher\'s file is left alone', async () => {
    expect(await h.say('/导入')).toEqual(['请先把行事历文件（Word、Excel、CSV 或文本）发给我，再发送 /导入。'])
    expect(await h.say('', { as: '王芳', file: { name: '行事历.txt', bytes: text } })).toEqual([])
    expect(await h.app.db.pendingImport.count()).toBe(0)
    expect(await h.say('', { file: { name: '照片.jpg', bytes: Buffer.from('jpg') } })).toEqual([])
    expect(await h.say('', { file: { name: '行事历.txt', bytes: text } })).toEqual([
      '收到「行事历.txt」。发送 /导入 预览将要创建的活动，确认后发送 /导入 确认。',
    ])
    const [preview] = await h.say('/导入')
    expect(preview).toContain('将创建 33 项活动：')
    expect(preview).toContain('第15行 → 主题式联合教研活动 · 道德与法治 · 肇文学校，10月21日-25日（日期待定）')
    expect(preview).toContain('以上只是预览，还没有保存。确认无误请发送：/导入 确认')
    expect(await h.app.db.activity.count()).toBe(0)
    const [done] = await h.say('/导入 确认')
    expect(done).toContain('完成：创建 33 项，跳过 0 项（已存在），无法读取 0 行。')
    expect(await h.app.db.activity.count()).toBe(33)
    // The same file again: nothing twice.
    await h.say('', { file: { name: '行事历.txt', bytes: text } })
    expect((await h.say('/导入 确认'))[0]).toContain('完成：创建 0 项，跳过 33 项（已存在）')
    expect(await h.say('/导入', { as: '王芳' })).toEqual(['抱歉，/导入 只有学区管理员可以使用。如需权限，请联系学区管理员。'])
  })

  it('previews and imports a 行事历 of 5 000 activities', async () => {
    await h.say('', { file: { name: '行事历.txt', bytes: longCalendar(5000) } })
    const [preview] = await h.say('/导入')
    expect(preview).toContain('将创建 5000 项活动：')
    expect(preview).toContain('  ……还有 4960 项')
    const [done] = await h.say('/导入 确认')
    expect(done).toContain('完成：创建 5000 项，跳过 0 项（已存在），无法读取 0 行。')
    expect(await h.app.db.activity.count()).toBe(5000)
    await h.say('', { file: { name: '行事历.txt', bytes: longCalendar(5000) } })
    expect((await h.say('/导入'))[0]).toContain('已导入过、跳过 5000 项')
  }, 120_000)

  it('answers a file it cannot read with the reason and keeps nothing', async () => {
    expect(await h.say('', { file: { name: '行事历.xlsx', bytes: await rowFlood() } })).toEqual([
      '读不了「行事历.xlsx」：解压后超过 24 MB。请只保留行事历部分，另存为新的 Word（.docx）或 Excel（.xlsx）文件，或复制成文本（.txt）后再发送。',
    ])
    expect(await h.say('', { file: { name: '行事历.txt', bytes: Buffer.alloc(6 * 1024 * 1024, 0x61) } })).toEqual(['文件太大了（最多 5 MB）。请只保留行事历部分再发送。'])
    expect(await h.app.db.pendingImport.count()).toBe(0)
  })

  it('keeps a file with an over-long line and reports that line at /导入, never storing it', async () => {
    const bytes = Buffer.from(`9月：\n1、联合教研 第4周\n2、${'长'.repeat(1_000_000)} 第4周\n3、${'题'.repeat(61)} 第4周\n`)
    await h.say('', { file: { name: '行事历.txt', bytes } })
    const [done] = await h.say('/导入 确认')
    expect(done).toContain('完成：创建 1 项，跳过 0 项（已存在），无法读取 2 行。')
    expect(done).toContain(`第3行「2、${'长'.repeat(38)}…」：这一行超过 500 字`)
    expect(done).toContain('：活动名称超过 60 字')
    expect((await h.say('/活动 1'))[0]).toContain('联合教研')
  })
})
