import { createRequire } from 'node:module'
import path from 'node:path'
import fastifyCookie from '@fastify/cookie'
import fastifyCsrf from '@fastify/csrf-protection'
import fastifyFormbody from '@fastify/formbody'
import fastifyMultipart from '@fastify/multipart'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import { texts } from '../core/texts/index.ts'
import { CONSOLE_PATH } from '../services/web-tokens.ts'
import type { WebDeps } from './deps.ts'
import { renderMessage } from './render.ts'
import { loginRoutes } from './routes/login.ts'
import { termRoutes } from './routes/term.ts'
import { statsRoutes } from './routes/stats.ts'
import { filesRoutes } from './routes/files.ts'
import { memberRoutes } from './routes/members.ts'
import { meRoutes } from './routes/me.ts'
import { workshopRoutes } from './routes/workshops.ts'
import { activityRoutes } from './routes/activities.ts'
import { accessOf, formToken, loadViewer, type Access } from './viewer.ts'

export type { WebDeps } from './deps.ts'

/** The largest form body (an answer, an edit); uploads have their own limit. */
const FORM_LIMIT = 64 * 1024

/** Every page and asset of the console, with security headers; each page module is one line here. */
const PAGES: readonly ((app: FastifyInstance, deps: WebDeps) => Promise<void>)[] = [loginRoutes, termRoutes, statsRoutes, filesRoutes, memberRoutes, meRoutes, workshopRoutes, activityRoutes]

/** Routes open without a session: the way in, logging out, the home page's redirect, and the stylesheet and scripts. */
const OPEN = [/^\/login\//, /^\/logout$/, /^\/$/, /^\/assets\//]

/** Every route of a console and the access it declares (tests check each one's refusals). */
const declared = new WeakMap<FastifyInstance, { method: string; url: string; access: Access }[]>()

export function consoleRoutes(app: FastifyInstance): readonly { method: string; url: string; access: Access }[] {
  return declared.get(app) ?? []
}

/**
 * The district office's web console, under /console on the bot's HTTP
 * server: server-rendered pages over the same services as the chat, every
 * change a chat command run for the signed-in member (src/core/perform.ts).
 */
export async function registerWebConsole(app: FastifyInstance, deps: WebDeps): Promise<void> {
  await app.register(async (web) => {
    await web.register(fastifyCookie)
    await web.register(fastifyFormbody, { bodyLimit: FORM_LIMIT })
    await web.register(fastifyMultipart, { limits: { fileSize: deps.domain.maxFileBytes, files: 1, fields: 10, fieldSize: 1024, parts: 12 } })
    await web.register(fastifyCsrf, {
      sessionPlugin: '@fastify/cookie',
      cookieKey: 'xq_csrf',
      // Never the address, where a token lands in logs and the browser's history: an upload's is its first field (viewer.ts checkUploadToken).
      getToken: formToken,
      cookieOpts: { path: CONSOLE_PATH, httpOnly: true, sameSite: 'strict', secure: deps.config.PUBLIC_URL?.startsWith('https:') ?? false },
    })
    await web.register(fastifyStatic, { root: path.join(import.meta.dirname, 'public'), prefix: '/assets/', decorateReply: false, index: false })
    const echarts = path.dirname(createRequire(import.meta.url).resolve('echarts/dist/echarts.min.js'))
    await web.register(fastifyStatic, {
      root: echarts, prefix: '/assets/vendor/', decorateReply: false, index: false, allowedPath: (name) => name === '/echarts.min.js',
    })
    // A page that declares no guard does not start: nothing is served to whoever asks by oversight.
    const routes: { method: string; url: string; access: Access }[] = []
    declared.set(app, routes)
    web.addHook('onRoute', (route) => {
      const path = route.url.slice(CONSOLE_PATH.length) || '/'
      if (OPEN.some((open) => open.test(path))) return
      const access = accessOf(route.preHandler)
      if (!access) throw new Error(`web console route without a guard: ${String(route.method)} ${route.url}`)
      for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url, access })
    })
    web.decorateRequest('viewer', null)
    web.addHook('onRequest', loadViewer(deps))
    web.addHook('onSend', async (_request, reply) => {
      reply.header('x-frame-options', 'DENY').header('x-content-type-options', 'nosniff').header('referrer-policy', 'no-referrer')
      if (deps.config.PUBLIC_URL?.startsWith('https:')) reply.header('strict-transport-security', 'max-age=31536000')
      reply.header('content-security-policy', "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'")
    })
    web.setErrorHandler((err: { code?: string; statusCode?: number }, request, reply) => {
      const R = texts.web.refused
      if (err.code?.startsWith('FST_CSRF')) return renderMessage(reply.code(403), request.viewer, R.csrfHeading, R.csrf)
      const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500
      if (status === 500) {
        deps.log.error({ err, path: request.url.split('?')[0] }, 'web console request failed')
        return renderMessage(reply.code(500), request.viewer, R.badRequestHeading, texts.router.internal)
      }
      if (status === 413) return renderMessage(reply.code(413), request.viewer, R.tooLargeHeading, R.tooLarge)
      if (status === 404) return renderMessage(reply.code(404), request.viewer, R.notFoundHeading, R.notFound)
      return renderMessage(reply.code(status), request.viewer, R.badRequestHeading, R.badRequest)
    })
    web.setNotFoundHandler((request, reply) => renderMessage(reply.code(404), request.viewer, texts.web.refused.notFoundHeading, texts.web.refused.notFound))
    for (const pages of PAGES) await pages(web, deps)
  }, { prefix: CONSOLE_PATH })
}
