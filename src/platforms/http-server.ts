import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import Fastify, { type FastifyInstance } from 'fastify'
import type { Logger } from '../log.ts'

export type Route = (req: IncomingMessage, res: ServerResponse) => Promise<void>

/**
 * Limits on a request's arrival. Lark wants an answer within 3 s and a
 * calendar app sends a bare GET, so a request still arriving after 10 s is
 * someone holding a connection open (a body trickled a byte at a time):
 * Node answers it 408 and closes the connection. Node looks for such
 * requests every `connectionsCheckingInterval`, 30 s unless told.
 */
const SERVER_LIMITS = {
  headersTimeout: 5_000,
  requestTimeout: 10_000,
  connectionsCheckingInterval: 1_000,
  keepAliveTimeout: 5_000,
} as const

/** The largest body a Fastify route (the web console's forms) reads; uploads set their own limit. */
const BODY_LIMIT = 256 * 1024

export interface HttpServer {
  server: Server
  port: number
  app: FastifyInstance
  close(): Promise<void>
}

/**
 * The bot's one HTTP server, on Fastify: the web console (`setup`) and the
 * raw routes (Lark webhooks, calendar feeds), which read the request
 * themselves exactly as on a bare node:http server (`readBody`). A raw
 * route's key is an exact path, or a path ending in "/" for everything
 * under it. Anything else is a plain 404.
 */
export async function startHttpServer(options: {
  port: number
  host?: string
  routes: Record<string, Route>
  log: Logger
  /** Other limits than SERVER_LIMITS (tests use shorter ones). */
  limits?: Partial<Record<keyof typeof SERVER_LIMITS, number>>
  /** Registers more on the server before it listens (the web console). */
  setup?: (app: FastifyInstance) => Promise<void>
}): Promise<HttpServer> {
  const limits = { ...SERVER_LIMITS, ...options.limits }
  const app = Fastify({
    serverFactory: (handler) => createServer(limits, handler),
    requestTimeout: limits.requestTimeout,
    keepAliveTimeout: limits.keepAliveTimeout,
    bodyLimit: BODY_LIMIT,
    logger: false,
    return503OnClosing: true,
  })
  await app.register(async (raw) => rawRoutes(raw, options.routes, options.log))
  if (options.setup) await options.setup(app)
  app.setNotFoundHandler((_request, reply) => reply.code(404).type('text/plain; charset=utf-8').send('not found'))
  app.setErrorHandler((err: { statusCode?: number }, request, reply) => {
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500
    if (status === 500) options.log.error({ err, path: request.url.split('?')[0] }, 'http request failed')
    return reply.code(status).type('text/plain; charset=utf-8').send(status === 413 ? 'too large' : status === 500 ? 'error' : 'bad request')
  })
  await app.listen({ port: options.port, host: options.host ?? '0.0.0.0' })
  const server = app.server
  const port = (server.address() as AddressInfo).port
  return {
    server, port, app,
    close: async () => {
      server.closeAllConnections()
      await app.close()
    },
  }
}

/** Routes that take the request and response as node:http gives them, the body unread (they read it within their own limit). */
async function rawRoutes(raw: FastifyInstance, routes: Record<string, Route>, log: Logger): Promise<void> {
  raw.removeAllContentTypeParsers()
  raw.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined))
  for (const [path, route] of Object.entries(routes)) {
    raw.all(path.endsWith('/') ? `${path}*` : path, (request, reply) => {
      reply.hijack()
      const res = reply.raw
      route(request.raw, res).catch((err: unknown) => {
        log.error({ err, path: request.url.split('?')[0] }, 'http request failed')
        if (!res.headersSent && !res.destroyed) res.writeHead(500).end()
      })
    })
  }
}

export type Body = { ok: true; text: string } | { ok: false; why: 'too large' | 'cut off' }

/**
 * Past this much, a body too large is no longer read to its end: it is
 * refused at once and the connection closed. Below it, the rest is read
 * and dropped, so the client, still sending, gets to read the 413.
 */
const DRAIN_LIMIT = 64 * 1024 * 1024

/**
 * A request's body up to `limit` bytes. A larger one is refused with 413
 * here ('too large'); one that stops arriving (the client went away, or
 * the request timeout closed it) is 'cut off', with nobody left to answer.
 */
export function readBody(req: IncomingMessage, res: ServerResponse, limit: number): Promise<Body> {
  const refuse = (close: boolean): Body => {
    if (!res.headersSent && !res.destroyed) {
      // With "connection: close" Node drops the rest of the body once the answer is out, and closes.
      res.writeHead(413, { 'content-type': 'application/json; charset=utf-8', ...(close ? { connection: 'close' } : {}) })
      res.end(JSON.stringify({ error: 'body too large' }))
    }
    return { ok: false, why: 'too large' }
  }
  if (Number(req.headers['content-length']) > DRAIN_LIMIT) return Promise.resolve(refuse(true))
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= limit) chunks.push(chunk)
      else if (size > DRAIN_LIMIT) resolve(refuse(true))
    })
    req.on('end', () => resolve(size > limit ? refuse(false) : { ok: true, text: Buffer.concat(chunks).toString('utf8') }))
    req.on('close', () => resolve({ ok: false, why: 'cut off' }))
    req.on('error', () => resolve({ ok: false, why: 'cut off' }))
  })
}
