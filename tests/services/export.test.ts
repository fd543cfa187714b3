import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { inTx } from '../../src/db/client.ts'
import { buildWorkbook, sheetCsv, workbookBytes } from '../../src/services/export.ts'
import { OPERATOR } from '../../src/services/question-access.ts'
import { ROOT } from '../helpers/console-process.ts'
import { bindAsAdmin, createHarness, type Harness } from '../helpers/harness.ts'
import { copiesOf, spreadOccurrences } from '../helpers/seed-bulk.ts'

let h: Harness
beforeEach(async () => {
  h = await createHarness('2026-11-20T09:00:00+08:00')
  await h.say('/学期 2026-09-01 2027-01-22 第一学期')
  await h.say('/排期 11月25日 13:30-16:00 联合教研 语文 @育秀实验学校 名额2')
  await h.say('/排期 12月2日 14:00 名师讲堂 主持 王佩红')
  await h.say('/我是 王芳 育秀实验学校 语文 教龄5', { as: '王芳' })
  for (const who of ['王芳', '李明', '赵丽']) await h.say('/报名 1', { as: who })
  await h.say('/报名 2 陈刚')
  await h.say('/工作室 创建 语文工作室 导师 王佩红')
  await h.say('/ping', { as: '王佩红' })
  await h.say('/确认 王佩红')
  await h.say('/结对 1 王佩红 李明')
  await h.say('/提问 如何设计单元作业？', { as: '王芳' })
  await h.say('/匿名提问 怎么和家长沟通？', { as: '李明' })
  await h.say('/回答 1 先定单元目标。', { as: '王佩红' })
})
afterEach(() => h.close())

/** The workbook as Excel would open it: written to bytes and read back with exceljs. */
async function readBack() {
  const wb = await inTx(h.app.db, (tx) => buildWorkbook(tx, { districtId: 1, from: '2026-09-01', to: '2027-01-22', reader: OPERATOR }))
  const back = new ExcelJS.Workbook()
  await back.xlsx.load(await workbookBytes(wb) as unknown as ArrayBuffer)
  return { wb, back }
}

const rowsOf = (ws: ExcelJS.Worksheet) => {
  const rows: unknown[][] = []
  ws.eachRow({ includeEmpty: false }, (row) => rows.push((row.values as unknown[]).slice(1)))
  return rows
}

