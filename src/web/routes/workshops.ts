import type { FastifyInstance, FastifyReply } from 'fastify'
import { charCount, LIMITS, longerThan } from '../../core/limits.ts'
import { texts } from '../../core/texts/index.ts'
import { listName } from '../../services/members.ts'
import { CONSOLE_PATH } from '../../services/web-tokens.ts'
import { read, type WebDeps } from '../deps.ts'
import { renderPage, setFlash } from '../render.ts'
import { actorOf, guard, notFound } from '../viewer.ts'
import { readerOf, workshopsPage } from './workshops-page.ts'
import { ID } from '../params.ts'

const P = texts.webPeople
const W = P.workshops

type Form = Record<string, string | string[] | undefined> | undefined

/**
 * 工作室与答疑 (admins, organizers and mentors): GET /console/workshops shows
 * the workshops with their mentors, pairs and their 听课 this term against
 * the district's minimum, pending applications, and the open questions the
 * viewer may read; a mentor only what the chat shows a mentor
 * (workshops-page.ts). POST /console/workshops/questions/:id/answer runs
 * /回答 for the viewer, so the answer is posted where /回答 posts it.
 */
export async function workshopRoutes(app: FastifyInstance, deps: WebDeps): Promise<void> {
  app.get('/workshops', { preHandler: guard('staffOrMentor') }, async (request, reply) => {
    const viewer = request.viewer!
    const page = await read(deps, (work) => workshopsPage(work, viewer, deps.clock()))
    return renderPage(reply, viewer, 'workshops', W.title, { P, maxAnswer: LIMITS.answer, ...page }, { nav: 'workshops' })
  })

  app.post<{ Params: { id: string }; Body: Form }>('/workshops/questions/:id/answer', { preHandler: guard('staffOrMentor') }, async (request, reply) => {
    const viewer = request.viewer!
    if (!ID.test(request.params.id)) return notFound(request, reply)
    const id = Number(request.params.id)
    // One the viewer may not read is as one that does not exist, as /问题 7 answers it.
    const question = await read(deps, (work) => work.questions.readQuestion(viewer.districtId, readerOf(viewer), id))
    if (!question) return notFound(request, reply)
    const field = request.body?.text
    // The browser sends a line break as CR LF; the chat's messages carry LF.
    const text = (typeof field === 'string' ? field : '').replace(/\r\n?/g, '\n').trim()
    if (!text) return refuse(reply, W.answerEmpty(id))
    if (longerThan(text, LIMITS.answer)) return refuse(reply, W.answerTooLong(charCount(text)))
    const done = await deps.perform(actorOf(viewer), `/回答 ${id} ${text}`)
    let said = done.answers.map((a) => a.text).join('\n') || (done.ok ? W.answered(id) : '')
    // The page names no anonymous asker to anyone, admins included (in chat an admin reads it in a direct chat only).
    if (question.anonymous) said = said.split(texts.qa.anonymousToAdmin(listName(question.asker))).join(texts.qa.anonymous)
    setFlash(reply, { ok: done.ok, text: said })
    return reply.redirect(`${CONSOLE_PATH}/workshops`, 303)
  })
}

function refuse(reply: FastifyReply, text: string): FastifyReply {
  setFlash(reply, { ok: false, text })
  return reply.redirect(`${CONSOLE_PATH}/workshops`, 303)
}
