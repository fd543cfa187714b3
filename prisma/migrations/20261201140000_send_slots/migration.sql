-- CreateTable
CREATE TABLE "SendSlot" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "lastAt" BIGINT NOT NULL,
    "tat" BIGINT NOT NULL
);