describe('the archive workbook', () => {
  it('has the seven sheets with Chinese headers and widths', async () => {
    const { back } = await readBack()
    expect(back.worksheets.map((w) => w.name)).toEqual(['活动', '报名名单', '签到', '答疑', '师徒结对', '统计', '学时登记表'])
    expect(rowsOf(back.getWorksheet('活动')!)[0]).toEqual(['活动编号', '活动名称', '学科', '地点', '开始时间', '结束时间', '排期写法', '组织者', '主持', '工作室', '名额', '已报名', '候补', '状态'])
    expect(back.getWorksheet('活动')!.getColumn(2).width).toBe(28)
  })

  it('matches the database cell by cell: activities in local time, lists, questions, pairs', async () => {
    const { back } = await readBack()
    const activities = rowsOf(back.getWorksheet('活动')!).slice(1)
    const stored = await h.app.db.activity.findMany({ include: { occurrences: true, signups: true, organizer: true }, orderBy: { id: 'asc' } })
    expect(activities).toHaveLength(stored.length)
    for (const [i, a] of stored.entries()) {
      const row = activities[i]!
      expect(row[0]).toBe(a.id)
      expect(row[1]).toBe(a.title)
      expect(row[6]).toBe(a.whenText)
      expect(row[11]).toBe(a.signups.filter((s) => s.status === 'confirmed').length)
    }
    // 13:30 in Shanghai shows as 13:30, not as UTC.
    expect(activities[0]!.slice(0, 6)).toEqual([1, '联合教研', '语文', '育秀实验学校', new Date('2026-11-25T13:30:00Z'), new Date('2026-11-25T16:00:00Z')])
    expect(activities[0]!.slice(10)).toEqual([2, 2, 1, '已安排'])

    const signups = rowsOf(back.getWorksheet('报名名单')!).slice(1)
    expect(signups.map((r) => [r[0], r[2], r[3], r[4], r[6], r[8]])).toEqual([
      [1, 1, '王芳', '育秀实验学校', '已报名', undefined],
      [1, 2, '李明', undefined, '已报名', undefined],
      [1, 3, '赵丽', undefined, '候补', undefined],
      [2, 1, '陈刚', undefined, '已报名', '我'],
    ].map((r) => r.map((v) => v ?? '')))

    const qa = rowsOf(back.getWorksheet('答疑')!).slice(1)
    expect(qa.map((r) => [r[0], r[1], r[2], r[3], r[4], r[6], r[7]])).toEqual([
      [1, '语文工作室', '王芳', '', '如何设计单元作业？', '王佩红', '先定单元目标。'],
      [2, '语文工作室', '李明', '是', '怎么和家长沟通？', '', ''],
    ])
    expect(rowsOf(back.getWorksheet('师徒结对')!).slice(1).map((r) => r.slice(0, 5))).toEqual([['语文工作室', '王佩红', '李明', '', '已结对']])
  })

  it('every cell of 活动, 报名名单, 答疑 and 师徒结对 is what the database holds', async () => {
    const { back } = await readBack()
    // Shanghai has no summer time: its wall clock is UTC + 8 h, written as an Excel date.
    const wall = (d: Date) => new Date(Math.floor((d.getTime() + 8 * 3600_000) / 60_000) * 60_000)
    const nameOf = (m: { realName: string | null; displayName: string }) => m.realName ?? m.displayName
    const db = h.app.db
    const activities = await db.activity.findMany({
      include: { occurrences: { orderBy: { startAt: 'asc' } }, signups: { include: { member: true }, orderBy: { seq: 'asc' } }, organizer: true, workshop: true },
      orderBy: { id: 'asc' },
    })
    const count = (a: (typeof activities)[number], status: string) => a.signups.filter((s) => s.status === status).length
    expect(rowsOf(back.getWorksheet('活动')!).slice(1)).toEqual(
      activities.flatMap((a) =>
        a.occurrences.map((o) => [
          a.id, a.title, a.subject ?? '', a.place ?? '', wall(o.startAt), o.endAt ? wall(o.endAt) : '', a.whenText,
          nameOf(a.organizer), a.host ?? '', a.workshop?.name ?? '', a.capacity ?? '', count(a, 'confirmed'), count(a, 'waiting'), '已安排',
        ]),
      ),
    )
    const members = new Map((await db.member.findMany()).map((m) => [m.id, m]))
    const statusName: Record<string, string> = { confirmed: '已报名', waiting: '候补', cancelled: '已取消' }
    expect(rowsOf(back.getWorksheet('报名名单')!).slice(1)).toEqual(
      activities.flatMap((a) =>
        a.signups.map((s, i) => [
          a.id, a.title, i + 1, nameOf(s.member), s.member.school ?? '', s.member.subject ?? '', statusName[s.status],
          wall(s.signedUpAt), s.byId && s.byId !== s.memberId ? nameOf(members.get(s.byId)!) : '',
        ]),
      ),
    )
    const questions = await db.question.findMany({ include: { asker: true, workshop: true, answers: { include: { author: true }, orderBy: { answeredAt: 'asc' } } }, orderBy: { id: 'asc' } })
    expect(rowsOf(back.getWorksheet('答疑')!).slice(1)).toEqual(
      questions.flatMap((q) => {
        const base = [q.id, q.workshop?.name ?? '', nameOf(q.asker), q.anonymous ? '是' : '', q.text, wall(q.askedAt)]
        return q.answers.length ? q.answers.map((a) => [...base, nameOf(a.author), a.text, wall(a.answeredAt)]) : [[...base, '', '', '']]
      }),
    )
    const mentees = await db.mentee.findMany({ include: { workshop: true, member: true, mentor: true }, orderBy: { id: 'asc' } })
    expect(rowsOf(back.getWorksheet('师徒结对')!).slice(1)).toEqual(
      mentees.map((m) => [m.workshop.name, m.mentor ? nameOf(m.mentor) : '', nameOf(m.member), m.member.school ?? '', m.status === 'approved' ? '已结对' : '待审核', wall(m.approvedAt ?? m.appliedAt),
        // 听课 this term: none recorded in this workbook's term.
        m.mentorId === null ? '' : 0]),
    )
  })

  it('prints a sign-in sheet per session with the confirmed names and blank lines', async () => {
    const { back } = await readBack()
    const rows = rowsOf(back.getWorksheet('签到')!)
    expect(rows[0]).toEqual(['#1「联合教研」签到表'])
    expect(rows[1]).toEqual(['时间：2026-11-25 13:30    地点：育秀实验学校'])
    expect(rows[2]).toEqual(['序号', '姓名', '学校', '学科', '签到（签名）', '签到时间', '签退时间', '出勤'])
    expect(rows.slice(3, 5).map((r) => r.slice(0, 4))).toEqual([[1, '王芳', '育秀实验学校', '语文'], [2, '李明', '', '']])
    expect(rows.filter((r) => String(r[0]).endsWith('签到表'))).toHaveLength(2)
  })

  it('counts per school and per teacher', async () => {
    const { back } = await readBack()
    const rows = rowsOf(back.getWorksheet('统计')!)
    const teacher = (name: string) => rows.find((r) => r[0] === name)!
    // Organized, signed up, attended, 请假, 缺席, 学时, asked, answered: nobody checked in, and the archive counts every session as held.
    expect(teacher('我').slice(3)).toEqual([2, 0, 0, 0, 0, 0, 0, 0])
    expect(teacher('王芳').slice(3)).toEqual([0, 1, 0, 0, 1, 0, 1, 0])
    expect(teacher('王佩红').slice(3)).toEqual([0, 0, 0, 0, 0, 0, 0, 1])
    expect(rows.find((r) => r[0] === '育秀实验学校')!.slice(3)).toEqual([0, 1, 0, 0, 1, 0, 1, 0])
  })

  it('writes CSV with a UTF-8 BOM and local times', async () => {
    const { wb } = await readBack()
    const csv = await sheetCsv(wb, '活动')
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = csv.toString('utf8').slice(1).split('\r\n')
    expect(lines[0]).toBe('活动编号,活动名称,学科,地点,开始时间,结束时间,排期写法,组织者,主持,工作室,名额,已报名,候补,状态')
    expect(lines[1]).toBe('1,联合教研,语文,育秀实验学校,2026-11-25 13:30,2026-11-25 16:00,11月25日 13:30-16:00,我,,,2,2,1,已安排')
  })

  it('npm run export writes the workbook and the CSVs', async () => {
    const out = path.join(h.config.dataDir, 'out')
    const run = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/export.ts', '--district', '示范学区', '--term', '第一学期', '--out', out], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: h.config.DATABASE_URL, DATA_DIR: h.config.dataDir },
      encoding: 'utf8',
    })
    expect(run.stderr).not.toMatch(/Error/)
    const files = run.stdout.trim().split('\n')
    // The term's sessions (November 2026) have been held by the real clock the script reads: their records come in a .zip.
    expect(files.map((f) => path.basename(f))).toEqual([
      '示范学区-第一学期-档案.xlsx',
      '示范学区-第一学期-档案.zip',
      ...['活动', '报名名单', '签到', '答疑', '师徒结对', '统计', '学时登记表'].map((s) => `示范学区-第一学期-档案-${s}.csv`),
    ])
    const back = new ExcelJS.Workbook()
    await back.xlsx.load(readFileSync(files[0]!) as unknown as ArrayBuffer)
    expect(back.getWorksheet('报名名单')!.rowCount).toBe(5)
  })

  it('holds a term of 5 000 activities, as a 5 000-line 行事历 makes (more rows than one statement binds)', async () => {
    const made = await copiesOf(h.app.db, 2, 5000, (i) => ({ title: `联合教研第${i + 1}次`, importKey: `key-${i}` }))
    await spreadOccurrences(h.app.db, made, '2026-11-24', 56)
    const me = await h.app.db.member.findFirstOrThrow({ where: { displayName: '王芳' } })
    await h.app.db.signup.createMany({ data: made.map((a, i) => ({ activityId: a.id, memberId: me.id, status: 'confirmed', seq: 1, signedUpAt: new Date(1_800_000_000_000 + i) })) })
    const wb = await inTx(h.app.db, (tx) => buildWorkbook(tx, { districtId: 1, from: '2026-09-01', to: '2027-01-22', reader: OPERATOR }))
    const rows = rowsOf(wb.getWorksheet('活动')!).slice(1)
    expect(rows.map((r) => r[1])).toEqual(['联合教研', '名师讲堂', ...made.map((a) => a.title)])
    expect(wb.getWorksheet('报名名单')!.rowCount).toBe(1 + 4 + 5000)
    const wang = rowsOf(wb.getWorksheet('统计')!).find((r) => r[0] === '王芳')!
    expect(wang[4]).toBe(5001)
  }, 60_000)
})

