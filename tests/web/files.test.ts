/**
 * /console/files: a 行事历 uploaded (its CSRF token the form's first field,
 * checked before the file is read), read and kept as one sent to the bot in
 * chat, previewed with /导入 worded for a page and saved with /导入 确认
 * (seed 004's plan, set beside the same file imported through the chat);
 * hostile, binary and oversized files refused with a sentence; the term's
 * archive downloaded as /导出 gives it. Through fastify.inject on the real app.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import type { LightMyRequestResponse } from 'fastify'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ROOT } from '../helpers/console-process.ts'
import { MAX_SEND_BYTES } from '../../src/services/term-archive.ts'
import { bindAsAdmin, createHarness } from '../helpers/harness.ts'
import { binaryFiles, sharedStringBomb } from '../helpers/hostile-files.ts'
import { AFTER_TERM_SESSIONS, seedHoursTerm, TERM_START } from '../helpers/hours-term.ts'
import { importFile, savedActivities } from '../helpers/import-files.ts'
import { readZip } from '../helpers/read-zip.ts'
import { createWebHarness, type WebHarness, type WebSession } from '../helpers/web.ts'

const PLAN = readFileSync(path.join(ROOT, 'tests', 'fixtures', 'seed004-plan.txt'))
const TERM = '/学期 2026-09-01 2027-01-22 第一学期'
const ORGANIZER = { as: '周敏', id: 'zm' }

let web: WebHarness
let admin: WebSession

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
const preview = (html: string) => unescape(/<pre class="files-preview">([\s\S]*?)<\/pre>/.exec(html)?.[1] ?? '')
const flash = (html: string) => unescape(/<div class="flash (?:ok|no)" role="status"><strong>[^<]*<\/strong><pre>([\s\S]*?)<\/pre>/.exec(html)?.[1] ?? '')
const pendingFileId = (html: string) => /<input type="hidden" name="file" value="(\d+)">/.exec(html)?.[1]

/** A multipart body as a browser sends a form: its fields in order, then one file part (or the file first, when `fileFirst`). */
function multipart(name: string, bytes: Buffer, fields: [string, string][] = [], fileFirst = false): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----xuequ-test-boundary'
  const field = ([key, value]: [string, string]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${key}"\r\n\r\n${value}\r\n`)
  const file = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), bytes, Buffer.from('\r\n'),
  ])
  const parts = fileFirst ? [file, ...fields.map(field)] : [...fields.map(field), file]
  return { payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}

/** The CSRF token the session's 导入 page carries. */
async function tokenOf(session: WebSession): Promise<string> {
  return unescape(/name="_csrf" value="([^"]+)"/.exec((await session.get('/console/files')).body)![1]!)
}

/**
 * Uploads a file as the upload form sends it: the session's token in the
 * first field ('body'); or without one, with a forged one, with the token
 * only in the address, or in a field after the file.
 */
async function upload(session: WebSession, name: string, bytes: Buffer, token: 'body' | 'none' | 'forged' | 'query' | 'afterFile' = 'body'): Promise<LightMyRequestResponse> {
  const csrf = await tokenOf(session)
  const url = token === 'query' ? `/console/files/import?_csrf=${encodeURIComponent(csrf)}` : '/console/files/import'
  const fields: [string, string][] = token === 'body' || token === 'afterFile' ? [['_csrf', csrf]] : token === 'forged' ? [['_csrf', 'forged']] : []
  return web.fastify.inject({ method: 'POST', url, cookies: session.cookies, ...multipart(name, bytes, fields, token === 'afterFile') })
}

/** The page's lists to open: each <details>' summary and its lines. */
const lists = (html: string) =>
  [...html.matchAll(/<details class="files-more">\s*<summary>([^<]*)<\/summary>\s*<ul>([\s\S]*?)<\/ul>/g)].map((m) => ({
    title: unescape(m[1]!), lines: [...m[2]!.matchAll(/<li>([^<]*)<\/li>/g)].map((li) => unescape(li[1]!)),
  }))

const keptFiles = () => web.app.db.pendingImport.findMany()

async function organizerSession(): Promise<WebSession> {
  await web.say('/活动', ORGANIZER)
  await web.say('/授权 @周敏 组织者', { mentions: [{ id: 'zm', name: '周敏' }] })
  return web.login({ ...ORGANIZER, chat: 'dm-zm', direct: true })
}

