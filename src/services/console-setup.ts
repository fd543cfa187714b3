import type { Config } from '../config.ts'
import type { Tx } from '../db/client.ts'
import { CONSOLE_CHAT, OPERATOR } from '../platforms/console/to-message.ts'
import { districtDefaults } from './defaults.ts'
import { bindGroup, createDistrict, findDistrictByName, grantRole } from './districts.ts'
import { touchMembership, upsertMember } from './identity.ts'

/**
 * The console group belongs to a district from the start (CONSOLE_DISTRICT,
 * or whichever it was claimed for), and the operator 我 is its admin.
 */
export async function prepareConsoleGroup(tx: Tx, config: Config, now: Date): Promise<string> {
  const key = { platform: 'console', chatId: CONSOLE_CHAT.id }
  const group =
    (await tx.group.findUnique({ where: { platform_chatId: key } })) ??
    (await tx.group.create({ data: { ...key, title: CONSOLE_CHAT.title } }))
  let districtId = group.districtId
  if (!districtId) {
    const district =
      (await findDistrictByName(tx, config.CONSOLE_DISTRICT)) ??
      (await createDistrict(tx, config.CONSOLE_DISTRICT, districtDefaults(config)))
    await bindGroup(tx, group.id, district.id)
    districtId = district.id
  }
  const operator = await upsertMember(tx, 'console', { id: OPERATOR, name: OPERATOR }, now)
  await touchMembership(tx, districtId, operator, now)
  await grantRole(tx, districtId, operator, 'admin')
  const district = await tx.district.findUniqueOrThrow({ where: { id: districtId } })
  return district.name
}