describe('/导出 in chat', () => {
  const wechat = { platform: 'wechat' as const, chat: 'wx-room', title: '育秀语文群' }

  const bindRoom = () => bindAsAdmin(h, wechat, '张主任', 'wx-zhang')

  it('in a group, sends the workbook to the admin\'s direct chat and says so in the group', async () => {
    await bindRoom()
    expect(await h.say('/导出', { ...wechat, as: '张主任', id: 'wx-zhang' })).toEqual([
      '导出的档案含个人信息，只发到私聊：请先私聊我发送任意一条消息（例如 /ping），再在群里发送 /导出。',
    ])
    await h.say('/ping', { platform: 'wechat', as: '张主任', id: 'wx-zhang', direct: true, chat: 'wx-zhang' })
    const { sent } = await h.send('/导出', { ...wechat, as: '张主任', id: 'wx-zhang' })
    expect(sent.map((m) => [m.chat.chatId, m.text, Boolean(m.file)])).toEqual([
      ['wx-zhang', '档案「示范学区-第一学期-档案.xlsx」：', true],
      ['wx-room', '已把「示范学区-第一学期-档案.xlsx」发到您的私聊，请查收。', false],
    ])
    const back = new ExcelJS.Workbook()
    await back.xlsx.load(Buffer.from(sent[0]!.file!.base64, 'base64') as unknown as ArrayBuffer)
    expect(back.getWorksheet('报名名单')!.rowCount).toBe(5)
  })

  it('an organizer\'s export holds their activities and their workshops\' questions and pairs, anonymous askers unnamed; an admin\'s everything', async () => {
    await h.say('/授权 @王佩红 组织者', { mentions: [{ id: '王佩红', name: '王佩红' }] })
    await h.say('/工作室 创建 数学工作室 导师 曹益君')
    await h.say('/ping', { as: '曹益君' })
    await h.say('/确认 曹益君')
    await h.say('/结对 2 曹益君 陈刚')
    await h.say('/提问 工作室2 怎么上好复习课？', { as: '赵丽' })
    await h.say('/匿名提问 工作室1 我想换导师怎么办？', { as: '李明', direct: true, chat: 'dm-li' })
    await h.say('/排期 12月9日 14:00 工作室沙龙 工作室1', { as: '王佩红' })
    const exported = async (as: string) => {
      const { sent } = await h.send('/导出', { as, direct: true, chat: `dm-${as}` })
      const back = new ExcelJS.Workbook()
      await back.xlsx.load(Buffer.from(sent[0]!.file!.base64, 'base64') as unknown as ArrayBuffer)
      return back
    }
    const own = await exported('王佩红')
    // Named for the organizer: never taken for, or saved over, the district's archive.
    const { sent: ownSent } = await h.send('/导出', { as: '王佩红', direct: true, chat: 'dm-王佩红' })
    expect(ownSent[0]!.file!.name).toBe('示范学区-第一学期-档案（王佩红组织的活动）.xlsx')
    expect(rowsOf(own.getWorksheet('活动')!).slice(1).map((r) => [r[0], r[1]])).toEqual([[3, '工作室沙龙']])
    expect(rowsOf(own.getWorksheet('答疑')!).slice(1).map((r) => r.slice(0, 5))).toEqual([
      [1, '语文工作室', '王芳', '', '如何设计单元作业？'],
      [2, '语文工作室', '匿名', '是', '怎么和家长沟通？'],
      [4, '语文工作室', '匿名', '是', '我想换导师怎么办？'],
    ])
    expect(rowsOf(own.getWorksheet('师徒结对')!).slice(1).map((r) => r.slice(0, 3))).toEqual([['语文工作室', '王佩红', '李明']])
    // Nothing in the file ties 李明 to a question: not the Q&A, not a count.
    for (const sheet of ['答疑', '统计']) expect(JSON.stringify(rowsOf(own.getWorksheet(sheet)!)), sheet).not.toContain('李明')
    expect(rowsOf(own.getWorksheet('统计')!).find((r) => r[0] === '王芳')!.slice(3)).toEqual([0, 0, 0, 0, 0, 0, 1, 0])

    // A mentor who organizes nothing still gets their workshop's Q&A.
    await h.say('/授权 @曹益君 组织者', { mentions: [{ id: '曹益君', name: '曹益君' }] })
    const math = await exported('曹益君')
    expect(rowsOf(math.getWorksheet('活动')!)).toHaveLength(1)
    expect(rowsOf(math.getWorksheet('答疑')!).slice(1).map((r) => [r[0], r[2]])).toEqual([[3, '赵丽']])

    const all = await exported('我')
    expect(rowsOf(all.getWorksheet('活动')!).slice(1).map((r) => r[0])).toEqual([1, 2, 3])
    expect(rowsOf(all.getWorksheet('答疑')!).slice(1).map((r) => [r[0], r[2]])).toEqual([[1, '王芳'], [2, '李明'], [3, '赵丽'], [4, '李明']])
  })

  it('/导出 12 exports one activity; an organizer only their own; a teacher not at all', async () => {
    const { sent } = await h.send('/导出 1')
    expect(sent[0]!.file!.name).toBe('#1-联合教研-名单.xlsx')
    const back = new ExcelJS.Workbook()
    await back.xlsx.load(Buffer.from(sent[0]!.file!.base64, 'base64') as unknown as ArrayBuffer)
    expect(rowsOf(back.getWorksheet('活动')!).slice(1).map((r) => r[0])).toEqual([1])
    await h.say('/授权 @李明 组织者', { mentions: [{ id: '李明', name: '李明' }] })
    expect(await h.say('/导出 1', { as: '李明' })).toEqual(['组织者只能导出自己组织的活动，例如：/导出 12'])
    expect(await h.say('/导出', { as: '李明' })).toEqual(['没有可导出的活动。'])
    expect(await h.say('/导出', { as: '赵丽' })).toEqual(['抱歉，/导出 只有学区管理员和组织者可以使用。如需权限，请联系学区管理员。'])
  })
})
