import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { IMPORTABLE } from '../../core/dispatch.ts'
import { cleanFileName } from '../../core/names.ts'
import type { Performed } from '../../core/perform.ts'
import { texts } from '../../core/texts/index.ts'
import { CONSOLE_PATH, type Viewer } from '../../services/web-tokens.ts'
import { sendAttachment, XLSX_TYPE } from '../attachment.ts'
import { read, type WebDeps } from '../deps.ts'
import { renderPage } from '../render.ts'
import { actorOf, guard } from '../viewer.ts'
import { readUpload } from '../upload.ts'
import { ID } from '../params.ts'

const F = texts.webFiles

type Flash = { ok: boolean; text: string }

const said = (done: Performed) => done.answers.map((a) => a.text).join('\n')

/**
 * The admin's 行事历 waiting for /导入 (sent in chat or uploaded here),
 * previewed by running /导入 itself, which words it for a page: the text,
 * then each titled answer (every line taken for no activity) as a list to open.
 */
async function pendingImport(deps: WebDeps, viewer: Viewer) {
  if (!viewer.roles.has('admin')) return null
  const kept = await read(deps, (work) => work.importFiles.keptImportFile(viewer.memberId, viewer.districtId, deps.clock()))
  if (!kept) return null
  const preview = await deps.perform(actorOf(viewer), '/导入', { pageOnly: true })
  const text = preview.answers.filter((a) => !a.title).map((a) => a.text).join('\n')
  const lists = preview.answers.filter((a) => a.title).map((a) => ({ title: a.title!, lines: a.text.split('\n') }))
  return { id: kept.id, name: kept.name, ok: preview.ok, text, lists }
}

async function filesPage(deps: WebDeps, request: FastifyRequest, reply: FastifyReply, flash?: Flash): Promise<FastifyReply> {
  const viewer = request.viewer!
  // A page answering a refused upload shows no older file's preview: its confirm button would import a file other than the one just chosen.
  const pending = flash && !flash.ok ? null : await pendingImport(deps, viewer)
  return renderPage(reply, viewer, 'files', F.heading, {
    P: F,
    admin: viewer.roles.has('admin'),
    maxMb: Math.floor(deps.domain.maxFileBytes / 1024 / 1024),
    pending,
  }, { nav: 'files', ...(flash ? { flash } : {}) })
}

/** The kind of file an export answer carries, by its name: the workbook alone, or the zip with the 记录表. */
function typeOf(name: string): string {
  return name.toLowerCase().endsWith('.zip') ? 'application/zip' : XLSX_TYPE
}

/**
 * 导入 / 导出: the term's archive as /导出 gives it, and (admins) a 行事历
 * uploaded, read and kept exactly as one sent to the bot in chat, previewed
 * with /导入 and saved with /导入 确认.
 */
export async function filesRoutes(app: FastifyInstance, deps: WebDeps): Promise<void> {
  app.get('/files', { preHandler: guard('staff') }, (request, reply) => filesPage(deps, request, reply))

  // Its CSRF token is the form's first field, checked by readUpload before the file is read.
  app.post('/files/import', { preHandler: guard('staff', { upload: true }) }, async (request, reply) => {
    const viewer = request.viewer!
    // The chat keeps a file for /导入 from an admin only; anyone else's is never read (nor the rest of the request: the connection closes).
    if (!viewer.roles.has('admin')) return filesPage(deps, request, reply.code(403).header('connection', 'close'), { ok: false, text: F.adminsOnly })
    const upload = await readUpload(request, reply, deps.domain.maxFileBytes, IMPORTABLE, cleanFileName)
    if ('forged' in upload) return reply
    const now = deps.clock()
    // As in chat, a file sent that cannot be used voids the one waiting: 确认导入 never imports an older file by mistake.
    const forget = () => deps.domain.unit((unit) => unit.keepImportFile({ memberId: viewer.memberId, lines: null }, now))
    if (!upload.ok) {
      if (upload.chosen) await forget()
      return filesPage(deps, request, reply.code(400), { ok: false, text: upload.text })
    }
    const file = await deps.domain.readImportFile(upload.name, upload.bytes)
    if (!file.ok) {
      deps.log.info({ file: upload.name, problem: file.problem }, 'import file refused')
      await forget()
      return filesPage(deps, request, reply.code(400), { ok: false, text: file.text })
    }
    await deps.domain.unit((unit) => unit.keepImportFile({ memberId: viewer.memberId, districtId: viewer.districtId, name: upload.name, lines: file.lines }, now))
    return reply.redirect(`${CONSOLE_PATH}/files#import`, 303)
  })

  app.post<{ Body: { file?: unknown } }>('/files/import/confirm', { preHandler: guard('staff') }, async (request, reply) => {
    const viewer = request.viewer!
    const asked = typeof request.body?.file === 'string' && ID.test(request.body.file) ? Number(request.body.file) : null
    const kept = await read(deps, (work) => work.importFiles.keptImportFile(viewer.memberId, viewer.districtId, deps.clock()))
    // Another upload (another tab, or the chat) since this preview: the button must not save a file its page did not show.
    if (kept && kept.id !== asked) return filesPage(deps, request, reply.code(409), { ok: false, text: F.changed(kept.name) })
    const done = await deps.perform(actorOf(viewer), '/导入 确认')
    return filesPage(deps, request, reply.code(done.ok ? 200 : 400), { ok: done.ok, text: said(done) })
  })

  app.post('/files/export', { preHandler: guard('staff') }, async (request, reply) => {
    const done = await deps.perform(actorOf(request.viewer!), '/导出')
    const file = done.answers.find((a) => a.file)?.file
    if (file) return sendAttachment(reply, file.name, typeOf(file.name), Buffer.from(file.base64, 'base64'))
    // Refused, or too big for the chat it would go to and saved on the server: the command's own sentence.
    return filesPage(deps, request, reply.code(done.ok ? 200 : 400), { ok: done.ok, text: said(done) })
  })
}
