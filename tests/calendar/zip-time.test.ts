import { expect, it } from 'vitest'
import { zipTime } from '../../src/calendar/dates.ts'

it('dates a zip entry in the district\'s wall-clock time, whatever the zone the process runs in', () => {
  const at = zipTime(new Date('2026-12-08T09:20:00Z'), 'Asia/Shanghai')
  expect([at.getFullYear(), at.getMonth() + 1, at.getDate(), at.getHours(), at.getMinutes()]).toEqual([2026, 12, 8, 17, 20])
})
