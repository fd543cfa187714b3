/**
 * Rows read with raw SQL on the hot paths, as either database gives them:
 * dates as Date (or ISO text), booleans as 0/1 on SQLite and true/false on
 * PostgreSQL, counts as bigint. Mapping such a row to a
 * model type field by field makes a column added to the schema a compile
 * error until it is read too.
 */
export type Stored<T> = {
  [K in keyof T]: T[K] extends Date ? Date | string : T[K] extends Date | null ? Date | string | null : T[K] extends boolean ? number | boolean : T[K]
}

export const dateOrNull = (value: Date | string | null): Date | null => (value === null ? null : new Date(value))
