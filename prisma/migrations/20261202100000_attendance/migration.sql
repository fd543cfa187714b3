-- CreateTable
CREATE TABLE "Attendance" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "occurrenceId" INTEGER NOT NULL,
    "activityId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "checkInAt" DATETIME,
    "checkOutAt" DATETIME,
    "via" TEXT,
    "role" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Attendance_occurrenceId_fkey" FOREIGN KEY ("occurrenceId") REFERENCES "Occurrence" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Attendance_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AttendanceChange" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "occurrenceId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,
    "byId" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "value" TEXT,
    "at" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Leave" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "activityId" INTEGER NOT NULL,
    "occurrenceId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "refusal" TEXT,
    "groupId" INTEGER,
    "askedAt" DATETIME NOT NULL,
    "decidedAt" DATETIME,
    "decidedById" INTEGER,
    CONSTRAINT "Leave_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Leave_occurrenceId_fkey" FOREIGN KEY ("occurrenceId") REFERENCES "Occurrence" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SessionRecord" (
    "occurrenceId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "activityId" INTEGER NOT NULL,
    "summary" TEXT NOT NULL,
    "byId" INTEGER NOT NULL,
    "at" DATETIME NOT NULL,
    CONSTRAINT "SessionRecord_occurrenceId_fkey" FOREIGN KEY ("occurrenceId") REFERENCES "Occurrence" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SessionRecord_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ArchiveFile" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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
    "at" DATETIME NOT NULL,
    CONSTRAINT "ArchiveFile_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ArchiveFile_occurrenceId_fkey" FOREIGN KEY ("occurrenceId") REFERENCES "Occurrence" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RecentFile" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "groupId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,
    "platform" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "at" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Observation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "districtId" INTEGER NOT NULL,
    "workshopId" INTEGER,
    "mentorId" INTEGER NOT NULL,
    "menteeId" INTEGER NOT NULL,
    "observer" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "lesson" TEXT NOT NULL,
    "note" TEXT,
    "byId" INTEGER NOT NULL,
    "at" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_District" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "timezone" TEXT NOT NULL DEFAULT 'Asia/Shanghai',
    "morningAt" TEXT NOT NULL DEFAULT '09:00',
    "afternoonAt" TEXT NOT NULL DEFAULT '13:30',
    "eveningAt" TEXT NOT NULL DEFAULT '19:00',
    "timetable" TEXT,
    "presenterFactor" REAL NOT NULL DEFAULT 1,
    "hostFactor" REAL NOT NULL DEFAULT 1,
    "missShare" REAL NOT NULL DEFAULT 0.2,
    "observationsPerTerm" INTEGER NOT NULL DEFAULT 2,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_District" ("afternoonAt", "createdAt", "eveningAt", "id", "morningAt", "name", "timetable", "timezone") SELECT "afternoonAt", "createdAt", "eveningAt", "id", "morningAt", "name", "timetable", "timezone" FROM "District";
DROP TABLE "District";
ALTER TABLE "new_District" RENAME TO "District";
CREATE UNIQUE INDEX "District_name_key" ON "District"("name");
CREATE TABLE "new_Activity" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "districtId" INTEGER NOT NULL,
    "groupId" INTEGER,
    "organizerId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "subject" TEXT,
    "place" TEXT,
    "capacity" INTEGER,
    "host" TEXT,
    "whenText" TEXT NOT NULL,
    "whenJson" TEXT NOT NULL,
    "rrule" TEXT,
    "pendingFrom" TEXT,
    "pendingTo" TEXT,
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "cancelReason" TEXT,
    "deadline" DATETIME,
    "minYears" INTEGER,
    "maxYears" INTEGER,
    "subjectRule" TEXT,
    "schoolRule" TEXT,
    "menteesOnly" BOOLEAN NOT NULL DEFAULT false,
    "workshopId" INTEGER,
    "noticeWeeks" INTEGER,
    "importKey" TEXT,
    "noSignup" BOOLEAN NOT NULL DEFAULT false,
    "presenter" TEXT,
    "checkinBefore" INTEGER,
    "checkinAfter" INTEGER,
    "checkinCode" BOOLEAN NOT NULL DEFAULT false,
    "codeSecret" TEXT,
    "leaveApproval" BOOLEAN NOT NULL DEFAULT false,
    "hours" REAL,
    "level" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Activity_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Activity_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Activity_organizerId_fkey" FOREIGN KEY ("organizerId") REFERENCES "Member" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Activity_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "Workshop" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Activity" ("cancelReason", "capacity", "createdAt", "deadline", "districtId", "groupId", "host", "id", "importKey", "maxYears", "menteesOnly", "minYears", "noSignup", "noticeWeeks", "organizerId", "pendingFrom", "pendingTo", "place", "rrule", "schoolRule", "status", "subject", "subjectRule", "title", "updatedAt", "whenJson", "whenText", "workshopId") SELECT "cancelReason", "capacity", "createdAt", "deadline", "districtId", "groupId", "host", "id", "importKey", "maxYears", "menteesOnly", "minYears", "noSignup", "noticeWeeks", "organizerId", "pendingFrom", "pendingTo", "place", "rrule", "schoolRule", "status", "subject", "subjectRule", "title", "updatedAt", "whenJson", "whenText", "workshopId" FROM "Activity";
DROP TABLE "Activity";
ALTER TABLE "new_Activity" RENAME TO "Activity";
CREATE INDEX "Activity_districtId_status_idx" ON "Activity"("districtId", "status");
CREATE INDEX "Activity_workshopId_idx" ON "Activity"("workshopId");
CREATE UNIQUE INDEX "Activity_districtId_importKey_key" ON "Activity"("districtId", "importKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

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

