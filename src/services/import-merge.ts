import { importKey } from './import-line.ts'
import { EventIndex, placeCores, precision, shapeOf } from './import-same.ts'
import type { ImportItem } from './import-types.ts'

type Fresh = Extract<ImportItem, { ok: true }>

/** A line of the file taken into another's activity: 「第170行与第137行是同一项，已合并」. */
export interface Merge {
  line: number
  into: number
  /** The merged line's own key: imported before on its own, its activity is there already. */
  key: string
}

/**
 * The file's activities with each one written twice merged into the first
 * writing: its title, the more precise time of the two, and the union of
 * place, subject, host and rules.
 */
export function mergeDuplicates(items: readonly Fresh[]): { items: Fresh[]; merges: Merge[] } {
  const votes = new Map<string, number>()
  for (const i of items) if (i.details.place) votes.set(i.details.place, (votes.get(i.details.place) ?? 0) + 1)
  const kept: { item: Fresh; at: number }[] = []
  const byKey = new Map<string, { item: Fresh; at: number }>()
  const index = new EventIndex<{ item: Fresh; at: number }>()
  const merges: Merge[] = []
  for (const item of items) {
    const shape = shapeOf(item)
    const twin = byKey.get(item.key) ?? index.find(shape)
    if (!twin) {
      const entry = { item, at: 0 }
      entry.at = index.add(shape, entry)
      kept.push(entry)
      byKey.set(item.key, entry)
      continue
    }
    twin.item = mergeInto(twin.item, item, votes)
    byKey.set(twin.item.key, twin)
    index.reshape(twin.at, shapeOf(twin.item))
    merges.push({ line: item.line, into: twin.item.line, key: item.key })
  }
  return { items: kept.map((k) => k.item), merges }
}

function mergeInto(base: Fresh, other: Fresh, votes: Map<string, number>): Fresh {
  const timed = precision(shapeOf(other)) < precision(shapeOf(base)) ? other : base
  const a = base.details
  const b = other.details
  const details = {
    title: a.title,
    ...pick('place', choosePlace(a.place, b.place, votes)),
    ...pick('subject', a.subject && b.subject && b.subject.length > a.subject.length ? b.subject : (a.subject ?? b.subject)),
    ...pick('capacity', a.capacity ?? b.capacity),
    ...pick('host', a.host ?? b.host),
  }
  return { ...base, details, whenText: timed.whenText, when: timed.when, plan: timed.plan, rules: { ...other.rules, ...base.rules }, key: importKey(details, timed.whenText) }
}

function pick<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V }
}

/** More schools wins; else the spelling the file uses more often (育秀实验学校 over a slip 育秀学校学校); else the first. */
function choosePlace(a: string | undefined, b: string | undefined, votes: Map<string, number>): string | undefined {
  if (!a || !b) return a ?? b
  const [na, nb] = [placeCores(a).length, placeCores(b).length]
  if (na !== nb) return na > nb ? a : b
  return (votes.get(b) ?? 0) > (votes.get(a) ?? 0) ? b : a
}

