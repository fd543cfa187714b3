/** The texts of /记录, /归档, photos kept for a session, and the 教研活动记录表. */

const kinds = (images: number, files: number) => [images ? `照片 ${images}` : '', files ? `文件 ${files}` : ''].filter(Boolean).join('、')

export const recordsTexts = {
  records: {
    usage: '请写上活动编号和纪要，例如：/记录 12 围绕单元作业设计开展研讨，确定下次由育秀实验学校上研究课。',
    empty: (id: number) => `请在编号后写上本次活动的纪要，例如：/记录 ${id} 围绕单元作业设计开展研讨，确定下次由育秀实验学校上研究课。`,
    tooLong: (max: number, id: number) => `纪要最多 ${max} 字，请精简后再发，例如：/记录 ${id} 围绕单元作业设计开展研讨。`,
    notAllowed: '只有这项活动的组织者、学区管理员，以及有角色（组织者、导师）的主持人、主讲人可以记录、归档。',
    notHeld: (id: number) => `#${id} 还没有举行过，举行后再记录。`,
    noSessionOn: (id: number, day: string, example: string) => `#${id} 在${day}没有举行的场次。举行过的一次例如：${example}`,
    saved: (id: number, title: string, day: string) => `已记录 #${id}「${title}」${day}的活动纪要。导出档案时写入教研活动记录表。`,
    replaced: (id: number, title: string, day: string) => `已更新 #${id}「${title}」${day}的活动纪要（替换了之前的纪要）。`,
    /** One file kept during a session: sent alone, or one line of a gathered message. */
    kept: (id: number, day: string, images: number, files: number) => `已归档到 #${id} ${day}的活动记录（${kinds(images, files)}）`,
    keptHead: (id: number, day: string) => `已归档到 #${id} ${day}的活动记录：`,
    keptLine: (name: string, images: number, files: number) => `${name}：共 ${kinds(images, files)}`,
    tooBig: (mb: number) => `这个文件超过 ${mb} MB，没有归档。请压缩后再发。`,
    archiveUsage: (id: string) => `请回复（引用）要归档的照片或文件发送 /归档 ${id}，或在发完照片后 10 分钟内发送 /归档 ${id}。`,
    nothingToArchive: (id: string) => `没有找到可以归档的照片或文件：请在发完照片后 10 分钟内发送 /归档 ${id}，或回复（引用）照片发送 /归档 ${id}（照片保留 1 小时）。`,
    alreadyArchived: (id: number, day: string) => `这个文件已经归档在 #${id} ${day}的活动记录里了。`,
    archived: (id: number, title: string, day: string, images: number, files: number, total: { images: number; files: number }) =>
      `已归档到 #${id}「${title}」${day}的活动记录：${kinds(images, files)}。这次活动现有${kinds(total.images, total.files)}。`,
    archiveGone: '文件已过期被清理，请重新发送后再归档。',
  },
  recordSheet: {
    title: '教研活动记录表',
    activity: '活动名称',
    when: '时间',
    place: '地点',
    host: '主持人',
    presenter: '主讲人',
    subject: '学科',
    organizer: '组织者',
    present: (n: number) => `参加人员（${n}人）`,
    leave: (n: number) => `请假（${n}人）`,
    absent: (n: number) => `缺席（${n}人）`,
    none: '无',
    summary: '活动纪要',
    noSummary: '（未记录）',
    photos: (n: number) => `活动照片（${n}张）`,
    files: '其他资料',
    /** A photo the document cannot show (a format Word does not take): named instead. */
    photoNamed: (name: string) => `照片：${name}`,
    person: (name: string, school: string, note: string) => `${name}${school ? `（${school}）` : ''}${note ? ` ${note}` : ''}`,
    onLeave: (name: string, school: string, reason: string) => `${name}${school ? `（${school}）` : ''}${reason ? `：${reason}` : ''}`,
    fileName: (id: number, title: string, date: string) => `#${id}-${title}-${date}-教研活动记录表.docx`,
    folder: '教研活动记录表',
    photoFolder: '照片和资料',
    activityFolder: (id: number, title: string) => `#${id}-${title}`,
    zipName: (base: string) => `${base}.zip`,
    /** The zip over what the platform takes: kept under the data folder instead. */
    tooBigToSend: (name: string, mb: number, limit: number, where: string) =>
      `档案「${name}」有 ${mb} MB，超过聊天里能发送的 ${limit} MB，没有发送。文件已保存在服务器的 ${where}，请联系管理员取用；也可以按活动导出：/导出 12`,
  },
} as const
