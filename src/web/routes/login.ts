import type { FastifyInstance } from 'fastify'
import { texts } from '../../core/texts/index.ts'
import { CONSOLE_PATH, isTokenShape } from '../../services/web-tokens.ts'
import { read, type WebDeps } from '../deps.ts'
import { renderMessage, renderPage } from '../render.ts'
import { SESSION_COOKIE, checkCsrf, isStaff, sessionCookie } from '../viewer.ts'

const T = texts.web

/**
 * The way in. GET shows a button and spends nothing, so a chat app that
 * opens the link to draw a preview does not use it up; the button's POST
 * spends the link and starts the session. The address bar is then sent on
 * to the console, so the token stays out of the browser's history.
 */
export async function loginRoutes(app: FastifyInstance, deps: WebDeps): Promise<void> {
  app.get<{ Params: { token: string } }>('/login/:token', async (request, reply) => {
    const token = request.params.token
    const link = isTokenShape(token) ? await read(deps, (work) => work.webTokens.linkState(token, deps.clock())) : null
    if (!link || !link.ok) return renderMessage(reply.code(link ? 410 : 404), null, T.login.heading, link ? T.login[link.why] : T.login.unknown)
    return renderPage(reply, null, 'login', T.login.heading, { prompt: T.login.prompt(link.districtName), action: `${CONSOLE_PATH}/login/${token}` }, { flash: null })
  })

  app.post<{ Params: { token: string } }>('/login/:token', async (request, reply) => {
    // A login posted from another site would sign this browser in to someone else's session (a teacher's, say): refused.
    if (crossSite(request.headers, deps.config.PUBLIC_URL)) return renderMessage(reply.code(403), null, T.login.heading, T.refused.crossSite)
    const opened = await deps.domain.unit((unit) => unit.work.webTokens.openSession(request.params.token, deps.clock()))
    if (!opened.ok) return renderMessage(reply.code(opened.why === 'unknown' ? 404 : 410), null, T.login.heading, T.login[opened.why])
    reply.setCookie(SESSION_COOKIE, opened.session, sessionCookie(deps, Math.floor((opened.expiresAt.getTime() - deps.clock().getTime()) / 1000)))
    return reply.redirect(`${CONSOLE_PATH}/`, 303)
  })

  app.post('/logout', { preHandler: checkCsrf }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE]
    if (token) await deps.domain.unit((unit) => unit.work.webTokens.endSession(token, deps.clock()))
    reply.clearCookie(SESSION_COOKIE, sessionCookie(deps))
    return renderMessage(reply, null, T.login.heading, T.login.loggedOut)
  })

  // The home page: staff start at the term, a teacher at their own page.
  app.get('/', async (request, reply) => {
    const viewer = request.viewer
    if (!viewer) return renderMessage(reply.code(401), null, T.refused.heading, T.login.needed)
    return reply.redirect(`${CONSOLE_PATH}${isStaff(viewer) ? '/term' : '/me'}`, 303)
  })
}

/**
 * Whether a browser says the request came from another site: its
 * Sec-Fetch-Site, or an Origin other than the console's own (PUBLIC_URL's).
 * Clients that send neither (not a browser) are not refused for it.
 */
function crossSite(headers: Record<string, string | string[] | undefined>, publicUrl: string | undefined): boolean {
  const fetchSite = headers['sec-fetch-site']
  if (fetchSite === 'cross-site' || fetchSite === 'same-site') return true
  // Said by the browser itself: under the console's Referrer-Policy no-referrer, Chromium sends "Origin: null" even from the console's own page.
  if (fetchSite === 'same-origin' || fetchSite === 'none') return false
  const origin = headers.origin
  if (typeof origin !== 'string' || !publicUrl) return false
  return origin !== new URL(publicUrl).origin
}
