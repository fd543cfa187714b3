import type { FastifyInstance } from 'fastify'
import { localParts } from '../../calendar/dates.ts'
import { texts } from '../../core/texts/index.ts'
import { read, type WebDeps } from '../deps.ts'
import { renderPage } from '../render.ts'
import { guard } from '../viewer.ts'
import { memberRecord, profileOf } from './member-record.ts'

const P = texts.webPeople

/**
 * 我的 (every signed-in member, teachers included): GET /console/me shows
 * the viewer's own profile, coming sign-ups with 请假, attendance and 学时
 * in their district, as /我的 and /学时 tell them in chat. Nobody else's.
 */
export async function meRoutes(app: FastifyInstance, deps: WebDeps): Promise<void> {
  app.get('/me', { preHandler: guard('member') }, async (request, reply) => {
    const viewer = request.viewer!
    const now = deps.clock()
    const { member, district, record } = await read(deps, async (work) => {
      const district = await work.districts.getDistrict(viewer.districtId)
      return { district, member: await work.members.findMember(viewer.memberId), record: await memberRecord(work, district, viewer.memberId, now) }
    })
    const profile = profileOf(member, localParts(now, district.timezone).date)
    const hasProfile = Boolean(member.realName || member.school || member.subject || member.teachingYears !== null)
    return renderPage(reply, viewer, 'me', P.me.title, { P, record, member: { ...profile, hasProfile } }, { nav: 'me' })
  })
}
