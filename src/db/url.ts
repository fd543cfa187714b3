/** A PostgreSQL url (postgresql:// or postgres://); anything else is a SQLite `file:` url. */
export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//.test(url)
