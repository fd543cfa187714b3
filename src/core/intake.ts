import { parseCommandLine } from './command-line.ts'
import { MAX_COMMAND_CHARS, MAX_MENTIONS_IN_COMMAND, longerThan } from './limits.ts'
import type { IncomingMessage } from './message.ts'
import { withCleanNames } from './names.ts'
import { texts } from './texts/index.ts'

/** How much of an over-long message is looked at to tell a command from chat. */
const HEAD_CHARS = 200

/**
 * What the dispatcher takes of a message, before anything reads it: a
 * command too long (or @mentioning too many people) goes on only to be
 * refused in one sentence; other chat that long is not for the bot (null:
 * left alone); everything else goes on with its names made safe to show.
 */
export function admit(message: IncomingMessage, botName: string): { message: IncomingMessage; refusal?: string } | null {
  const tooLong = longerThan(message.text, MAX_COMMAND_CHARS)
  if (!tooLong && message.mentions.length <= MAX_MENTIONS_IN_COMMAND) return { message: withCleanNames(message, botName) }
  const head = parseCommandLine(message.text.slice(0, HEAD_CHARS), botName)
  if (!message.mentionedBot && !head?.slash) return null
  const refusal = tooLong ? texts.limits.command(MAX_COMMAND_CHARS) : texts.limits.mentions(MAX_MENTIONS_IN_COMMAND)
  return { message: withCleanNames({ ...message, text: '', mentions: [] }, botName), refusal }
}
