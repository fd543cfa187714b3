import { expect } from 'vitest'
import { createHarness, type Harness } from './harness.ts'

/**
 * A district whose term is `/学期 2026-09-01 2027-01-22 第一学期` (week 1 =
 * 2026-08-31..09-06; 中秋 09-25..27 and 国庆 10-01..07 are holidays), on
 * 2026-09-01 08:00: what the 行事历 import tests read files against.
 */
export async function termDistrict(): Promise<Harness> {
  const h = await createHarness('2026-09-01T08:00:00+08:00')
  await h.say('/学期 2026-09-01 2027-01-22 第一学期')
  return h
}

/** Sends the file, previews it and confirms it; the preview and the answer to 确认. */
export async function importFile(h: Harness, name: string, bytes: Buffer): Promise<{ preview: string; done: string }> {
  expect(await h.say('', { file: { name, bytes } })).toEqual([`收到「${name}」。发送 /导入 预览将要创建的活动，确认后发送 /导入 确认。`])
  const [preview] = await h.say('/导入')
  const [done] = await h.say('/导入 确认')
  return { preview: preview!, done: done! }
}

const clock = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(11, 16)

/** Each activity saved: title | subject | place | when | rules. A series lists its dates, 停 where a holiday pauses it. */
export async function savedActivities(h: Harness): Promise<string[]> {
  const rows = await h.app.db.activity.findMany({ include: { occurrences: { orderBy: { date: 'asc' } } }, orderBy: { id: 'asc' } })
  return rows.map((a) => {
    const [first] = a.occurrences
    let when: string
    if (a.pendingFrom) when = `${a.pendingFrom}~${a.pendingTo}`
    else if (a.rrule) when = `${a.occurrences.map((o) => `${o.date}${o.skipReason ? '停' : ''}`).join(',')} ${clock(first!.startAt)}`
    else when = `${first!.date} ${first!.timed ? clock(first!.startAt) : '未定时'}`
    const rules = [
      a.minYears !== null || a.maxYears !== null ? `教龄${a.minYears ?? ''}-${a.maxYears ?? ''}` : '',
      a.noticeWeeks ? `提前公示${a.noticeWeeks}周` : '',
      a.capacity ? `名额${a.capacity}` : '',
    ].filter(Boolean).join(' ')
    return [a.title, a.subject ?? '', a.place ?? '', when, rules].join(' | ')
  })
}

