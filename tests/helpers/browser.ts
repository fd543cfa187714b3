/**
 * A real browser for the web console's tests: Debian's chromium driven by
 * playwright-core (which downloads no browser). scripts/test-browser.sh
 * installs chromium and a CJK font from Debian's packages when missing.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { ROOT } from './console-process.ts'

/** Where the tests write screenshots of the console's pages (named in the README). */
export const SCREENSHOTS = path.join(ROOT, 'screenshots')

function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH
  return execFileSync(path.join(ROOT, 'scripts', 'test-browser.sh'), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim()
}

export function launchBrowser(): Promise<Browser> {
  // Chromium's sandbox needs user namespaces a root CI container lacks.
  const root = process.getuid?.() === 0
  return chromium.launch({ executablePath: chromiumPath(), args: root ? ['--no-sandbox'] : [] })
}

/** A whole-page screenshot, screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true })
}
