import { existsSync } from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'
import mammoth from 'mammoth'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readAtMost } from '../../src/core/read-at-most.ts'
import { buildMessage, createHarness, type Harness } from '../helpers/harness.ts'
import { readZip } from '../helpers/read-zip.ts'
import { PNG } from '../helpers/images.ts'

let h: Harness
const photo = (name = 'IMG_0001.png') => ({ file: { name, bytes: PNG, kind: 'image' as const } })
const count = () => h.app.db.archiveFile.count()
const staged = () => h.app.db.recentFile.count()

beforeAll(async () => {
  // Thursday 3 December 2026, before the session (14:00-15:30; its 签到 window 13:30-16:00).
  h = await createHarness('2026-12-03T10:00:00+08:00')
  await h.say('/学期 2026-09-01 2027-01-22 第一学期')
  await h.say('/排期 12月3日 14:00-15:30 主题式联合教研 语文 @育秀实验学校 主持 王芳')
  await h.app.db.activity.update({ where: { id: 1 }, data: { presenter: '李明' } })
  for (const who of ['李明', '赵丽', '陈刚']) await h.say('/报名 1', { as: who })
  await h.say('/我是 王芳 育秀实验学校 语文', { as: '王芳' })
  await h.say('/我是 李明 西渡学校 语文', { as: '李明' })
  // A host counts only when they hold a role: a name anyone may give themselves grants nothing alone.
  await h.say('/授权 @王芳 导师', { mentions: [{ id: '王芳', name: '王芳' }] })
  const [li, zhao] = await Promise.all(['李明', '赵丽'].map((n) => h.app.db.account.findFirstOrThrow({ where: { userId: n } })))
  const session = await h.app.db.occurrence.findFirstOrThrow({ where: { activityId: 1 } })
  const at = (t: string) => new Date(`2026-12-03T${t}:00+08:00`)
  await h.app.db.attendance.create({ data: { occurrenceId: session.id, activityId: 1, memberId: li!.memberId, status: 'present', checkInAt: at('13:55'), checkOutAt: at('15:31'), via: 'self', updatedAt: at('15:31') } })
  await h.app.db.leave.create({ data: { occurrenceId: session.id, activityId: 1, memberId: zhao!.memberId, reason: '外出培训', status: 'approved', askedAt: at('09:00') } })
  // 李明 asked 请假 too, and came after all: he is listed as present only.
  await h.app.db.leave.create({ data: { occurrenceId: session.id, activityId: 1, memberId: li!.memberId, reason: '学校有事', status: 'approved', askedAt: at('08:00') } })
})
afterAll(() => h.close())

