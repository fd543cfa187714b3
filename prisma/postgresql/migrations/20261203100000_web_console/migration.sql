-- CreateTable
CREATE TABLE "WebToken" (
    "hash" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "memberId" INTEGER NOT NULL,
    "districtId" INTEGER NOT NULL,
    "groupId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "WebToken_pkey" PRIMARY KEY ("hash")
);

-- CreateIndex
CREATE INDEX "WebToken_memberId_idx" ON "WebToken"("memberId");

