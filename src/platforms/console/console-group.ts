import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { texts } from '../../core/texts/index.ts'
import type { Dispatch } from '../../core/dispatch.ts'
import type { SendFn } from '../../core/message.ts'
import { visibleLines } from '../../core/visible-text.ts'
import { toMessage } from './to-message.ts'

/**
 * Prints every bot message as lines beginning "学区助手> ": whatever a text
 * holds (a carriage return, a Unicode line separator, a terminal escape, a
 * bidi override), it cannot start a line without the prefix or overwrite one.
 */
export function createConsoleSend(output: NodeJS.WritableStream, botName: string, filesDir: string): SendFn {
  return async (message) => {
    const mentions = (message.mentions ?? []).map((p) => `@${p.name} `).join('')
    let text = `${mentions}${message.text}`
    // A file (an export) is saved where the operator can open it.
    if (message.file) {
      mkdirSync(filesDir, { recursive: true })
      const file = path.join(filesDir, path.basename(message.file.name))
      writeFileSync(file, Buffer.from(message.file.base64, 'base64'))
      text += `\n${texts.export.savedConsole(file)}`
    }
    output.write(visibleLines(text).map((l) => `${botName}> ${l}\n`).join(''))
  }
}

export interface ConsoleGroupOptions {
  input: NodeJS.ReadableStream
  output: NodeJS.WritableStream
  botName: string
  dispatch: Dispatch
  clock: () => Date
}

/**
 * Reads lines one at a time and waits for each reply before the next, so a
 * piped file behaves exactly like typing. Resolves at end of input.
 */
export async function runConsoleGroup(options: ConsoleGroupOptions): Promise<void> {
  const interactive = (options.input as { isTTY?: boolean }).isTTY === true
  const rl = createInterface({ input: options.input, terminal: false })
  const prompt = () => interactive && options.output.write('> ')
  let seq = 0
  prompt()
  for await (const line of rl) {
    const message = toMessage(line, ++seq, options.clock(), options.botName)
    if (message) await options.dispatch(message)
    prompt()
  }
}
