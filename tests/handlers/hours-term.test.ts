import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHarness, type Harness } from '../helpers/harness.ts'
import { readZip } from '../helpers/read-zip.ts'

/**
 * A term on the fake clock with the real commands: /设置 for the presenter
 * and the district's multiple, 签到 and 签退 at the times they happen,
 * /到场 by the organizer, /请假; then /学时 and the /导出 workbook read back.
 */
let h: Harness
const at = (hm: string) => h.setNow(`2026-11-25T${hm}:00+08:00`)
const say = (text: string, as: string) => h.say(text, { as })
const log: string[] = []

beforeAll(async () => {
  h = await createHarness('2026-11-20T09:00:00+08:00')
  await h.say('/学期 2026-09-01 2027-01-22 第一学期')
  await h.say('/排期 11月25日 14:00-16:30 联合教研 语文 @育秀实验学校')
  await h.say('/设置 1 主讲 王佩红')
  await h.say('/设置 学时 主讲 2倍')
  for (const who of ['王芳', '李明', '赵丽', '陈刚', '周强', '孙丽', '王佩红', '吴敏']) await say('/报名 1', who)
  // The presenter holds a role: a 主讲 multiple by name is never had by a name alone.
  await h.say('/授权 @王佩红 导师', { mentions: [{ id: '王佩红', name: '王佩红' }] })
  at('10:00')
  log.push(...(await say('/请假 1 外出培训', '孙丽')))
  at('13:40')
  log.push(...(await say('签到 1', '王佩红')))
  at('13:55')
  log.push(...(await say('签到 1', '王芳')))
  at('13:58')
  log.push(...(await say('签到 1', '陈刚')))
  at('14:20')
  log.push(...(await say('签到 1', '赵丽')))
  at('14:40')
  log.push(...(await say('签到 1', '李明')))
  at('15:50')
  log.push(...(await say('签退 1', '陈刚')))
  at('16:35')
  log.push(...(await say('签退 1', '王芳')))
  log.push(...(await h.say('/到场 1 吴敏')))
  h.setNow('2026-11-26T09:00:00+08:00')
})
afterAll(() => h.close())

const EXPECTED = { 王芳: 2.5, 李明: 0, 赵丽: 2.5, 陈刚: 0, 周强: 0, 孙丽: 0, 王佩红: 5, 吴敏: 2.5 }

describe('a term of 学时 through the real commands', () => {
  it('the commands were taken', () => {
    expect(log.join('\n')).not.toMatch(/请这样写|没看懂|不能|只有/)
  })

  it('/学时 12 gives each teacher the expected hours, or why none', async () => {
    const [view] = await h.say('/学时 1', { direct: true, chat: 'dm-me' })
    expect(view).toContain('出席 6 人，请假 1 人，缺席 1 人')
    for (const line of ['  王芳 2.5 学时', '  李明 0 学时（迟到 40 分钟）', '  赵丽 2.5 学时', '  陈刚 0 学时（早退 40 分钟）', '  周强 缺席', '  孙丽 请假', '  王佩红 主讲×2 5 学时', '  吴敏 2.5 学时']) {
      expect(view).toContain(line)
    }
  })

  it('the /导出 workbook holds the same hours, cell by cell', async () => {
    const { sent } = await h.send('/导出', { direct: true, chat: 'dm-me' })
    const file = sent.find((m) => m.file)!.file!
    // A term with held sessions is one .zip (the workbook and the 记录表); the workbook inside it.
    expect(file.name).toMatch(/\.zip$/)
    const zipped = [...(await readZip(Buffer.from(file.base64, 'base64'))).entries()].find(([name]) => name.endsWith('.xlsx'))![1]
    const back = new ExcelJS.Workbook()
    await back.xlsx.load(zipped as unknown as ArrayBuffer)
    const totals: Record<string, unknown> = {}
    back.getWorksheet('学时登记表')!.eachRow((row, n) => {
      const [name, , , , , , , , , earned] = (row.values as unknown[]).slice(1)
      if (n > 1 && String(name).endsWith(' 合计')) totals[String(name).replace(' 合计', '')] = earned
    })
    expect(totals).toEqual(EXPECTED)
    const stats = back.getWorksheet('统计')!.getRows(1, back.getWorksheet('统计')!.rowCount)!
    const sun = stats.filter((r) => r.getCell(1).value === '孙丽').at(-1)!
    // Organized, signed up, attended, 请假, 缺席, 学时.
    expect([4, 5, 6, 7, 8, 9].map((c) => sun.getCell(c).value)).toEqual([0, 1, 0, 1, 0, 0])
    const sign = back.getWorksheet('签到')!
    const wang = sign.getRows(1, sign.rowCount)!.find((r) => r.getCell(2).value === '王芳')!
    expect([wang.getCell(6).value, wang.getCell(7).value, wang.getCell(8).value]).toEqual(['13:55', '16:35', '出席'])
  })

  it('a teacher giving himself the presenter\'s name earns no multiple, and the name grants nobody one while two go by it', async () => {
    await say('/我是 王佩红 育秀实验学校 语文', '黄磊')
    const [view] = await h.say('/学时 1', { direct: true, chat: 'dm-me' })
    expect(view).toContain('  王佩红 2.5 学时')
    expect(view).not.toContain('主讲×2')
    // The organizer names the presenter's own row by @mention: the multiple is back, recorded with who gave it.
    const [marked] = await h.say('/到场 1 @王佩红 主讲', { mentions: [{ id: '王佩红', name: '王佩红' }] })
    expect(marked).toContain('王佩红（主讲）')
    const [again] = await h.say('/学时 1', { direct: true, chat: 'dm-me' })
    expect(again).toContain('  王佩红 主讲×2 5 学时')
    const change = await h.app.db.attendanceChange.findFirstOrThrow({ where: { action: 'role' } })
    expect(change.value).toBe('presenter')
  })

  it('an outside host no member goes by cannot be claimed with /我是: the name earns nobody the host\'s multiple', async () => {
    await h.say('/设置 1 主持 张教授')
    await say('/我是 张教授', '吴敏')
    const [view] = await h.say('/学时 1', { direct: true, chat: 'dm-me' })
    expect(view).toContain('  张教授 2.5 学时')
    expect(view).not.toContain('主持')
  })
})