describe('导入: a 行事历 uploaded in the console', () => {
  beforeEach(async () => {
    web = await createWebHarness('2026-09-01T08:00:00+08:00')
    await web.say(TERM)
    admin = await web.login()
  })
  afterEach(async () => web.close())

  it("previews seed 004's plan as /导入 does in chat, worded for a page, and 确认导入 saves what the chat's /导入 确认 saves", async () => {
    const chat = await createHarness('2026-09-01T08:00:00+08:00')
    try {
      await chat.say(TERM)
      await chat.say('', { file: { name: '育秀行事历.txt', bytes: PLAN } })
      const [chatPreview] = (await chat.say('/导入')) as [string]
      const uploaded = await upload(admin, '育秀行事历.txt', PLAN)
      expect([uploaded.statusCode, uploaded.headers.location]).toEqual([303, '/console/files#import'])
      const sentBefore = web.sent.length
      const page = (await admin.get('/console/files')).body
      expect(web.sent.length).toBe(sentBefore)
      expect(page).toContain('待导入的文件「育秀行事历.txt」的预览')
      const shown = preview(page)
      // The same activities, merges and lines it cannot read, line for line, as the chat's.
      const head = (text: string) => text.split('\n').slice(0, text.split('\n').findIndex((l) => l.startsWith('无法读取')))
      expect(head(shown)).toEqual(head(chatPreview))
      expect(head(shown)).toHaveLength(1 + 1 + 21 + 1 + 10)
      // What to do is the page's button; a chat command still needed (the second term) is said once, as one to send in a chat.
      expect(shown.split('\n').at(-1)).toBe('以上只是预览，还没有保存。确认无误请点下面的「确认导入」按钮。')
      expect(shown).not.toContain('/导入')
      expect(shown).toContain('  第27行「第二学期 第3周 学校课程建设专题研讨 少体校」：属于还没有设置的学期')
      expect(shown.match(/\/学期 /g)).toHaveLength(1)
      expect(shown).toContain('这 24 行属于还没有设置的学期。请先设置那个学期，例如在群里或私聊发送 /学期 2027-02-22 2027-07-02 第二学期（日期换成贵校的），再回到这一页重新上传这个文件')
      // Every line that is no activity, in a list to open; the chat shows five of them.
      expect(shown).not.toContain('不是活动')
      expect(lists(page)).toEqual([{ title: '另有 25 行不是活动（没有日期，也不在月份标题下），未导入（点开查看每一行）', lines: expect.any(Array) }])
      const notActivities = lists(page)[0]!.lines
      expect(notActivities).toHaveLength(25)
      expect(notActivities[0]).toBe('第1行「2019学年育秀教育集团工作计划」')
      expect(notActivities.at(-1)).toMatch(/^第\d+行「.+」$/)
      // The chat's words are its own, unchanged.
      expect(chatPreview).toContain('\n另有 25 行不是活动（没有日期，也不在月份标题下），未导入：\n  第1行「2019学年育秀教育集团工作计划」')
      expect(chatPreview).toContain('\n  ……还有 20 行\n以上只是预览，还没有保存。确认无误请发送：/导入 确认')
      expect(chatPreview.match(/管理员请先发送：\/学期 2027-02-22 2027-07-02 第二学期/g)).toHaveLength(24)
      // The same kept file, previewed by the same member in chat: in the chat's words.
      expect(await web.say('/导入')).toEqual([chatPreview])

      const before = web.sent.length
      const done = await admin.post('/console/files/import/confirm', { file: pendingFileId(page)! }, '/console/files')
      const { sent: chatSent } = await chat.send('/导入 确认')
      expect(done.statusCode).toBe(200)
      expect(flash(done.body)).toBe(chatSent[0]!.text)
      expect(flash(done.body)).toContain('完成：创建 21 项')
      expect(await savedActivities(web)).toEqual(await savedActivities(chat))
      // Sent as in chat: the session was opened in the console group, so its answer goes to that group as /导入 确认 typed there does.
      expect(web.sent.slice(before).map((m) => [m.chat, m.text])).toEqual(chatSent.map((m) => [m.chat, m.text]))
      expect(await keptFiles()).toEqual([])
      expect(preview((await admin.get('/console/files')).body)).toBe('')
    } finally {
      await chat.close()
    }
  })

  it('reads a 300 KB spreadsheet and previews it', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('行事历')
    ws.addRow(['日期', '活动内容', '地点', '备注'])
    let seed = 7
    const noise = (n: number) => Array.from({ length: n }, () => String.fromCharCode(0x4e00 + ((seed = (seed * 48271) % 2147483647) % 3000))).join('')
    for (let i = 0; i < 1500; i++) ws.addRow([`${9 + (i % 4)}月${1 + (i % 28)}日下午`, `联合教研${i}`, '育秀实验学校', noise(100)])
    const bytes = Buffer.from(await wb.xlsx.writeBuffer())
    expect(bytes.length).toBeGreaterThan(300 * 1024)
    const res = await upload(admin, '大行事历.xlsx', bytes)
    expect(res.statusCode).toBe(303)
    const page = (await admin.get('/console/files')).body
    expect(preview(page)).toMatch(/^行事历「大行事历.xlsx」→「示范学区」/)
    expect(page).toContain('确认导入')
    expect(await keptFiles()).toHaveLength(1)
  })

  it('refuses a file too large, of another kind, empty, hostile or missing with a sentence, keeping nothing', async () => {
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(4096, 0x41)])
    const cases: [string, Buffer, string][] = [
      ['太大.txt', Buffer.alloc(5 * 1024 * 1024 + 1, 0x61), '文件太大了（最多 5 MB）。请只保留行事历部分再发送。'],
      ['setup.exe', exe, '不能导入「setup.exe」：只接受 Word（.docx）、Excel（.xlsx）、CSV（.csv）或文本（.txt）文件。'],
      ['setup.xlsx', exe, '读不了「setup.xlsx」：文件已损坏，或不是真正的 Word（.docx）、Excel（.xlsx）或 CSV 文件'],
      ['空.txt', Buffer.alloc(0), '「空.txt」是空文件，没有可以导入的内容。'],
      ['炸弹.xlsx', await sharedStringBomb(), '读不了「炸弹.xlsx」：解压后超过'],
      ['', Buffer.alloc(0), '请选择要上传的行事历文件。'],
    ]
    for (const [name, bytes, said] of cases) {
      const res = await upload(admin, name, bytes)
      expect([name, res.statusCode]).toEqual([name, 400])
      expect(flash(res.body)).toContain(said)
      expect(res.body).not.toContain('确认导入')
      expect(await keptFiles()).toEqual([])
    }
    const form = await admin.post('/console/files/import', { file: 'x' }, '/console/files')
    expect([form.statusCode, flash(form.body)]).toEqual([400, '请用页面上的上传表单选择文件后再上传。'])
    // As in chat, a file chosen that cannot be used voids the one waiting, so 确认导入 never imports the older one by mistake.
    await upload(admin, '计划.txt', PLAN)
    expect(await keptFiles()).toHaveLength(1)
    expect((await upload(admin, 'setup.xlsx', exe)).statusCode).toBe(400)
    expect(await keptFiles()).toEqual([])
    expect(await web.say('/导入')).toEqual([expect.stringContaining('请先把行事历文件')])
    // No file chosen at all (the button pressed by mistake) leaves it be.
    await upload(admin, '计划.txt', PLAN)
    expect((await upload(admin, '', Buffer.alloc(0))).statusCode).toBe(400)
    expect(await keptFiles()).toHaveLength(1)
    expect((await admin.get('/console/files')).statusCode).toBe(200)
  })

  it('asks to look again when another file came after the preview, and saves nothing', async () => {
    await upload(admin, '第一份.txt', PLAN)
    const first = pendingFileId((await admin.get('/console/files')).body)!
    await upload(admin, '第二份.txt', Buffer.from('9月8日下午 读书交流 育秀实验学校'))
    const res = await admin.post('/console/files/import/confirm', { file: first }, '/console/files')
    expect(res.statusCode).toBe(409)
    expect(flash(res.body)).toBe('待导入的文件已经换成「第二份.txt」，请先看下面新的预览，再确认导入。')
    expect(await web.app.db.activity.count()).toBe(0)
  })

  it("refuses an organizer's upload and 确认 as the chat refuses them, and tells why on the page", async () => {
    const organizer = await organizerSession()
    const page = (await organizer.get('/console/files')).body
    expect(page).toContain('只有学区管理员可以导入行事历')
    expect(page).not.toContain('type="file"')
    const res = await upload(organizer, '行事历.txt', PLAN)
    expect(res.statusCode).toBe(403)
    expect(flash(res.body)).toContain('只有学区管理员可以导入行事历')
    expect(await keptFiles()).toEqual([])
    const [chatRefusal] = await web.say('/导入 确认', { ...ORGANIZER, chat: 'dm-zm', direct: true })
    const confirm = await organizer.post('/console/files/import/confirm', { file: '1' }, '/console/files')
    expect([confirm.statusCode, flash(confirm.body)]).toEqual([400, chatRefusal])
    expect(await web.app.db.activity.count()).toBe(0)
  })

  it('refuses visitors (401), teachers (403) and a form without its CSRF token (403), keeping nothing', async () => {
    await web.say('/活动', { as: '王芳', id: 'wf' })
    const teacher = await web.login({ as: '王芳', id: 'wf', chat: 'dm-wf', direct: true })
    for (const [method, url] of [['GET', '/console/files'], ['POST', '/console/files/import'], ['POST', '/console/files/import/confirm'], ['POST', '/console/files/export']] as const) {
      expect([url, (await web.fastify.inject({ method, url })).statusCode]).toEqual([url, 401])
      expect([url, (method === 'GET' ? await teacher.get(url) : await teacher.post(url, {}, '/console/me')).statusCode]).toEqual([url, 403])
    }
    for (const token of ['none', 'forged', 'query', 'afterFile'] as const) {
      const res = await upload(admin, '行事历.txt', PLAN, token)
      expect([token, res.statusCode, res.body.includes('页面已过期')]).toEqual([token, 403, true])
      // The file behind the refused token is never read: the connection closes after the refusal.
      expect([token, res.headers.connection]).toEqual([token, 'close'])
    }
    for (const url of ['/console/files/export', '/console/files/import/confirm', '/console/files/import']) {
      const res = await web.fastify.inject({ method: 'POST', url, cookies: admin.cookies, payload: 'file=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } })
      expect([url, res.statusCode]).toEqual([url, 403])
    }
    expect(await keptFiles()).toEqual([])
  })

  it("carries the upload's token in the form's body ahead of the file, never in the address, and checks it before reading the file", async () => {
    const page = (await admin.get('/console/files')).body
    expect(page).toMatch(/<form method="post" action="\/console\/files\/import" enctype="multipart\/form-data" class="inline">\s*<input type="hidden" name="_csrf" value="[^"]+">\s*<label for="import-file">[^<]*<\/label>\s*<input id="import-file" type="file"/)
    expect(page).not.toContain('?_csrf=')
    // No /favicon.ico to ask for (a 404 in every browser's console).
    expect(page).toContain('<link rel="icon" href="data:,">')
    // Refused for the token before the file is read: neither its size nor its bytes are ever looked at.
    for (const bytes of [Buffer.alloc(5 * 1024 * 1024 + 1, 0x61), binaryFiles().png]) {
      const res = await upload(admin, '行事历.txt', bytes, 'forged')
      expect([res.statusCode, res.body.includes('页面已过期'), res.body.includes('文件太大'), res.body.includes('不是文本文件')]).toEqual([403, true, false, false])
    }
    expect(await keptFiles()).toEqual([])
    // Another form never takes a multipart body, even one with a good token: only the upload reads one.
    const csrf = await tokenOf(admin)
    for (const url of ['/console/files/export', '/console/files/import/confirm']) {
      const res = await web.fastify.inject({ method: 'POST', url, cookies: admin.cookies, ...multipart('x.txt', Buffer.from('x'), [['_csrf', csrf], ['file', '1']]) })
      expect([url, res.statusCode, res.body.includes('页面已过期')]).toEqual([url, 403, true])
    }
    const good = await upload(admin, '行事历.txt', PLAN)
    // A good token lets the file be read, and the connection stays open for the page that follows.
    expect([good.statusCode, good.headers.connection]).toEqual([303, undefined])
    expect(await keptFiles()).toHaveLength(1)
  })

  it('refuses bytes that are not text sent as a .txt or .csv, in chat and on the page alike, keeping nothing', async () => {
    const { png, noiseWithoutNul } = binaryFiles()
    for (const [name, bytes] of [['行事历.txt', png], ['行事历.csv', noiseWithoutNul]] as const) {
      const sentence = `读不了「${name}」：这个文件不是文本文件，里面不是文字（可能是图片、压缩包或别的文件改了扩展名）。请把行事历另存为文本文件（.txt，UTF-8 编码）或 Excel 文件（.xlsx）后再发送。`
      expect(await web.say('', { file: { name, bytes } })).toEqual([sentence])
      const res = await upload(admin, name, bytes)
      expect([name, res.statusCode, flash(res.body)]).toEqual([name, 400, sentence])
      expect(res.body).not.toContain('确认导入')
      expect(await keptFiles()).toEqual([])
    }
  })

  it('says a chat command the clerk still needs (/改期 of an activity the file times more precisely) as one to send in a chat', async () => {
    await importFile(web, 'seed004.txt', PLAN)
    const csv = Buffer.from('学期,周次,活动内容,承办学校,学科,备注\n第一学期,第4周,主题式联合教研活动,育秀实验学校,中小学语文,周一下午 限40人\n')
    expect((await upload(admin, 'seed004.csv', csv)).statusCode).toBe(303)
    const shown = preview((await admin.get('/console/files')).body)
    const [chatSays] = await web.say('/导入')
    expect(chatSays).toContain('  第2行与已有的 #4「主题式联合教研活动」是同一项；这一行的时间更具体（9月21日(周一) 13:30），需要时用 /改期 4 改过去')
    expect(shown).toContain('  第2行与已有的 #4「主题式联合教研活动」是同一项；这一行的时间更具体（9月21日(周一) 13:30），需要时在群里或私聊发送「/改期 4 新的时间」改过去')
    expect(shown.split('\n').at(-1)).toBe('没有可以创建的活动。')
  })
})

