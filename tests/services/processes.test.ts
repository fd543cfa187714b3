import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDb, closeDb, type Db } from '../../src/db/client.ts'
import { holdLease, liveProcesses, registerProcess, releaseLease, removeProcess, seeProcess } from '../../src/services/processes.ts'
import { createHarness, type Harness } from '../helpers/harness.ts'

let h: Harness
let others: Db[] = []
beforeEach(async () => {
  h = await createHarness('2026-11-20T09:00:00+08:00')
})
afterEach(async () => {
  for (const db of others.splice(0)) await closeDb(db)
  await h.close()
})

const at = (s: number) => new Date(Date.UTC(2026, 10, 20, 1, 0, s))

describe('leases (one process logged in to WeChat)', () => {
  it('is held by one holder until it lapses or is given up; then another takes it', async () => {
    const db = h.app.db
    expect(await holdLease(db, 'wechat', 'a', at(0), 6000)).toBe(true)
    expect(await holdLease(db, 'wechat', 'b', at(1), 6000)).toBe(false)
    expect(await holdLease(db, 'wechat', 'a', at(4), 6000)).toBe(true) // renewed until 10 s
    expect(await holdLease(db, 'wechat', 'b', at(9), 6000)).toBe(false)
    // a died: nobody renews, and at 10 s it has lapsed.
    expect(await holdLease(db, 'wechat', 'b', at(10), 6000)).toBe(true)
    expect(await holdLease(db, 'wechat', 'a', at(11), 6000)).toBe(false)
    await releaseLease(db, 'wechat', 'b')
    expect(await holdLease(db, 'wechat', 'a', at(12), 6000)).toBe(true)
    // Another lease is another thing.
    expect(await holdLease(db, 'other', 'b', at(12), 6000)).toBe(true)
  })

  it('ten processes trying at once, first ever and after a lapse: exactly one gets it each time', async () => {
    const clients = await Promise.all(Array.from({ length: 10 }, () => openDb(h.config.DATABASE_URL)))
    others.push(...clients)
    const first = await Promise.all(clients.map((db, i) => holdLease(db, 'wechat', `p${i}`, at(0), 6000)))
    expect(first.filter(Boolean)).toHaveLength(1)
    const later = await Promise.all(clients.map((db, i) => holdLease(db, 'wechat', `p${i}`, at(20), 6000)))
    expect(later.filter(Boolean)).toHaveLength(1)
  })
})

describe('live processes', () => {
  it('counts the processes seen in the last 90 seconds; a clean stop leaves at once', async () => {
    const db = h.app.db
    await registerProcess(db, 'p1', at(0))
    await registerProcess(db, 'p2', at(0))
    expect(await liveProcesses(db, at(30))).toBe(2)
    await seeProcess(db, 'p1', at(60))
    expect(await liveProcesses(db, at(120))).toBe(1) // p2 not seen since 0 s: gone
    await removeProcess(db, 'p1')
    expect(await liveProcesses(db, at(121))).toBe(0)
  })
})
