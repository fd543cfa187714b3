/** The texts of 听课 (师徒带教 lesson observations). */
import { echo } from '../limits.ts'

const LESSON = '语文《背影》'

export const observationsTexts = {
  observations: {
    noPairs: '您还没有师徒结对，不能登记听课。申请拜师请发送 /拜师 工作室编号，查看工作室请发送 /工作室',
    notPair: (name: string, example: string) => `「${echo(name)}」不是您的徒弟或导师，不能登记听课。例如：${example}`,
    sameName: (n: number, name: string) => `您有 ${n} 位叫「${echo(name)}」的徒弟或导师，请 @ 本人，例如：/听课 @${echo(name)} 11月3日 ${LESSON}`,
    needDate: (name: string) => `请写听课的日期，例如：/听课 ${name} 11月3日 ${LESSON}`,
    badDate: (text: string, name: string) => `「${echo(text)}」不是有效的日期，没有登记。例如：/听课 ${name} 11月3日 ${LESSON}`,
    already: (day: string, lesson: string) => `${day}的「${lesson}」已经登记过了，不用再登记。`,
    future: (day: string, name: string) => `${day}还没到，请在听课之后登记，例如：/听课 ${name} 昨天 ${LESSON}`,
    needLesson: (name: string, day: string) => `请写听的是哪节课，例如：/听课 ${name} ${day} ${LESSON}`,
    recordedByMentor: (mentee: string, day: string, lesson: string) => `已登记听课：${day}，导师听了 ${mentee} 的课 ${lesson}。`,
    recordedByMentee: (mentor: string, day: string, lesson: string) => `已登记听课：${day}，听了导师 ${mentor} 的课 ${lesson}。`,
    termCount: (count: number, min: number) =>
      `本学期你们已听课 ${count} 次${min > 0 ? (count >= min ? `，已达到每学期 ${min} 次。` : `，每学期至少 ${min} 次，还差 ${min - count} 次。`) : '。'}`,
    mineHeader: (term: string | null) => (term ? `您本学期（${term}）的听课记录：` : '您的听课记录：'),
    minePair: (role: '徒弟' | '导师', name: string, count: number, min: number) =>
      `与${role} ${name}：${count} 次${min > 0 && count < min ? `（每学期至少 ${min} 次，还差 ${min - count} 次）` : ''}`,
    mineLine: (day: string, whose: string, lesson: string) => `  ${day} ${whose}的课 ${lesson}`,
    /** Said the same to the mentor and the mentee: who observed whose lesson. */
    whoseMentee: (mentor: string, mentee: string) => `导师 ${mentor} 听 ${mentee} `,
    whoseMentor: (mentor: string, mentee: string) => `${mentee} 听导师 ${mentor} `,
    mineNone: (name: string) => `本学期还没有听课记录。登记请发送，例如：/听课 ${name} 11月3日 ${LESSON}`,
    allDirectOnly: '/听课 全部 会列出老师的姓名，请私聊我发送。',
    allNone: '还没有师徒结对。结对请发送，例如：/结对 3 王佩红 李明',
    allHeader: (term: string | null, min: number) => `${term ? `本学期（${term}）` : ''}各对师徒的听课${min > 0 ? `（每学期至少 ${min} 次）` : ''}：`,
    workshopLine: (name: string) => `【${name}】`,
    pairLine: (mentor: string, mentee: string, count: number, min: number) =>
      `${mentor} — ${mentee}：${count} 次${min > 0 && count < min ? ` ⚠ 差 ${min - count} 次` : ''}`,
    allBehind: (n: number) => (n > 0 ? `未达到的有 ${n} 对。` : '都已达到。'),
    allMore: (n: number) => `……还有 ${n} 对未列出。`,
    digestHeader: (min: number) => `【听课】本学期还没达到每学期 ${min} 次的师徒：`,
    digestMore: (n: number) => `……还有 ${n} 对，管理员私聊我发送 /听课 全部 查看。`,
    exportHeader: '听课次数',
  },
} as const
