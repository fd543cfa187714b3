-- A waiting 行事历 is kept as the lines read from it when it came, not as its bytes (read once, not twice; no 5 MB blob through the client).
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_PendingImport" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "memberId" INTEGER NOT NULL,
    "districtId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "lines" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL
);
-- Files waiting for /导入 were kept as bytes and are read again when they come: those waiting now (a day at most) are let go.
DROP TABLE "PendingImport";
ALTER TABLE "new_PendingImport" RENAME TO "PendingImport";
CREATE INDEX "PendingImport_memberId_receivedAt_idx" ON "PendingImport"("memberId", "receivedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

