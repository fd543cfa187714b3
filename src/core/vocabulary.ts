/** Words of the users' world that several commands read: subjects, schools, 教龄. */

const LEVEL = '(?:中小学|小学|初中|高中|中学)'
const SUBJECTS =
  '(?:语文|数学|英语|道德与法治|道法|史地|政史地|理化|理化生|音体美|历史|地理|物理|化学|生物|生命科学|科学|信息科技|信息技术|艺术|音乐|美术|体育与健身|体育|劳动|心理健康|心理|综合实践|思想政治|政治)'

/** "语文", "中小学语文", "初中英语". */
export const SUBJECT = new RegExp(`^${LEVEL}?${SUBJECTS}$`)
/** "育秀实验学校", "建平实验中学", "西渡小学"… */
export const SCHOOL = /^(.{2,}(学校|中学|小学|校区|幼儿园|学院|分校)|.*少体校)$/

const SUBJECT_ALIASES: Record<string, string> = { 道法: '道德与法治', 信息技术: '信息科技', 心理健康: '心理', 体育与健身: '体育', 政治: '思想政治' }

/** "中小学语文" → "语文", "道法" → "道德与法治". */
export function subjectCore(subject: string): string {
  const core = subject.trim().replace(new RegExp(`^${LEVEL}`), '')
  return SUBJECT_ALIASES[core] ?? core
}

/** Subject groups as offices write them: 史地 is 历史 and 地理 (a 史地 teacher too). */
const SUBJECT_GROUPS: Record<string, string[]> = {
  史地: ['历史', '地理'], 政史地: ['思想政治', '道德与法治', '历史', '地理'], 理化: ['物理', '化学'], 理化生: ['物理', '化学', '生物'], 音体美: ['音乐', '体育', '美术'],
}

/**
 * A teacher of `has` may join what is limited to `rule` (初中语文 takes a 语文
 * teacher; 限史地 a 历史 or a 地理 teacher). A teacher may have several
 * subjects ("语文、数学"): any of them will do.
 */
export function sameSubject(rule: string, has: string): boolean {
  // "限语文、数学": any of the subjects named.
  const admitted = rule.split(/[、,，/]/).map(subjectCore).filter(Boolean).flatMap((a) => [a, ...(SUBJECT_GROUPS[a] ?? [])])
  return has.split(/[、,，/]/).map(subjectCore).filter(Boolean).some((b) => admitted.some((x) => x === b || x.includes(b) || b.includes(x)))
}

export function sameSchool(rule: string, has: string): boolean {
  const a = rule.replace(/\s+/g, '')
  const b = has.replace(/\s+/g, '')
  return a === b || a.includes(b) || b.includes(a)
}

/** "教龄5", "教龄5年", "5年教龄" → 5. */
export function readTeachingYears(token: string): number | null {
  const m = /^(?:教龄[:]?(\d{1,2})年?|(\d{1,2})年教龄)$/.exec(token)
  return m ? Number(m[1] ?? m[2]) : null
}
