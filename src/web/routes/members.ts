import type { FastifyInstance } from 'fastify'
import { localParts } from '../../calendar/dates.ts'
import { normalizeText } from '../../calendar/normalize.ts'
import { charCount } from '../../core/limits.ts'
import { GRANTABLE, type Role } from '../../core/roles.ts'
import { ROLE_NAMES, texts } from '../../core/texts/index.ts'
import type { District } from '../../generated/prisma/client.ts'
import type { DirectoryEntry } from '../../services/member-directory.ts'
import { listName } from '../../services/members.ts'
import { CONSOLE_PATH } from '../../services/web-tokens.ts'
import { read, type WebDeps } from '../deps.ts'
import { renderPage, setFlash } from '../render.ts'
import { actorOf, guard, notFound } from '../viewer.ts'
import { memberRecord, profileOf } from './member-record.ts'
import { ID, one } from '../params.ts'

const P = texts.webPeople
const M = P.members
/** The longest search: a name or a school's name. */
const MAX_SEARCH = 20
const PER_PAGE = 100
const PAGE = /^[1-9]\d{0,4}$/

type Query = Record<string, string | string[] | undefined>
type Form = Record<string, string | string[] | undefined> | undefined

/**
 * 成员 (admins): GET /console/members lists the district's members, searched
 * by name or school; GET /console/members/:id shows one with their roles,
 * sign-ups, attendance and 学时; POST …/grant and …/revoke run /授权 and
 * /撤销 for the admin, naming the member so the command takes exactly them.
 */
