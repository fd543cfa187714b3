/**
 * The web console on the real app: the harness (router, handlers, Prisma on
 * a temporary database, a fake clock) with the console registered on the
 * bot's Fastify server at 127.0.0.1. A session is opened the way a person
 * opens one: /后台 in a chat, then the link's button.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { createLogger } from '../../src/log.ts'
import { startHttpServer, type HttpServer } from '../../src/platforms/http-server.ts'
import { registerWebConsole } from '../../src/web/index.ts'
import { freePort } from './console-process.ts'
import { createHarness, type Harness, type SayOptions } from './harness.ts'

export interface WebHarness extends Harness {
  http: HttpServer
  /** The Fastify instance: `web.fastify.inject(…)`. */
  fastify: FastifyInstance
  /** http://127.0.0.1:<port> */
  base: string
  /** The path of a fresh one-time link, asked for with /后台 as `as` (the console group's 我 by default). */
  linkFor(options?: SayOptions): Promise<string>
  /** The whole link as the bot sent it (http://127.0.0.1:<port>/console/login/…). */
  urlFor(options?: SayOptions): Promise<string>
  /** A signed-in session (through fastify.inject), as `as`. */
  login(options?: SayOptions): Promise<WebSession>
}

export interface WebSession {
  cookies: Record<string, string>
  get(url: string): Promise<LightMyRequestResponse>
  /** Posts a form with this session's CSRF token (read from `from`, a page with a form; the home page by default). */
  post(url: string, form?: Record<string, string>, from?: string): Promise<LightMyRequestResponse>
}

export async function createWebHarness(now: string, env: Record<string, string> = {}, database?: 'sqlite' | 'postgres'): Promise<WebHarness> {
  // The links the bot gives point at this very server, so a browser can open them as they are.
  const port = await freePort()
  const h = await createHarness(now, { PUBLIC_URL: `http://127.0.0.1:${port}`, ...env }, database)
  const log = createLogger('silent')
  const http = await startHttpServer({
    port, host: '127.0.0.1', routes: {}, log,
    setup: (app) => registerWebConsole(app, { domain: h.app.domain, perform: h.app.perform, registry: h.app.registry, clock: () => h.now(), config: h.config, log }),
  })
  const close = h.close
  const web: WebHarness = Object.assign(h, {
    http, fastify: http.app, base: `http://127.0.0.1:${http.port}`,
    async linkFor(options?: SayOptions) {
      const replies = await h.say('/后台', options)
      const path = /\/console\/login\/[A-Za-z0-9_-]{43}/.exec(replies.join('\n'))?.[0]
      if (!path) throw new Error(`no link in: ${replies.join(' | ')}`)
      return path
    },
    async urlFor(options?: SayOptions) {
      return `http://127.0.0.1:${port}${await web.linkFor(options)}`
    },
    async login(options?: SayOptions) {
      return sessionFrom(http.app, await web.linkFor(options))
    },
    async close() {
      await http.close()
      await close()
    },
  })
  return web
}

/** Opens a link with its button, then keeps the cookies the console sets. */
export async function sessionFrom(app: FastifyInstance, linkPath: string): Promise<WebSession> {
  const cookies: Record<string, string> = {}
  const keep = (res: LightMyRequestResponse) => {
    for (const c of res.cookies) {
      if (c.value === '' || c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.UTC(2000, 0, 1))) delete cookies[c.name]
      else cookies[c.name] = c.value
    }
    return res
  }
  const opened = keep(await app.inject({ method: 'POST', url: linkPath }))
  if (opened.statusCode !== 303) throw new Error(`login refused: ${opened.statusCode}`)
  const session: WebSession = {
    cookies,
    get: async (url) => keep(await app.inject({ method: 'GET', url, cookies })),
    async post(url, form = {}, from = '/console/me') {
      const page = await session.get(from)
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? ''
      return keep(await app.inject({ method: 'POST', url, cookies, payload: new URLSearchParams({ _csrf: csrf, ...form }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } }))
    },
  }
  return session
}
