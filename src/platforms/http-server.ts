import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Logger } from '../log.ts'

export type Route = (req: IncomingMessage, res: ServerResponse) => Promise<void>

/**
 * The bot's one HTTP server (Lark webhooks, calendar feeds): exact paths, and
 * paths ending in "/" for everything under them; 404 for the rest.
 */
export async function startHttpServer(options: { port: number; host?: string; routes: Record<string, Route>; log: Logger }): Promise<{ server: Server; port: number; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!
    const route = options.routes[path] ?? Object.entries(options.routes).find(([key]) => key.endsWith('/') && path.startsWith(key))?.[1]
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found')
      return
    }
    route(req, res).catch((err: unknown) => {
      options.log.error({ err, path }, 'http request failed')
      if (!res.headersSent) res.writeHead(500).end()
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
