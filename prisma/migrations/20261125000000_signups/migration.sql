
-- AlterTable
ALTER TABLE "Member" ADD COLUMN "realName" TEXT;
ALTER TABLE "Member" ADD COLUMN "school" TEXT;
ALTER TABLE "Member" ADD COLUMN "subject" TEXT;
ALTER TABLE "Member" ADD COLUMN "teachingYears" INTEGER;
ALTER TABLE "Member" ADD COLUMN "teachingYearsOn" TEXT;

-- AlterTable
ALTER TABLE "ClaimCode" ADD COLUMN "memberId" INTEGER;

-- CreateTable
CREATE TABLE "Signup" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "activityId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "groupId" INTEGER,
    "byId" INTEGER,
    "signedUpAt" DATETIME NOT NULL,
    "cancelledAt" DATETIME,
    CONSTRAINT "Signup_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Signup_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Workshop" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "districtId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "groupId" INTEGER,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "Workshop_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Workshop_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WorkshopMentor" (
    "workshopId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,

    PRIMARY KEY ("workshopId", "memberId"),
    CONSTRAINT "WorkshopMentor_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "Workshop" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "WorkshopMentor_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Mentee" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workshopId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,
    "mentorId" INTEGER,
    "status" TEXT NOT NULL,
    "appliedAt" DATETIME NOT NULL,
    "approvedAt" DATETIME,
    CONSTRAINT "Mentee_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "Workshop" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Mentee_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Mentee_mentorId_fkey" FOREIGN KEY ("mentorId") REFERENCES "Member" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Question" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "districtId" INTEGER NOT NULL,
    "workshopId" INTEGER,
    "askerId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "groupId" INTEGER,
    "platform" TEXT,
    "messageId" TEXT,
    "askedAt" DATETIME NOT NULL,
    "answeredAt" DATETIME,
    CONSTRAINT "Question_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Question_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "Workshop" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Question_askerId_fkey" FOREIGN KEY ("askerId") REFERENCES "Member" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Answer" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "questionId" INTEGER NOT NULL,
    "authorId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "answeredAt" DATETIME NOT NULL,
    CONSTRAINT "Answer_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Answer_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Member" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Activity_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Activity_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Activity_organizerId_fkey" FOREIGN KEY ("organizerId") REFERENCES "Member" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Activity_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "Workshop" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Activity" ("cancelReason", "capacity", "createdAt", "districtId", "groupId", "host", "id", "organizerId", "pendingFrom", "pendingTo", "place", "rrule", "status", "subject", "title", "updatedAt", "whenJson", "whenText") SELECT "cancelReason", "capacity", "createdAt", "districtId", "groupId", "host", "id", "organizerId", "pendingFrom", "pendingTo", "place", "rrule", "status", "subject", "title", "updatedAt", "whenJson", "whenText" FROM "Activity";
DROP TABLE "Activity";
ALTER TABLE "new_Activity" RENAME TO "Activity";
CREATE INDEX "Activity_districtId_status_idx" ON "Activity"("districtId", "status");
CREATE INDEX "Activity_workshopId_idx" ON "Activity"("workshopId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Signup_activityId_status_seq_idx" ON "Signup"("activityId", "status", "seq");

-- CreateIndex
CREATE INDEX "Signup_memberId_status_idx" ON "Signup"("memberId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Signup_activityId_memberId_key" ON "Signup"("activityId", "memberId");

-- CreateIndex
CREATE INDEX "Workshop_groupId_idx" ON "Workshop"("groupId");

-- CreateIndex
CREATE UNIQUE INDEX "Workshop_districtId_name_key" ON "Workshop"("districtId", "name");

-- CreateIndex
CREATE INDEX "WorkshopMentor_memberId_idx" ON "WorkshopMentor"("memberId");

-- CreateIndex
CREATE INDEX "Mentee_memberId_idx" ON "Mentee"("memberId");

-- CreateIndex
CREATE INDEX "Mentee_mentorId_idx" ON "Mentee"("mentorId");

-- CreateIndex
CREATE UNIQUE INDEX "Mentee_workshopId_memberId_key" ON "Mentee"("workshopId", "memberId");

-- CreateIndex
CREATE INDEX "Question_districtId_answeredAt_idx" ON "Question"("districtId", "answeredAt");

-- CreateIndex
CREATE INDEX "Question_workshopId_answeredAt_idx" ON "Question"("workshopId", "answeredAt");

-- CreateIndex
CREATE INDEX "Question_askerId_idx" ON "Question"("askerId");

-- CreateIndex
CREATE INDEX "Answer_questionId_idx" ON "Answer"("questionId");

-- CreateIndex
CREATE INDEX "Answer_authorId_idx" ON "Answer"("authorId");

