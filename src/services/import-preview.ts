import type { ResolveError } from '../calendar/resolve-when.ts'
import { texts } from '../core/texts/index.ts'
import type { ImportPlan } from './import.ts'
import { itemLines, mergeLines, notActivityLines, sameLines, unreadableLines, type ReasonTexts } from './import-report.ts'

/**
 * Who reads /导入's report: a chat message (short lists, /导入 确认 to send)
 * or the web console's 导入 page (its 确认导入 button, every line, and a chat
 * command the clerk still needs said to be one, to send in a chat).
 */
export type ImportWording = 'chat' | 'page'

/** A chat message stays readable on a phone: the first lines of each list, then how many more. */
const CHAT_MAX = 40
/** Lines taken for no activity, in chat: a few show what was left, the count says the rest. */
const CHAT_MAX_NOT_ACTIVITIES = 5

type Listed = Pick<ImportPlan, 'items' | 'fresh' | 'existing' | 'merges' | 'same' | 'unreadable' | 'notActivities'>

/**
 * The body of /导入's report, below its header and count: what it creates,
 * merges, skips, cannot read. In chat the lines taken for no activity close
 * it; a page lists them apart (notActivityList), all of them.
 */
export function reportLines(plan: Listed, year: number, wording: ImportWording, describe: ReasonTexts): string[] {
  const T = texts.importing
  const page = wording === 'page'
  const max = page ? Infinity : CHAT_MAX
  const reasons = page ? pageReasons(describe) : describe
  const lines = [
    ...itemLines(plan.fresh, year, max),
    ...mergeLines(plan.merges, max),
    ...(plan.existing ? [T.existing(plan.existing)] : []),
    ...sameLines(plan.same, year, max, page ? T.page.morePrecise : T.morePrecise),
    ...unreadableLines(plan.unreadable, reasons, max),
  ]
  if (page) {
    const otherTerm = plan.unreadable.filter((i) => i.reason.key === 'termNotFound').length
    if (otherTerm) lines.push(T.page.setTerm(otherTerm, year + 1))
  } else {
    lines.push(...notActivityLines(plan.notActivities, CHAT_MAX_NOT_ACTIVITIES))
  }
  if (plan.items.length === 0) lines.push(page ? T.page.emptyFile : T.emptyFile)
  return lines
}

/** The preview's last line: what to do to save it. */
export function previewFooter(fresh: number, wording: ImportWording): string {
  return wording === 'page' ? texts.importing.page.previewFooter(fresh) : texts.importing.previewFooter(fresh)
}

/** Every line taken for no activity, for a page to show as a list to open; null when there is none. */
export function notActivityList(plan: Pick<ImportPlan, 'notActivities'>): { title: string; lines: string[] } | null {
  const P = texts.importing.page
  if (plan.notActivities.length === 0) return null
  return { title: P.notActivities(plan.notActivities.length), lines: plan.notActivities.map((i) => P.notActivityLine(i.line, i.text)) }
}

/** A page's reasons: a line of a term not set says only that (one sentence after the list tells how to set it); a workshop is set in a chat. */
function pageReasons(describe: ReasonTexts): ReasonTexts {
  const P = texts.importing.page
  return {
    ...describe,
    resolve: (error: ResolveError) => (error.key === 'termNotFound' ? P.termNotFound : describe.resolve(error)),
    noWorkshop: P.noWorkshop,
  }
}
