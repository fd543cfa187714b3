import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inTx } from '../../src/db/client.ts'
import { buildWorkbook, workbookBytes } from '../../src/services/export.ts'
import { OPERATOR } from '../../src/services/question-access.ts'
import { createHarness, type Harness } from '../helpers/harness.ts'
import { AFTER_TERM_SESSIONS, AT_FIRST, seedHoursTerm, TERM_START } from '../helpers/hours-term.ts'

let h: Harness
let back: ExcelJS.Workbook
beforeAll(async () => {
  h = await createHarness(TERM_START)
  await seedHoursTerm(h)
  const wb = await inTx(h.app.db, (tx) => buildWorkbook(tx, { districtId: 1, from: '2026-09-01', to: '2027-01-22', reader: OPERATOR, now: new Date(AFTER_TERM_SESSIONS) }))
  back = new ExcelJS.Workbook()
  await back.xlsx.load((await workbookBytes(wb)) as unknown as ArrayBuffer)
})
afterAll(() => h.close())

const rowsOf = (ws: ExcelJS.Worksheet) => {
  const rows: unknown[][] = []
  ws.eachRow({ includeEmpty: false }, (row) => rows.push([...(row.values as unknown[]).slice(1)]))
  return rows
}
const day = (d: string) => new Date(`${d}T00:00:00Z`)
const DISTRICT = '学区级（集团级）'

describe('the 学时登记表', () => {
  it('lists each teacher\'s sessions with level, role and hours, and a total row, cell by cell', () => {
    const rows = rowsOf(back.getWorksheet('学时登记表')!)
    expect(rows[0]).toEqual(['姓名', '学校', '活动编号', '活动名称', '日期', '级别', '身份', '倍数', '每次学时', '所得学时', '说明'])
    const first = (name: keyof typeof AT_FIRST) => {
      const a = AT_FIRST[name]
      const presenter = name === '王佩红'
      return [name, '', 1, '联合教研', day('2026-11-25'), DISTRICT, presenter ? '主讲' : '参与', presenter ? 2 : 1, 2.5, a.earned, a.note]
    }
    const total = (name: string, school: string, hours: number, note: string) => [`${name} 合计`, school, , , , , , , , hours, note]
    // Teachers without a school first, then by school; by name (pinyin) within one.
    const expected = (['陈刚', '李明', '孙丽', '王佩红', '吴敏', '赵丽', '周强'] as const).flatMap((name) => {
      const earned = AT_FIRST[name].earned
      return [first(name), total(name, '', earned, earned ? `共 ${earned} 学时：${DISTRICT} ${earned}` : '共 0 学时')]
    })
    expected.push(
      ['王芳', '育秀实验学校', 1, '联合教研', day('2026-11-25'), DISTRICT, '参与', 1, 2.5, 2.5, ''],
      ['王芳', '育秀实验学校', 2, '区级教研', day('2026-12-02'), '区级', '参与', 1, 3, 3, ''],
      ['王芳', '育秀实验学校', 3, '读书交流', day('2026-12-03'), DISTRICT, '参与', 1, '', '', '学时未定'],
      total('王芳', '育秀实验学校', 5.5, `共 5.5 学时：${DISTRICT} 2.5、区级 3`),
    )
    expect(rows.slice(1)).toEqual(expected)
  })
})

describe('the 签到 sheet', () => {
  it('keeps the printable block and fills in the real check-in and check-out times beside it', () => {
    const rows = rowsOf(back.getWorksheet('签到')!)
    expect(rows[0]).toEqual(['#1「联合教研」签到表'])
    expect(rows[2]).toEqual(['序号', '姓名', '学校', '学科', '签到（签名）', '签到时间', '签退时间', '出勤'])
    const names = Object.keys(AT_FIRST) as (keyof typeof AT_FIRST)[]
    expect(rows.slice(3, 3 + names.length)).toEqual(
      names.map((name, i) => {
        const a = AT_FIRST[name]
        const [school, subject] = name === '王芳' ? ['育秀实验学校', '语文'] : ['', '']
        return [i + 1, name, school, subject, '', a.in ?? '', a.out ?? '', a.word]
      }),
    )
    // Blank lines to sign by hand follow.
    expect(rows.slice(3 + names.length, 3 + names.length + 5).map((r) => r[0])).toEqual([9, 10, 11, 12, 13])
    const second = rows.findIndex((r) => r[0] === '#2「区级教研」签到表')
    expect(rows[second + 3]).toEqual([1, '王芳', '育秀实验学校', '语文', '', '13:59', '', '出席'])
  })
})

describe('the 统计 sheet', () => {
  it('counts sign-ups, sessions attended, 请假, 缺席 and 学时 per teacher and per school', () => {
    const rows = rowsOf(back.getWorksheet('统计')!)
    expect(rows[0]).toEqual(['学校/教师', '学校', '学科', '组织活动', '报名人次', '出席次数', '请假', '缺席', '学时', '提问', '回答'])
    const row = (who: string) => rows.filter((r) => r[0] === who).at(-1)!.slice(3)
    expect(row('王芳')).toEqual([0, 3, 3, 0, 0, 5.5, 0, 0])
    expect(row('李明')).toEqual([0, 1, 1, 0, 0, 0, 0, 0])
    expect(row('周强')).toEqual([0, 1, 0, 0, 1, 0, 0, 0])
    expect(row('孙丽')).toEqual([0, 1, 0, 1, 0, 0, 0, 0])
    expect(row('王佩红')).toEqual([0, 1, 1, 0, 0, 5, 0, 0])
    expect(row('我')).toEqual([3, 0, 0, 0, 0, 0, 0, 0])
    expect(row('育秀实验学校')).toEqual([0, 3, 3, 0, 0, 5.5, 0, 0])
    expect(row('（未登记学校）')).toEqual([3, 7, 5, 1, 1, 10, 0, 0])
  })
})
