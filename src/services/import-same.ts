import type { LocalDate } from '../calendar/dates.ts'
import { subjectCore } from '../core/vocabulary.ts'
import type { ImportItem } from './import-types.ts'

type Fresh = Extract<ImportItem, { ok: true }>

/**
 * What tells one activity from another when a plan lists it twice (its
 * tables and its 行事历) or a second file lists it again: title, place,
 * subject, and the days it is held on.
 */
export interface EventShape {
  /** The title's cores: without brackets, punctuation, generic words, and each without a group's name (see titleCores). */
  cores: string[]
  /** What the title's brackets say (决赛, 一, 阅读指导课程建设): two that say other things are two activities. */
  notes: string[]
  /** School cores of the place (育秀实验学校 → 育秀), none when no place is written. */
  places: string[]
  /** Subject cores (中小学道德与法治 → 道德与法治), none when no subject is written. */
  subjects: string[]
  /** The days: one span for a date to be set or a one-off, one per session for a series. */
  spans: { from: LocalDate; to: LocalDate }[]
  pending: boolean
  /** The clock time of a one-off, when written. */
  start?: string
}

/** Words that tell nothing apart: 中小学毕业班专题研讨 and 中小学毕业班教学研讨 are one 研讨. */
const GENERIC = /活动|专题|教学|工作|联合|课堂|的/g
/** A district's or group's name: 育秀教育集团, 集团内, 学区. Up to four characters before 教育集团 may be the group's own name. */
const GROUP = /(?:教育集团|集团|学区)内?/g
/** A shorter core inside a longer one must be at least this long to name the same activity (市现场展示 in 阅读指导课程建设市现场展示). */
const MIN_CONTAINED = 4

/** "“育秀杯”育秀教育集团青年教师教学技能比武" → 育秀杯育秀教育集团青年教师技能比武, 育秀杯青年教师技能比武 (…育秀 dropped), … */
export function titleCores(title: string): string[] {
  const bare = title.replace(/[（(][^（）()]*[）)]/g, '').replace(/[\s\p{P}\p{S}]/gu, '')
  const variants = [bare]
  for (const m of bare.matchAll(GROUP)) {
    for (let k = 0; k <= Math.min(4, m.index); k++) variants.push(bare.slice(0, m.index - k) + bare.slice(m.index + m[0].length))
  }
  return [...new Set(variants.map((v) => v.replace(GENERIC, '')).filter(Boolean))]
}

/** "育秀实验学校、肇文学校" → 育秀, 肇文: 育秀学校学校 (a slip) and 育秀实验学校 are one school. */
export function placeCores(place: string | null | undefined): string[] {
  if (!place) return []
  return place.split(/[、,，/]/).map((p) => p.replace(/\s+/g, '')).filter(Boolean).map((p) => p.replace(/实验|学校/g, '') || p)
}

function subjectCores(subject: string | null | undefined): string[] {
  return subject ? subject.split(/[、,，/]/).map(subjectCore).filter(Boolean) : []
}

/** What the title, place and subject say, compared as sameEvent compares them. */
export function describedAs(title: string, place: string | null | undefined, subject: string | null | undefined): Pick<EventShape, 'cores' | 'notes' | 'places' | 'subjects'> {
  const notes = [...title.matchAll(/[（(]([^（）()]*)[）)]/g)].map((m) => m[1]!.replace(/[\s\p{P}\p{S}]/gu, '')).filter(Boolean)
  return { cores: titleCores(title), notes, places: placeCores(place), subjects: subjectCores(subject) }
}

export function shapeOf(item: Fresh): EventShape {
  const { plan, details } = item
  const base = describedAs(details.title, details.place, details.subject)
  if (plan.kind === 'pending') return { ...base, spans: [{ from: plan.from, to: plan.to }], pending: true }
  const spans = plan.occurrences.map((o) => ({ from: o.date, to: o.endDate ?? o.date }))
  const start = plan.occurrences[0]?.start
  return { ...base, spans, pending: false, ...(start ? { start } : {}) }
}

/**
 * One activity written twice: the days overlap (a one-off on a day of the
 * other's window to be set; a series on the same days), the places agree
 * where both have one, the subjects too, and the titles name the same thing
 * (one holds the other once generic words and the group's name are gone).
 * Two 主题式联合教研 of other subjects or weeks stay two.
 */
