/**
 * A PostgreSQL deadlock, write conflict or lock timeout (the transaction was
 * rolled back and may run again), or SQLite's lock held by another process (the driver adapter reports
 * SQLITE_BUSY as a timeout: a transaction that read first cannot take the
 * write lock and is refused at once), or the transaction mutex wait.
 */
export function isBusy(err: unknown): boolean {
  const text = err instanceof Error ? `${err.message} ${String((err as { code?: unknown }).code ?? '')}` : ''
  return /SQLITE_BUSY|database is locked|Operation has timed out|SocketTimeout|P2028|P2034|Transaction API error|Unable to start a transaction|deadlock detected|could not serialize|40P01|40001|55P03|lock timeout|timeout exceeded when trying to connect/i.test(text)
}

/** A unique key taken by another transaction between this one's read and its write. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string } | null
  return e?.code === 'P2002' || /UNIQUE constraint failed|duplicate key value violates unique constraint/i.test(e?.message ?? '')
}

/**
 * Runs a transaction again when it lost a race on a unique key: two
 * processes (or, on PostgreSQL, two transactions of one) that both read
 * "no such row" and both insert it. Run again, it reads the winner's row and
 * takes it as already done. A key that stays taken is a real error, thrown
 * after a few tries.
 */
export async function retryLostRace<T>(work: () => Promise<T>, tries = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work()
    } catch (err) {
      if (attempt >= tries || !isUniqueViolation(err)) throw err
    }
  }
}

/** How long work keeps trying while the database is busy before it gives up. */
const BUSY_RETRY_MS = 5000

/**
 * Runs the work again, with growing pauses, while it fails because the
 * database is busy (saying so through `held`, and when it is free again).
 * The work must be one transaction (all or nothing), so running it again is
 * safe. Tries at least once, even when no time is left.
 */
export async function retryWhileBusy<T>(work: () => Promise<T>, limitMs = BUSY_RETRY_MS, held?: (busy: boolean) => void): Promise<T> {
  const started = Date.now()
  for (let pause = 20; ; pause = Math.min(pause * 2, 250)) {
    try {
      const result = await work()
      held?.(false)
      return result
    } catch (err) {
      if (!isBusy(err)) throw err
      held?.(true)
      if (Date.now() - started + pause > limitMs) throw err
      await new Promise((resolve) => setTimeout(resolve, pause))
    }
  }
}
