-- AlterTable
ALTER TABLE "District" ADD COLUMN     "hostFactor" DOUBLE PRECISION NOT NULL DEFAULT 1,
ADD COLUMN     "missShare" DOUBLE PRECISION NOT NULL DEFAULT 0.2,
ADD COLUMN     "observationsPerTerm" INTEGER NOT NULL DEFAULT 2,
ADD COLUMN     "presenterFactor" DOUBLE PRECISION NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Activity" ADD COLUMN     "checkinAfter" INTEGER,
ADD COLUMN     "checkinBefore" INTEGER,
ADD COLUMN     "checkinCode" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "codeSecret" TEXT,
ADD COLUMN     "hours" DOUBLE PRECISION,
ADD COLUMN     "leaveApproval" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "level" TEXT,
ADD COLUMN     "presenter" TEXT;

-- CreateTable
CREATE TABLE "Attendance" (
    "id" SERIAL NOT NULL,
    "occurrenceId" INTEGER NOT NULL,
    "activityId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "checkInAt" TIMESTAMP(3),
    "checkOutAt" TIMESTAMP(3),
    "via" TEXT,
    "role" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Attendance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AttendanceChange" (
    "id" SERIAL NOT NULL,
    "occurrenceId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,
    "byId" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "value" TEXT,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AttendanceChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Leave" (
    "id" SERIAL NOT NULL,
    "activityId" INTEGER NOT NULL,
    "occurrenceId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "refusal" TEXT,
    "groupId" INTEGER,
    "askedAt" TIMESTAMP(3) NOT NULL,
    "decidedAt" TIMESTAMP(3),
    "decidedById" INTEGER,

    CONSTRAINT "Leave_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SessionRecord" (
    "occurrenceId" INTEGER NOT NULL,
    "activityId" INTEGER NOT NULL,
    "summary" TEXT NOT NULL,
    "byId" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SessionRecord_pkey" PRIMARY KEY ("occurrenceId")
);

-- CreateTable
CREATE TABLE "ArchiveFile" (
    "id" SERIAL NOT NULL,
    "districtId" INTEGER NOT NULL,
    "activityId" INTEGER NOT NULL,
    "occurrenceId" INTEGER,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "byId" INTEGER NOT NULL,
    "platform" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ArchiveFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecentFile" (
    "id" SERIAL NOT NULL,
    "groupId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,
    "platform" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RecentFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Observation" (
    "id" SERIAL NOT NULL,
    "districtId" INTEGER NOT NULL,
    "workshopId" INTEGER,
    "mentorId" INTEGER NOT NULL,
    "menteeId" INTEGER NOT NULL,
    "observer" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "lesson" TEXT NOT NULL,
    "note" TEXT,
    "byId" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Observation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Attendance_activityId_idx" ON "Attendance"("activityId");

-- CreateIndex
CREATE INDEX "Attendance_memberId_idx" ON "Attendance"("memberId");

-- CreateIndex
CREATE UNIQUE INDEX "Attendance_occurrenceId_memberId_key" ON "Attendance"("occurrenceId", "memberId");

-- CreateIndex
CREATE INDEX "AttendanceChange_occurrenceId_idx" ON "AttendanceChange"("occurrenceId");

-- CreateIndex
CREATE INDEX "AttendanceChange_memberId_idx" ON "AttendanceChange"("memberId");

-- CreateIndex
CREATE INDEX "Leave_activityId_status_idx" ON "Leave"("activityId", "status");

-- CreateIndex
CREATE INDEX "Leave_memberId_idx" ON "Leave"("memberId");

-- CreateIndex
CREATE UNIQUE INDEX "Leave_occurrenceId_memberId_key" ON "Leave"("occurrenceId", "memberId");

-- CreateIndex
CREATE INDEX "SessionRecord_activityId_idx" ON "SessionRecord"("activityId");

-- CreateIndex
CREATE INDEX "ArchiveFile_activityId_idx" ON "ArchiveFile"("activityId");

-- CreateIndex
CREATE UNIQUE INDEX "ArchiveFile_platform_messageId_key" ON "ArchiveFile"("platform", "messageId");

-- CreateIndex
CREATE INDEX "RecentFile_groupId_memberId_at_idx" ON "RecentFile"("groupId", "memberId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "RecentFile_platform_messageId_key" ON "RecentFile"("platform", "messageId");

-- CreateIndex
CREATE INDEX "Observation_districtId_date_idx" ON "Observation"("districtId", "date");

-- CreateIndex
CREATE INDEX "Observation_mentorId_idx" ON "Observation"("mentorId");

-- CreateIndex
CREATE INDEX "Observation_menteeId_idx" ON "Observation"("menteeId");

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_occurrenceId_fkey" FOREIGN KEY ("occurrenceId") REFERENCES "Occurrence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Leave" ADD CONSTRAINT "Leave_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Leave" ADD CONSTRAINT "Leave_occurrenceId_fkey" FOREIGN KEY ("occurrenceId") REFERENCES "Occurrence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionRecord" ADD CONSTRAINT "SessionRecord_occurrenceId_fkey" FOREIGN KEY ("occurrenceId") REFERENCES "Occurrence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionRecord" ADD CONSTRAINT "SessionRecord_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArchiveFile" ADD CONSTRAINT "ArchiveFile_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArchiveFile" ADD CONSTRAINT "ArchiveFile_occurrenceId_fkey" FOREIGN KEY ("occurrenceId") REFERENCES "Occurrence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

