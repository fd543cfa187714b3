import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseCommandLine } from '../../src/core/command-line.ts'
import type { RestrictedForm } from '../../src/core/command.ts'
import { formOf } from '../../src/core/permissions.ts'
import { ROLE_WHO } from '../../src/core/texts/index.ts'
import { buildMessage, createHarness, type Harness, type SayOptions } from '../helpers/harness.ts'

let h: Harness
const other: SayOptions = { platform: 'wechat', chat: 'other-room', title: '别的学区群', as: '陈主任', id: 'wx-chen' }

beforeEach(async () => {
  h = await createHarness('2026-11-23T09:00:00+08:00', { PUBLIC_URL: 'https://bot.example.cn' })
  await h.say('/学期 2026-09-01 2027-01-22 第一学期')
  await h.say('/排期 12月3日下午 青蓝工程汇报课 名额2')
  await h.say('/报名 1', { as: '王芳' })
  await h.say('/工作室 创建 语文工作室 导师 王佩红')
  await h.say('/提问 怎样上好复习课？', { as: '王芳' })
})
afterEach(() => h.close())

describe('permission probes', () => {
  it('every command above a teacher is refused to a teacher, and changes nothing', async () => {
    const restricted = h.app.registry.commands.filter((c) => c.role !== 'teacher' && c.scope === 'district')
    expect(restricted.length).toBeGreaterThan(5)
    const before = await Promise.all([h.app.db.activity.count(), h.app.db.memberRole.count(), h.app.db.workshop.count(), h.app.db.answer.count()])
    for (const command of restricted) {
      const [reply] = await h.say(`/${command.name} 1 测试`, { as: '李明' })
      // The first line refuses; a command a teacher likely mistook for another (/取消 for /取消报名) adds which.
      expect(reply!.split('\n')[0], command.name).toBe(`抱歉，/${command.name} 只有${ROLE_WHO[command.role]}可以使用。如需权限，请联系学区管理员。`)
    }
    // Admin-only parts of commands open to all.
    expect(await h.say('/工作室 创建 新工作室 导师 李明', { as: '李明' })).toEqual(['抱歉，/工作室 创建 只有学区管理员可以使用。如需权限，请联系学区管理员。'])
    expect(await h.say('/提醒 关闭 周报', { as: '李明' })).toEqual(['只有学区管理员可以修改提醒设置。发送 /提醒 查看当前设置。'])
    expect((await h.say('/绑定码', { as: '李明' }))[0]).toContain('学区管理员')
    expect(await h.say('/日历 重置', { as: '李明' })).toEqual(['只有学区管理员可以重置学区日历的地址。'])
    expect(await h.say('/报名 1 赵丽', { as: '李明' })).toEqual(['只有学区管理员和组织者可以替别人报名。为自己报名请发送 /报名 1'])
    const after = await Promise.all([h.app.db.activity.count(), h.app.db.memberRole.count(), h.app.db.workshop.count(), h.app.db.answer.count()])
    expect(after).toEqual(before)
  })

  it('a member of another district cannot see or touch this district\'s activities, lists or questions', async () => {
    const code = await h.app.db.claimCode.create({ data: { code: 'ABCD-EFGH' } })
    await h.say(`/认领 ${code.code} 别的学区`, other)
    const notFound = '没有找到编号为 #1 的活动。发送 /活动 查看本学区的活动。'
    expect(await h.say('/名单 1', other)).toEqual([notFound])
    expect(await h.say('/活动 1', other)).toEqual([notFound])
    expect(await h.say('/报名 1', other)).toEqual([notFound])
    expect(await h.say('/取消 1', other)).toEqual([notFound])
    expect(await h.say('/导出 1', other)).toEqual([notFound])
    expect(await h.say('/问题 1', other)).toEqual(['没有找到编号为 #1 的问题。发送 /问题 查看。'])
    expect(await h.say('/回答 1 好', other)).toEqual(['没有找到编号为 #1 的问题。发送 /问题 查看。'])
    expect(await h.say('/工作室 1', other)).toEqual(['没有找到编号为 1 的工作室。发送 /工作室 查看本学区的工作室。'])
    expect((await h.say('/问题 全部', other))[0]).not.toContain('复习课')
    expect((await h.say('/活动', other))[0]).not.toContain('青蓝')
    expect(await h.app.db.signup.count()).toBe(1)
    expect((await h.app.db.activity.findUniqueOrThrow({ where: { id: 1 } })).status).toBe('scheduled')
  })
})

/** The lines of a /帮助 <命令> answer from `start` up to the next labelled line. */
function section(help: string, start: string): string[] {
  const lines = help.split('\n')
  const from = lines.findIndex((l) => l.startsWith(start))
  const rest = lines.slice(from + 1)
  const end = rest.findIndex((l) => /^(也可以写|谁可以用)：/.test(l))
  return end === -1 ? rest : rest.slice(0, end)
}

/** A refusal for want of a role: "抱歉，/放假 <日期> 只有学区管理员可以使用。", "只有学区管理员可以修改提醒设置。" */
const ROLE_REFUSAL = /只有[^。\n]*(管理员|组织者|导师)[^。\n]*可以/

describe('/帮助 says who may use a command as the router decides', () => {
  it('for every command and every example its help gives, a teacher is refused exactly when 谁可以用 says that example is not for all teachers', async () => {
    const teacher: SayOptions = { as: '李明' }
    const covered = new Set<RestrictedForm>()
    for (const command of h.app.registry.commands) {
      const [help] = await h.say(`/帮助 ${command.name}`, teacher)
      const who = help!.split('\n').slice(help!.split('\n').findIndex((l) => l.startsWith('谁可以用：')))
      expect(who[0], command.name).toBe(`谁可以用：${ROLE_WHO[command.role]}`)
      const examples = section(help!, '例子：')
      expect(examples.length, command.name).toBeGreaterThan(0)
      for (const example of examples) {
        const line = parseCommandLine(example, h.config.BOT_NAME)!
        const form = formOf(command, line, buildMessage(example, 0, new Date(), teacher))
        if (form) covered.add(form)
        const role = form?.role ?? command.role
        // Help names the form with its role on a line of its own.
        if (form) expect(who.some((l) => l.startsWith(`/${form.usage}：${ROLE_WHO[form.role]}`)), `${example}\n${who.join('\n')}`).toBe(true)
        const [reply] = await h.say(example, teacher)
        expect(ROLE_REFUSAL.test(reply?.split('\n')[0] ?? ''), `${example} → ${reply}`).toBe(role !== 'teacher')
      }
    }
    // Every form that needs more is shown by an example, so the loop above tried it.
    const declared = h.app.registry.commands.flatMap((c) => c.forms ?? [])
    expect(declared.filter((f) => !covered.has(f)).map((f) => f.usage)).toEqual([])
  })

  it('/帮助 放假 tells a teacher that listing is for everyone and registering for admins', async () => {
    const [help] = await h.say('/帮助 放假', { as: '李明' })
    expect(help!.split('\n').slice(-2)).toEqual(['谁可以用：所有老师', '/放假 <日期>：学区管理员'])
    expect(await h.say('/放假 2027-01-01 元旦', { as: '李明' })).toEqual(['抱歉，/放假 <日期> 只有学区管理员可以使用。如需权限，请联系学区管理员。'])
    expect(await h.say('/放假', { as: '李明' })).toEqual(['本学区还没有登记放假日。法定节假日会自动识别。'])
  })
})
