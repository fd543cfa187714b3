-- CreateTable
CREATE TABLE "Inbox" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "platform" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "Inbox_receivedAt_idx" ON "Inbox"("receivedAt");

