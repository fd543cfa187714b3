import type { Db } from '../db/client.ts'
import type { Logger } from '../log.ts'
import { holdLease, releaseLease } from '../services/processes.ts'

export interface LeaseKeeperOptions {
  db: Db
  name: string
  holder: string
  /** How long the lease lasts unrenewed: how soon another process takes over after the holder dies. */
  leaseMs: number
  clock: () => Date
  log: Logger
  /** Called when this process gets the lease (start the work only one may do). */
  onHeld(): Promise<void>
  /** Called when this process lost it (another took over while this one could not renew): stop that work. */
  onLost(): Promise<void>
}

export interface LeaseKeeper {
  /** Tries once now; then keeps renewing, or keeps trying, every third of the lease. True when held now. */
  start(): Promise<boolean>
  /** Stops, giving the lease up when held. */
  stop(): Promise<void>
}

/**
 * One process at a time does the work (logs in to the WeChat account); the
 * others wait and take over when the lease runs out.
 */
export function createLeaseKeeper(options: LeaseKeeperOptions): LeaseKeeper {
  const { db, name, holder, leaseMs, clock, log } = options
  let held = false
  let timer: NodeJS.Timeout | undefined
  let turn: Promise<void> = Promise.resolve()

  async function check(): Promise<void> {
    let now: boolean
    try {
      now = await holdLease(db, name, holder, clock(), leaseMs)
    } catch (err) {
      log.warn({ err, lease: name }, 'lease check failed')
      return
    }
    if (now && !held) {
      held = true
      log.info({ lease: name }, 'lease taken')
      await options.onHeld().catch((err: unknown) => log.error({ err, lease: name }, 'could not start the work of the lease'))
    } else if (!now && held) {
      held = false
      log.warn({ lease: name }, 'lease lost to another process')
      await options.onLost().catch((err: unknown) => log.error({ err, lease: name }, 'could not stop the work of the lease'))
    }
  }

  const next = () => (turn = turn.then(check))

  return {
    async start() {
      await next()
      timer = setInterval(() => void next(), Math.max(1000, Math.floor(leaseMs / 3)))
      timer.unref()
      return held
    },
    async stop() {
      clearInterval(timer)
      await turn
      if (held) await releaseLease(db, name, holder).catch((err: unknown) => log.warn({ err, lease: name }, 'lease not released'))
      held = false
    },
  }
}
