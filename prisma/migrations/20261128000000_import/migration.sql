-- AlterTable
ALTER TABLE "Activity" ADD COLUMN "importKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Activity_districtId_importKey_key" ON "Activity"("districtId", "importKey");

