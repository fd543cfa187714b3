-- One outbox for every message the bot sends. Messages kept after a failed
-- send (PendingSend) and reminders claimed but not yet sent move into it.

-- CreateTable
CREATE TABLE "Outbox" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "platform" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "messageJson" TEXT NOT NULL,
    "gatherKey" TEXT,
    "batchId" INTEGER,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL,
    "sentAt" DATETIME
);

-- CreateIndex
CREATE INDEX "Outbox_status_nextAttemptAt_idx" ON "Outbox"("status", "nextAttemptAt");

-- Kept sends still to be tried, and failed ones for the record.
INSERT INTO "Outbox" ("platform", "chatId", "messageJson", "status", "attempts", "nextAttemptAt", "lastError", "createdAt", "sentAt")
SELECT "platform", "chatId", "messageJson", "status", "attempts", "nextAttemptAt", "lastError", "createdAt", CASE WHEN "status" = 'sent' THEN "updatedAt" END
FROM "PendingSend" ORDER BY "id";

-- Reminders claimed and not marked sent: due now.
INSERT INTO "Outbox" ("platform", "chatId", "messageJson", "status", "attempts", "nextAttemptAt", "createdAt")
SELECT json_extract("messageJson", '$.chat.platform'), json_extract("messageJson", '$.chat.chatId'), "messageJson", 'pending', 0, "dueAt", "createdAt"
FROM "Reminder" WHERE "status" IN ('pending', 'sending') AND "messageJson" IS NOT NULL ORDER BY "dueAt", "id";

-- DropIndex
DROP INDEX "PendingSend_status_nextAttemptAt_idx";

-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "PendingSend";
PRAGMA foreign_keys=on;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Reminder" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "groupId" INTEGER,
    "occurrenceId" INTEGER,
    "dueAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL,
    "outboxId" INTEGER,
    "note" TEXT,
    "createdAt" DATETIME NOT NULL
);
INSERT INTO "new_Reminder" ("createdAt", "dueAt", "groupId", "id", "key", "kind", "note", "occurrenceId", "status")
SELECT "createdAt", "dueAt", "groupId", "id", "key", "kind", "note", "occurrenceId", CASE WHEN "status" = 'skipped' THEN 'skipped' ELSE 'queued' END FROM "Reminder";
DROP TABLE "Reminder";
ALTER TABLE "new_Reminder" RENAME TO "Reminder";
CREATE UNIQUE INDEX "Reminder_key_key" ON "Reminder"("key");
CREATE INDEX "Reminder_status_dueAt_idx" ON "Reminder"("status", "dueAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
