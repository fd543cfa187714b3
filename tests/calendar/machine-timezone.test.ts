import { expect, it } from 'vitest'

it('runs in the timezone its project sets, so both zones are really exercised', () => {
  const hour = new Date('2026-01-01T00:00:00Z').getHours()
  expect(process.env.TZ === 'Asia/Shanghai' ? 8 : 0).toBe(hour)
})
