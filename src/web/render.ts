import path from 'node:path'
import { Eta } from 'eta'
import type { FastifyReply } from 'fastify'
import { ROLE_NAMES, texts } from '../core/texts/index.ts'
import type { Role } from '../core/roles.ts'
import { CONSOLE_PATH, type Viewer } from '../services/web-tokens.ts'
import { mayOpen, type Access } from './access.ts'

const eta = new Eta({ views: path.join(import.meta.dirname, 'views'), cache: true, autoEscape: true, autoTrim: false })

export const FLASH_COOKIE = 'xq_flash'
/** The longest flash kept in its cookie (a cookie holds 4 KB; a Chinese character takes 3 bytes, then base64). */
const FLASH_CHARS = 600

/** A page of the console in the menu, and who sees its entry: the access its route's guard declares. */
interface NavEntry {
  key: keyof typeof texts.web.nav
  href: string
  access: Access
}

const NAV: readonly NavEntry[] = [
  { key: 'term', href: '/term', access: 'staff' },
  { key: 'activities', href: '/activities', access: 'staff' },
  { key: 'members', href: '/members', access: 'admin' },
  { key: 'workshops', href: '/workshops', access: 'staffOrMentor' },
  { key: 'stats', href: '/stats', access: 'staff' },
  { key: 'files', href: '/files', access: 'staff' },
  { key: 'me', href: '/me', access: 'member' },
]

function menu(viewer: Viewer | null, current?: string) {
  if (!viewer) return []
  return NAV.filter((e) => mayOpen(viewer.roles, e.access)).map((e) => ({
    label: texts.web.nav[e.key], href: `${CONSOLE_PATH}${e.href}`, current: e.key === current,
  }))
}

function rolesText(roles: ReadonlySet<Role>): string {
  return [...roles].map((r) => ROLE_NAMES[r]).join('、')
}

export interface PageOptions {
  /** The menu entry to mark as current. */
  nav?: keyof typeof texts.web.nav
  /** What the last action said (read from the flash cookie by renderPage). */
  flash?: { ok: boolean; text: string } | null
  /** Laid out for printing (A4 landscape), without the menu. */
  print?: boolean
}

/** Renders a view inside the layout, with the CSRF token for its forms, and sends it. */
export function renderPage(reply: FastifyReply, viewer: Viewer | null, view: string, title: string, data: Record<string, unknown>, options: PageOptions = {}): FastifyReply {
  const flash = options.flash === undefined ? takeFlash(reply) : options.flash
  const csrf = viewer ? reply.generateCsrf() : ''
  const body = eta.render(view, { ...data, T: texts.web, base: CONSOLE_PATH, csrf, viewer })
  const html = eta.render('layout', {
    T: texts.web, base: CONSOLE_PATH, title, body, csrf, flash, print: options.print === true,
    menu: menu(viewer, options.nav), who: viewer ? texts.web.signedInAs(viewer.name, viewer.districtName, rolesText(viewer.roles)) : null,
  })
  return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html)
}

/** A page with one heading and one sentence (refusals, the login page's errors). */
export function renderMessage(reply: FastifyReply, viewer: Viewer | null, heading: string, text: string): FastifyReply {
  return renderPage(reply, viewer, 'message', heading, { heading, text }, { flash: null })
}

/** Keeps what an action said for the page the browser is sent to next. */
export function setFlash(reply: FastifyReply, flash: { ok: boolean; text: string }): void {
  const text = flash.text.length > FLASH_CHARS ? `${flash.text.slice(0, FLASH_CHARS)}…` : flash.text
  const value = Buffer.from(JSON.stringify({ ok: flash.ok, text }), 'utf8').toString('base64url')
  reply.setCookie(FLASH_COOKIE, value, { path: CONSOLE_PATH, httpOnly: true, sameSite: 'strict', maxAge: 60 })
}

function takeFlash(reply: FastifyReply): { ok: boolean; text: string } | null {
  const raw = reply.request.cookies[FLASH_COOKIE]
  if (!raw) return null
  reply.clearCookie(FLASH_COOKIE, { path: CONSOLE_PATH })
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as { ok?: unknown; text?: unknown }
    return typeof parsed.text === 'string' ? { ok: parsed.ok === true, text: parsed.text.slice(0, FLASH_CHARS + 1) } : null
  } catch {
    return null
  }
}
