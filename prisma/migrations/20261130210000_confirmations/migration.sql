-- CreateTable
CREATE TABLE "Confirmation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "districtId" INTEGER,
    "memberId" INTEGER NOT NULL,
    "otherId" INTEGER NOT NULL,
    "waitingFor" INTEGER,
    "createdAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "doneAt" DATETIME
);

-- CreateTable
CREATE TABLE "CodeAttempt" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "scope" TEXT NOT NULL,
    "at" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "Confirmation_waitingFor_kind_idx" ON "Confirmation"("waitingFor", "kind");

-- CreateIndex
CREATE INDEX "Confirmation_districtId_kind_idx" ON "Confirmation"("districtId", "kind");

-- CreateIndex
CREATE INDEX "CodeAttempt_scope_at_idx" ON "CodeAttempt"("scope", "at");