describe('导出: the term archive as /导出 gives it', () => {
  beforeEach(async () => {
    web = await createWebHarness(TERM_START)
    await seedHoursTerm(web)
    web.setNow(AFTER_TERM_SESSIONS)
    admin = await web.login()
  })
  afterEach(async () => web.close())

  it('downloads the zip with the workbook and the 记录表, under the name the chat gives it', async () => {
    const res = await admin.post('/console/files/export', {}, '/console/files')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/zip')
    const disposition = String(res.headers['content-disposition'])
    expect(disposition).toMatch(/^attachment; filename="[ -~]+"; filename\*=UTF-8''/)
    const name = decodeURIComponent(disposition.split("UTF-8''")[1]!)
    expect(name).toBe('示范学区-第一学期-档案.zip')
    const { sent } = await web.send('/导出', { direct: true, chat: 'dm-me' })
    expect(sent.find((m) => m.file)!.file!.name).toBe(name)
    const entries = await readZip(res.rawPayload)
    const workbook = [...entries].find(([entry]) => entry.endsWith('.xlsx'))
    expect(workbook?.[0]).toBe('示范学区-第一学期-档案.xlsx')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(workbook![1] as unknown as ArrayBuffer)
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['活动', '报名名单', '签到', '统计', '学时登记表']))
    expect(wb.getWorksheet('活动')!.getRow(2).getCell(2).value).toBe('联合教研')
    expect([...entries.keys()].some((entry) => entry.endsWith('.docx'))).toBe(true)
  })

  it('says where the archive was saved when it is over what the chat it would go to takes, as the chat says it', async () => {
    const wechat = { platform: 'wechat' as const, chat: 'g1', title: '语文组' }
    await bindAsAdmin(web, wechat, '李主任', 'li')
    const li = { ...wechat, as: '李主任', id: 'li', chat: 'dm-li', direct: true }
    const session = await web.login(li)
    const limit = MAX_SEND_BYTES.wechat!
    MAX_SEND_BYTES.wechat = 1024
    try {
      const res = await session.post('/console/files/export', {}, '/console/files')
      const [chatSays] = await web.say('/导出', li)
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-type']).toContain('text/html')
      expect(flash(res.body)).toBe(chatSays)
      expect(chatSays).toMatch(/^档案「示范学区-第一学期-档案\.zip」有 1 MB，超过聊天里能发送的 1 MB，没有发送。文件已保存在服务器的 exports\//)
    } finally {
      MAX_SEND_BYTES.wechat = limit
    }
  })

  it("shows the chat's sentence when /导出 refuses an organizer who organizes nothing", async () => {
    const organizer = await organizerSession()
    const res = await organizer.post('/console/files/export', {}, '/console/files')
    const [chatSays] = await web.say('/导出', { ...ORGANIZER, chat: 'dm-zm', direct: true })
    expect(res.statusCode).toBe(400)
    expect(res.headers['content-type']).toContain('text/html')
    expect(flash(res.body)).toBe(chatSays)
    expect(chatSays).toBe('没有可导出的活动。')
    expect(res.body).toContain('您组织的活动本学期的档案')
  })
})
