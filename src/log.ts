import pino, { type Logger } from 'pino'

export type { Logger }

/**
 * Logs go to stderr so that stdout carries only the chat (the console group
 * prints bot lines there, and tests read them).
 */
export function createLogger(level: string = 'info'): Logger {
  return pino({ level, base: undefined }, pino.destination(2))
}
