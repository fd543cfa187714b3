import { describe, expect, it } from 'vitest'
import { plainCommand } from '../../src/core/plain-commands.ts'
import { buildMessage } from '../helpers/harness.ts'

const read = (text: string, replyTo?: { text: string }) => {
  const line = plainCommand(buildMessage(text, 1, new Date(), replyTo ? { replyTo: { id: 'r', text: replyTo.text, fromBot: true } } : {}))
  return line && [line.name, ...line.args]
}

describe('签到 and 签退 as phones write them', () => {
  it('reads the forms teachers type', () => {
    for (const text of ['签到', '签 到', '我签到', '已签到', '我已签到', '签到了', '签到啦', '签到！', '签到。', '签到~']) expect(read(text), text).toEqual(['签到'])
    for (const text of ['签到 12', '签到12', '签到 #12', '签到 12号', '签到 １２', '签到12了']) expect(read(text), text).toEqual(['签到', '12'])
    expect(read('签到 12 4821')).toEqual(['签到', '12', '4821'])
    expect(read('签退了')).toEqual(['签退'])
    expect(read('已签退 3')).toEqual(['签退', '3'])
  })

  it('a bare one quoting the bot\'s reminder is for the activity it names', () => {
    expect(read('签到了', { text: '【活动提醒】#7「联合教研」13:30 开始' })).toEqual(['签到', '7'])
  })

  it('leaves chat alone', () => {
    for (const text of ['签到表放哪了', '今天要签到吗', '签到 abc', '签到的时候拍照', '我们签到吧']) expect(read(text), text).toBeNull()
  })
})

describe('请假 and 销假 without the slash', () => {
  it('reads the number right after the word, then the date and the reason', () => {
    expect(read('请假 4 家里有事')).toEqual(['请假', '4', '家里有事'])
    expect(read('请假4 生病')).toEqual(['请假', '4', '生病'])
    expect(read('请假 #4 12月7日 学校有公开课')).toEqual(['请假', '4', '12月7日', '学校有公开课'])
    expect(read('请假 5')).toEqual(['请假', '5'])
    expect(read('销假 4')).toEqual(['销假', '4'])
  })

  it('leaves talk about 请假 alone', () => {
    for (const text of ['请假条怎么写', '明天我要请假', '请假 明天的教研 生病', '请假了']) expect(read(text), text).toBeNull()
  })
})
