import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../src/config.ts'

describe('loadConfig', () => {
  it('has working defaults for every variable', () => {
    const config = loadConfig({}, '/srv/bot')
    expect(config.databaseFile).toBe('/srv/bot/data/xuequ.db')
    expect(config.DEFAULT_TIMEZONE).toBe('Asia/Shanghai')
    expect(config.DEFAULT_AFTERNOON).toBe('13:30')
  })

  it('treats empty values from .env.example as unset', () => {
    expect(loadConfig({ LOG_LEVEL: '', CLOCK_START: '' }).LOG_LEVEL).toBeUndefined()
  })

  it.each([
    ['DEFAULT_TIMEZONE', 'Beijing'],
    ['DEFAULT_AFTERNOON', '25:00'],
    ['DATABASE_URL', 'postgres://x'],
    ['LOG_LEVEL', 'loud'],
    ['CLOCK_START', 'tomorrow'],
  ])('names the bad variable %s', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError)
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^[\\s\\S]*${name}: `))
  })
})
