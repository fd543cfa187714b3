import type * as lark from '@larksuiteoapi/node-sdk'
import { texts } from '../../core/texts/index.ts'
import type { Logger } from '../../log.ts'

const NAME_TTL_MS = 60 * 60_000
const TITLE_TTL_MS = 10 * 60_000
const MEMBER_REFETCH_MS = 60_000

/**
 * Members' names and chats' titles: message events carry only ids. Names
 * come from the chat's member list (im:chat.members:read), else the contact
 * API, else a placeholder; titles from the chat's info. Everything is
 * cached, and lookups made at the same time share one request: a burst of
 * first messages in a chat fetches its member list and its title once,
 * and nobody asks the contact API while that list is on its way.
 */
export class LarkDirectory {
  private readonly names = new Map<string, { name: string; at: number }>()
  private readonly titles = new Map<string, { title: string | undefined; at: number }>()
  private readonly membersFetchedAt = new Map<string, number>()
  private readonly pending = new Map<string, Promise<unknown>>()

  constructor(
    private readonly client: lark.Client,
    private readonly log: Logger,
  ) {}

  /** A name learnt on the way (an @mention carries one). */
  rememberName(openId: string, name: string): void {
    this.names.set(openId, { name, at: Date.now() })
  }

  rememberTitle(chatId: string, title: string): void {
    this.titles.set(chatId, { title, at: Date.now() })
  }

  async nameOf(chatId: string, openId: string): Promise<string> {
    const cached = this.fresh(openId)
    if (cached) return cached
    const fetchedAt = this.membersFetchedAt.get(chatId)
    if (fetchedAt === undefined || Date.now() - fetchedAt > MEMBER_REFETCH_MS || this.pending.has(`members:${chatId}`)) {
      await this.once(`members:${chatId}`, () => this.fetchMembers(chatId))
      const found = this.fresh(openId)
      if (found) return found
    }
    const name = await this.once(`user:${openId}`, () => this.fetchUser(openId))
    return name ?? this.names.get(openId)?.name ?? texts.platform.larkUnknownName(openId.slice(-4))
  }

  async titleOf(chatId: string): Promise<string | undefined> {
    const cached = this.titles.get(chatId)
    if (cached && Date.now() - cached.at < TITLE_TTL_MS) return cached.title
    return this.once(`title:${chatId}`, () => this.fetchTitle(chatId, cached?.title))
  }

  private fresh(openId: string): string | undefined {
    const entry = this.names.get(openId)
    return entry && Date.now() - entry.at < NAME_TTL_MS ? entry.name : undefined
  }

  /** Runs `load` unless a load under the same key is under way, whose result is shared. */
  private once<T>(key: string, load: () => Promise<T>): Promise<T> {
    const running = this.pending.get(key) as Promise<T> | undefined
    if (running) return running
    const started = load().finally(() => this.pending.delete(key))
    this.pending.set(key, started)
    return started
  }

  private async fetchMembers(chatId: string): Promise<void> {
    this.membersFetchedAt.set(chatId, Date.now())
    try {
      let pageToken: string | undefined
      for (let page = 0; page < 20; page++) {
        const res = await this.client.im.chatMembers.get({
          path: { chat_id: chatId },
          params: { member_id_type: 'open_id', page_size: 100, ...(pageToken ? { page_token: pageToken } : {}) },
        })
        for (const item of res?.data?.items ?? []) {
          if (item.member_id && item.name) this.rememberName(item.member_id, item.name)
        }
        if (!res?.data?.has_more || !res.data.page_token) break
        pageToken = res.data.page_token
      }
    } catch (err) {
      this.log.debug({ err: describeError(err), chat: chatId }, 'lark chat members unavailable')
    }
  }

  private async fetchUser(openId: string): Promise<string | undefined> {
    try {
      const res = await this.client.contact.user.get({ path: { user_id: openId }, params: { user_id_type: 'open_id' } })
      const name = res?.data?.user?.name
      if (name) this.rememberName(openId, name)
      return name || undefined
    } catch {
      // No contact permission: the caller falls back to the placeholder.
      return undefined
    }
  }

  private async fetchTitle(chatId: string, known: string | undefined): Promise<string | undefined> {
    let title = known
    try {
      const res = await this.client.im.chat.get({ path: { chat_id: chatId } })
      title = res?.data?.name || title
    } catch (err) {
      this.log.debug({ err: describeError(err), chat: chatId }, 'lark chat info unavailable')
    }
    this.titles.set(chatId, { title, at: Date.now() })
    return title
  }
}

export function describeError(err: unknown): string {
  const status = (err as { response?: { status?: number } }).response?.status
  const message = err instanceof Error ? err.message : String(err)
  return status ? `HTTP ${status}: ${message}` : message
}
