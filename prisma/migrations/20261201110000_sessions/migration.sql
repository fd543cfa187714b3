-- AlterTable
ALTER TABLE "Activity" ADD COLUMN "noSignup" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Occurrence" ADD COLUMN "cancelled" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Occurrence" ADD COLUMN "movedFrom" TEXT;

-- AlterTable
ALTER TABLE "Confirmation" ADD COLUMN "payload" TEXT;
