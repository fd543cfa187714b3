import { describe, expect, it } from 'vitest'
import { commands } from '../../handlers/index.ts'
import type { Command } from '../../src/core/command.ts'
import { Registry } from '../../src/core/registry.ts'

const registry = new Registry(commands)

describe('Registry', () => {
  it('finds a command by Chinese name or English alias, ignoring case', () => {
    expect(registry.find('排期')?.id).toBe('schedule')
    expect(registry.find('SCHEDULE')?.id).toBe('schedule')
    expect(registry.find('活动')?.id).toBe('activities')
  })

  it.each([
    ['排气', '排期'],
    ['活动列表吧', '活动'],
    ['schedul', '排期'],
    ['hepl', '帮助'],
    ['学', '学期'],
  ])('suggests /%s → /%s', (typed, expected) => {
    expect(registry.suggest(typed)?.name).toBe(expected)
  })

  it('suggests nothing for something unrelated', () => {
    expect(registry.suggest('天气预报')).toBeUndefined()
    // One character of two, and not the verb: another command altogether.
    expect(registry.suggest('改期吧')?.name).toBe('改期')
    expect(registry.suggest('出差')).toBeUndefined()
  })

  it('/改名 is /我是 (changing one\'s name), not a typo of /报名', () => {
    expect(registry.find('改名')?.id).toBe('profile')
  })

  it('refuses two commands sharing a name or alias at start-up', () => {
    const twin: Command = { ...commands[0]!, id: 'help', name: '别的', aliases: ['activities'] } as Command
    expect(() => new Registry([...commands, twin])).toThrow(/activities/)
  })

  it('lists for a teacher only what a teacher may use', () => {
    const names = registry.usableBy(new Set()).map((c) => c.name)
    expect(names).toContain('活动')
    expect(names).not.toContain('排期')
    expect(registry.usableBy(new Set(['admin'])).map((c) => c.name)).toContain('授权')
  })
})
