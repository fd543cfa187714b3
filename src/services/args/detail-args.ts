/**
 * An activity's own fields written with /设置 12: 名称 …, 地点 …, 学科 …,
 * 主持 …, 主讲 … (also "地点：…"), and whether it takes sign-ups (不报名 / 报名). Pure.
 */
export type DetailField = 'title' | 'place' | 'subject' | 'host' | 'presenter'

const FIELD_WORDS: Record<string, DetailField> = {
  名称: 'title', 标题: 'title', 活动名称: 'title', 改名: 'title', 改名为: 'title', 更名为: 'title', 名称改为: 'title',
  地点: 'place', 场地: 'place', 地址: 'place', 活动地点: 'place', 地点改为: 'place',
  学科: 'subject', 学科组: 'subject',
  主持: 'host', 主持人: 'host', 负责人: 'host',
  主讲: 'presenter', 主讲人: 'presenter', 主讲教师: 'presenter', 执教: 'presenter', 执教人: 'presenter',
}
const FIELD = new RegExp(`^(${Object.keys(FIELD_WORDS).sort((a, b) => b.length - a.length).join('|')})(?:[:：](.*))?$`)

/** Words that make an activity notice-only (领导例会, 教学视导, 表彰), and the ones that undo it. */
export const NO_SIGNUP_WORDS = new Set(['不报名', '无需报名', '免报名', '不用报名', '不需报名', '不需要报名', '无须报名', '不必报名', '仅通知', '只通知'])
export const SIGNUP_WORDS = new Set(['报名', '需报名', '需要报名', '开放报名'])

/** Clearing a place, subject or host. */
const NONE = new Set(['无', '不限', '空', '删除', '清除'])

export type DetailTake =
  | { field: DetailField; value: string | null; taken: number }
  | { field: DetailField; error: 'empty' }
  | null

/**
 * Reads "名称 阅读指导 展示" (the value runs to the next field word or to a word
 * `stop` says is something else), "地点：育秀实验学校", or null when words[i]
 * names no field.
 */
export function takeDetail(words: readonly string[], i: number, stop: (j: number) => boolean): DetailTake {
  const m = FIELD.exec(words[i]!)
  if (!m) return null
  const field = FIELD_WORDS[m[1]!]!
  const value: string[] = m[2] ? [m[2]] : []
  let j = i + 1
  for (; j < words.length; j++) {
    if (FIELD.test(words[j]!) || NO_SIGNUP_WORDS.has(words[j]!) || SIGNUP_WORDS.has(words[j]!)) break
    if (value.length > 0 && stop(j)) break
    value.push(words[j]!)
  }
  const text = value.join(' ').trim()
  if (!text) return { field, error: 'empty' }
  return { field, value: field !== 'title' && NONE.has(text) ? null : text, taken: j - i }
}

/**
 * A new title written last ("/设置 12 名称 “育秀杯”青年教师教学评优"), exactly as
 * typed in `raw` (quotes and full-width punctuation kept); null when not found.
 */
export function rawTitle(raw: string): string | null {
  const m = /(?:^|\s)(?:活动名称|名称|标题)(?:[:：]|\s)\s*(.+)$/s.exec(raw)
  return m ? m[1]!.trim() : null
}
