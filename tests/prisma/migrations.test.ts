import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../helpers/console-process.ts'

const FOLDER = path.join(ROOT, 'prisma', 'migrations')
const migrations = readdirSync(FOLDER).filter((f) => /^\d+_/.test(f)).sort()
const apply = (db: Database.Database, name: string) => db.exec(readFileSync(path.join(FOLDER, name, 'migration.sql'), 'utf8'))

describe('20261130120000_question_visibility', () => {
  it('keeps questions asked in a group shared and makes those asked in a direct chat private', () => {
    const db = new Database(':memory:')
    const target = migrations.indexOf('20261130120000_question_visibility')
    for (const name of migrations.slice(0, target)) apply(db, name)
    db.exec(`
      INSERT INTO "District" (id, name) VALUES (1, '示范学区');
      INSERT INTO "Member" (id, displayName, updatedAt) VALUES (1, '李明', 0);
      INSERT INTO "Group" (id, platform, chatId, title, districtId, direct, updatedAt) VALUES (1, 'wechat', 'room', '教研群', 1, false, 0);
      INSERT INTO "Group" (id, platform, chatId, title, direct, ownerId, updatedAt) VALUES (2, 'wechat', 'li', '李明', true, 1, 0);
      INSERT INTO "Question" (id, districtId, askerId, text, anonymous, groupId, askedAt) VALUES
        (1, 1, 1, '在群里问的', false, 1, 0),
        (2, 1, 1, '在群里匿名问的', true, 1, 0),
        (3, 1, 1, '私聊问的', false, 2, 0),
        (4, 1, 1, '私聊匿名问的', true, 2, 0),
        (5, 1, 1, '不知道在哪里问的', false, NULL, 0);
    `)
    apply(db, migrations[target]!)
    expect(db.prepare('SELECT id, shared FROM "Question" ORDER BY id').all()).toEqual([
      { id: 1, shared: 1 },
      { id: 2, shared: 1 },
      { id: 3, shared: 0 },
      { id: 4, shared: 0 },
      { id: 5, shared: 0 },
    ])
    // A question written afterwards without saying is private.
    db.exec(`INSERT INTO "Question" (id, districtId, askerId, text, askedAt) VALUES (6, 1, 1, '新的', 0)`)
    expect(db.prepare('SELECT shared FROM "Question" WHERE id = 6').get()).toEqual({ shared: 0 })
    db.close()
  })
})
