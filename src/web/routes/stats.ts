import type { FastifyInstance } from 'fastify'
import { texts } from '../../core/texts/index.ts'
import { tableWorkbook } from '../../services/export-table.ts'
import type { StatsTerm } from '../../services/term-stats.ts'
import type { Viewer } from '../../services/web-tokens.ts'
import { sendAttachment, XLSX_TYPE } from '../attachment.ts'
import { read, type WebDeps } from '../deps.ts'
import { renderPage } from '../render.ts'
import { CHART_NAMES, scriptJson, statsCharts, type ChartName, type StatsChart } from '../stats-charts.ts'
import { guard, notFound } from '../viewer.ts'
import { ID } from '../params.ts'

const S = texts.webStats
const FILE = new RegExp(`^(${CHART_NAMES.join('|')})\\.xlsx$`)

type Loaded =
  | { kind: 'unknown' }
  | { kind: 'noTerm' }
  | { kind: 'term'; term: StatsTerm; terms: StatsTerm[]; activities: number; charts: StatsChart[] }

/** `?term=` as the page's term selector sends it: a term id, or nothing for the current term; anything else names no term. */
function askedTerm(raw: unknown): number | null | 'unknown' {
  if (raw === undefined || raw === '') return null
  return typeof raw === 'string' && ID.test(raw) ? Number(raw) : 'unknown'
}

/** The term's numbers, read in one unit of work, for the viewer's district only. */
async function loadStats(deps: WebDeps, viewer: Viewer, rawTerm: unknown): Promise<Loaded> {
  const asked = askedTerm(rawTerm)
  if (asked === 'unknown') return { kind: 'unknown' }
  const now = deps.clock()
  return read(deps, async (work): Promise<Loaded> => {
    const term = await work.termStats.statsTerm(viewer.districtId, asked, now)
    if (term === 'unknown') return { kind: 'unknown' }
    if (!term) return { kind: 'noTerm' }
    const numbers = await work.termStats.termNumbers(viewer.districtId, term, now)
    return { kind: 'term', term, terms: await work.termStats.statsTerms(viewer.districtId), activities: numbers.activities, charts: statsCharts(numbers, term) }
  })
}

/**
 * 统计: four charts of the term, each beside its table (the table is the
 * truth and reads without JavaScript) with the table as an Excel download.
 * Staff of the district see the district's counts; nothing names a person.
 */
export async function statsRoutes(app: FastifyInstance, deps: WebDeps): Promise<void> {
  app.get<{ Querystring: { term?: unknown } }>('/stats', { preHandler: guard('staff') }, async (request, reply) => {
    const viewer = request.viewer!
    const loaded = await loadStats(deps, viewer, request.query.term)
    if (loaded.kind === 'unknown') return notFound(request, reply)
    const page = { P: S, intro: null as string | null, empty: null as string | null, term: null as StatsTerm | null, terms: [] as StatsTerm[], charts: [] as unknown[] }
    if (loaded.kind === 'noTerm') return renderPage(reply, viewer, 'stats', S.heading, { ...page, empty: S.noTerm }, { nav: 'stats' })
    const { term, terms, charts } = loaded
    return renderPage(reply, viewer, 'stats', S.heading, {
      ...page,
      term, terms,
      intro: S.termIntro(term.name, term.startDate, term.endDate),
      empty: loaded.activities === 0 ? S.noActivities(term.name) : null,
      charts: charts.map((c) => ({ ...c, json: scriptJson(c.chart), download: `/stats/${c.name}.xlsx?term=${term.id}` })),
    }, { nav: 'stats' })
  })

  app.get<{ Params: { file: string }; Querystring: { term?: unknown } }>('/stats/:file', { preHandler: guard('staff') }, async (request, reply) => {
    const name = FILE.exec(request.params.file)?.[1] as ChartName | undefined
    if (!name) return notFound(request, reply)
    const viewer = request.viewer!
    const loaded = await loadStats(deps, viewer, request.query.term)
    if (loaded.kind !== 'term') return notFound(request, reply)
    const chart = loaded.charts.find((c) => c.name === name)!
    const bytes = await tableWorkbook(chart.sheet, chart.download)
    return sendAttachment(reply, S.fileName(viewer.districtName, loaded.term.name, chart.title), XLSX_TYPE, bytes)
  })
}
