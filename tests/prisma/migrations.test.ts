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

describe('20261130200000_outbox', () => {
  it('moves kept sends and reminders claimed but not sent into the outbox, and keeps the reminders as claims', () => {
    const db = new Database(':memory:')
    const target = migrations.indexOf('20261130200000_outbox')
    for (const name of migrations.slice(0, target)) apply(db, name)
    const message = (chat: string, text: string) => JSON.stringify({ chat: { platform: 'lark', chatId: chat }, text })
    db.exec(`
      INSERT INTO "PendingSend" (platform, chatId, messageJson, attempts, lastError, nextAttemptAt, status, createdAt, updatedAt) VALUES
        ('lark', 'oc_a', '${message('oc_a', '待重发')}', 2, 'HTTP 502', '2026-11-30T03:00:00.000+00:00', 'pending', '2026-11-30T02:00:00.000+00:00', '2026-11-30T02:30:00.000+00:00'),
        ('lark', 'oc_b', '${message('oc_b', '已放弃')}', 9, 'HTTP 400', '2026-11-30T03:00:00.000+00:00', 'failed', '2026-11-29T02:00:00.000+00:00', '2026-11-30T02:00:00.000+00:00');
      INSERT INTO "Reminder" (key, kind, groupId, occurrenceId, dueAt, status, messageJson, note, createdAt) VALUES
        ('digest:1:2026-11-30', 'digest', 1, NULL, '2026-11-29T23:30:00.000+00:00', 'sent', '${message('oc_a', '周报')}', NULL, '2026-11-29T23:30:00.000+00:00'),
        ('digest:2:2026-11-30', 'digest', 2, NULL, '2026-11-29T23:30:00.000+00:00', 'sending', '${message('oc_c', '周报')}', NULL, '2026-11-29T23:30:00.000+00:00'),
        ('before:5:1h:1', 'before', 1, 5, '2026-11-30T04:30:00.000+00:00', 'pending', '${message('oc_a', '提醒')}', NULL, '2026-11-30T04:30:00.000+00:00'),
        ('before:6:1h:1', 'before', 1, 6, '2026-11-30T04:30:00.000+00:00', 'skipped', NULL, 'stale', '2026-11-30T04:30:00.000+00:00');
    `)
    apply(db, migrations[target]!)
    expect(db.prepare('SELECT platform, chatId, json_extract(messageJson, \'$.text\') AS text, status, attempts FROM "Outbox" ORDER BY id').all()).toEqual([
      { platform: 'lark', chatId: 'oc_a', text: '待重发', status: 'pending', attempts: 2 },
      { platform: 'lark', chatId: 'oc_b', text: '已放弃', status: 'failed', attempts: 9 },
      { platform: 'lark', chatId: 'oc_c', text: '周报', status: 'pending', attempts: 0 },
      { platform: 'lark', chatId: 'oc_a', text: '提醒', status: 'pending', attempts: 0 },
    ])
    expect(db.prepare('SELECT key, status FROM "Reminder" ORDER BY id').all()).toEqual([
      { key: 'digest:1:2026-11-30', status: 'queued' },
      { key: 'digest:2:2026-11-30', status: 'queued' },
      { key: 'before:5:1h:1', status: 'queued' },
      { key: 'before:6:1h:1', status: 'skipped' },
    ])
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'PendingSend'").all()).toEqual([])
    db.close()
  })
})
