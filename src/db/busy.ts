/**
 * SQLite's lock held by another process (the driver adapter reports
 * SQLITE_BUSY as a timeout: a transaction that read first cannot take the
 * write lock and is refused at once), or the transaction mutex wait.
 */
export function isBusy(err: unknown): boolean {
  const text = err instanceof Error ? `${err.message} ${String((err as { code?: unknown }).code ?? '')}` : ''
  return /SQLITE_BUSY|database is locked|Operation has timed out|SocketTimeout|P2028|Transaction API error|Unable to start a transaction/i.test(text)
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
