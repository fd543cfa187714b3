import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Actor } from '../core/domain.ts'
import { CONSOLE_PATH, type Viewer } from '../services/web-tokens.ts'
import { texts } from '../core/texts/index.ts'
import { mayOpen, type Access } from './access.ts'
import type { WebDeps } from './deps.ts'
import { renderMessage } from './render.ts'

export type { Access } from './access.ts'

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
    // The stylesheet and scripts are the same for everyone: no session read (a transaction) for each of them.
    if (request.url.startsWith(`${CONSOLE_PATH}/assets/`)) return
    const token = request.cookies[SESSION_COOKIE]
    request.viewer = token ? await deps.domain.unit((unit) => unit.work.webTokens.viewerOf(token, deps.clock())) : null
  }
}

export function isStaff(viewer: Viewer): boolean {
  return mayOpen(viewer.roles, 'staff')
}

export function actorOf(viewer: Viewer): Actor {
  return { memberId: viewer.memberId, districtId: viewer.districtId, groupId: viewer.groupId }
}

/** What a member who may not open a page of this access is told. */
const REFUSALS: Record<Exclude<Access, 'member'>, string> = {
  staffOrMentor: texts.web.refused.staffOrMentorOnly,
  staff: texts.web.refused.forbidden,
  admin: texts.web.refused.adminOnly,
}

export type Guard = ((request: FastifyRequest, reply: FastifyReply) => Promise<void>) & { access: Access }

export interface GuardOptions {
  /**
   * The route takes an upload (multipart/form-data) and checks its token
   * itself, from the form's first field, before it reads the file
   * (src/web/upload.ts). Any other route refuses a multipart request here:
   * its token could only be read from a body it never parses.
   */
  upload?: boolean
}

/**
 * A route's preHandler letting in who may open it (src/web/access.ts).
 * Refused with a plain page (401 signed out, 403 not allowed, 403 a form without
 * its CSRF token), in that order: the route's handler never runs.
 */
export function guard(access: Access, options: GuardOptions = {}): Guard {
  const check = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const viewer = request.viewer
    if (!viewer) return renderMessage(reply.code(401), null, texts.web.refused.heading, texts.web.login.needed)
    if (access !== 'member' && !mayOpen(viewer.roles, access)) return renderMessage(reply.code(403), viewer, texts.web.refused.heading, REFUSALS[access])
    if (request.method === 'GET' || request.method === 'HEAD') return
    if (options.upload && request.isMultipart()) return
    await checkCsrf(request, reply)
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
 * Every form posts its CSRF token in a hidden field named _csrf (an upload's
 * is its first field); the session cookie is SameSite=Strict too. Refused
 * with the console's 403 page (its error handler).
 */
export function checkCsrf(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  return new Promise((resolve, reject) => request.server.csrfProtection(request, reply, (err?: Error) => (err ? reject(err) : resolve())))
}

/** The token of an upload's form, read from its body by its route (a multipart body is not parsed before the handler). */
const uploadTokens = new WeakMap<FastifyRequest, string>()

/** Where the csrf plugin reads a form's token (its getToken, src/web/index.ts): the parsed form's field, or an upload's first field. */
export function formToken(request: FastifyRequest): string | undefined {
  if (request.isMultipart()) return uploadTokens.get(request)
  const token = (request.body as { _csrf?: unknown } | undefined)?._csrf
  return typeof token === 'string' ? token : undefined
}

/**
 * Checks an upload's token with the same csrf plugin as every other form.
 * False when it is missing or wrong: the plugin has then sent the 403 page,
 * with the connection closed after it, since the file that follows in the
 * body is never read.
 */
export function checkUploadToken(request: FastifyRequest, reply: FastifyReply, token: string | undefined): boolean {
  if (token !== undefined) uploadTokens.set(request, token)
  let passed = false
  reply.header('connection', 'close')
  // The plugin calls next() for a good token; for any other it sends the error itself (to the console's error handler) and never calls it.
  request.server.csrfProtection(request, reply, () => {
    passed = true
  })
  if (passed) reply.removeHeader('connection')
  return passed
}
