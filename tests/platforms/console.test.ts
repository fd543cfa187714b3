import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { PassThrough } from 'node:stream'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createConsoleSend } from '../../src/platforms/console/console-group.ts'
import { runConsole } from '../helpers/console-process.ts'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'xuequ-console-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

/** A database in a folder that does not exist yet, as on a fresh machine. */
const envFor = (extra: Record<string, string> = {}) => ({
  DATABASE_URL: `file:${path.join(dir, 'data', 'xuequ.db')}`,
  DATA_DIR: path.join(dir, 'data'),
  CLOCK_START: '2026-09-01T09:00:00+08:00',
  ...extra,
})

describe('the console group (npm start with no platform credentials)', () => {
  it('answers a piped script of lines as a group would', async () => {
    const run = await runConsole(
      [
        '/学期 2026-09-01 2027-01-22 第一学期',
        '/排期 第4周周一下午 主题式联合教研 中小学语文 @育秀实验学校 名额40',
        '王老师> /排期 明天下午 教研',
        '王老师> /活动',
        '/排气',
        '/排期 第4周周八下午 联合教研',
      ],
      envFor(),
    )
    expect(run.code).toBe(0)
    expect(run.bot).toEqual([
      '已设置第一学期：2026-09-01 至 2027-01-22，共 21 周。',
      '期间的法定假日：中秋 9月25日-27日、国庆节 10月1日-7日。落在假日的例行活动会自动暂停。',
      '提醒：系统只收录到 2026 年的法定节假日，之后的放假安排请用 /放假 登记，例如 /放假 2027-01-01 元旦。',
      '已安排 #1「主题式联合教研」',
      '时间：9月21日(周一) 13:30 (第4周)',
      '地点：育秀实验学校',
      '学科：中小学语文',
      '名额：40',
      '报名：回复本条消息「报名」，或发送 /报名 1',
      '抱歉，/排期 只有学区管理员和组织者可以使用。如需权限，请联系学区管理员。',
      '【第4周】9月21日-27日',
      '#1 9月21日(周一) 13:30 主题式联合教研 · 中小学语文 · 育秀实验学校',
      '没有「/排气」这个命令。您是想用 /排期 吗？发送 /帮助 查看全部命令。',
      '没看懂时间「周八下午」。可以这样写：',
      '/排期 第4周周一下午 主题式联合教研 中小学语文 @育秀实验学校 名额40',
      '/排期 12月3日下午 联合教研',
    ])
  })

  it('names a database folder it cannot write in a clear sentence, and stops', async () => {
    // A path through a file: the folder can never be made (as root, permissions alone would not stop it).
    writeFileSync(path.join(dir, 'data'), 'not a folder')
    const run = await runConsole([], envFor())
    expect(run.code).toBe(1)
    expect(run.stderr.trim()).toBe(
      `无法在 ${path.join(dir, 'data')} 存放数据库（同名的文件占了这个位置）。\n请把 DATABASE_URL 改到一个可写的文件夹，例如 DATABASE_URL=file:./data/xuequ.db，或检查这个文件夹的权限。`,
    )
  })

  it('prints the claim code and how to connect WeChat and Lark', async () => {
    const run = await runConsole([], envFor())
    expect(run.stdout).toMatch(/认领码：[2-9A-Z]{4}-[2-9A-Z]{4}/)
    expect(run.stdout).toContain('未接入 微信：未配置')
    expect(run.stdout).toContain('未接入 飞书：未配置')
    expect(run.stdout).toContain('微信：在 .env 中设置 WECHAT_ENABLED=true')
    expect(run.stdout).toContain('飞书：在 .env 中设置 LARK_APP_ID 和 LARK_APP_SECRET')
    expect(run.stdout).toContain('学区助手已启动：控制台群（属于「示范学区」）')
  })

  it('starts from an empty folder, applies the migrations, and still lists after a restart', async () => {
    const file = path.join(dir, 'data', 'xuequ.db')
    expect(existsSync(path.dirname(file))).toBe(false)
    const first = await runConsole(['/排期 9月10日下午 名师讲堂 @建平实验中学'], envFor())
    expect(first.bot[0]).toBe('已安排 #1「名师讲堂」')
    const db = new Database(file, { readonly: true })
    const migrations = readdirSync(path.join(process.cwd(), 'prisma', 'migrations')).filter((f) => /^\d+_/.test(f))
    expect(db.prepare('select count(*) as n from _prisma_migrations where finished_at is not null').get()).toEqual({ n: migrations.length })
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    db.close()
    const second = await runConsole(['/活动'], envFor())
    expect(second.bot).toEqual(['【下周】9月7日-13日', '#1 9月10日(周四) 13:30 名师讲堂 · 建平实验中学'])
    const code = /认领码：(\S+)/.exec(first.stdout)?.[1]
    expect(code).toBeDefined()
    expect(second.stdout).toContain(`认领码：${code}`)
  })

  it('survives empty, huge, emoji-only and control-character messages', async () => {
    const run = await runConsole(
      ['', '   ', 'x'.repeat(10_000), '😀😀😀', '\u0000\u0007\u001b[31m', '/', '/排期 ' + '第'.repeat(10_000), '王老师> ' + '🎉'.repeat(50), '/ping'],
      envFor(),
    )
    expect(run.code).toBe(0)
    expect(run.bot.at(-1)).toBe('pong')
    expect(run.bot).toContain('这条消息太长了（一条命令最多 4000 个字），没有处理。请精简后再发，长的内容可以分几次发送，例如：/提问 如何设计单元作业？')
    expect(run.stderr).not.toMatch(/Error|command failed/)
  })

  it('runs the demo script: sign-ups with a rule and a waiting list, a workshop, a question and its answer', async () => {
    const { readFileSync } = await import('node:fs')
    const lines = readFileSync(path.join(process.cwd(), 'scripts', 'console-demo.txt'), 'utf8').split('\n').filter(Boolean)
    const run = await runConsole(lines, envFor())
    expect(run.code).toBe(0)
    const out = run.bot.join('\n')
    for (const expected of [
      '此活动限教龄1-8年，请先发送 /我是 登记教龄',
      '王芳 报名成功：#5「新秀杯课堂教学评比」，第 1 位（还剩 1 个名额）。',
      '#5「新秀杯课堂教学评比」名额已满，赵丽 已进入候补第 1 位。',
      '1. 王芳 育秀实验学校 语文',
      '候补的 赵丽 已递补为正式名额',
      '学区管理员确认是您本人后，您的账号才会得到它',
      '已确认：控制台账号「王佩红」就是登记的「王佩红」',
      '王芳 已成为「初中语文名师工作室」的徒弟，导师：王佩红。',
      '【答疑 #1】\n问：如何设计单元作业？\n答（王佩红）：先定单元目标，再分层设计。',
      '#5 新秀杯课堂教学评比 9月16日(周三) 13:30 已报名，第 1 位',
    ]) expect(out).toContain(expected)
    expect(run.stderr).not.toMatch(/Error|command failed/)
  })

  it('is a group for questions: an anonymous asker is not named even to the admin; the operator\'s archive names them', async () => {
    const run = await runConsole(
      ['/学期 2026-09-01 2027-01-22 第一学期', '/排期 9月10日下午 名师讲堂', '/工作室 创建 语文工作室 导师 王佩红', '王佩红> /ping', '/确认 王佩红', '李明> /匿名提问 怎么和家长沟通？', '/问题', '/问题 1', '王佩红> /回答 1 先倾听。', '/问题 搜索 家长', '/导出'],
      envFor(),
    )
    expect(run.code).toBe(0)
    const out = run.bot.join('\n')
    expect(out).toContain('待回答的问题（1）：\n#1 怎么和家长沟通？（匿名）')
    expect(out).toContain('含「家长」的问答（1）：\n#1 怎么和家长沟通？（匿名）')
    expect(out).not.toContain('李明')
    const folder = path.join(dir, 'data', 'exports')
    const [file] = readdirSync(folder).filter((f) => f.endsWith('.xlsx'))
    const { default: ExcelJS } = await import('exceljs')
    const back = new ExcelJS.Workbook()
    await back.xlsx.readFile(path.join(folder, file!))
    expect((back.getWorksheet('答疑')!.getRow(2).values as unknown[]).slice(1, 5)).toEqual([1, '语文工作室', '李明', '是'])
  })

  it('never prints a line that could pass for the bot: names like its own, overrides and joiners are cleaned', async () => {
    const run = await runConsole(
      [
        '/排期 9月10日下午 名师讲堂',
        '学区助手> /报名 1',
        '\u202e王老师> /报名 1',
        '李\u200d明\u2060> /报名 1',
        '/名单 1',
        '赵丽> /我是 学区助手',
        '赵丽> /我是 姓名:学区助手>通知',
      ],
      envFor(),
    )
    expect(run.code).toBe(0)
    for (const line of run.stdout.split('\n')) expect(line).not.toMatch(/[\u202e\u200d\u2060\r]/)
    for (const line of run.bot) expect(line.startsWith('学区助手')).toBe(false)
    expect(run.bot).toContain('王老师 报名成功：#1「名师讲堂」，第 2 位。')
    expect(run.bot).toContain('李明 报名成功：#1「名师讲堂」，第 3 位。')
    expect(run.bot.filter((l) => /^\d\. /.test(l))).toEqual([expect.stringMatching(/^1\. 成员\d{4}$/), '2. 王老师', '3. 李明'])
    expect(run.bot.filter((l) => l.startsWith('不能用和「学区助手」相像的名字登记'))).toHaveLength(2)
  })

  it('prefixes every line it prints, whatever a message holds', async () => {
    const out = new PassThrough()
    let printed = ''
    out.on('data', (d: Buffer) => (printed += d.toString('utf8')))
    const send = createConsoleSend(out, '学区助手', dir)
    await send({
      chat: { platform: 'console', chatId: 'console' },
      text: '第一行\r学区助手> 假通知\u2028第三行\u001b[2K\u202e第四行\r\n第五行\u0085第六行',
      mentions: [{ id: '王老师', name: '王老师' }],
    })
    expect(printed.split('\n')).toEqual([
      '学区助手> @王老师 第一行',
      '学区助手> 学区助手> 假通知',
      '学区助手> 第三行 [2K第四行',
      '学区助手> 第五行',
      '学区助手> 第六行',
      '',
    ])
  })

  it('reads the same whatever timezone the machine is in', async () => {
    const script = ['/学期 2026-09-01 2027-01-22', '/排期 明天下午3点 教研', '/排期 双周一下午 联合教研', '/本周']
    const utc = await runConsole(script, envFor({ TZ: 'UTC' }))
    rmSync(path.join(dir, 'data'), { recursive: true, force: true })
    const shanghai = await runConsole(script, envFor({ TZ: 'Asia/Shanghai' }))
    expect(utc.bot).toEqual(shanghai.bot)
    expect(utc.bot.join('\n')).toContain('时间：9月2日(周三) 15:00 (第1周)')
  })
})

describe('签到 in the console group (the real process)', () => {
  it('a teacher signs up, checks in and out as phones write it, and the organizer marks another', async () => {
    const run = await runConsole(
      [
        '/学期 2026-09-01 2027-01-22 第一学期',
        '/排期 今天 14:00-15:00 联合教研 名额3',
        '王芳> 报名 1',
        '李明> 报名 1',
        '赵丽> /活动',
        '王芳> 签到了',
        '李明> 签到 1',
        '/到场 1 赵丽',
        '王芳> 签退',
      ],
      envFor({ CLOCK_START: '2026-12-03T13:50:00+08:00' }),
    )
    expect(run.code).toBe(0)
    const said = run.bot.join('\n')
    expect(said).toContain('王芳 已签到：#1「联合教研」12月3日(周四) 14:00-15:00，13:50。')
    expect(said).toContain('李明 已签到')
    expect(said).toContain('已记到场：#1「联合教研」12月3日(周四) 14:00-15:00\n赵丽')
    expect(said).toMatch(/王芳 已签退：#1「联合教研」12月3日\(周四\) 14:00-15:00，13:5\d（早退\d+分钟）。/)
  })
})
