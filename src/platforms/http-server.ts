import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
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

/**
 * The bot's one HTTP server (Lark webhooks, calendar feeds): exact paths, and
 * paths ending in "/" for everything under them; 404 for the rest.
 */
export async function startHttpServer(options: {
  port: number
  host?: string
  routes: Record<string, Route>
  log: Logger
  /** Other limits than SERVER_LIMITS (tests use shorter ones). */
  limits?: Partial<Record<keyof typeof SERVER_LIMITS, number>>
}): Promise<{ server: Server; port: number; close(): Promise<void> }> {
  const server = createServer({ ...SERVER_LIMITS, ...options.limits }, (req, res) => {
    const path = (req.url ?? '/').split('?')[0]!
    const route = options.routes[path] ?? Object.entries(options.routes).find(([key]) => key.endsWith('/') && path.startsWith(key))?.[1]
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found')
      return
    }
    route(req, res).catch((err: unknown) => {
      options.log.error({ err, path }, 'http request failed')
      if (!res.headersSent && !res.destroyed) res.writeHead(500).end()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host ?? '0.0.0.0', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  return {
    server,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
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
