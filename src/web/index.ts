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
import { loadViewer } from './viewer.ts'

export type { WebDeps } from './deps.ts'

/** The largest form body (an answer, an edit); uploads have their own limit. */
const FORM_LIMIT = 64 * 1024

/** Every page and asset of the console, with security headers; each page module is one line here. */
const PAGES: readonly ((app: FastifyInstance, deps: WebDeps) => Promise<void>)[] = [loginRoutes]

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
      cookieOpts: { path: CONSOLE_PATH, httpOnly: true, sameSite: 'strict', secure: deps.config.PUBLIC_URL?.startsWith('https:') ?? false },
    })
    await web.register(fastifyStatic, { root: path.join(import.meta.dirname, 'public'), prefix: '/assets/', decorateReply: false, index: false })
    const echarts = path.dirname(createRequire(import.meta.url).resolve('echarts/dist/echarts.min.js'))
    await web.register(fastifyStatic, {
      root: echarts, prefix: '/assets/vendor/', decorateReply: false, index: false, allowedPath: (name) => name === '/echarts.min.js',
    })
    web.decorateRequest('viewer', null)
    web.addHook('onRequest', loadViewer(deps))
    // Every form posts its CSRF token (a hidden field, or ?_csrf= on an upload); the cookie is SameSite=Strict too.
    web.addHook('preHandler', async (request, reply) => {
      if (request.method === 'POST' && !request.url.startsWith(`${CONSOLE_PATH}/login/`)) await new Promise<void>((resolve, reject) => web.csrfProtection(request, reply, (err?: Error) => (err ? reject(err) : resolve())))
    })
    web.addHook('onSend', async (_request, reply) => {
      reply.header('x-frame-options', 'DENY').header('x-content-type-options', 'nosniff').header('referrer-policy', 'no-referrer')
      reply.header('content-security-policy', "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'")
    })
    web.setErrorHandler((err: { code?: string; statusCode?: number }, request, reply) => {
      if (err.code?.startsWith('FST_CSRF')) return renderMessage(reply.code(403), request.viewer, texts.web.refused.heading, texts.web.refused.csrf)
      const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500
      if (status === 500) deps.log.error({ err, path: request.url.split('?')[0] }, 'web console request failed')
      return renderMessage(reply.code(status), request.viewer, texts.web.refused.heading, status === 500 ? texts.router.internal : texts.web.refused.notFound)
    })
    web.setNotFoundHandler((request, reply) => renderMessage(reply.code(404), request.viewer, texts.web.refused.heading, texts.web.refused.notFound))
    for (const pages of PAGES) await pages(web, deps)
  }, { prefix: CONSOLE_PATH })
}
