import type { Tx } from '../db/client.ts'
import { isPlatform, type ChatRef, type Platform } from '../core/message.ts'

/**
 * A member's direct chat with the bot, where codes and personal data may go:
 * on the preferred platform if they have one there, else the one used last.
 * Null when they have never written to the bot directly.
 */
export async function directChatOf(tx: Tx, memberId: number, prefer?: Platform): Promise<ChatRef | null> {
  const chats = (await tx.group.findMany({ where: { direct: true, ownerId: memberId }, orderBy: { lastSeenAt: 'desc' } })).filter((g) =>
    isPlatform(g.platform),
  )
  const best = chats.find((g) => g.platform === prefer) ?? chats[0]
  return best ? { platform: best.platform as Platform, chatId: best.chatId } : null
}

/** The direct chats of a district's admins (those who have one), one each. */
export async function adminChats(tx: Tx, districtId: number): Promise<ChatRef[]> {
  const admins = await tx.memberRole.findMany({ where: { districtId, role: 'admin' }, select: { memberId: true } })
  const chats: ChatRef[] = []
  for (const { memberId } of admins) {
    const chat = await directChatOf(tx, memberId)
    if (chat) chats.push(chat)
  }
  return chats
}
