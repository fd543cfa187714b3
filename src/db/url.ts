/** A PostgreSQL url (postgresql:// or postgres://); anything else is a SQLite `file:` url. */
export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//.test(url)

/**
 * Where a url points, for people to read: a SQLite file's path, or a
 * server's host, port and database, never its user's password (written in
 * the url or as a parameter).
 */
export function databaseWhere(url: string): string {
  if (!isPostgresUrl(url)) return url.replace(/^file:/, '')
  if (!URL.canParse(url)) return 'DATABASE_URL'
  const parsed = new URL(url)
  return `${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname}`
}
