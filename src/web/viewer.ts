import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Actor } from '../core/domain.ts'
import { CONSOLE_PATH, type Viewer } from '../services/web-tokens.ts'
import { texts } from '../core/texts/index.ts'
import type { WebDeps } from './deps.ts'
import { renderMessage } from './render.ts'

export const SESSION_COOKIE = 'xq_session'

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in member, read afresh from the database for each request; null when signed out. */
    viewer: Viewer | null
  }
}

/** Cookie options for the session: never readable by a script, never sent from another site, Secure on https. */
export function sessionCookie(deps: WebDeps, expires?: Date) {
  const secure = deps.config.PUBLIC_URL?.startsWith('https:') ?? false
  return { path: CONSOLE_PATH, httpOnly: true, sameSite: 'strict' as const, secure, ...(expires ? { expires } : {}) }
}

/** Reads the session cookie into request.viewer. */
export function loadViewer(deps: WebDeps) {
  return async (request: FastifyRequest): Promise<void> => {
    const token = request.cookies[SESSION_COOKIE]
    request.viewer = token ? await deps.domain.unit((unit) => unit.work.webTokens.viewerOf(token, deps.clock())) : null
  }
}

export function isStaff(viewer: Viewer): boolean {
  return viewer.roles.has('admin') || viewer.roles.has('organizer')
}

export function actorOf(viewer: Viewer): Actor {
  return { memberId: viewer.memberId, districtId: viewer.districtId, groupId: viewer.groupId }
}

/**
 * Who may open a page: any signed-in member, admins and organizers ("staff"), or admins.
 * Refused with a plain page (401 signed out, 403 not allowed): the route's handler never runs.
 */
export type Access = 'member' | 'staff' | 'admin'

export function guard(access: Access) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const viewer = request.viewer
    if (!viewer) return renderMessage(reply.code(401), null, texts.web.refused.heading, texts.web.login.needed)
    if (access === 'staff' && !isStaff(viewer)) return renderMessage(reply.code(403), viewer, texts.web.refused.heading, texts.web.refused.forbidden)
    if (access === 'admin' && !viewer.roles.has('admin')) return renderMessage(reply.code(403), viewer, texts.web.refused.heading, texts.web.refused.adminOnly)
  }
}

/** The page for an id that is not in the viewer's district (or does not exist): the same 404 either way. */
export function notFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return renderMessage(reply.code(404), request.viewer, texts.web.refused.heading, texts.web.refused.notFound)
}
