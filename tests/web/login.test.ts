import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { bindAsAdmin } from '../helpers/harness.ts'
import { createWebHarness, sessionFrom, type WebHarness } from '../helpers/web.ts'

let web: WebHarness
beforeEach(async () => {
  web = await createWebHarness('2026-11-30T09:00:00+08:00')
})
afterEach(async () => web.close())

describe('/后台 and the one-time link', () => {
  it('gives a link in the console group, and only in a direct chat elsewhere', async () => {
    expect(await web.linkFor()).toMatch(/^\/console\/login\//)
    const group = { platform: 'wechat' as const, chat: 'g1', title: '语文组' }
    await bindAsAdmin(web, group, '李主任', 'li')
    const inGroup = await web.say('/后台', { ...group, as: '李主任', id: 'li' })
    expect(inGroup.join('')).not.toContain('/console/login/')
    expect(inGroup.join('')).toContain('请私聊我发送 /后台')
    expect(await web.linkFor({ platform: 'wechat', as: '李主任', id: 'li', chat: 'dm-li', direct: true })).toMatch(/^\/console\/login\//)
  })

  it('opens a session with the button, not with the GET a link preview makes; the link then works no more', async () => {
    const link = await web.linkFor()
    const preview = await web.fastify.inject({ method: 'GET', url: link })
    expect(preview.statusCode).toBe(200)
    expect(preview.body).toContain('进入后台')
    const session = await sessionFrom(web.fastify, link)
    expect(session.cookies.xq_session).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const cookie = (await web.fastify.inject({ method: 'POST', url: link })).cookies
    expect(cookie).toEqual([])
    const again = await web.fastify.inject({ method: 'GET', url: link })
    expect(again.statusCode).toBe(410)
    expect(again.body).toContain('已经用过')
  })

  it('refuses a link past its 10 minutes with a plain page saying to ask again', async () => {
    const link = await web.linkFor()
    web.setNow('2026-11-30T09:10:01+08:00')
    const res = await web.fastify.inject({ method: 'POST', url: link })
    expect(res.statusCode).toBe(410)
    expect(res.body).toContain('已过期')
    expect(res.body).toContain('/后台')
    expect(res.cookies).toEqual([])
  })

  it('keeps only the SHA-256 of a token', async () => {
    const link = await web.linkFor()
    const token = link.split('/').pop()!
    const rows = await web.app.db.webToken.findMany()
    expect(rows).toHaveLength(1)
    expect(rows[0]!.hash).toMatch(/^[0-9a-f]{64}$/)
    expect(rows[0]!.hash).not.toContain(token)
  })

  it('sets an httpOnly, SameSite=Strict session cookie of 12 hours; logging out ends it', async () => {
    const link = await web.linkFor()
    const res = await web.fastify.inject({ method: 'POST', url: link })
    const cookie = res.cookies.find((c) => c.name === 'xq_session')!
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/console' })
    expect(cookie.secure).toBeFalsy()
    expect(cookie.maxAge).toBe(12 * 3600)
    const session = await sessionFrom(web.fastify, await web.linkFor())
    expect((await session.get('/console/')).statusCode).toBe(303)
    const token = session.cookies.xq_session!
    const out = await session.post('/console/logout', {}, '/console/no-such-page')
    expect(out.statusCode).toBe(200)
    expect((await web.fastify.inject({ method: 'GET', url: '/console/', cookies: { xq_session: token } })).statusCode).toBe(401)
    expect(session.cookies.xq_session).toBeUndefined()
  })

  it('/后台 退出全部 ends every session and open link of the member, and no one else\'s', async () => {
    const first = await web.login()
    const second = await web.login()
    const unused = await web.linkFor()
    const group = { platform: 'wechat' as const, chat: 'g1', title: '语文组' }
    await bindAsAdmin(web, group, '李主任', 'li')
    const other = await web.login({ ...group, as: '李主任', id: 'li', chat: 'dm-li', direct: true })
    expect(await web.say('/后台 退出全部')).toEqual(['已退出网页后台的全部登录（2处）。还没用的登录链接（1个）也已作废。需要时再发送 /后台 获取新链接。'])
    for (const session of [first, second]) expect((await session.get('/console/')).statusCode).toBe(401)
    expect((await web.fastify.inject({ method: 'POST', url: unused })).statusCode).toBe(410)
    expect((await other.get('/console/')).statusCode).toBe(303)
    expect(await web.say('/后台 退出全部')).toEqual(['您在网页后台没有登录中的会话。'])
  })

  it('marks the session cookie Secure when PUBLIC_URL is https', async () => {
    const https = await createWebHarness('2026-11-30T09:00:00+08:00', { PUBLIC_URL: 'https://bot.example.cn' })
    try {
      const link = await https.linkFor()
      expect((await https.say('/后台')).join('')).toContain('https://bot.example.cn/console/login/')
      const cookie = (await https.fastify.inject({ method: 'POST', url: link })).cookies.find((c) => c.name === 'xq_session')!
      expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Strict' })
    } finally {
      await https.close()
    }
  })

  it('says how to turn the console on when PUBLIC_URL is not set, and gives no link', async () => {
    const off = await createWebHarness('2026-11-30T09:00:00+08:00', { PUBLIC_URL: '' })
    try {
      expect((await off.say('/后台'))[0]).toContain('网页后台还没有开启')
      expect(await off.app.db.webToken.count()).toBe(0)
    } finally {
      await off.close()
    }
  })

  it('refuses a login posted from another site, so nobody is signed in to a session not their own', async () => {
    for (const headers of [{ origin: 'http://evil.example' }, { 'sec-fetch-site': 'cross-site' }]) {
      const link = await web.linkFor()
      const res = await web.fastify.inject({ method: 'POST', url: link, headers })
      expect([res.statusCode, res.cookies]).toEqual([403, []])
      expect(res.body).toContain('来自别的网站')
      // Not spent: the person it was meant for can still open it.
      expect((await web.fastify.inject({ method: 'POST', url: link, headers: { origin: new URL(web.config.PUBLIC_URL!).origin, 'sec-fetch-site': 'same-origin' } })).statusCode).toBe(303)
    }
  })

  it("signs in from the link's own page as Chromium posts it (Origin: null under the page's no-referrer policy), and still refuses a bare Origin: null", async () => {
    const chromium = { origin: 'null', 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'navigate' }
    const res = await web.fastify.inject({ method: 'POST', url: await web.linkFor(), headers: chromium })
    expect([res.statusCode, res.headers.location]).toEqual([303, '/console/'])
    // Without the browser's Sec-Fetch-Site, an opaque origin (a sandboxed frame of any site) proves nothing: refused.
    const bare = await web.fastify.inject({ method: 'POST', url: await web.linkFor(), headers: { origin: 'null' } })
    expect([bare.statusCode, bare.cookies]).toEqual([403, []])
  })

  it('names what went wrong on its pages: not found, expired form, too large', async () => {
    const session = await web.login()
    const missing = await session.get('/console/no-such-page')
    expect([missing.statusCode, /<h1>([^<]+)<\/h1>/.exec(missing.body)?.[1]]).toEqual([404, '没有找到'])
    const stale = await web.fastify.inject({ method: 'POST', url: '/console/logout', cookies: session.cookies, payload: '_csrf=stale', headers: { 'content-type': 'application/x-www-form-urlencoded' } })
    expect([stale.statusCode, /<h1>([^<]+)<\/h1>/.exec(stale.body)?.[1]]).toEqual([403, '页面已过期'])
    const big = await session.post('/console/logout', { filler: 'x'.repeat(100 * 1024) }, '/console/no-such-page')
    expect([big.statusCode, /<h1>([^<]+)<\/h1>/.exec(big.body)?.[1]]).toEqual([413, '内容太大'])
    expect((await session.get('/console/')).statusCode).toBe(303)
  })

  it('sends HSTS only on https, with the security headers on every page', async () => {
    const page = await web.fastify.inject({ method: 'GET', url: await web.linkFor() })
    expect(page.headers['strict-transport-security']).toBeUndefined()
    expect(page.headers).toMatchObject({ 'x-frame-options': 'DENY', 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'cache-control': 'no-store' })
    expect(page.headers['content-security-policy']).toContain("script-src 'self'")
    const https = await createWebHarness('2026-11-30T09:00:00+08:00', { PUBLIC_URL: 'https://bot.example.cn' })
    try {
      const res = await https.fastify.inject({ method: 'GET', url: await https.linkFor() })
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000')
    } finally {
      await https.close()
    }
  })
})
