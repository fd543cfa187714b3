import type { IncomingMessage, ServerResponse } from 'node:http'
import { inTx, type Db } from '../db/client.ts'
import { feedFor } from './calendar-feed.ts'

export const CALENDAR_PATH = '/calendar/'

/**
 * GET /calendar/<token>.ics: the feed, built from the database at each
 * request (so it is always current). A wrong token gets the same bare 404
 * as any unknown path.
 */
export function calendarRoute(db: Db) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? '').split('?')[0]!
    const token = /^\/calendar\/([A-Za-z0-9_-]{20,64})\.ics$/.exec(path)?.[1]
    const feed = token && (req.method === 'GET' || req.method === 'HEAD') ? await inTx(db, (tx) => feedFor(tx, token)) : null
    if (!feed) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found')
      return
    }
    res.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'no-cache' })
    res.end(req.method === 'HEAD' ? undefined : feed)
  }
}
