import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Harness } from '../helpers/harness.ts'
import { importFile, savedActivities, termDistrict } from '../helpers/import-files.ts'

let h: Harness
beforeEach(async () => {
  h = await termDistrict()
})
afterEach(() => h.close())

/**
 * Lines in forms the time reader of section 3 adds (a span of days, a limit
 * of weeks in brackets, a weekday with its week restated). Each asserts what
 * the import does once the reader reads the form: they pass after that merge.
 */
describe('needs the time reader of section 3', () => {
  const lines = [
    '11月：',
    '1、11月30日至12月4日   青年教师技能比武周   育秀实验学校',
    '2、10月12日-16日   听课周   西渡学校',
    '3、每周四下午（第3-16周）   青年教师沙龙   育秀实验学校',
    '4、9月21日（第4周周一）下午   主题式联合教研活动   育秀实验学校   中小学语文',
    '5、每周五下午（单周）   读书会',
  ].join('\n')

  /** First and last day an activity takes, however it is kept (one span, its sessions, or a window). */
  async function days(title: string): Promise<[string, string, number]> {
    const a = await h.app.db.activity.findFirstOrThrow({ where: { title }, include: { occurrences: { orderBy: { date: 'asc' } } } })
    const dates = a.occurrences.filter((o) => !o.skipReason).map((o) => o.date)
    const ends = a.occurrences.flatMap((o) => (o.endAt ? [new Date(o.endAt.getTime() + 8 * 3600_000).toISOString().slice(0, 10)] : []))
    const first = a.pendingFrom ?? dates[0]!
    const last = [a.pendingTo ?? '', ...dates, ...ends].sort().at(-1)!
    return [first, last, dates.length]
  }

  let done: string
  beforeEach(async () => {
    ;({ done } = await importFile(h, '行事历.txt', Buffer.from(lines)))
  })

  it('creates all five, none unreadable', () => {
    expect(done).toContain('完成：创建 5 项，跳过 0 项（已存在），无法读取 0 行。')
  })

  it('reads 11月30日至12月4日 as one activity over those days, with its title and place', async () => {
    expect((await days('青年教师技能比武周')).slice(0, 2)).toEqual(['2026-11-30', '2026-12-04'])
    expect((await savedActivities(h)).find((s) => s.startsWith('青年教师技能比武周'))).toContain('| 育秀实验学校 |')
  })

  it('reads 10月12日-16日 as one activity over those days, with its title and place', async () => {
    expect((await days('听课周')).slice(0, 2)).toEqual(['2026-10-12', '2026-10-16'])
    expect((await savedActivities(h)).find((s) => s.startsWith('听课周'))).toContain('| 西渡学校 |')
  })

  it('limits 每周四下午 to weeks 3-16 when the brackets say （第3-16周）', async () => {
    // Thursdays of weeks 3-16: 09-17 … 12-17, 国庆's 10-01 paused: 13 held.
    expect(await days('青年教师沙龙')).toEqual(['2026-09-17', '2026-12-17', 13])
  })

  it('reads 9月21日（第4周周一）下午 as that Monday afternoon', async () => {
    expect(await savedActivities(h)).toContain('主题式联合教研活动 | 中小学语文 | 育秀实验学校 | 2026-09-21 13:30 | ')
  })

  it('reads 每周五下午（单周） as Fridays of odd weeks', async () => {
    // Fridays of odd weeks 1-21: 09-04 … 2027-01-22, 国庆's 10-02 paused: 10 held.
    expect(await days('读书会')).toEqual(['2026-09-04', '2027-01-22', 10])
  })
})
