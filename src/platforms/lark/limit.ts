import PQueue from 'p-queue'
import { dialectOf, type Db } from '../../db/client.ts'
import { sleep as realSleep } from '../platform.ts'

/** A platform's rate limits, as the sender sees them. */
export interface SendLimit {
  /** Resolves when one more request may go out now; rejects when the limit cannot be read (the database is gone). */
  take(): Promise<void>
}

/**
 * Lark's per-app limits, 50 messages a second and 1 000 a minute (over them:
 * HTTP 429, code 99991400; ../shared/RECIPES.md), for the bot's processes
 * together: shared through the database on PostgreSQL, where several
 * processes may run; kept in this process on SQLite, which one process uses.
 */
export function larkSendLimit(db: Db, appId: string): SendLimit {
  return dialectOf(db) === 'postgres' ? createSharedLimit({ db, key: `lark:${appId}` }) : createMemoryLimit()
}

/**
 * Lark's limit in one chat, 5 messages a second shared by every bot in it
 * (code 230020 over it): on PostgreSQL a shared limit per chat, one call per
 * 250 ms for all processes together; null on SQLite, where the sender's own
 * chat queue (one per 250 ms) is the only one sending.
 */
export function larkChatLimit(db: Db, appId: string, chatId: string): SendLimit | null {
  return dialectOf(db) === 'postgres' ? createSharedLimit({ db, key: `lark-chat:${appId}:${chatId}`, rules: LARK_CHAT_RULES }) : null
}

/**
 * One process's limits: p-queue counts in fixed windows, and a sliding window
 * overlaps at most one more of them than it spans (4 per 100 ms: at most 44
 * in any second; 500 per minute: at most 1 000 in any minute).
 */
export function createMemoryLimit(): SendLimit {
  const perSecond = new PQueue({ intervalCap: 4, interval: 100 })
  const perMinute = new PQueue({ intervalCap: 500, interval: 60_000 })
  return { take: () => perMinute.add(() => perSecond.add(async () => {})) }
}

/**
 * The shared limits' rules, in ms. Sends are spaced `spacingMs` apart (30:
 * at most 34 in any second on the database's clock, so sends that reach Lark
 * less than half a second earlier or later than their neighbours still leave
 * every second at 50 or fewer; three loaded processes on two cores were seen
 * about 0.15 s apart); and a minute allows a burst of `burst` sends, then one
 * per `refillMs` (GCRA, a token bucket: any 60 s holds at most
 * 500 + 60 000 / 125 = 980 < 1 000).
 */
export interface SharedRules {
  spacingMs: number
  burst: number
  refillMs: number
}

export const LARK_RULES: SharedRules = { spacingMs: 30, burst: 500, refillMs: 125 }
/** One chat's: calls 250 ms apart (at most 4 in any second on the database's clock, 5 allowed), no minute limit. */
export const LARK_CHAT_RULES: SharedRules = { spacingMs: 250, burst: 1, refillMs: 0 }

export interface SharedLimitOptions {
  db: Db
  /** The limit's row in SendSlot ("lark:<app id>"): every process sending as one app shares it. */
  key: string
  rules?: SharedRules
  /** Tests: ms on a clock of their own, in place of the database's. */
  now?: () => number
  /** Tests: how a wait passes (a fake clock moves on). */
  sleep?: (ms: number) => Promise<void>
}

/**
 * The limits shared by every process on one PostgreSQL database: each send
 * takes the next free send time from one row (SendSlot), in one atomic
 * statement, on the database's clock, and the process waits until then.
 *
 * Why not rate-limiter-flexible (11.4, its RateLimiterPostgres): it could use
 * a table of our migrations (`tableCreated: true`), but it reckons its windows
 * with each process's own clock (`expire` is Date.now() + duration, compared
 * with the caller's Date.now()), so a process whose clock runs ahead starts a
 * window while the others still count the last one; its windows are fixed
 * (a sliding second needs several small ones, as p-queue does); and a full
 * window rejects, leaving the caller to poll. Fixed 100 ms slots in the
 * database (INSERT … ON CONFLICT … WHERE count < 4) avoid the clock problem
 * but still poll, and let four sends go at one instant. A reserved time has
 * neither problem: one statement a send, never repeated; first come, first
 * served across processes; sends spread evenly, so the jitter between
 * taking a time and Lark receiving the request matters less; one row per
 * limit, which never grows.
 */
export function createSharedLimit(options: SharedLimitOptions): SendLimit {
  const { db, key } = options
  const { spacingMs, burst, refillMs } = options.rules ?? LARK_RULES
  const tolerance = (burst - 1) * refillMs
  const wait = options.sleep ?? realSleep
  // One reservation of this process at a time: the rest wait here, not on the row's lock with a pooled connection each.
  let turn: Promise<unknown> = Promise.resolve()

  /** The next free send time, taken: how many ms from the database's now until it comes. */
  async function reserve(): Promise<number> {
    const fixed = options.now ? options.now() : null
    const [row] = await db.$queryRaw<{ waitMs: number }[]>`
      WITH t AS (
        SELECT COALESCE(CAST(${fixed} AS BIGINT), CAST(floor(extract(epoch FROM clock_timestamp()) * 1000) AS BIGINT)) AS "now"
      ), r AS (
        INSERT INTO "SendSlot" AS s ("key", "lastAt", "tat")
        SELECT ${key}, t."now", t."now" + CAST(${refillMs} AS BIGINT) FROM t
        ON CONFLICT ("key") DO UPDATE SET
          "lastAt" = GREATEST(EXCLUDED."lastAt", s."lastAt" + CAST(${spacingMs} AS BIGINT), s."tat" - CAST(${tolerance} AS BIGINT)),
          "tat" = GREATEST(EXCLUDED."lastAt", s."lastAt" + CAST(${spacingMs} AS BIGINT), s."tat") + CAST(${refillMs} AS BIGINT)
        RETURNING "lastAt"
      )
      SELECT CAST(r."lastAt" - t."now" AS INTEGER) AS "waitMs" FROM r, t`
    return row!.waitMs
  }

  return {
    async take() {
      const reserved = turn.then(reserve)
      turn = reserved.catch(() => {})
      const ms = await reserved
      if (ms > 0) await wait(ms)
    },
  }
}
