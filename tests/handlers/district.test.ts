import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHarness, type Harness } from '../helpers/harness.ts'

let h: Harness
beforeEach(async () => {
  h = await createHarness('2026-09-01T09:00:00+08:00')
})
afterEach(() => h.close())

const wechat = (chat: string, as: string, title = '育秀集团语文群') => ({ platform: 'wechat' as const, chat, as, id: `wx-${as}`, title })

describe('first admin: /认领 with the printed claim code', () => {
  it('prints a code at first start and keeps it until used', async () => {
    expect(h.app.claimCode).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/)
  })

  it('tells an unbound group how to start', async () => {
    expect(await h.say('/活动', wechat('room1', '张主任'))).toEqual([
      '本群还没有绑定学区。首次使用请学区管理员发送 /认领 <认领码>；已有学区的管理员请发送 /绑定 <学区名称>。',
    ])
  })

  it('binds the group to a new district and makes the sender its admin; the code works once', async () => {
    const code = h.app.claimCode!
    expect(await h.say('/认领 WRONG-CODE', wechat('room1', '张主任'))).toEqual([
      '认领码不对或已经用过了。请核对启动时打印的认领码；需要新的认领码请联系部署人员。',
    ])
    const [done] = await h.say(`/认领 ${code.toLowerCase()} 育秀教育集团`, wechat('room1', '张主任'))
    expect(done).toContain('认领成功！本群已成为「育秀教育集团」的学区群，张主任 是学区管理员。')
    expect((await h.say('/排期 明天下午 联合教研', wechat('room1', '张主任')))[0]).toContain('已安排 #1')
    expect(await h.say(`/认领 ${code}`, wechat('room2', '李老师', '数学群'))).toEqual([
      '认领码不对或已经用过了。请核对启动时打印的认领码；需要新的认领码请联系部署人员。',
    ])
    expect(await h.say(`/认领 ${code}`, wechat('room1', '张主任'))).toEqual(['本群已经属于「育秀教育集团」，不需要再认领。'])
  })

  it('binds a second group for the admin only, and both groups see the same activities', async () => {
    await h.say(`/认领 ${h.app.claimCode} 育秀教育集团`, wechat('room1', '张主任'))
    expect(await h.say('/绑定 育秀教育集团', wechat('room2', '李老师', '数学群'))).toEqual([
      '没有找到名为「育秀教育集团」的学区，或您不是它的管理员。',
    ])
    expect(await h.say('/绑定 育秀教育集团', wechat('room2', '张主任', '数学群'))).toEqual([
      '已将本群绑定到「育秀教育集团」。学区的活动和提醒会同步到本群。',
    ])
    await h.say('/排期 9月10日下午 数学沙龙 数学', wechat('room2', '张主任', '数学群'))
    expect((await h.say('/活动', wechat('room1', '王老师')))[0]).toContain('#1 9月10日(周四) 13:30 数学沙龙 · 数学')
  })

  it("keeps one district's activities out of another's groups", async () => {
    await h.say(`/认领 ${h.app.claimCode} 育秀教育集团`, wechat('room1', '张主任'))
    await h.say('/排期 9月10日下午 集团内部教研', wechat('room1', '张主任'))
    expect((await h.say('/活动'))[0]).not.toContain('集团内部教研')
    expect((await h.say('/活动 1'))[0]).toBe('没有找到编号为 #1 的活动。发送 /活动 查看本学区的活动。')
  })
})

