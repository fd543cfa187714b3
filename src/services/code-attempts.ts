import type { Tx } from '../db/client.ts'

/**
 * Wrong codes allowed in the window per member, and per chat (higher: one
 * member's guessing must not lock the admin of that chat out); then codes
 * are refused there until the window passes.
 */
export const MAX_WRONG_CODES = 5
export const MAX_WRONG_CODES_PER_CHAT = 15
export const WRONG_CODE_WINDOW_MIN = 15

/** Who tried a code and where: the counts are kept for both, so neither many accounts in one chat nor one account in many chats can guess on. */
export function attemptScopes(memberId: number, groupId: number): string[] {
  return [`member:${memberId}`, `group:${groupId}`]
}

/** True when one of the scopes has had too many wrong codes lately. */
export async function tooManyWrongCodes(tx: Tx, scopes: readonly string[], now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - WRONG_CODE_WINDOW_MIN * 60_000)
  for (const scope of scopes) {
    const max = scope.startsWith('group:') ? MAX_WRONG_CODES_PER_CHAT : MAX_WRONG_CODES
    if ((await tx.codeAttempt.count({ where: { scope, at: { gt: since } } })) >= max) return true
  }
  return false
}

/** Records a wrong code (kept a day, for the count and the record). */
export async function recordWrongCode(tx: Tx, scopes: readonly string[], now: Date): Promise<void> {
  await tx.codeAttempt.deleteMany({ where: { at: { lt: new Date(now.getTime() - 24 * 60 * 60_000) } } })
  await tx.codeAttempt.createMany({ data: scopes.map((scope) => ({ scope, at: now })) })
}
