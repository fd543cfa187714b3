import type { CalendarEnv } from '../calendar/resolve-when.ts'
import { longerThan } from '../core/limits.ts'
import { importKey, readActivityLine, type LineContext } from './import-line.ts'
import { MAX_TITLE_CHARS, type ImportItem } from './import-types.ts'

type Unread = Extract<ImportItem, { ok: false }>

/** A numbered line: "6、", "（3）", "2." — the head of a notice. */
const NUMBERED = /^\s*(?:[（(]?[0-9一二三四五六七八九十]{1,2}[)）、.．])/
/** "主题：阅读指导课程建设": what the activity is about, kept in its title. */
const THEME_LINE = /^(?:主题|研讨主题|教研主题|活动主题|内容|活动内容|课题)\s*[:：]\s*(.+)$/
/** "地点：育秀实验学校 三楼报告厅", "主持：王佩红": read with the head, as /排期 reads them. */
const LABEL_LINE = /^(?:地点|名额|教龄|截止|报名截止|主持人?|主讲人?|负责人|导师)\s*[:：]/

/**
 * A notice written over several lines ("6、教育集团市现场展示活动 育秀实验学校",
 * "主题：阅读指导课程建设", "时间：10月底"): a line with only a time is the
 * time of the numbered line above it (`above`: the last lines that were no
 * activity); a 主题 line between them goes into the title in brackets
 * (教育集团市现场展示活动（阅读指导课程建设）), a 地点 or 主持 line is read too.
 * Returns the activity and the lines it takes, or null.
 */
export function withHeadLine(item: Unread, above: ImportItem[], context: LineContext, env: CalendarEnv): { item: ImportItem; taken: ImportItem[] } | null {
  const at = Math.max(0, above.findIndex((i) => NUMBERED.test(i.text)))
  const head = above[at]
  if (!head) return null
  const between = above.slice(at + 1).map((i) => i.text.trim())
  const themes = between.map((t) => THEME_LINE.exec(t)?.[1]?.trim()).filter((t): t is string => Boolean(t))
  const labelled = between.filter((t) => LABEL_LINE.test(t))
  const merged = readActivityLine(head.line, [head.text, ...labelled, item.text].join(' '), context, env)
  if (!merged?.ok) return null
  return { item: themes.length ? withTheme(merged, themes.join('、')) : merged, taken: above.slice(at) }
}

/** The title with its theme in brackets, unless the title says it already; too long for a title is said, not cut. */
function withTheme(item: Extract<ImportItem, { ok: true }>, theme: string): ImportItem {
  if (item.details.title.includes(theme)) return item
  const title = `${item.details.title}（${theme}）`
  if (longerThan(title, MAX_TITLE_CHARS)) return { ok: false, line: item.line, text: item.text, reason: { key: 'tooLong', what: 'title', max: MAX_TITLE_CHARS } }
  const details = { ...item.details, title }
  return { ...item, details, key: importKey(details, item.whenText) }
}
