/**
 * Rows read with raw SQL on the hot paths, as SQLite gives them: dates as
 * the ISO text the adapter writes, booleans as 0/1. Mapping such a row to a
 * model type field by field makes a column added to the schema a compile
 * error until it is read too.
 */
export type Stored<T> = {
  [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] extends boolean ? number | boolean : T[K]
}

export const dateOrNull = (iso: string | null): Date | null => (iso === null ? null : new Date(iso))
