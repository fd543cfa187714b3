-- AlterTable
ALTER TABLE "Activity" ADD COLUMN "noticeWeeks" INTEGER;

-- CreateTable
CREATE TABLE "Reminder" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "groupId" INTEGER,
    "occurrenceId" INTEGER,
    "dueAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL,
    "messageJson" TEXT,
    "note" TEXT,
    "claimedAt" DATETIME,
    "claimedBy" TEXT,
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Group" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "platform" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "title" TEXT,
    "districtId" INTEGER,
    "lastSeenAt" DATETIME,
    "direct" BOOLEAN NOT NULL DEFAULT false,
    "ownerId" INTEGER,
    "digestOn" BOOLEAN NOT NULL DEFAULT true,
    "digestWeekday" INTEGER NOT NULL DEFAULT 1,
    "digestAt" TEXT NOT NULL DEFAULT '07:30',
    "leadsOn" BOOLEAN NOT NULL DEFAULT true,
    "leads" TEXT NOT NULL DEFAULT '1d,1h',
    "quietFrom" TEXT,
    "quietTo" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Group_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Group" ("chatId", "createdAt", "districtId", "id", "lastSeenAt", "platform", "title", "updatedAt") SELECT "chatId", "createdAt", "districtId", "id", "lastSeenAt", "platform", "title", "updatedAt" FROM "Group";
DROP TABLE "Group";
ALTER TABLE "new_Group" RENAME TO "Group";
CREATE INDEX "Group_districtId_idx" ON "Group"("districtId");
CREATE UNIQUE INDEX "Group_platform_chatId_key" ON "Group"("platform", "chatId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Reminder_key_key" ON "Reminder"("key");

-- CreateIndex
CREATE INDEX "Reminder_status_dueAt_idx" ON "Reminder"("status", "dueAt");

