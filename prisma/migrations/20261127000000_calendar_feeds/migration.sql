-- CreateTable
CREATE TABLE "CalendarToken" (
    "token" TEXT NOT NULL PRIMARY KEY,
    "districtId" INTEGER,
    "memberId" INTEGER,
    "createdAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "CalendarToken_districtId_idx" ON "CalendarToken"("districtId");

-- CreateIndex
CREATE INDEX "CalendarToken_memberId_idx" ON "CalendarToken"("memberId");

