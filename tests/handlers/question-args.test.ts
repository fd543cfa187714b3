import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readAskArgs } from '../../handlers/question-args.ts'

describe('readAskArgs: the workshop and who may see it, before the question', () => {
  it.each([
    ['如何设计单元作业？', { text: '如何设计单元作业？' }],
    ['公开 如何设计单元作业？', { visibility: 'shared', text: '如何设计单元作业？' }],
    ['公开：如何设计单元作业？', { visibility: 'shared', text: '如何设计单元作业？' }],
    ['公开，如何设计单元作业？', { visibility: 'shared', text: '如何设计单元作业？' }],
    ['【公开】如何设计单元作业？', { visibility: 'shared', text: '如何设计单元作业？' }],
    ['（公开）如何设计单元作业？', { visibility: 'shared', text: '如何设计单元作业？' }],
    ['公开提问 如何设计单元作业？', { visibility: 'shared', text: '如何设计单元作业？' }],
    ['群里公开 如何设计单元作业？', { visibility: 'shared', text: '如何设计单元作业？' }],
    ['public 如何设计单元作业？', { visibility: 'shared', text: '如何设计单元作业？' }],
    ['如何设计单元作业？（公开）', { visibility: 'shared', text: '如何设计单元作业？' }],
    ['工作室3 公开 如何设计单元作业？', { workshop: '3', visibility: 'shared', text: '如何设计单元作业？' }],
    ['公开 工作室３ 如何设计单元作业？', { workshop: '３', visibility: 'shared', text: '如何设计单元作业？' }],
    ['工作室#2 如何设计单元作业？', { workshop: '2', text: '如何设计单元作业？' }],
    ['私密 如何设计单元作业？', { visibility: 'private', text: '如何设计单元作业？' }],
    ['不公开 如何设计单元作业？', { visibility: 'private', text: '如何设计单元作业？' }],
    ['如何设计单元作业？【不公开】', { visibility: 'private', text: '如何设计单元作业？' }],
    // Words of the question itself.
    ['公开课怎么准备？', { text: '公开课怎么准备？' }],
    ['公开课 怎么准备？', { text: '公开课 怎么准备？' }],
    ['私下辅导学生合适吗？', { text: '私下辅导学生合适吗？' }],
    ['这节课要不要公开', { text: '这节课要不要公开' }],
    ['工作室活动怎么组织？', { text: '工作室活动怎么组织？' }],
    ['公开', { visibility: 'shared', text: '' }],
    ['', { text: '' }],
  ] as const)('%s', (raw, expected) => {
    expect(readAskArgs(raw)).toEqual(expected)
  })

  it('never throws and never grows the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'公开私密不工作室3１#（）【】：， 课a'.split('')), maxLength: 30 }), (raw) => {
        const read = readAskArgs(raw)
        expect(raw.includes(read.text)).toBe(true)
      }),
    )
  })
})