describe('/授权 and /撤销', () => {
  const at = (name: string) => ({ mentions: [{ id: name, name }] })

  it('grants by @mention, by name only to someone not yet seen, and refuses unknown names and roles', async () => {
    await h.say('/活动', { as: '王佩红' })
    expect(await h.say('/授权 王佩红 导师')).toEqual([
      '「王佩红」已经在群里发过言。名字可以被别人改成一样的，授予角色请在群里直接 @ TA：/授权 @王佩红 导师',
    ])
    expect(await h.say('/授权 @王佩红 导师', at('王佩红'))).toEqual(['已授予 王佩红「导师」角色。'])
    expect(await h.say('/授权 @王佩红 导师', at('王佩红'))).toEqual(['王佩红 已经是导师。'])
    expect(await h.say('/授权 @曹益君 组织者', at('曹益君'))).toEqual(['已授予 曹益君「组织者」角色。'])
    expect((await h.say('/授权 赵六 组织者'))[0]).toContain('本学区还没有「赵六」的记录')
    expect((await h.say('/授权 @王佩红 校长', at('王佩红')))[0]).toContain('「校长」不是可以授予的角色')
    expect((await h.say('/授权 @王佩红 组织者', { as: '王佩红', ...at('王佩红') }))[0]).toContain('只有学区管理员可以使用')
    const roles = await h.app.db.memberRole.findMany({ include: { member: true }, orderBy: { role: 'asc' } })
    expect(roles.map((r) => `${r.member.displayName}:${r.role}`).sort()).toEqual(['我:admin', '曹益君:organizer', '王佩红:mentor'].sort())
  })

  it('asks for an @mention when two members share a name', async () => {
    await h.say('/活动', { as: '李明', id: 'u1' })
    await h.say('/活动', { as: '李明', id: 'u2' })
    expect(await h.say('/授权 李明 组织者')).toEqual(['本学区有 2 位「李明」，请直接 @ 要授权的那一位。'])
  })

  it('revokes roles but never the last admin', async () => {
    await h.say('/活动', { as: '李明' })
    await h.say('/授权 @李明 组织者', at('李明'))
    expect(await h.say('/撤销 李明')).toEqual(['已撤销 李明 的「组织者」角色。'])
    expect((await h.say('/排期 明天 教研', { as: '李明' }))[0]).toContain('只有学区管理员和组织者可以使用')
    expect(await h.say('/撤销 我 管理员')).toEqual(['不能撤销最后一位管理员：请先授予另一位老师管理员角色。'])
    expect((await h.say('/学期 2026-09-01 2027-01-22'))[0]).toContain('已设置第一学期')
  })

  it('an admin made later cannot remove an earlier one; the earlier can remove the later; anyone may step down', async () => {
    await h.say('/活动', { as: '李明' })
    await h.say('/授权 @李明 管理员', at('李明'))
    expect(await h.say('/撤销 我 管理员', { as: '李明' })).toEqual([
      '我 成为管理员比您早，不能由您撤销。可以请 TA 本人发送 /撤销 我 管理员，或请更早的管理员操作。',
    ])
    expect(await h.say('/撤销 我', { as: '李明' })).toEqual([
      '我 成为管理员比您早，不能由您撤销。可以请 TA 本人发送 /撤销 我 管理员，或请更早的管理员操作。',
    ])
    expect(await h.say('/撤销 李明 管理员')).toEqual(['已撤销 李明 的「管理员」角色。'])
    await h.say('/授权 @李明 管理员', at('李明'))
    expect(await h.say('/撤销 李明 管理员', { as: '李明' })).toEqual(['已撤销 李明 的「管理员」角色。'])
    expect(await h.app.db.memberRole.count({ where: { role: 'admin' } })).toBe(1)
  })

  it('keeps the display name seen last', async () => {
    await h.say('/活动', { as: '王芳', id: 'u-wf' })
    await h.say('/活动', { as: '王芳(育秀)', id: 'u-wf' })
    const account = await h.app.db.account.findUniqueOrThrow({ where: { platform_userId: { platform: 'console', userId: 'u-wf' } }, include: { member: true } })
    expect(account.member.displayName).toBe('王芳(育秀)')
    expect(await h.app.db.account.count({ where: { userId: 'u-wf' } })).toBe(1)
  })
})

