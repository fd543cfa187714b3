import pg from 'pg'
import { PrismaPg } from '@prisma/adapter-pg'

/** PostgreSQL's `name` (19) and `"char"` (18): catalog types adapter-pg 6.19.3 cannot read (prisma/orm#27403). */
const CATALOG_TEXT = new Set([18, 19])
const TEXT_OID = 25

type Result = pg.QueryResult | pg.QueryResult[]

function asText(result: Result): Result {
  for (const one of Array.isArray(result) ? result : [result]) {
    for (const field of one?.fields ?? []) if (CATALOG_TEXT.has(field.dataTypeID)) field.dataTypeID = TEXT_OID
  }
  return result
}

/**
 * A pool whose results report the catalog types as text, so that Prisma's
 * `migrate deploy` can read its own lock and catalog queries through the
 * adapter (../shared/RECIPES.md). Every query of the pool, the adapter's and
 * `pool.query`'s alike, goes through a client, so the client's query is wrapped.
 */
export function createPool(connectionString: string, max = 10): pg.Pool {
  // allowExitOnIdle: idle connections do not keep a process alive. Prisma's CLI never closes the
  // adapter's pool, so `migrate deploy` sat out the 30 s idle timeout after its work (a first start took 32 s).
  const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: 10_000, idleTimeoutMillis: 30_000, allowExitOnIdle: true })
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => Promise<Result>
    ;(client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const callback = typeof args.at(-1) === 'function' ? (args.pop() as (err: Error | null, res?: Result) => void) : null
      const first = args[0] as { submit?: unknown } | undefined
      if (first && typeof first === 'object' && typeof first.submit === 'function') return query(...args)
      const done = query(...args).then(asText)
      if (!callback) return done
      done.then((res) => callback(null, res), (err: Error) => callback(err))
      return undefined
    }
  })
  // An idle client's error (the server restarted) must not take the process down; the pool drops that client.
  pool.on('error', () => {})
  return pool
}

/** The database name in a postgresql:// url, and the url with another name in its place. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${encodeURIComponent(database)}`
  return parsed.toString()
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`

/**
 * adapter-pg 6.19.3 builds the shadow database of `migrate diff --from-migrations`
 * with `{...config, database}`, which a connectionString overrides, so the
 * migrations ran on the real database; and it drops the shadow database while its
 * own pool still holds it. This factory connects to the shadow database by url
 * and drops it after closing that pool (../shared/RECIPES.md).
 */
export class PostgresAdapterFactory extends PrismaPg {
  constructor(private readonly url: string) {
    super(createPool(url), { disposeExternalPool: true })
  }

  override async connectToShadowDb(): ReturnType<PrismaPg['connectToShadowDb']> {
    const database = `xuequ_shadow_${globalThis.crypto.randomUUID().replaceAll('-', '')}`
    const admin = createPool(this.url, 1)
    await admin.query(`CREATE DATABASE ${quoted(database)}`)
    const shadow = new PrismaPg(createPool(withDatabase(this.url, database)), { disposeExternalPool: true })
    const adapter = await shadow.connect()
    const dispose = adapter.dispose.bind(adapter)
    adapter.dispose = async () => {
      await dispose()
      await admin.query(`DROP DATABASE IF EXISTS ${quoted(database)} WITH (FORCE)`)
      await admin.end()
    }
    return adapter
  }
}


