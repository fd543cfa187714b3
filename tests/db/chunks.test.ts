import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chunked, MAX_LIST_VALUES, readInChunks } from '../../src/db/chunks.ts'
import { inTx } from '../../src/db/client.ts'
import { createHarness, type Harness } from '../helpers/harness.ts'

describe('chunked', () => {
  it.each([
    [[], 3, []],
    [[1], 3, [[1]]],
    [[1, 2, 3], 3, [[1, 2, 3]]],
    [[1, 2, 3, 4], 3, [[1, 2, 3], [4]]],
    [[1, 2, 3, 4, 5, 6, 7], 2, [[1, 2], [3, 4], [5, 6], [7]]],
  ])('cuts %j into slices of %i', (items, size, slices) => {
    expect(chunked(items, size)).toEqual(slices)
  })

  it('keeps every item once, in order, in slices no longer than asked and none empty', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer({ min: 1, max: 50 }), (items, size) => {
        const slices = chunked(items, size)
        expect(slices.flat()).toEqual(items)
        for (const s of slices) expect(s.length).toBeGreaterThan(0)
        for (const s of slices) expect(s.length).toBeLessThanOrEqual(size)
      }),
    )
  })

  it('refuses a size that would never end', () => {
    expect(() => chunked([1], 0)).toThrow(RangeError)
    expect(() => chunked([1], 1.5)).toThrow(RangeError)
  })
})

describe('reading 2 000 ids through Prisma on SQLite', () => {
  let h: Harness
  let ids: number[]
  beforeAll(async () => {
    h = await createHarness('2026-11-20T09:00:00+08:00')
    const members = await h.app.db.member.createManyAndReturn({ data: Array.from({ length: 2000 }, (_, i) => ({ displayName: `老师${i}` })) })
    ids = members.map((m) => m.id)
  })
  afterAll(() => h.close())

  // Why the helper exists: Prisma refuses an ordered read of more than 999 values rather than splitting it.
  it('an ordered read of all of them in one statement is refused (P2029)', async () => {
    await expect(h.app.db.member.findMany({ where: { id: { in: ids } }, orderBy: { id: 'asc' } })).rejects.toMatchObject({ code: 'P2029' })
  })

  it('in slices of MAX_LIST_VALUES it reads every one, in one transaction', async () => {
    const seen: number[] = []
    const rows = await inTx(h.app.db, (tx) =>
      readInChunks(ids, (slice) => {
        seen.push(slice.length)
        return tx.member.findMany({ where: { id: { in: slice } }, orderBy: { id: 'asc' } })
      }),
    )
    expect(rows.map((m) => m.id)).toEqual(ids)
    expect(seen).toEqual([MAX_LIST_VALUES, MAX_LIST_VALUES, MAX_LIST_VALUES, MAX_LIST_VALUES])
  })
})
