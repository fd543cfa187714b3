import { localParts } from '../../calendar/dates.ts'
import type { Work } from '../../core/command.ts'
import { texts } from '../../core/texts/index.ts'
import type { District } from '../../generated/prisma/client.ts'
import { listName } from '../../services/members.ts'
import type { PairCount } from '../../services/observations.ts'
import { askerLabel, GROUP_READER, type Reader } from '../../services/question-access.ts'
import type { ListedQuestion } from '../../services/questions.ts'
import type { Viewer } from '../../services/web-tokens.ts'
import type { WorkshopDetail } from '../../services/workshops.ts'
import { isStaff } from '../viewer.ts'

const W = texts.webPeople.workshops
/** Open questions read for one page; more are left to /问题 in chat. */
const MAX_QUESTIONS = 200

/** The viewer reads questions as in their direct chat with the bot: what /问题 lists for them there. */
export function readerOf(viewer: Viewer): Reader {
  return { where: 'direct', memberId: viewer.memberId, roles: viewer.roles }
}

/**
 * What 工作室与答疑 shows. Staff (admins, organizers) see every workshop:
 * its mentors, pairs with their 听课 this term, applications with the mentor
 * asked for, and every open question they may read. A mentor sees what the
 * chat shows a mentor, nothing more: the workshops they mentor as /工作室 N
 * lists them (mentors, pairs, applicants' names), the 听课 count of their own
 * pairs only (/听课 tells each member their own; /听课 全部 is the admins'),
 * and the open questions they may answer (/回答), as their direct chat reads them.
 */
export async function workshopsPage(work: Work, viewer: Viewer, now: Date) {
  const staff = isStaff(viewer)
  const district = await work.districts.getDistrict(viewer.districtId)
  const { term } = await work.memberHours.hoursPeriod(district, now)
  const listed = await work.workshops.listWorkshops(viewer.districtId)
  const shown = staff ? listed : listed.filter((w) => w.mentors.some((m) => m.memberId === viewer.memberId))
  const details: WorkshopDetail[] = []
  for (const w of shown) details.push((await work.workshops.workshopDetail(viewer.districtId, w.id))!)
  const span = term ? { from: term.startDate, to: term.endDate } : { from: null, to: null }
  const counts = countsOf(await work.observations.pairCounts(viewer.districtId, span, details.map((d) => d.id)))
  const filter = staff ? { all: false } : { all: false, answerableBy: { memberId: viewer.memberId, roles: viewer.roles } }
  const open = await work.questions.listQuestions(viewer.districtId, readerOf(viewer), filter, MAX_QUESTIONS)
  const answerable = await work.questionAccess.answerableAmong(viewer.districtId, viewer, open.list.map((q) => q.id))
  const question = (q: ListedQuestion) => ({ ...questionView(q, district), answerable: answerable.has(q.id) })
  // A count is shown where the chat shows it to this viewer: every pair's to staff, a mentor's own pairs' to them.
  const countShown = (mentorId: number) => staff || mentorId === viewer.memberId
  return {
    intro: staff ? null : W.mentorIntro,
    empty: staff ? W.none : W.noneMentored,
    observations: W.observations(term?.name ?? null),
    workshops: details.map((d) => {
      const pairs = d.mentees.filter((m) => m.status === 'approved').map((m) => {
        const count = m.mentor && countShown(m.mentor.id) ? (counts.get(`${d.id}:${m.mentor.id}:${m.memberId}`) ?? 0) : null
        return pairView(m.mentor ? listName(m.mentor) : texts.workshop.unassigned, listName(m.member), count, district.observationsPerTerm)
      })
      return {
        id: d.id, name: d.name,
        mentors: d.mentors.map((m) => listName(m.member)).join('、') || W.noMentors,
        pairs,
        // Another mentor's pair: the chat names it (/工作室 N) but tells its count only to the pair and the admins.
        countsHidden: d.mentees.some((m) => m.status === 'approved' && m.mentor && !countShown(m.mentor.id)),
        applied: d.mentees.filter((m) => m.status === 'applied').map((m) => (staff ? W.appliedLine(listName(m.member), m.mentor ? listName(m.mentor) : null) : listName(m.member))),
        questions: open.list.filter((q) => q.workshopId === d.id).map(question),
      }
    }),
    unassigned: open.list.filter((q) => q.workshopId === null || !details.some((d) => d.id === q.workshopId)).map(question),
    more: open.total - open.list.length,
  }
}

/** Each pair's 听课 this term, by workshop, mentor and mentee. */
function countsOf(pairs: PairCount[]): Map<string, number> {
  return new Map(pairs.map((p) => [`${p.workshopId}:${p.mentor.id}:${p.mentee.id}`, p.count]))
}

/** A pair's row; `count` null where this viewer is not told it (or the mentee has no mentor yet). */
function pairView(mentor: string, mentee: string, count: number | null, min: number) {
  if (count === null) return { mentor, mentee, count: W.countHidden, behind: false }
  return { mentor, mentee, count: W.count(count, min), behind: min > 0 && count < min }
}

/** A question as the page shows it: an anonymous asker as 匿名, to every viewer. */
function questionView(q: ListedQuestion, district: District) {
  const asked = localParts(q.askedAt, district.timezone)
  return { id: q.id, text: q.text, asker: askerLabel(q, GROUP_READER), notShared: !q.shared, askedAt: `${asked.date} ${asked.time}` }
}
