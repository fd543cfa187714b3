import { EVENT_KEY_RETENTION_MS } from '../../services/inbound-events.ts'

/**
 * How far X-Lark-Request-Timestamp (seconds, set by Lark at each push and
 * signed with the encrypt key:
 * https://open.feishu.cn/document/ukTMukTMukTM/uYDNxYjL2QTM24iN0EjN/event-subscription-configure-/encrypt-key-encryption-configuration-case)
 * may be from the real time: a captured request replayed later is refused
 * even though its signature is good. Lark signs each push when it sends it,
 * redeliveries included, so its own retries pass. Measured against the machine's clock,
 * never the bot's own (CLOCK_START moves that one); five minutes allow for
 * a clock that drifts.
 */
export const REQUEST_WINDOW_MS = 5 * 60_000

/**
 * The oldest event taken, by its header.create_time. Lark delivers again
 * what was not answered 200 within 3 s, 15 s, 5 min, 1 h and 6 h later,
 * with the event's original create_time
 * (https://open.feishu.cn/document/server-docs/event-subscription-guide/event-subscription-configure-/choose-a-subscription-mode/send-notifications-to-developers-server):
 * a day covers the last redelivery with a wide margin. Anything older is
 * a replay. Event keys are kept (EVENT_KEY_RETENTION_MS) far longer than
 * this, so every event still accepted is also still recognised when it
 * comes twice.
 */
export const MAX_EVENT_AGE_MS = 24 * 60 * 60_000

if (MAX_EVENT_AGE_MS >= EVENT_KEY_RETENTION_MS) throw new Error('event keys must outlive the oldest event accepted')

/** Why a request's X-Lark-Request-Timestamp is refused, or null. `required`: the request is signed, so the header must be there. */
export function requestTimeProblem(timestamp: string | undefined, required: boolean, nowMs: number): string | null {
  if (timestamp === undefined || timestamp === '') return required ? 'missing request timestamp' : null
  const at = epochMs(timestamp)
  if (at === null) return 'unreadable request timestamp'
  if (Math.abs(nowMs - at) > REQUEST_WINDOW_MS) return `request timestamp ${Math.round((nowMs - at) / 1000)} s away from now`
  return null
}

/**
 * Why a schema 2.0 event is refused, or null: another app's events (its
 * header.app_id), and events created too long ago or in the future (its
 * header.create_time: milliseconds for events, microseconds for
 * card.action.trigger:
 * https://open.feishu.cn/document/uAjLw4CM/ukzMukzMukzM/feishu-cards/card-callback-communication).
 */
export function eventProblem(body: Record<string, unknown>, appId: string, nowMs: number): string | null {
  const head = body.header as { app_id?: unknown; create_time?: unknown } | undefined
  if (body.schema !== '2.0' || typeof head !== 'object' || head === null) return 'not a schema 2.0 event'
  if (head.app_id !== appId) return `event for another app (${String(head.app_id)})`
  const created = epochMs(head.create_time)
  if (created === null) return 'event without create_time'
  if (nowMs - created > MAX_EVENT_AGE_MS) return `event created ${Math.round((nowMs - created) / 3_600_000)} h ago`
  if (created - nowMs > REQUEST_WINDOW_MS) return 'event created in the future'
  return null
}

/** A Unix time in seconds, milliseconds or microseconds (told apart by size), as milliseconds; null if unreadable. */
export function epochMs(value: unknown): number | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null
  const text = String(value).trim()
  if (!/^\d{1,17}$/.test(text)) return null
  const n = Number(text)
  if (n >= 1e14) return Math.floor(n / 1000)
  if (n >= 1e11) return n
  return n * 1000
}
