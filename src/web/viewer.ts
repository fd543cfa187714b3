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

/**
 * Cookie options for the session: never readable by a script, never sent
 * from another site, Secure on https. Its life is given as Max-Age, counted
 * on the browser's own clock (the bot's may be moved by CLOCK_START).
 */
export function sessionCookie(deps: WebDeps, maxAgeSeconds?: number) {
  const secure = deps.config.PUBLIC_URL?.startsWith('https:') ?? false
  return { path: CONSOLE_PATH, httpOnly: true, sameSite: 'strict' as const, secure, ...(maxAgeSeconds ? { maxAge: maxAgeSeconds } : {}) }
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
 * Refused with a plain page (401 signed out, 403 not allowed, 403 a form without
 * its CSRF token), in that order: the route's handler never runs.
 */
export type Access = 'member' | 'staff' | 'admin'

export type Guard = ((request: FastifyRequest, reply: FastifyReply) => Promise<void>) & { access: Access }

export function guard(access: Access): Guard {
  const check = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const viewer = request.viewer
    if (!viewer) return renderMessage(reply.code(401), null, texts.web.refused.heading, texts.web.login.needed)
    if (access === 'staff' && !isStaff(viewer)) return renderMessage(reply.code(403), viewer, texts.web.refused.heading, texts.web.refused.forbidden)
    if (access === 'admin' && !viewer.roles.has('admin')) return renderMessage(reply.code(403), viewer, texts.web.refused.heading, texts.web.refused.adminOnly)
    if (request.method !== 'GET' && request.method !== 'HEAD') await checkCsrf(request, reply)
  }
  return Object.assign(check, { access })
}

/** The access a route's guard declares, or null when it has none. */
export function accessOf(preHandler: unknown): Access | null {
  const handlers = Array.isArray(preHandler) ? preHandler : [preHandler]
  const found = handlers.find((h): h is Guard => typeof h === 'function' && 'access' in h)
  return found?.access ?? null
}

/** The page for an id that is not in the viewer's district (or does not exist): the same 404 either way. */
export function notFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return renderMessage(reply.code(404), request.viewer, texts.web.refused.notFoundHeading, texts.web.refused.notFound)
}

/**
 * Every form posts its CSRF token (a hidden field, or ?_csrf= on an upload,
 * whose body is read later); the session cookie is SameSite=Strict too.
 * Refused with the console's 403 page (its error handler).
 */
export function checkCsrf(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  return new Promise((resolve, reject) => request.server.csrfProtection(request, reply, (err?: Error) => (err ? reject(err) : resolve())))
}