export function sameEvent(a: EventShape, b: EventShape): boolean {
  return sameDays(a, b) && within(a.places, b.places) && within(a.subjects, b.subjects) && within(a.notes, b.notes) && sameTitle(a.cores, b.cores)
}

/** Lower is more precise: a day and time, a day, then the narrower window to be set. */
export function precision(shape: EventShape): number {
  if (!shape.pending) return shape.start ? 0 : 1
  const [span] = shape.spans
  return 2 + (Date.parse(span!.to) - Date.parse(span!.from)) / 86_400_000
}

function sameDays(a: EventShape, b: EventShape): boolean {
  // Two sessions at different times of a day, two series at different times, are two.
  if (!a.pending && !b.pending && a.start && b.start && a.start !== b.start) return false
  if (a.spans.length > 1 || b.spans.length > 1) return sameSeries(a.spans, b.spans)
  const [x, y] = [a.spans[0], b.spans[0]]
  return Boolean(x && y && x.from <= y.to && y.from <= x.to)
}

/** The same days, where the shorter may have lost its first ones (an activity stored before; a series changed from a day on). */
function sameSeries(a: EventShape['spans'], b: EventShape['spans']): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a]
  if (short.length < 2) return false
  const tail = long.filter((s) => s.from >= short[0]!.from)
  return tail.length === short.length && tail.every((s, i) => s.from === short[i]!.from)
}

/** Either says nothing, or what one says the other says too. */
function within(a: string[], b: string[]): boolean {
  if (a.length === 0 || b.length === 0) return true
  const holds = (xs: string[], ys: string[]) => xs.every((x) => ys.some((y) => x === y || x.includes(y) || y.includes(x)))
  return holds(a, b) || holds(b, a)
}

function sameTitle(a: string[], b: string[]): boolean {
  for (const x of a) {
    for (const y of b) {
      if (x === y) return true
      const [short, long] = x.length < y.length ? [x, y] : [y, x]
      if (short.length >= MIN_CONTAINED && long.includes(short)) return true
    }
  }
  return false
}

/** Substrings of a title core up to this long are indexed: a longer core is looked up by its head, then compared whole. */
const MAX_INDEXED = 12

/**
 * Shapes kept for lookup by title: a 行事历 of thousands of activities in one
 * week (all overlapping) finds the few whose titles can match without
 * comparing every pair. `T` is what the caller keeps with each shape.
 */
export class EventIndex<T> {
  private readonly byCore = new Map<string, number[]>()
  private readonly bySub = new Map<string, number[]>()
  private readonly entries: { shape: EventShape; value: T }[] = []

  /** Keeps a shape; returns its place, for `reshape`. */
  add(shape: EventShape, value: T): number {
    const at = this.entries.push({ shape, value }) - 1
    for (const core of shape.cores) {
      push(this.byCore, core, at)
      for (const sub of substrings(core, MIN_CONTAINED, MAX_INDEXED)) push(this.bySub, sub, at)
    }
    return at
  }

  /** The first entry, in the order added, that is the same event as `shape`. */
  find(shape: EventShape): T | undefined {
    const found = this.candidates(shape).find((i) => sameEvent(this.entries[i]!.shape, shape))
    return found === undefined ? undefined : this.entries[found]!.value
  }

  /** A kept shape's days, place or subject changed (its title, so its place in the index, did not). */
  reshape(at: number, shape: EventShape): void {
    this.entries[at]!.shape = shape
  }

  private candidates(shape: EventShape): number[] {
    const found = new Set<number>()
    const take = (list: number[] | undefined) => list?.forEach((i) => found.add(i))
    for (const core of shape.cores) {
      // Equal, or a longer core that holds this one, or a shorter one inside it.
      take(this.byCore.get(core))
      if (core.length >= MIN_CONTAINED) take(this.bySub.get(core.slice(0, MAX_INDEXED)))
      for (const sub of substrings(core, MIN_CONTAINED, core.length)) take(this.byCore.get(sub))
    }
    return [...found].sort((a, b) => a - b)
  }
}

function push(map: Map<string, number[]>, key: string, at: number): void {
  const list = map.get(key)
  if (!list) map.set(key, [at])
  else if (list.at(-1) !== at) list.push(at)
}

function* substrings(text: string, min: number, max: number): Generator<string> {
  for (let len = min; len <= Math.min(max, text.length); len++) {
    for (let i = 0; i + len <= text.length; i++) yield text.slice(i, i + len)
  }
}
