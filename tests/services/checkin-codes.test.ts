import { describe, expect, it } from 'vitest'
import { CODE_SLOT_MINUTES, codeAt, codeMatches, codeOfSlot, slotOf } from '../../src/services/checkin-codes.ts'

const SECRET = 'a'.repeat(64)
const at = (iso: string) => new Date(iso)

describe('the rotating 签到 code', () => {
  it('is four digits, the same for the same secret and slot, different for another secret', () => {
    const code = codeOfSlot(SECRET, 1000)
    expect(code).toMatch(/^\d{4}$/)
    expect(codeOfSlot(SECRET, 1000)).toBe(code)
    const others = Array.from({ length: 20 }, (_, i) => codeOfSlot(`other-${i}`, 1000))
    expect(others.some((c) => c !== code)).toBe(true)
  })

  it(`changes every ${CODE_SLOT_MINUTES} minutes and is taken until the end of the next slot`, () => {
    const now = at('2026-12-01T06:01:00Z')
    const { code, validUntil } = codeAt(SECRET, now)
    expect(code).toBe(codeOfSlot(SECRET, slotOf(now)))
    expect(validUntil.toISOString()).toBe('2026-12-01T06:06:00.000Z')
    expect(codeMatches(SECRET, code, at('2026-12-01T06:05:59Z'))).toBe(true)
    expect(slotOf(validUntil) - slotOf(now)).toBe(2)
  })

  it('takes no code but the current and the previous slot\'s', () => {
    const now = at('2026-12-01T06:01:00Z')
    const slot = slotOf(now)
    const taken = new Set([codeOfSlot(SECRET, slot), codeOfSlot(SECRET, slot - 1)])
    for (let n = 0; n < 10_000; n += 37) {
      const typed = String(n).padStart(4, '0')
      expect(codeMatches(SECRET, typed, now)).toBe(taken.has(typed))
    }
  })

  it('spreads its codes over the four digits', () => {
    const codes = Array.from({ length: 2000 }, (_, i) => Number(codeOfSlot(SECRET, i)))
    expect(new Set(codes).size).toBeGreaterThan(1500)
    expect(codes.filter((c) => c < 1000).length).toBeGreaterThan(100)
  })
})
