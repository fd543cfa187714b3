import * as lark from '@larksuiteoapi/node-sdk'
import type { Db } from '../../db/client.ts'
import type { Announce } from '../../app.ts'
import type { Dispatch } from '../../core/dispatch.ts'
import type { Logger } from '../../log.ts'
import type { SendLimit } from './limit.ts'

export const LARK_EVENTS_PATH = '/lark/events'
/** The "message card request URL" for card button presses (older card callbacks). */
export const LARK_CARD_PATH = '/lark/card'

export interface LarkOptions {
  appId: string
  appSecret: string
  /** "feishu", "lark", or a base URL such as http://127.0.0.1:8080. */
  domain: string
  mode: 'ws' | 'webhook'
  encryptKey?: string
  verificationToken?: string
  db: Db
  dispatch: Dispatch
  announce: Announce
  log: Logger
  botName: string
  clock?: () => Date
  /** First retry gap after a rate limit or server error; doubles each time. */
  retryBaseMs?: number
  maxAttempts?: number
  /** Token cache; tests give each client its own. */
  cache?: lark.Cache
  /** The app's send limits; by default shared through the database on PostgreSQL, kept in this process on SQLite (limit.ts). */
  limit?: SendLimit
}

/** Lark waits 3 s for the answer to an event, then counts it failed and delivers it again. */
export const ACK_WAIT_MS = 2500

/** Resolves LARK_DOMAIN to what the SDK takes. */
export function larkDomain(value: string): lark.Domain | string {
  if (value === 'feishu') return lark.Domain.Feishu
  if (value === 'lark') return lark.Domain.Lark
  return value.replace(/\/+$/, '')
}

/** The SDK's log lines go to pino. */
export function sdkLogger(log: Logger) {
  const child = log.child({ module: 'lark-sdk' })
  const line = (level: 'error' | 'warn' | 'info' | 'debug' | 'trace') => (...msg: unknown[]) =>
    child[level](msg.map((m) => (typeof m === 'string' ? m : JSON.stringify(m))).join(' '))
  return { error: line('error'), warn: line('warn'), info: line('info'), debug: line('debug'), trace: line('trace') }
}