describe('/记录 and photos during the session', () => {
  it('refuses before the session is held, and anyone but the organizer, host or an admin', async () => {
    expect(await h.say('/记录 1 研讨了单元作业')).toEqual(['#1 还没有举行过，举行后再记录。'])
    h.setNow('2026-12-03T14:10:00+08:00')
    expect(await h.say('/记录 1 研讨了单元作业', { as: '赵丽' })).toEqual(['只有这项活动的组织者、学区管理员，以及有角色（组织者、导师）的主持人、主讲人可以记录、归档。'])
    // The presenter by name, holding no role: refused (anyone may write 「/我是 李明」).
    expect(await h.say('/记录 1 研讨了单元作业', { as: '李明' })).toEqual(['只有这项活动的组织者、学区管理员，以及有角色（组织者、导师）的主持人、主讲人可以记录、归档。'])
    expect(await h.say('/记录 研讨了单元作业')).toEqual(['请写上活动编号，例如：/记录 12 围绕单元作业设计开展研讨'])
    expect(await h.say('/记录 1')).toEqual(['请在编号后写上本次活动的纪要，例如：/记录 1 围绕单元作业设计开展研讨，确定下次由育秀实验学校上研究课。'])
    expect(await h.say(`/记录 1 ${'长'.repeat(2001)}`)).toEqual(['纪要最多 2000 字，请精简后再发，例如：/记录 1 围绕单元作业设计开展研讨。'])
    expect(await h.say('/记录 1 12月10日 研讨了单元作业')).toEqual(['#1 在12月10日(周四)没有举行的场次。举行过的一次例如：/记录 1 12月3日 围绕单元作业设计开展研讨'])
    expect(await h.app.db.sessionRecord.count()).toBe(0)
  })

  it('keeps the summary of the host (a mentor going by that name), and replaces it when sent again', async () => {
    expect(await h.say('/记录 1 研讨了单元作业', { as: '王芳' })).toEqual(['已记录 #1「主题式联合教研」12月3日(周四)的活动纪要。导出档案时写入教研活动记录表。'])
    expect(await h.say('/记录 1 12月3日 围绕单元作业设计开展研讨。\n确定下次由育秀实验学校上研究课。')).toEqual([
      '已更新 #1「主题式联合教研」12月3日(周四)的活动纪要（替换了之前的纪要）。',
    ])
    const record = await h.app.db.sessionRecord.findFirstOrThrow()
    expect(record.summary).toBe('围绕单元作业设计开展研讨。\n确定下次由育秀实验学校上研究课。')
  })

  it('keeps photos the admin and the host post in the window, each once; a teacher\'s photo is never downloaded', async () => {
    expect(await h.say('', photo())).toEqual(['已归档到 #1 12月3日(周四)的活动记录（照片 1）'])
    expect(await h.say('', { as: '王芳', ...photo('../../课堂.png') })).toEqual(['已归档到 #1 12月3日(周四)的活动记录（照片 2）'])
    // The same message again (a redelivery): kept once.
    const again = buildMessage('', 900, new Date('2026-12-03T14:20:00+08:00'), photo('x.png'))
    await h.app.dispatch(again)
    await h.app.dispatch(again)
    expect(await count()).toBe(3)
    let pulled = 0
    const teacher = buildMessage('', 901, new Date('2026-12-03T14:21:00+08:00'), { as: '赵丽' })
    const before = h.sent.length
    await h.app.dispatch({ ...teacher, file: { name: 'a.png', kind: 'image', fetch: async (max) => (pulled++, readAtMost(Readable.from([PNG]), max)) } })
    expect([pulled, h.sent.length - before, await count(), await staged()]).toEqual([0, 0, 3, 0])
    const files = await h.app.db.archiveFile.findMany({ orderBy: { id: 'asc' } })
    expect(files.map((f) => f.name)).toEqual(['IMG_0001.png', '课堂.png', 'x.png'])
    for (const f of files) {
      expect(f.path.startsWith('archive/1/1/2026-12-03/')).toBe(true)
      expect(existsSync(path.join(h.config.dataDir, f.path))).toBe(true)
    }
  })
})

