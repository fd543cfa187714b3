/**
 * Searches for the words as typed. Prisma's `contains` hands the words to
 * LIKE as they are, on SQLite and PostgreSQL alike, so a `%` or `_` typed in
 * a search box is a wildcard (「%」 finds everything, 「小%学」 finds 中小学…),
 * and SQLite's LIKE takes no escape character from Prisma. So a search whose
 * words hold one of LIKE's special characters asks the database only for the
 * pieces between them (plain text, literal on both databases: every real
 * match is among the rows found) and keeps in code the rows that contain the
 * words themselves.
 */

/** LIKE's wildcards, and PostgreSQL's escape character. */
const SPECIAL = /[%_\\]/
const SPECIALS = /[%_\\]+/

/** Whether the words need the check in code (plain words are literal in the database already). */
export function needsLiteralCheck(words: string): boolean {
  return SPECIAL.test(words)
}

/** The plain pieces of the words: the words themselves when plain; none for words that are only special characters. */
export function plainPieces(words: string): string[] {
  return words.split(SPECIALS).filter((p) => p.length > 0)
}

/**
 * A Prisma condition every row holding the words meets: `where(piece)` (the
 * row's fields `contains` the piece) for each plain piece. For plain words it
 * is exact; otherwise keep the rows whose text passes `containsLiterally`.
 */
export function piecesWhere<W>(words: string, where: (piece: string) => W): { AND: W[] } {
  return { AND: plainPieces(words).map(where) }
}

/** The text holds the words as typed; ASCII letters in either case, as SQLite's LIKE reads them. */
export function containsLiterally(text: string | null | undefined, words: string): boolean {
  return text != null && text.toLowerCase().includes(words.toLowerCase())
}
