import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { oneLine, visibleLines, withoutFormat } from '../../src/core/visible-text.ts'

const LINE_BREAKS = /[\n\r\v\f\u0085\u2028\u2029]/

describe('visible text', () => {
  it.each([
    ['王\u200d老\u200b师', '王老师'],
    ['\u202e师老王', '师老王'],
    ['王\u2066老\u2069师\u200e\u200f\u061c', '王老师'],
    ['\ufeff王\u2060老\u180e师\u00ad', '王老师'],
    ['王\n老\t师\r\n', '王 老 师'],
    ['  王   老\u3000\u3000师  ', '王 老 师'],
    ['\u3164\u115f\ufe0f', ''],
    ['❤\ufe0f王', '❤\ufe0f王'],
    ['王\u{e0041}\u{e0042}', '王'],
  ])('makes %j one line of %j', (raw, shown) => {
    expect(oneLine(raw)).toBe(shown)
  })

  it('keeps line breaks when only format characters go', () => {
    expect(withoutFormat('第一行\u202e\n第二行\u200b')).toBe('第一行\n第二行')
  })

  it('splits on every kind of line break a terminal knows, and leaves no control in a line', () => {
    expect(visibleLines('a\r\nb\rc\u2028d\u2029e\vf\fg\u0085h\ni')).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'])
    expect(visibleLines('\u001b[2K\u202e假通知')).toEqual([' [2K假通知'])
  })

  it('property: one line is never more than one line and never starts or ends with a space', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const line = oneLine(text)
        expect(line).not.toMatch(LINE_BREAKS)
        expect(line).toBe(line.trim())
      }),
      { numRuns: 2000 },
    )
  })
})
