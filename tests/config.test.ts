import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../src/config.ts'

describe('loadConfig', () => {
  it('has working defaults for every variable', () => {
    const config = loadConfig({}, '/srv/bot')
    expect(config.databaseFile).toBe('/srv/bot/data/xuequ.db')
    expect([config.database, config.dataDir]).toEqual(['sqlite', '/srv/bot/data'])
    expect(config.DEFAULT_TIMEZONE).toBe('Asia/Shanghai')
    expect(config.DEFAULT_AFTERNOON).toBe('13:30')
  })

  it('runs on PostgreSQL by its url, and keeps files in DATA_DIR whatever the database', () => {
    const pg = loadConfig({ DATABASE_URL: 'postgresql://xuequ:secret@10.0.0.5:5432/xuequ', DATA_DIR: '/var/lib/xuequ' }, '/srv/bot')
    expect([pg.database, pg.databaseFile, pg.dataDir, pg.DATABASE_URL]).toEqual(['postgres', null, '/var/lib/xuequ', 'postgresql://xuequ:secret@10.0.0.5:5432/xuequ'])
    expect(loadConfig({ DATABASE_URL: 'file:/elsewhere/bot.db' }, '/srv/bot').dataDir).toBe('/srv/bot/data')
  })

  it('treats empty values from .env.example as unset', () => {
    expect(loadConfig({ LOG_LEVEL: '', CLOCK_START: '' }).LOG_LEVEL).toBeUndefined()
  })

  it.each([
    ['DEFAULT_TIMEZONE', 'Beijing'],
    ['DEFAULT_AFTERNOON', '25:00'],
    ['DATABASE_URL', 'mysql://x'],
    ['LOG_LEVEL', 'loud'],
    ['CLOCK_START', 'tomorrow'],
  ])('names the bad variable %s', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError)
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^[\\s\\S]*${name}: `))
  })

  it('switches platforms on by their own variables', () => {
    const none = loadConfig({})
    expect([none.wechatPuppet, none.larkEnabled, none.CONSOLE]).toEqual([null, false, 'auto'])
    expect(loadConfig({ WECHAT_ENABLED: 'true' }).wechatPuppet).toBe('wechaty-puppet-wechat4u')
    expect(loadConfig({ WECHATY_PUPPET_SERVICE_TOKEN: 'puppet_token' }).wechatPuppet).toBe('wechaty-puppet-service')
    expect(loadConfig({ WECHATY_PUPPET: 'wechaty-puppet-mock' }).wechatPuppet).toBe('wechaty-puppet-mock')
    const larkOn = loadConfig({ LARK_APP_ID: 'cli_x', LARK_APP_SECRET: 's' })
    expect([larkOn.larkEnabled, larkOn.LARK_MODE, larkOn.LARK_DOMAIN, larkOn.HTTP_PORT]).toEqual([true, 'ws', 'feishu', 3000])
  })

  it('refuses half a Lark app, and a webhook that could not tell forged events', () => {
    expect(() => loadConfig({ LARK_APP_ID: 'cli_x' })).toThrow(/LARK_APP_ID and LARK_APP_SECRET/)
    expect(() => loadConfig({ LARK_APP_ID: 'cli_x', LARK_APP_SECRET: 's', LARK_MODE: 'webhook' })).toThrow(/LARK_VERIFICATION_TOKEN/)
    expect(() => loadConfig({ LARK_DOMAIN: 'open.feishu.cn' })).toThrow(/LARK_DOMAIN: /)
    expect(() => loadConfig({ WECHAT_ENABLED: 'maybe' })).toThrow(/WECHAT_ENABLED: /)
  })
})
