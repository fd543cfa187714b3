-- CreateTable
CREATE TABLE "SendSlot" (
    "key" TEXT NOT NULL,
    "lastAt" BIGINT NOT NULL,
    "tat" BIGINT NOT NULL,

    CONSTRAINT "SendSlot_pkey" PRIMARY KEY ("key")
);

