import type { FastifyInstance } from 'fastify'
import { texts } from '../../core/texts/index.ts'
import type { ListedActivity, ListWhen } from '../../services/activity-list.ts'
import { describeOccurrence, describeRhythm, describeWhen, pendingWindowPassed, type DescribeEnv } from '../../services/describe.ts'
import { CONSOLE_PATH } from '../../services/web-tokens.ts'
import { read, type WebDeps } from '../deps.ts'
import { renderPage } from '../render.ts'
import { guard, notFound } from '../viewer.ts'
import { activityActionRoutes } from './activity-actions.ts'
import { readActivityView } from './activity-view.ts'
import { ID, one } from '../params.ts'

const P = texts.webActivity
const PER_PAGE = 50
const MAX_SEARCH_CHARS = 40
const WHENS: readonly ListWhen[] = ['upcoming', 'past', 'pending', 'all']

type Query = Record<string, string | string[] | undefined>

/**
 * GET /console/activities: the district's activities, those to come first
 * (?when=upcoming|past|pending|all, ?q= words of the title, ?page=); GET
 * /console/activities/:id: one activity, its sessions, roster and the forms
 * that run its commands (activity-actions.ts). Staff only; an id of another
 * district is the same 404 as one that does not exist.
 */
export async function activityRoutes(app: FastifyInstance, deps: WebDeps): Promise<void> {
  app.get<{ Querystring: Query }>('/activities', { preHandler: guard('staff') }, async (request, reply) => {
    const viewer = request.viewer!
    const asked = one(request.query.when)
    const when = WHENS.find((w) => w === asked) ?? 'upcoming'
    const written = one(request.query.q) ?? ''
    const tooLong = [...written].length > MAX_SEARCH_CHARS
    const search = tooLong ? '' : written
    const page = Number(/^\d{1,5}$/.exec(one(request.query.page) ?? '')?.[0] ?? 1)
    const now = deps.clock()
    const { list, describe } = await read(deps, async (work) => {
      const district = await work.districts.getDistrict(viewer.districtId)
      const env = await work.calendarEnv.calendarEnv(district, now)
      const describe: DescribeEnv = { timezone: district.timezone, today: env.today, semesters: [] }
      const list = await work.activityList.listActivities({ districtId: district.id, today: env.today, now, when, search, page, perPage: PER_PAGE })
      return { list, describe }
    })
    const link = (p: number) => `${CONSOLE_PATH}/activities?${new URLSearchParams({ when, ...(search ? { q: search } : {}), page: String(p) }).toString()}`
    return renderPage(reply.code(tooLong ? 400 : 200), viewer, 'activities', P.title, {
      P, when, search: tooLong ? written.slice(0, MAX_SEARCH_CHARS) : search, maxSearch: MAX_SEARCH_CHARS,
      error: tooLong ? P.searchTooLong(MAX_SEARCH_CHARS) : null,
      heading: P.heading(viewer.districtName),
      rows: list.rows.map((row) => listRow(row, describe, now)),
      total: list.total, page: list.page, pages: list.pages,
      previous: list.page > 1 ? link(list.page - 1) : null,
      next: list.page < list.pages ? link(list.page + 1) : null,
    }, { nav: 'activities' })
  })

  app.get<{ Params: { id: string } }>('/activities/:id', { preHandler: guard('staff') }, async (request, reply) => {
    const viewer = request.viewer!
    if (!ID.test(request.params.id)) return notFound(request, reply)
    const view = await read(deps, (work) => readActivityView(work, viewer, Number(request.params.id), deps.clock()))
    if (!view) return notFound(request, reply)
    const action = `${CONSOLE_PATH}/activities/${view.id}`
    return renderPage(reply, viewer, 'activity', texts.activity.detailTitle(view.id, view.title), { P, a: view, action, levels: Object.entries(P.levels) }, { nav: 'activities' })
  })

  await activityActionRoutes(app, deps)
}


/**
 * One activity as the list shows it: a dated one by its next session (the
 * last when all are over), a series with its rhythm below, an undated one by
 * its window as /活动 待定 says it.
 */
function listRow(row: ListedActivity, describe: DescribeEnv, now: Date) {
  const a = row.activity
  return {
    id: a.id, title: a.title, href: `${CONSOLE_PATH}/activities/${a.id}`,
    when: whenOf(row, describe), rhythm: describeRhythm(a, row.first ?? undefined, describe) ?? '',
    place: a.place ?? '', subject: a.subject ?? '', organizer: row.organizerName,
    count: a.noSignup ? P.noticeOnly : P.count(row.counts.confirmed, a.capacity, row.counts.waiting),
    ...statusOf(row, now),
  }
}

function whenOf(row: ListedActivity, describe: DescribeEnv): string {
  if (!row.session) return describeWhen(row.activity, [], describe) + (pendingWindowPassed(row.activity, describe.today) ? texts.list.pendingPast : '')
  const when = describeOccurrence(row.session, describe)
  return row.state === 'past' ? P.last(when) : when
}

function statusOf(row: ListedActivity, now: Date): { status: string; statusKey: keyof typeof P.status } {
  const key = row.activity.status === 'cancelled' ? 'cancelled'
    : row.state === 'undated' ? 'pending'
    : row.state === 'past' ? 'past'
    : row.session && row.session.startAt <= now ? 'ongoing' : 'upcoming'
  return { status: P.status[key], statusKey: key }
}
