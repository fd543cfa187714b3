/**
 * The on-site 签到 code (/设置 12 签到码): four digits that change every
 * CODE_SLOT_MINUTES, derived from the activity's secret and the time slot
 * (HMAC-SHA256 of the slot number), so every process agrees on it without
 * storing codes. The code of the slot before is still taken: a code read
 * at the end of its slot works while it is typed.
 */
import { createHmac, randomBytes } from 'node:crypto'
import type { Tx } from '../db/client.ts'

export const CODE_SLOT_MINUTES = 3
const SLOT_MS = CODE_SLOT_MINUTES * 60_000

/** The slot an instant falls in. */
export function slotOf(at: Date): number {
  return Math.floor(at.getTime() / SLOT_MS)
}

/** The code of one slot: four digits, leading zeros kept. Pure. */
export function codeOfSlot(secret: string, slot: number): string {
  const digest = createHmac('sha256', secret).update(String(slot)).digest()
  return String(digest.readUInt32BE(0) % 10_000).padStart(4, '0')
}

/** The code shown now, and the moment it stops being taken (the end of the next slot). Pure. */
export function codeAt(secret: string, now: Date): { code: string; validUntil: Date } {
  const slot = slotOf(now)
  return { code: codeOfSlot(secret, slot), validUntil: new Date((slot + 2) * SLOT_MS) }
}

/** Whether a typed code is the current slot's or the one before. Pure. */
export function codeMatches(secret: string, typed: string, now: Date): boolean {
  const slot = slotOf(now)
  return typed === codeOfSlot(secret, slot) || typed === codeOfSlot(secret, slot - 1)
}

/**
 * The activity's code secret, made (32 random bytes) the first time one is
 * needed, in the command's transaction. Two processes making it at once:
 * the write only fills an empty secret, and both read back the one kept.
 */
export async function codeSecretOf(tx: Tx, activityId: number): Promise<string> {
  const activity = await tx.activity.findUniqueOrThrow({ where: { id: activityId }, select: { codeSecret: true } })
  if (activity.codeSecret) return activity.codeSecret
  await tx.activity.updateMany({ where: { id: activityId, codeSecret: null }, data: { codeSecret: randomBytes(32).toString('hex') } })
  return (await tx.activity.findUniqueOrThrow({ where: { id: activityId }, select: { codeSecret: true } })).codeSecret!
}

/** The activity's current code and until when it is taken. */
export async function currentCode(tx: Tx, activityId: number, now: Date): Promise<{ code: string; validUntil: Date }> {
  return codeAt(await codeSecretOf(tx, activityId), now)
}

/** Whether a typed code is right for the activity now. */
export async function checkCode(tx: Tx, activityId: number, typed: string, now: Date): Promise<boolean> {
  return codeMatches(await codeSecretOf(tx, activityId), typed, now)
}