describe('/归档 after the session', () => {
  it('stages an admin\'s photo quietly, and links it with /归档 1 sent right after', async () => {
    h.setNow('2026-12-03T17:00:00+08:00')
    expect(await h.say('', photo('after.png'))).toEqual([])
    expect([await staged(), await count()]).toEqual([1, 3])
    expect(await h.say('/归档 1')).toEqual(['已归档到 #1「主题式联合教研」12月3日(周四)的活动记录：照片 1。这次活动现有照片 4。'])
    expect([await staged(), await count()]).toEqual([0, 4])
  })

  it('links the photo a /归档 quotes; refuses with nothing to link, or from a teacher, changing nothing', async () => {
    const { sent } = await h.send('', { file: { name: '总结.pdf', bytes: Buffer.from('%PDF-1.4') } })
    expect(sent).toEqual([])
    const pdf = await h.app.db.recentFile.findFirstOrThrow()
    h.setNow('2026-12-03T17:30:00+08:00')
    expect(await h.say('/归档 1', { as: '赵丽', replyTo: { id: pdf.messageId } })).toEqual(['只有这项活动的组织者、学区管理员，以及有角色（组织者、导师）的主持人、主讲人可以记录、归档。'])
    expect(await h.say('/归档 1')).toEqual(['没有找到可以归档的照片或文件：请在发完照片后 10 分钟内发送 /归档 1，或回复（引用）照片发送 /归档 1（照片保留 1 小时）。'])
    expect(await h.say('/归档 1 12月4日', { replyTo: { id: pdf.messageId } })).toEqual([
      '#1 在12月4日(周五)没有举行的场次。举行过的一次例如：/归档 1 12月3日',
    ])
    expect(await staged()).toBe(1)
    expect(await h.say('/归档 1', { replyTo: { id: pdf.messageId } })).toEqual(['已归档到 #1「主题式联合教研」12月3日(周四)的活动记录：文件 1。这次活动现有照片 4、文件 1。'])
    expect(await h.say('/归档 1', { replyTo: { id: pdf.messageId } })).toEqual(['这个文件已经归档在 #1 12月3日(周四)的活动记录里了。'])
  })

  it('clears a staged file after an hour', async () => {
    await h.say('', photo('forgotten.png'))
    const kept = await h.app.db.recentFile.findFirstOrThrow()
    expect(existsSync(path.join(h.config.dataDir, kept.path))).toBe(true)
    h.setNow('2026-12-03T18:45:00+08:00')
    await h.say('', photo('later.png'))
    expect((await h.app.db.recentFile.findMany()).map((f) => f.name)).toEqual(['later.png'])
    expect(existsSync(path.join(h.config.dataDir, kept.path))).toBe(false)
  })
})

describe('/导出 with the 教研活动记录表', () => {
  it('/导出 1 sends one zip: the workbook, the session\'s 记录表 and its photos and files', async () => {
    const { sent } = await h.send('/导出 1')
    expect(sent.map((m) => m.file?.name)).toEqual(['#1-主题式联合教研-名单.zip'])
    const zip = await readZip(Buffer.from(sent[0]!.file!.base64, 'base64'))
    const folder = '照片和资料/#1-主题式联合教研/2026-12-03/'
    expect([...zip.keys()].map((k) => k.replace(/^照片和资料\/#1-主题式联合教研\/2026-12-03\/[0-9a-f]{10}-/, folder))).toEqual([
      '#1-主题式联合教研-名单.xlsx',
      '教研活动记录表/#1-主题式联合教研-2026-12-03-教研活动记录表.docx',
      `${folder}IMG_0001.png`, `${folder}课堂.png`, `${folder}x.png`, `${folder}after.png`, `${folder}总结.pdf`,
    ])
    const docx = zip.get('教研活动记录表/#1-主题式联合教研-2026-12-03-教研活动记录表.docx')!
    const { value: text } = await mammoth.extractRawText({ buffer: docx })
    for (const part of ['#1 主题式联合教研', '2026年12月3日(周四) 14:00-15:30', '育秀实验学校', '王芳', '李明', '李明（西渡学校） 13:55-15:31', '请假（1人）\n\n赵丽：外出培训', '缺席（1人）\n\n陈刚', '确定下次由育秀实验学校上研究课。', '活动照片（4张）', '总结.pdf']) {
      expect(text).toContain(part)
    }
    expect(text).not.toContain('学校有事')
    const { value: html } = await mammoth.convertToHtml({ buffer: docx })
    expect(html.match(/<img /g)).toHaveLength(4)
  })

  it('the term\'s /导出 is one zip named for the term', async () => {
    await h.say('/排期 12月20日 14:00 期末交流')
    const { sent } = await h.send('/导出')
    expect(sent.map((m) => m.file?.name)).toEqual(['示范学区-第一学期-档案.zip'])
    const names = [...(await readZip(Buffer.from(sent[0]!.file!.base64, 'base64'))).keys()]
    expect(names.slice(0, 2)).toEqual(['示范学区-第一学期-档案.xlsx', '教研活动记录表/#1-主题式联合教研-2026-12-03-教研活动记录表.docx'])
    expect(names.filter((n) => n.includes('期末交流'))).toEqual([])
  })
})
