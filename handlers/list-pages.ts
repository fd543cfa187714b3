import { texts } from '../src/core/texts/index.ts'

/**
 * A long listing as a few phone-sized messages rather than one wall of text
 * (or a list cut short): at most MESSAGE_LINES lines each, and under
 * MESSAGE_CHARS characters so a WeChat message is not cut again (WECHAT_MAX_TEXT
 * is 1 500 by default); every message but the last ends with 「（接下条）」.
 */
export const MESSAGE_LINES = 40
export const MESSAGE_CHARS = 1400

export function splitIntoMessages(lines: readonly string[]): string[] {
  const messages: string[][] = []
  let current: string[] = []
  let chars = 0
  const room = MESSAGE_LINES - 1 // one line kept for 「（接下条）」
  for (const line of lines) {
    if (current.length > 0 && (current.length >= room || chars + line.length + 1 > MESSAGE_CHARS - texts.list.continued.length)) {
      // A heading goes with the lines under it, not alone at the foot of a message.
      const carried = current.length > 1 && isHeading(current.at(-1)!) ? current.splice(-1) : []
      messages.push([...current, texts.list.continued])
      current = carried
      chars = carried.reduce((n, l) => n + l.length + 1, 0)
    }
    current.push(line)
    chars += line.length + 1
  }
  if (current.length > 0) messages.push(current)
  return messages.map((m) => m.join('\n'))
}

const isHeading = (line: string) => line.startsWith('【')
