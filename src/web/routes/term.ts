import type { FastifyInstance } from 'fastify'
import { texts } from '../../core/texts/index.ts'
import type { TermFilters } from '../../services/term-grid.ts'
import { CONSOLE_PATH } from '../../services/web-tokens.ts'
import { read, type WebDeps } from '../deps.ts'
import { renderPage } from '../render.ts'
import { guard, notFound } from '../viewer.ts'
import { ID, one } from '../params.ts'

const P = texts.webTerm
/** A filter value longer than any subject or school name is not one. */
const MAX_FILTER_CHARS = 40

type Query = Record<string, string | string[] | undefined>

/**
 * GET /console/term: the district's semester as a grid of weeks by weekday
 * (the current one, or ?term=<id> of its own), filtered by 学科, 承办学校 or
 * 工作室; ?print=1 lays it out for A4 landscape. The page only renders what
 * the term-grid service read.
 */
export async function termRoutes(app: FastifyInstance, deps: WebDeps): Promise<void> {
  app.get<{ Querystring: Query }>('/term', { preHandler: guard('staff') }, async (request, reply) => {
    const viewer = request.viewer!
    const query = request.query
    const term = one(query.term)
    if (term !== undefined && !ID.test(term)) return notFound(request, reply)
    const asked = askedFilters(query)
    const grid = await read(deps, (work) => work.termGrid.readTermGrid(viewer.districtId, deps.clock(), term === undefined ? undefined : Number(term), asked.filters))
    if (grid.kind === 'unknownSemester') return notFound(request, reply)
    const print = one(query.print) === '1'
    if (grid.kind === 'noSemester') return renderPage(reply, viewer, 'term', P.title, { P, grid }, { nav: 'term', print })
    const ignored = asked.written.filter((w) => !isKept(w.key, grid.filters)).map((w) => w.value)
    const params = linkParams(grid.semester.id, grid.filters)
    return renderPage(reply, viewer, 'term', P.title, {
      P, grid, print, ignored,
      district: viewer.districtName,
      printHref: `${CONSOLE_PATH}/term?${new URLSearchParams({ ...params, print: '1' }).toString()}`,
      backHref: `${CONSOLE_PATH}/term?${new URLSearchParams(params).toString()}`,
      filtered: describeFilters(grid.filters, grid.options.workshops),
    }, { nav: 'term', print })
  })
}


type FilterKey = keyof TermFilters

/** The filters as asked, and what was written for each (to say which were not in the term). */
function askedFilters(query: Query): { filters: TermFilters; written: { key: FilterKey; value: string }[] } {
  const written: { key: FilterKey; value: string }[] = []
  const filters: TermFilters = {}
  const subject = one(query.subject)
  const school = one(query.school)
  const workshop = one(query.workshop)
  if (subject !== undefined) {
    written.push({ key: 'subject', value: subject.slice(0, MAX_FILTER_CHARS) })
    if (subject.length <= MAX_FILTER_CHARS) filters.subject = subject
  }
  if (school !== undefined) {
    written.push({ key: 'school', value: school.slice(0, MAX_FILTER_CHARS) })
    if (school.length <= MAX_FILTER_CHARS) filters.school = school
  }
  if (workshop !== undefined) {
    written.push({ key: 'workshopId', value: workshop.slice(0, MAX_FILTER_CHARS) })
    if (ID.test(workshop)) filters.workshopId = Number(workshop)
  }
  return { filters, written }
}

function isKept(key: FilterKey, kept: TermFilters): boolean {
  return kept[key] !== undefined
}

/** The query that shows this grid again (the print link, the way back from it). */
function linkParams(semesterId: number, f: TermFilters): Record<string, string> {
  return {
    term: String(semesterId),
    ...(f.subject !== undefined ? { subject: f.subject } : {}),
    ...(f.school !== undefined ? { school: f.school } : {}),
    ...(f.workshopId !== undefined ? { workshop: String(f.workshopId) } : {}),
  }
}

/** "中小学语文 · 育秀实验学校" for the print heading; null when nothing is filtered. */
function describeFilters(f: TermFilters, workshops: { id: number; name: string }[]): string | null {
  const parts = [f.subject, f.school, workshops.find((w) => w.id === f.workshopId)?.name].filter((p): p is string => Boolean(p))
  return parts.length ? P.filtered(parts.join(' · ')) : null
}
