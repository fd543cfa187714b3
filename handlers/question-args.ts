/**
 * What `/提问` and `/匿名提问` are told before the question itself: the
 * workshop (`工作室3`) and who may see it (`公开`: the district's groups too;
 * `私密`: only the asker, its mentors and admins), in either order. A word
 * counts only on its own ("公开课怎么上？" is a question about 公开课), with
 * a space, a colon or a comma after it, or in brackets; a bracketed word may
 * also close the question ("…？（公开）"). Pure, never throws.
 */
export interface AskArgs {
  workshop?: string
  visibility?: 'shared' | 'private'
  text: string
}

const SHARED_WORDS = ['公开提问', '公开到群里', '公开到群', '群里公开', '群里可见', '大家可见', '可以公开', '可公开', '公开', 'public']
const PRIVATE_WORDS = ['不公开', '私密提问', '私密', '私下', '仅导师可见', '只给导师看', '仅导师', 'private']

const words = (list: string[]) => list.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')
const OPEN = '[【\\[（(〔「]'
const CLOSE = '[】\\]）)〕」]'
const AFTER = '(?:[\\s\\u3000:：,，、。.;；]+|$)'
const head = (list: string[]) => new RegExp(`^(?:${OPEN}\\s*(?:${words(list)})\\s*${CLOSE}\\s*[:：,，、]?\\s*|(?:${words(list)})${AFTER})`, 'i')
const tail = (list: string[]) => new RegExp(`[\\s\\u3000]*${OPEN}\\s*(?:${words(list)})\\s*${CLOSE}$`, 'i')

const SHARED_HEAD = head(SHARED_WORDS)
const PRIVATE_HEAD = head(PRIVATE_WORDS)
const SHARED_TAIL = tail(SHARED_WORDS)
const PRIVATE_TAIL = tail(PRIVATE_WORDS)
const WORKSHOP = /^工作室\s*[#＃]?([0-9０-９]{1,9})(?:[\s\u3000:：,，、]+|$)/

export function readAskArgs(raw: string): AskArgs {
  let rest = raw.trim()
  const out: AskArgs = { text: '' }
  for (let moved = true; moved; ) {
    moved = false
    const workshop = out.workshop === undefined ? WORKSHOP.exec(rest) : null
    if (workshop) {
      out.workshop = workshop[1]!
      rest = rest.slice(workshop[0].length).trimStart()
      moved = true
    }
    for (const [pattern, visibility] of [[PRIVATE_HEAD, 'private'], [SHARED_HEAD, 'shared']] as const) {
      const m = out.visibility === undefined ? pattern.exec(rest) : null
      if (!m) continue
      out.visibility = visibility
      rest = rest.slice(m[0].length).trimStart()
      moved = true
    }
  }
  if (out.visibility === undefined) {
    for (const [pattern, visibility] of [[PRIVATE_TAIL, 'private'], [SHARED_TAIL, 'shared']] as const) {
      const m = pattern.exec(rest)
      if (!m) continue
      out.visibility = visibility
      rest = rest.slice(0, m.index)
      break
    }
  }
  out.text = rest.trim()
  return out
}
