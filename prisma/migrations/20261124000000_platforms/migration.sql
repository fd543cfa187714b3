-- AlterTable
ALTER TABLE "Group" ADD COLUMN "lastSeenAt" DATETIME;

-- AlterTable
ALTER TABLE "Account" ADD COLUMN "lastGroupId" INTEGER;
ALTER TABLE "Account" ADD COLUMN "lastSeenAt" DATETIME;
ALTER TABLE "Account" ADD COLUMN "stableId" TEXT;

-- CreateTable
CREATE TABLE "InboundEvent" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "PendingSend" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "platform" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "messageJson" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "nextAttemptAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ClaimCode" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "purpose" TEXT NOT NULL DEFAULT 'claim',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME,
    "usedAt" DATETIME,
    "districtId" INTEGER,
    CONSTRAINT "ClaimCode_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_ClaimCode" ("code", "createdAt", "districtId", "usedAt") SELECT "code", "createdAt", "districtId", "usedAt" FROM "ClaimCode";
DROP TABLE "ClaimCode";
ALTER TABLE "new_ClaimCode" RENAME TO "ClaimCode";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "InboundEvent_receivedAt_idx" ON "InboundEvent"("receivedAt");

-- CreateIndex
CREATE INDEX "PendingSend_status_nextAttemptAt_idx" ON "PendingSend"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "Account_platform_stableId_idx" ON "Account"("platform", "stableId");

-- CreateIndex
CREATE INDEX "Account_platform_lastGroupId_displayName_idx" ON "Account"("platform", "lastGroupId", "displayName");

