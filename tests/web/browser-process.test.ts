/**
 * The console as an operator first meets it: `npm start` with PUBLIC_URL set
 * prints the console's address; `/后台` typed into the console group prints a
 * link; Chromium opens it, presses 进入后台, and is in. Logging out ends the
 * session, and the same link is refused when opened again.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort, startBot } from '../helpers/console-process.ts'
import { launchBrowser, screenshot } from '../helpers/browser.ts'

let browser: Browser
let dir: string
beforeAll(async () => {
  browser = await launchBrowser()
  dir = mkdtempSync(path.join(tmpdir(), 'xuequ-web-process-'))
})
afterAll(async () => {
  await browser.close()
  rmSync(dir, { recursive: true, force: true })
})

/** Resolves with the first match of `pattern` in what the process prints. */
function waitFor(child: ReturnType<typeof startBot>, pattern: RegExp, seen: { out: string }): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not printed: ${pattern} in\n${seen.out}`)), 40_000)
    const check = () => {
      const match = pattern.exec(seen.out)
      if (!match) return
      clearTimeout(timer)
      child.stdout.off('data', check)
      resolve(match)
    }
    child.stdout.on('data', check)
    check()
  })
}

describe('npm start with PUBLIC_URL, and /后台 in the console group', () => {
  it('prints the console address and a link that Chromium logs in with, once', async () => {
    const port = await freePort()
    const base = `http://127.0.0.1:${port}`
    const child = startBot({
      DATABASE_URL: `file:${path.join(dir, 'xuequ.db')}`, DATA_DIR: dir, PUBLIC_URL: base, HTTP_PORT: String(port), CONSOLE: 'on',
      CLOCK_START: '2026-11-30T09:00:00+08:00',
    })
    const seen = { out: '' }
    child.stdout.setEncoding('utf8').on('data', (d: string) => (seen.out += d))
    try {
      await waitFor(child, /学区助手已启动/, seen)
      expect(seen.out).toContain(`网页后台：${base}/console/`)
      child.stdin.write('/后台\n')
      const [link] = await waitFor(child, /http:\/\/127\.0\.0\.1:\d+\/console\/login\/[A-Za-z0-9_-]{43}/, seen)
      expect(seen.out).toContain('10分钟内有效，只能用一次')

      const context = await browser.newContext()
      const page = await context.newPage()
      await page.goto(link)
      await screenshot(page, '01-login')
      await page.getByRole('button', { name: '进入后台' }).click()
      await page.waitForURL(`${base}/console/**`)
      expect(page.url()).not.toContain('/login/')
      await screenshot(page, '02-home')
      await expect(page.getByText('我（示范学区 · 管理员）').count()).resolves.toBe(1)
      const cookies = await context.cookies()
      expect(cookies.find((c) => c.name === 'xq_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/console' })

      await page.getByRole('button', { name: '退出登录' }).click()
      await expect(page.getByText('已退出登录').count()).resolves.toBe(1)
      await page.goto(`${base}/console/`)
      await expect(page.getByText('请先登录').count()).resolves.toBe(1)
      await page.goto(link)
      await expect(page.getByText('这个登录链接已经用过了', { exact: false }).count()).resolves.toBe(1)
      await context.close()
    } finally {
      child.stdin.end()
      await new Promise((resolve) => child.once('close', resolve))
    }
  })
})
