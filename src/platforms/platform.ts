import type { OutgoingMessage, Platform, SendFn } from '../core/message.ts'

/** What every chat platform offers the process: connect, send, disconnect. */
export interface PlatformAdapter {
  readonly platform: Platform
  /** Connects and starts handing messages to the dispatcher. */
  start(): Promise<void>
  /** Sends one message; throws a {@link SendError} when the platform will not take it. */
  send(message: OutgoingMessage): Promise<void>
  stop(): Promise<void>
}

/** A send the platform refused. `retryable` says whether trying later may help. */
export class SendError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options)
    this.name = 'SendError'
  }
}

/** One send function for the whole process, routing by the chat's platform. */
export function createSendRouter(): { send: SendFn; use(platform: Platform, send: SendFn): void; platforms(): Platform[] } {
  const routes = new Map<Platform, SendFn>()
  return {
    use: (platform, send) => void routes.set(platform, send),
    platforms: () => [...routes.keys()],
    send: async (message) => {
      const send = routes.get(message.chat.platform)
      if (!send) throw new SendError(`platform ${message.chat.platform} is not running`, true)
      await send(message)
    },
  }
}

/**
 * Cuts a long text into pieces of at most `max` characters, at line breaks
 * where it can, so a list arrives whole and in order.
 */
export function splitText(text: string, max: number): string[] {
  const chars = [...text]
  if (chars.length <= max) return [text]
  const pieces: string[] = []
  let current: string[] = []
  for (const line of text.split('\n')) {
    const lineChars = [...line]
    const needed = current.length === 0 ? lineChars.length : current.length + 1 + lineChars.length
    if (needed <= max) {
      if (current.length > 0) current.push('\n')
      current.push(...lineChars)
      continue
    }
    if (current.length > 0) pieces.push(current.join(''))
    current = []
    for (let i = 0; i < lineChars.length; i += max) {
      const slice = lineChars.slice(i, i + max)
      if (slice.length === max && i + max < lineChars.length) pieces.push(slice.join(''))
      else current = slice
    }
  }
  if (current.length > 0) pieces.push(current.join(''))
  return pieces.filter((p) => p.trim() !== '')
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
