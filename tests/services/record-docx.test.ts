import mammoth from 'mammoth'
import { describe, expect, it } from 'vitest'
import { imageType, safeFileName } from '../../src/services/archive-files.ts'
import { imageSize, recordDocx } from '../../src/services/record-docx.ts'
import type { SessionRecordData } from '../../src/services/records.ts'
import { PNG } from '../helpers/images.ts'

/** The header of a 4000×3000 JPEG (SOF0 after an APP0 segment). */
const JPEG_HEAD = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x0b, 0xb8, 0x0f, 0xa0, 0x03, 0, 0, 0, 0, 0, 0])

const data: SessionRecordData = {
  activityId: 12, title: '主题式联合教研', subject: '语文', place: '育秀实验学校 三楼报告厅', host: '王芳', presenter: '李明', organizer: '张主任',
  date: '2026-12-03', time: '14:00-15:30',
  present: [{ name: '李明', school: '西渡学校', note: '13:55-15:30' }],
  leave: [{ name: '赵丽', school: '', note: '外出培训' }],
  absent: [{ name: '陈刚', school: '肇文学校', note: '' }],
  summary: '围绕单元作业设计开展研讨。\n确定下次由育秀实验学校上研究课。',
  files: [{ kind: 'image', name: 'a.png', path: 'x' }, { kind: 'file', name: '课件.pptx', path: 'y' }],
}

describe('the 教研活动记录表 as a Word document', () => {
  it('holds the activity, time, place, host, presenter, who came, 请假, absent, the summary and the photo', async () => {
    const bytes = await recordDocx(data, [{ name: 'a.png', bytes: PNG }])
    const { value: text } = await mammoth.extractRawText({ buffer: bytes })
    for (const part of [
      '教研活动记录表', '#12 主题式联合教研', '2026年12月3日(周四) 14:00-15:30', '育秀实验学校 三楼报告厅', '主持人', '王芳', '主讲人', '李明',
      '参加人员（1人）', '李明（西渡学校） 13:55-15:30', '请假（1人）', '赵丽：外出培训', '缺席（1人）', '陈刚（肇文学校）',
      '围绕单元作业设计开展研讨。', '确定下次由育秀实验学校上研究课。', '活动照片（1张）', '其他资料', '课件.pptx',
    ]) expect(text).toContain(part)
    const { value: html } = await mammoth.convertToHtml({ buffer: bytes })
    expect(html.match(/<img src="data:image\/png;base64,/g)).toHaveLength(1)
  })

  it('says 无 for empty lists and 未记录 for a missing summary; names a photo Word cannot show', async () => {
    const bytes = await recordDocx({ ...data, present: [], leave: [], absent: [], summary: '', files: [] }, [{ name: 'x.webp', bytes: Buffer.from('RIFF0000WEBP') }])
    const { value: text } = await mammoth.extractRawText({ buffer: bytes })
    expect(text).toContain('参加人员（0人）\n\n无')
    expect(text).toContain('（未记录）')
    expect(text).toContain('照片：x.webp')
  })

  it('reads image sizes from their headers', () => {
    expect(imageSize(PNG, 'png')).toEqual({ width: 1, height: 1 })
    expect(imageType(JPEG_HEAD)).toBe('jpg')
    expect(imageSize(JPEG_HEAD, 'jpg')).toEqual({ width: 4000, height: 3000 })
    expect(imageSize(Buffer.from([0xff, 0xd8, 0x00]), 'jpg')).toBeNull()
  })

  it('makes file names safe: no path, no reserved characters, an extension for a photo', () => {
    expect(safeFileName('../../etc/passwd', 'file')).toBe('passwd')
    expect(safeFileName('..\\..\\evil.png', 'image')).toBe('evil.png')
    expect(safeFileName('a<b>:c|d?.docx', 'file')).toBe('a_b__c_d_.docx')
    expect(safeFileName('', 'image', PNG)).toBe('photo.png')
    expect(safeFileName('img_v2_abc', 'image', PNG)).toBe('img_v2_abc.png')
    expect(safeFileName('...', 'file')).toBe('file')
    expect(Array.from(safeFileName(`${'长'.repeat(200)}.jpg`, 'image')).length).toBe(80)
  })
})
