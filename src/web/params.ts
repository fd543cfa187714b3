/** How the console reads what an address or a form carries. */

/** A row id in a path, a query or a form field: digits only, as the database's ids are. */
export const ID = /^\d{1,9}$/

/** A query or form field given once and not empty; repeated, empty or absent: undefined. */
export function one(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}
