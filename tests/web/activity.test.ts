/**
 * The 活动 pages as staff read them: the district's list (to come first, over,
 * searched, paged) and one activity's page (details, sessions, roster,
 * waiting list, 请假, check-ins and 学时), with names and reasons shown only
 * to those the chat's /名单 shows them to.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { texts } from '../../src/core/texts/index.ts'
import type { WebHarness } from '../helpers/web.ts'
import { ADMIN, GROUP, ORGANIZER, activityFixture, textOf } from './activity-fixture.ts'

let web: WebHarness
beforeEach(async () => {
  ;({ web } = await activityFixture())
})
afterEach(async () => web.close())

const order = (text: string, ...parts: string[]) => parts.map((p) => text.indexOf(p))

describe('the list of activities', () => {
  beforeEach(async () => {
    await web.say('/排期 9月10日下午 开学教研 语文') // #3, over by November
    await web.say('/排期 11月20日下午 听课周') // #4, cancelled below
    await web.say(`/认领 ${web.app.claimCode} 育秀教育集团`, { platform: 'wechat', chat: 'room2', as: '张主任', id: 'zz', title: '集团群' })
    await web.say('/排期 11月18日下午 集团教研', { platform: 'wechat', chat: 'room2', as: '张主任', id: 'zz', title: '集团群' }) // #5, another district
    web.setNow('2026-11-10T09:00:00+08:00')
    await web.say('/取消 4 专家临时有事')
  })

  it('lists those to come, the soonest first, with time, subject, organizer, count and status; not another district\'s', async () => {
    const admin = await web.login(ADMIN)
    const res = await admin.get('/console/activities')
    expect(res.statusCode).toBe(200)
    const text = textOf(res.body)
    expect(text).toContain('#1 常态化联合教研 11月16日(周一) 13:30 每次：双周周一 13:30 语文 我 2 人 即将开始')
    expect(text).toContain('#4 听课周 11月20日(周五) 13:30 我 0 人 已取消')
    expect(text).toContain('#2 名师讲堂 12月3日(周四) 13:30 我 0/2 即将开始')
    const [first, second, third] = order(text, '#1 常态化联合教研', '#4 听课周', '#2 名师讲堂')
    expect(first).toBeLessThan(second!)
    expect(second).toBeLessThan(third!)
    expect(text).not.toContain('开学教研')
    expect(text).not.toContain('集团教研')
    expect(res.body).toContain('<a href="/console/activities/1">常态化联合教研</a>')
  })

  it('lists those over by their last session, and all of them; searches the title', async () => {
    const admin = await web.login(ADMIN)
    const past = textOf((await admin.get('/console/activities?when=past')).body)
    expect(past).toContain('#3 开学教研 最后一次：9月10日(周四) 13:30 语文 我 0 人 已结束')
    expect(past).not.toContain('常态化联合教研')
    const all = textOf((await admin.get('/console/activities?when=all')).body)
    expect(all).toContain('共 4 项')
    expect(order(all, '#2 名师讲堂', '#3 开学教研')[0]).toBeLessThan(order(all, '#2 名师讲堂', '#3 开学教研')[1]!)
    const found = textOf((await admin.get(`/console/activities?when=all&q=${encodeURIComponent('教研')}`)).body)
    expect(found).toContain('#1 常态化联合教研')
    expect(found).toContain('#3 开学教研')
    expect(found).not.toContain('名师讲堂')
    expect(found).not.toContain('集团教研')
  })

  it('refuses a search longer than 40 characters with a sentence, and lists without it', async () => {
    const admin = await web.login(ADMIN)
    const res = await admin.get(`/console/activities?q=${encodeURIComponent('教'.repeat(41))}`)
    expect(res.statusCode).toBe(400)
    expect(textOf(res.body)).toContain('名称最多 40 个字，请缩短后再查，例如：联合教研')
    expect(textOf(res.body)).toContain('#1 常态化联合教研')
  })
})

it('shows at most 50 activities a page, with links to the next and the previous', async () => {
  for (let i = 1; i <= 52; i++) await web.say(`/排期 2026-12-${String((i % 28) + 1).padStart(2, '0')} 15:00 批量活动${i}`)
  const admin = await web.login(ADMIN)
  const first = await admin.get('/console/activities')
  expect(first.body.match(/<tr class="status-/g)).toHaveLength(50)
  expect(textOf(first.body)).toContain('共 54 项 · 第 1/2 页')
  expect(first.body).toContain('href="/console/activities?when=upcoming&amp;page=2"')
  const second = await admin.get('/console/activities?when=upcoming&page=2')
  expect(second.body.match(/<tr class="status-/g)).toHaveLength(4)
  expect(textOf(second.body)).toContain('上一页')
})

describe('one activity\'s page', () => {
  beforeEach(async () => {
    await web.say('/报名 2', { as: '王芳' })
    await web.say('/报名 2', { as: '李明' })
    await web.say('/报名 2', { as: '赵丽' })
    for (const setting of ['地点 育秀实验学校报告厅', '主持 李主任', '主讲 王佩红', '教龄1-8 截止 12月1日 提前公示 1周', '签到码 请假审批 学时 2 级别 区级']) {
      await web.say(`/设置 2 ${setting}`)
    }
    await web.say('/请假 2 外出培训', { as: '王芳' })
    web.setNow('2026-11-10T09:00:00+08:00')
    await web.say('/取消 1 11月30日 与期中考试冲突')
    await web.say('/改期 1 12月14日 改到 12月15日下午')
    await web.say('/签到 1 11月2日 王芳 13:40')
    await web.say('/到场 1 11月2日 李明')
  })

  it('shows the details and rules, as /活动 says them', async () => {
    const admin = await web.login(ADMIN)
    const res = await admin.get('/console/activities/2')
    expect(res.statusCode).toBe(200)
    const text = textOf(res.body)
    for (const line of [
      '#2「名师讲堂」', '时间：12月3日(周四) 13:30 (第14周)', '地点：育秀实验学校报告厅', '名额：2', '主持：李主任', '主讲：王佩红', '组织者：我',
      '报名截止：12月1日(周二)', '报名限：教龄1-8年', texts.reminders.noticeLine(1), texts.attendanceSettings.code(2),
      texts.attendanceSettings.approval(2), '学时：每次 2（区级）', '已报名 2/2，候补 1 人',
    ]) expect(text).toContain(line)
  })

  it('shows each session with its state, and buttons only for those still ahead', async () => {
    const admin = await web.login(ADMIN)
    const res = await admin.get('/console/activities/1')
    const text = textOf(res.body)
    expect(text).toContain('11月2日(周一) 13:30 (第10周) 已举行')
    expect(text).toContain('10月5日(周一) 13:30 (第6周) 停（国庆节）')
    expect(text).toContain('11月30日(周一) 13:30 (第14周) 已取消（与期中考试冲突） 恢复')
    expect(text).toContain('12月15日(周二) 13:30 (第16周) 已改期（原12月14日）')
    expect(text).toContain('11月16日(周一) 13:30 (第12周) 正常 原因（可不填） 取消这一次')
    const held = await web.app.db.occurrence.findFirstOrThrow({ where: { activityId: 1, date: '2026-11-02' } })
    expect(res.body).not.toContain(`/sessions/${held.id}/`)
  })

  it('shows the roster with sign-up times, the waiting list in order, and 请假 with its reason and state', async () => {
    const admin = await web.login(ADMIN)
    const text = textOf((await admin.get('/console/activities/2')).body)
    expect(text).toContain('已报名 2/2 序号 姓名 学校 学科 报名时间 备注 1 王芳 9月1日(周二) 09:00 2 李明 9月1日(周二) 09:00')
    expect(text).toContain('候补 1 人（按顺序） 序号 姓名 学校 学科 报名时间 备注 1 赵丽 9月1日(周二) 09:00')
    expect(text).toContain('王芳 12月3日(周四) 13:30 外出培训 待审批 准假')
  })

  it('shows each held session\'s check-ins, lateness and 学时', async () => {
    const admin = await web.login(ADMIN)
    const text = textOf((await admin.get('/console/activities/1')).body)
    expect(text).toContain('11月2日(周一) 13:30 姓名 签到 签退 迟到 早退 学时 李明（代签） 1.5 学时 王芳（代签） 13:40 10 分钟 1.5 学时')
    expect(text).toContain('10月19日(周一) 13:30 姓名 签到 签退 迟到 早退 学时 李明 缺席 王芳 缺席')
  })

  it('shows an organizer who does not run the activity the counts only, as /名单 does; its own organizer sees the names', async () => {
    const [scheduled] = await web.say('/排期 12月10日下午 数学研讨', { ...GROUP, as: '周敏', id: 'zm' })
    const id = /已安排 #(\d+)/.exec(scheduled!)![1]
    await web.say(`/报名 ${id}`, { as: '赵丽' })
    const organizer = await web.login(ORGANIZER)
    const other = textOf((await organizer.get('/console/activities/2')).body)
    expect(other).toContain('已报名 2/2，候补 1 人')
    expect(other).toContain(texts.webActivity.rosterHidden)
    for (const hidden of ['王芳', '外出培训', '赵丽']) expect(other).not.toContain(hidden)
    const own = textOf((await organizer.get(`/console/activities/${id}`)).body)
    expect(own).toContain('1 赵丽 11月10日(周二) 09:00')
  })
})