describe('help and the router', () => {
  it('lists only what the sender may use: a short menu by task, every command with /帮助 全部', async () => {
    const [teacher] = await h.say('/帮助', { as: '王老师' })
    expect(teacher).toBe([
      '学区助手可以帮您：',
      '【报名】/报名 /取消报名 /名单 /请假 /销假 /我的',
      '【签到与学时】/签到 /签退 /学时',
      '【活动】/活动 /本周 /下周 /日历',
      '【答疑】/提问 /匿名提问 /问题',
      '【工作室】/工作室 /拜师 /听课',
      '【我的资料】/我是 /后台 /认领 /确认',
      '【学期与设置】/学期 /提醒 /放假 /绑定 /绑定码',
      '看用法和例子：/帮助 报名',
      '每个命令的说明：/帮助 全部',
    ].join('\n'))
    const [all] = await h.say('/帮助 全部', { as: '王老师' })
    expect(all).toContain('/活动 — 查看即将进行的活动')
    expect(all).not.toContain('/排期')
    const [admin] = await h.say('/help')
    expect(admin).toContain('【排期】/排期 /导入 /导出 /记录 /归档')
    expect(admin).toContain('【签到与学时】/签到 /签退 /学时 /签到码 /到场 /缺席')
    // Changing an activity is one task: /恢复 undoes /取消, so it sits with it, not alone under 【其他】.
    expect(admin).toContain('【改期与取消】/改期 /取消 /恢复')
    expect(admin).not.toContain('【其他】')
    expect(admin).toContain('/授权')
    expect(admin!.split('\n').length).toBeLessThanOrEqual(12)
    expect((await h.say('/帮助 all'))[0]).toContain('/排期 — 安排一项活动')
  })

  it('shows usage with a real example', async () => {
    const [reply] = await h.say('/帮助 排期')
    expect(reply).toContain('用法：/排期 <时间> <活动名称>')
    expect(reply).toContain('/排期 第4周周一下午 主题式联合教研 中小学语文 @育秀实验学校 名额40')
    expect(reply).toContain('也可以写：/schedule')
  })

  it('suggests the nearest command for a typo and names /帮助', async () => {
    expect(await h.say('/排气 明天')).toEqual(['没有「/排气」这个命令。您是想用 /排期 吗？发送 /帮助 查看全部命令。'])
    expect(await h.say('/天气')).toEqual(['没有「/天气」这个命令。发送 /帮助 查看全部命令。'])
  })

  it('answers an English alias and a full-width slash the same', async () => {
    expect((await h.say('／schedule 明天下午 教研'))[0]).toContain('已安排 #1「教研」')
  })

  it('stays silent on ordinary chat', async () => {
    expect(await h.say('大家好，明天的教研几点？')).toEqual([])
  })
})

describe('/绑定码: joining a group on another platform to the district', () => {
  const lark = (chat: string, as: string) => ({ platform: 'lark' as const, chat, as, id: `ou-${as}`, title: '育秀学区飞书群' })

  it('is for admins, lasts 24 hours, works once, and grants no role to whoever uses it', async () => {
    expect((await h.say('/绑定码', { as: '王老师' }))[0]).toContain('学区管理员')
    // The console is the operator's own terminal: the code is shown there.
    const [issued] = await h.say('/绑定码')
    expect(issued).toContain('不授予任何角色')
    const code = /绑定码：(\S{4}-\S{4})/.exec(issued!)![1]!
    h.setNow('2026-09-02T09:30:00+08:00')
    expect((await h.say(`/绑定 ${code}`, lark('oc1', '李校长')))[0]).toContain('已过期')
    h.setNow('2026-09-02T10:00:00+08:00')
    const [fresh] = await h.say('/绑定码')
    const next = /绑定码：(\S{4}-\S{4})/.exec(fresh!)![1]!
    expect(await h.say(`/绑定 ${next.toLowerCase().replace('-', '')}`, lark('oc1', '李校长'))).toEqual([
      '已将本群绑定到「示范学区」。学区的活动和提醒会同步到本群。\n（绑定群不带任何角色：李校长 在这个平台的账号还不是管理员。需要的话，请私聊我发送 /绑定码，把两个平台的账号合并为一人。）',
    ])
    expect((await h.say(`/绑定 ${next}`, lark('oc2', '陈老师')))[0]).toContain('已用过')
    expect((await h.say('/授权 @陈老师 组织者', { ...lark('oc1', '李校长'), mentions: [{ id: 'ou-陈老师', name: '陈老师' }] }))[0]).toContain('只有学区管理员可以使用')
    expect((await h.say('/活动', lark('oc1', '陈老师')))[0]).not.toContain('还没有绑定')
    expect(await h.app.db.memberRole.count({ where: { role: 'admin' } })).toBe(1)
  })
})