export async function memberRoutes(app: FastifyInstance, deps: WebDeps): Promise<void> {
  app.get<{ Querystring: Query }>('/members', { preHandler: guard('admin') }, async (request, reply) => {
    const viewer = request.viewer!
    const q = (one(request.query.q) ?? '').trim()
    const pageText = one(request.query.page) ?? '1'
    const problem = charCount(q, MAX_SEARCH) > MAX_SEARCH ? M.searchTooLong(MAX_SEARCH) : !PAGE.test(pageText) ? M.badPage : null
    const base = { P, q: q.slice(0, MAX_SEARCH), maxSearch: MAX_SEARCH, rows: [], total: 0, page: 1, pages: 1 }
    if (problem) return renderPage(reply.code(400), viewer, 'members', M.title, { ...base, problem }, { nav: 'members' })
    const page = Number(pageText)
    const { district, list } = await read(deps, async (work) => ({
      district: await work.districts.getDistrict(viewer.districtId),
      list: await work.memberDirectory.listMembers(viewer.districtId, { search: q || undefined, skip: (page - 1) * PER_PAGE, take: PER_PAGE }),
    }))
    const pages = Math.max(1, Math.ceil(list.total / PER_PAGE))
    const href = (n: number) => `${CONSOLE_PATH}/members?${new URLSearchParams({ ...(q ? { q } : {}), page: String(n) }).toString()}`
    return renderPage(reply, viewer, 'members', M.title, {
      ...base, problem: null, total: list.total, page, pages,
      rows: list.entries.map((e) => rowOf(e, district, deps.clock())),
      prevHref: page > 1 ? href(page - 1) : null, nextHref: page < pages ? href(page + 1) : null,
    }, { nav: 'members' })
  })

  app.get<{ Params: { id: string } }>('/members/:id', { preHandler: guard('admin') }, async (request, reply) => {
    const viewer = request.viewer!
    if (!ID.test(request.params.id)) return notFound(request, reply)
    const memberId = Number(request.params.id)
    const now = deps.clock()
    const page = await read(deps, async (work) => {
      const entry = await work.memberDirectory.directoryEntry(viewer.districtId, memberId)
      if (!entry) return null
      const district = await work.districts.getDistrict(viewer.districtId)
      const mention = await work.memberDirectory.mentionIn(memberId, viewer.groupId)
      const platform = await work.memberDirectory.platformOf(viewer.groupId)
      // The revoke button shows only where /撤销 would take the role: adminRevokeBar is the command's own check.
      const adminBar = entry.roles.includes('admin') ? await work.districts.adminRevokeBar(viewer.districtId, memberId, viewer.memberId) : null
      return { entry, district, mention, platform, adminBar, record: await memberRecord(work, district, memberId, now) }
    })
    if (!page) return notFound(request, reply)
    const { entry, district, mention, platform, adminBar, record } = page
    const row = rowOf(entry, district, now)
    const held = GRANTABLE.filter((r) => entry.roles.includes(r))
    // Without an account where the admin acts, the command can only go by name, which it may refuse.
    const note = !mention && entry.seenIn.length > 0 ? P.member.noAccountHere(texts.link.platformName(platform ?? '')) : null
    return renderPage(reply, viewer, 'member', row.name, {
      P, note, record,
      member: {
        ...row,
        held: held.map((role) => {
          const bar = role === 'admin' ? adminBar : null
          return { role, name: ROLE_NAMES[role], barred: bar === null ? null : bar === 'senior' ? P.member.seniorAdmin : P.member.lastAdmin }
        }),
        grantable: GRANTABLE.filter((r) => !held.includes(r)).map((role) => ({ role, name: ROLE_NAMES[role] })),
      },
    }, { nav: 'members' })
  })

  for (const action of ['grant', 'revoke'] as const) {
    app.post<{ Params: { id: string }; Body: Form }>(`/members/:id/${action}`, { preHandler: guard('admin') }, async (request, reply) => {
      const viewer = request.viewer!
      if (!ID.test(request.params.id)) return notFound(request, reply)
      const memberId = Number(request.params.id)
      const back = `${CONSOLE_PATH}/members/${memberId}`
      const target = await read(deps, async (work) => {
        const entry = await work.memberDirectory.directoryEntry(viewer.districtId, memberId)
        return entry ? { entry, mention: await work.memberDirectory.mentionIn(memberId, viewer.groupId) } : null
      })
      if (!target) return notFound(request, reply)
      const role = one(request.body?.role)
      if (!isGrantable(role)) return refuse(reply, back, P.member.badRole)
      // The @mention is the account as the platform names it (a different name would be taken as the account renamed);
      // /授权 and /撤销 name the member in their reply as this page does, by listName.
      const who = target.mention ? `@${target.mention.name}` : exactName(listName(target.entry.member))
      if (who === null) return refuse(reply, back, P.member.notExact)
      const command = action === 'grant' ? '授权' : '撤销'
      const done = await deps.perform(actorOf(viewer), `/${command} ${who} ${ROLE_NAMES[role]}`, target.mention ? { mentions: [target.mention] } : {})
      setFlash(reply, { ok: done.ok, text: done.answers.map((a) => a.text).join('\n') })
      return reply.redirect(back, 303)
    })
  }
}

/** One member as a row of the list. */
function rowOf(e: DirectoryEntry, district: District, now: Date) {
  const today = localParts(now, district.timezone).date
  const seen = localParts(e.lastSeenAt, district.timezone)
  const places = [...new Set(e.seenIn.map((s) => `${texts.link.platformName(s.platform)}${s.group ? ` · ${s.group}` : s.direct ? ` · ${M.direct}` : ''}`))]
  return {
    id: e.member.id, ...profileOf(e.member, today),
    roles: e.roles.length > 0 ? e.roles.map((r) => ROLE_NAMES[r]).join('、') : ROLE_NAMES.teacher,
    seenIn: places.length > 0 ? places.join('；') : M.placeholder,
    lastSeen: `${seen.date} ${seen.time}`,
  }
}


function isGrantable(role: string | undefined): role is Role {
  return GRANTABLE.some((r) => r === role)
}

/**
 * The member's name as one word the command reads back unchanged (it folds
 * full-width characters and drops a leading @): only then can the command's
 * own name lookup, which refuses a name two members share, find exactly them.
 */
function exactName(name: string): string | null {
  return /^[^\s@"'“”‘’「」『』]+$/u.test(name) && normalizeText(name) === name ? name : null
}

function refuse(reply: Parameters<typeof setFlash>[0], back: string, text: string) {
  setFlash(reply, { ok: false, text })
  return reply.redirect(back, 303)
}
