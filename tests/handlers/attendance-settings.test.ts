import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHarness, type Harness } from '../helpers/harness.ts'
import { takeAttendanceSetting } from '../../src/services/args/attendance-args.ts'
import { readShare } from '../../handlers/district-rules.ts'

let h: Harness
beforeAll(async () => {
  h = await createHarness('2026-09-01T09:00:00+08:00')
  await h.say('/学期 2026-09-01 2027-01-22 第一学期')
  await h.say('/排期 第4周周一 14:00-16:30 主题式联合教研 中小学语文 @育秀实验学校 主持 王佩红')
  await h.say('/报名 1', { as: '王芳' })
})
afterAll(() => h.close())

const activity = () => h.app.db.activity.findUniqueOrThrow({ where: { id: 1 } })
const district = () => h.app.db.district.findFirstOrThrow()

describe('/设置 12 签到, 签到码, 请假审批, 学时, 级别, 主讲', () => {
  it('sets each and repeats the attendance settings in the reply', async () => {
    const [reply] = await h.say('/设置 1 签到 前15分钟 后1小时 签到码 请假审批 学时 3 级别 区级 主讲 李明')
    expect(await activity()).toMatchObject({
      checkinBefore: 15, checkinAfter: 60, checkinCode: true, leaveApproval: true, hours: 3, level: 'county', presenter: '李明', host: '王佩红',
    })
    expect(reply).toContain('签到：开始前 15 分钟至结束后 60 分钟可签到、签退')
    expect(reply).toContain('签到需现场签到码：组织者私聊我发送 /签到码 1 获取')
    expect(reply).toContain('请假需组织者审批（/准假 1 姓名）')
    expect(reply).toContain('学时：每次 3（区级）')
    expect(reply).toContain('主讲：李明')
  })

  it('turns each back, the way a clerk writes it', async () => {
    await h.say('/设置 1 签到 默认 不用签到码 无需审批 学时 默认 集团级')
    expect(await activity()).toMatchObject({ checkinBefore: null, checkinAfter: null, checkinCode: false, leaveApproval: false, hours: null, level: 'district' })
    await h.say('/设置 1 签到前半小时 学时2.5 级别：校级')
    expect(await activity()).toMatchObject({ checkinBefore: 30, hours: 2.5, level: 'school' })
    await h.say('/设置 1 不计学时')
    expect((await activity()).hours).toBe(0)
  })

  it('refuses a bad window, hours or level with a correct example and changes nothing', async () => {
    const before = await activity()
    const cases: [string, string][] = [
      ['/设置 1 签到 前500分钟', '/设置 1 签到 前30分钟 后30分钟'],
      ['/设置 1 签到', '/设置 1 签到 前30分钟 后30分钟'],
      ['/设置 1 学时 三个', '/设置 1 学时 3'],
      ['/设置 1 学时 99', '/设置 1 学时 3'],
      ['/设置 1 级别 国家级', '/设置 1 级别 区级'],
      ['/设置 1 学时 4 签到 前5天', '/设置 1 签到 前30分钟 后30分钟'],
    ]
    for (const [line, example] of cases) {
      const [reply] = await h.say(line)
      expect(reply, line).toContain(example)
    }
    expect(await activity()).toEqual(before)
  })

  it('keeps a level word inside a title as part of it', async () => {
    expect(takeAttendanceSetting(['名称', '区级', '展示课'], 1, false)).toBeNull()
    expect(takeAttendanceSetting(['区级'], 0)).toEqual({ taken: 1, patch: { level: 'county' } })
  })

  it('is the organizer\'s: a teacher is refused', async () => {
    const before = await activity()
    const [reply] = await h.say('/设置 1 学时 8', { as: '王芳' })
    expect(reply).toMatch(/只有|组织者|管理员/)
    expect(await activity()).toEqual(before)
  })
})

describe('/设置 学时 and /设置 听课 (the district\'s rules)', () => {
  it('sets the multiples and the share, and shows them', async () => {
    const [reply] = await h.say('/设置 学时 主讲 2倍 主持 1.5倍 缺勤 1/4')
    expect(await district()).toMatchObject({ presenterFactor: 2, hostFactor: 1.5, missShare: 0.25 })
    expect(reply).toBe('已设置。本学区的学时规则：主讲 2 倍，主持 1.5 倍；迟到、早退合计达到一次活动时长的四分之一（25%），该次不计学时。')
    await h.say('/设置 学时 缺勤 五分之一')
    expect((await district()).missShare).toBeCloseTo(0.2)
    expect(await h.say('/设置 学时')).toEqual([expect.stringContaining('五分之一（20%）')])
  })

  it('reads shares the ways they are written', () => {
    expect(readShare('1/5')).toBeCloseTo(0.2)
    expect(readShare('20%')).toBeCloseTo(0.2)
    expect(readShare('0.2')).toBeCloseTo(0.2)
    expect(readShare('三分之一')).toBeCloseTo(1 / 3)
    expect(readShare('0')).toBeNull()
    expect(readShare('6/5')).toBeNull()
  })

  it('refuses bad rules and changes nothing', async () => {
    const before = await district()
    expect(await h.say('/设置 学时 主讲 20倍')).toEqual([expect.stringContaining('/设置 学时 主讲 2倍')])
    expect(await h.say('/设置 学时 缺勤 很多')).toEqual([expect.stringContaining('/设置 学时 缺勤 1/5')])
    expect(await h.say('/设置 学时 随便')).toEqual([expect.stringContaining('/设置 学时 主讲 2倍')])
    expect(await h.say('/设置 听课 每天')).toEqual([expect.stringContaining('/设置 听课 每学期 2次')])
    expect(await district()).toEqual(before)
  })

  it('sets the 听课 minimum; a teacher may not', async () => {
    expect(await h.say('/设置 听课 每学期 3次')).toEqual([expect.stringContaining('每对师徒每学期至少 3 次')])
    expect((await district()).observationsPerTerm).toBe(3)
    await h.say('/设置 听课 不限')
    expect((await district()).observationsPerTerm).toBe(0)
    await h.say('/设置 听课 学时 每学期 5次', { as: '王芳' })
    expect((await district()).observationsPerTerm).toBe(0)
  })
})

describe('/排期 takes the same settings', () => {
  it('reads 签到码, 请假审批, 学时 and 级别 written with the activity, and keeps 签到表 in a title', async () => {
    const [reply] = await h.say('/排期 12月9日 14:00-16:00 读书分享 请假审批 签到码 学时 2 级别 区级')
    const made = await h.app.db.activity.findFirstOrThrow({ orderBy: { id: 'desc' } })
    expect(made).toMatchObject({ title: '读书分享', leaveApproval: true, checkinCode: true, hours: 2, level: 'county' })
    expect(reply).toContain(`请假需组织者审批（/准假 ${made.id} 姓名）`)
    await h.say('/排期 12月10日 14:00 签到表 设计研讨')
    expect((await h.app.db.activity.findFirstOrThrow({ orderBy: { id: 'desc' } })).title).toBe('签到表 设计研讨')
  })
})
