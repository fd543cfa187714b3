/**
 * The searches of the 活动 list, the 成员 list and /问题 find the words as
 * typed: `%` and `_` are characters, not LIKE wildcards, on SQLite and on
 * PostgreSQL (this file runs on both).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inTx } from '../../src/db/client.ts'
import { listActivities } from '../../src/services/activity-list.ts'
import { listMembers } from '../../src/services/member-directory.ts'
import { OPERATOR } from '../../src/services/question-access.ts'
import { searchQuestions } from '../../src/services/questions.ts'
import { createHarness, type Harness } from '../helpers/harness.ts'

let h: Harness
beforeAll(async () => {
  h = await createHarness('2026-11-23T09:00:00+08:00')
  await h.say('/学期 2026-09-01 2027-01-22 第一学期')
  for (const title of ['100%参与读书会', '小学_语文教研', '小%学科组会', '中小学衔接教研', 'A\\B 教研']) await h.say(`/排期 12月10日 14:00-16:00 ${title}`)
  await h.say('/我是 赵丽 第_中学 数学', { as: '赵丽' })
  await h.say('/我是 钱红 100%学校 英语', { as: '钱红' })
  await h.say('/我是 王芳 第一中学 语文', { as: '王芳' })
})
afterAll(() => h.close())

const districtId = async () => (await h.app.db.district.findFirstOrThrow()).id

async function titles(search: string): Promise<string[]> {
  const id = await districtId()
  const page = await inTx(h.app.db, (tx) =>
    listActivities(tx, { districtId: id, today: '2026-11-23', now: new Date('2026-11-23T01:00:00Z'), when: 'all', search, page: 1, perPage: 50 }))
  return page.rows.map((r) => r.activity.title).sort()
}

async function schools(search: string): Promise<(string | null)[]> {
  const id = await districtId()
  const { entries, total } = await inTx(h.app.db, (tx) => listMembers(tx, id, { search, skip: 0, take: 50 }))
  expect(total).toBe(entries.length)
  return entries.map((e) => e.member.school).sort()
}

describe('a search holding % or _', () => {
  it('finds those activities whose title holds the words as typed', async () => {
    expect(await titles('%')).toEqual(['100%参与读书会', '小%学科组会'])
    expect(await titles('_')).toEqual(['小学_语文教研'])
    expect(await titles('小%学')).toEqual(['小%学科组会'])
    expect(await titles('%%')).toEqual([])
    expect(await titles('学_语')).toEqual(['小学_语文教研'])
    expect(await titles('A\\B')).toEqual(['A\\B 教研'])
    expect(await titles('小学')).toEqual(['中小学衔接教研', '小学_语文教研'])
  })

  it('finds those members whose name or school holds the words as typed, counted as many', async () => {
    expect(await schools('_')).toEqual(['第_中学'])
    expect(await schools('%')).toEqual(['100%学校'])
    expect(await schools('第_中')).toEqual(['第_中学'])
    expect(await schools('第%学')).toEqual([])
    expect(await schools('中学')).toEqual(['第_中学', '第一中学'])
  })

  it('finds those questions whose text or answer holds the words as typed', async () => {
    await h.say('/提问 作业量100%达标怎么算？', { as: '王芳' })
    await h.say('/提问 小学_语文怎么备课？', { as: '王芳' })
    await h.say('/提问 中小学怎么衔接？', { as: '王芳' })
    const id = await districtId()
    const texts = async (words: string) => (await inTx(h.app.db, (tx) => searchQuestions(tx, id, OPERATOR, words))).map((q) => q.text).sort()
    expect(await texts('%')).toEqual(['作业量100%达标怎么算？'])
    expect(await texts('_')).toEqual(['小学_语文怎么备课？'])
    expect(await texts('小%学')).toEqual([])
    expect(await texts('小学')).toEqual(['中小学怎么衔接？', '小学_语文怎么备课？'])
  })
})
