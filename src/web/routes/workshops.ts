import type { FastifyInstance, FastifyReply } from 'fastify'
import { localParts } from '../../calendar/dates.ts'
import { charCount, LIMITS, longerThan } from '../../core/limits.ts'
import { texts } from '../../core/texts/index.ts'
import type { District } from '../../generated/prisma/client.ts'
import { listName } from '../../services/members.ts'
import type { PairCount } from '../../services/observations.ts'
import { askerLabel, GROUP_READER, type Reader } from '../../services/question-access.ts'
import type { ListedQuestion } from '../../services/questions.ts'
import { CONSOLE_PATH, type Viewer } from '../../services/web-tokens.ts'
import type { WorkshopDetail } from '../../services/workshops.ts'
import { read, type WebDeps } from '../deps.ts'
import { renderPage, setFlash } from '../render.ts'
import { actorOf, guard, notFound } from '../viewer.ts'

const P = texts.webPeople
const W = P.workshops
/** Open questions read for one page; more are left to /问题 in chat. */
const MAX_QUESTIONS = 200
const ID = /^\d{1,9}$/

type Form = Record<string, string | string[] | undefined> | undefined

/**
 * 工作室与答疑 (admins and organizers): GET /console/workshops shows each
 * workshop's mentors, its pairs with their 听课 this term against the
 * district's minimum, pending applications, and the open questions the
 * viewer may read; POST /console/workshops/questions/:id/answer runs
 * /回答 for the viewer, so the answer is posted where /回答 posts it.
 */
export async function workshopRoutes(app: FastifyInstance, deps: WebDeps): Promise<void> {
  app.get('/workshops', { preHandler: guard('staff') }, async (request, reply) => {
    const viewer = request.viewer!
    const now = deps.clock()
    const data = await read(deps, async (work) => {
      const district = await work.districts.getDistrict(viewer.districtId)
      const { term } = await work.memberHours.hoursPeriod(district, now)
      const details: WorkshopDetail[] = []
      for (const w of await work.workshops.listWorkshops(viewer.districtId)) details.push((await work.workshops.workshopDetail(viewer.districtId, w.id))!)
      const pairs = await work.observations.pairCounts(viewer.districtId, term ? { from: term.startDate, to: term.endDate } : { from: null, to: null })
      const open = await work.questions.listQuestions(viewer.districtId, readerOf(viewer), { all: false }, MAX_QUESTIONS)
      return { district, term, details, pairs, open }
    })
    const { district, details, pairs, open } = data
    const question = (q: ListedQuestion) => questionView(q, district)
    return renderPage(reply, viewer, 'workshops', W.title, {
      P, maxAnswer: LIMITS.answer,
      observations: W.observations(data.term?.name ?? null),
      workshops: details.map((d) => ({
        id: d.id, name: d.name,
        mentors: d.mentors.map((m) => listName(m.member)).join('、') || W.noMentors,
        pairs: pairs.filter((p) => p.workshopId === d.id).map((p) => pairView(p, district.observationsPerTerm)),
        applied: d.mentees.filter((m) => m.status === 'applied').map((m) => W.appliedLine(listName(m.member), m.mentor ? listName(m.mentor) : null)),
        questions: open.list.filter((q) => q.workshopId === d.id).map(question),
      })),
      unassigned: open.list.filter((q) => q.workshopId === null || !details.some((d) => d.id === q.workshopId)).map(question),
      more: open.total - open.list.length,
    }, { nav: 'workshops' })
  })

  app.post<{ Params: { id: string }; Body: Form }>('/workshops/questions/:id/answer', { preHandler: guard('staff') }, async (request, reply) => {
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

/** The viewer reads questions as in their direct chat with the bot: what /问题 lists for them there. */
function readerOf(viewer: Viewer): Reader {
  return { where: 'direct', memberId: viewer.memberId, roles: viewer.roles }
}

function pairView(p: PairCount, min: number) {
  return { mentor: listName(p.mentor), mentee: listName(p.mentee), count: W.count(p.count, min), behind: min > 0 && p.count < min }
}

/** A question as the page shows it: an anonymous asker as 匿名, to every viewer. */
function questionView(q: ListedQuestion, district: District) {
  const asked = localParts(q.askedAt, district.timezone)
  return { id: q.id, text: q.text, asker: askerLabel(q, GROUP_READER), notShared: !q.shared, askedAt: `${asked.date} ${asked.time}` }
}

function refuse(reply: FastifyReply, text: string): FastifyReply {
  setFlash(reply, { ok: false, text })
  return reply.redirect(`${CONSOLE_PATH}/workshops`, 303)
}
