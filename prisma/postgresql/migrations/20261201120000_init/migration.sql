-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "District" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "timezone" TEXT NOT NULL DEFAULT 'Asia/Shanghai',
    "morningAt" TEXT NOT NULL DEFAULT '09:00',
    "afternoonAt" TEXT NOT NULL DEFAULT '13:30',
    "eveningAt" TEXT NOT NULL DEFAULT '19:00',
    "timetable" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "District_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Group" (
    "id" SERIAL NOT NULL,
    "platform" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "title" TEXT,
    "districtId" INTEGER,
    "lastSeenAt" TIMESTAMP(3),
    "direct" BOOLEAN NOT NULL DEFAULT false,
    "ownerId" INTEGER,
    "digestOn" BOOLEAN NOT NULL DEFAULT true,
    "digestWeekday" INTEGER NOT NULL DEFAULT 1,
    "digestAt" TEXT NOT NULL DEFAULT '07:30',
    "leadsOn" BOOLEAN NOT NULL DEFAULT true,
    "leads" TEXT NOT NULL DEFAULT '1d,1h',
    "quietFrom" TEXT,
    "quietTo" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Group_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Member" (
    "id" SERIAL NOT NULL,
    "displayName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "realName" TEXT,
    "school" TEXT,
    "subject" TEXT,
    "teachingYears" INTEGER,
    "teachingYearsOn" TEXT,

    CONSTRAINT "Member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Account" (
    "id" SERIAL NOT NULL,
    "platform" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "stableId" TEXT,
    "lastGroupId" INTEGER,
    "lastSeenAt" TIMESTAMP(3),
    "memberId" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "districtId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("districtId","memberId")
);

-- CreateTable
CREATE TABLE "MemberRole" (
    "districtId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "grantedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MemberRole_pkey" PRIMARY KEY ("districtId","memberId","role")
);

-- CreateTable
CREATE TABLE "ClaimCode" (
    "code" TEXT NOT NULL,
    "purpose" TEXT NOT NULL DEFAULT 'claim',
    "memberId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3),
    "usedAt" TIMESTAMP(3),
    "districtId" INTEGER,

    CONSTRAINT "ClaimCode_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Semester" (
    "id" SERIAL NOT NULL,
    "districtId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "startDate" TEXT NOT NULL,
    "endDate" TEXT NOT NULL,

    CONSTRAINT "Semester_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClosedDay" (
    "districtId" INTEGER NOT NULL,
    "date" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "ClosedDay_pkey" PRIMARY KEY ("districtId","date")
);

-- CreateTable
CREATE TABLE "Activity" (
    "id" SERIAL NOT NULL,
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
    "deadline" TIMESTAMP(3),
    "minYears" INTEGER,
    "maxYears" INTEGER,
    "subjectRule" TEXT,
    "schoolRule" TEXT,
    "menteesOnly" BOOLEAN NOT NULL DEFAULT false,
    "workshopId" INTEGER,
    "noticeWeeks" INTEGER,
    "importKey" TEXT,
    "noSignup" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Activity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Signup" (
    "id" SERIAL NOT NULL,
    "activityId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "groupId" INTEGER,
    "byId" INTEGER,
    "signedUpAt" TIMESTAMP(3) NOT NULL,
    "cancelledAt" TIMESTAMP(3),

    CONSTRAINT "Signup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Workshop" (
    "id" SERIAL NOT NULL,
    "districtId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "groupId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Workshop_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkshopMentor" (
    "workshopId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,

    CONSTRAINT "WorkshopMentor_pkey" PRIMARY KEY ("workshopId","memberId")
);

-- CreateTable
CREATE TABLE "Mentee" (
    "id" SERIAL NOT NULL,
    "workshopId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,
    "mentorId" INTEGER,
    "status" TEXT NOT NULL,
    "appliedAt" TIMESTAMP(3) NOT NULL,
    "approvedAt" TIMESTAMP(3),

    CONSTRAINT "Mentee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Question" (
    "id" SERIAL NOT NULL,
    "districtId" INTEGER NOT NULL,
    "workshopId" INTEGER,
    "askerId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "groupId" INTEGER,
    "platform" TEXT,
    "messageId" TEXT,
    "askedAt" TIMESTAMP(3) NOT NULL,
    "answeredAt" TIMESTAMP(3),

    CONSTRAINT "Question_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Answer" (
    "id" SERIAL NOT NULL,
    "questionId" INTEGER NOT NULL,
    "authorId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "answeredAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Answer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Occurrence" (
    "id" SERIAL NOT NULL,
    "activityId" INTEGER NOT NULL,
    "districtId" INTEGER NOT NULL,
    "date" TEXT NOT NULL,
    "startAt" TIMESTAMP(3) NOT NULL,
    "endAt" TIMESTAMP(3),
    "timed" BOOLEAN NOT NULL DEFAULT true,
    "skipReason" TEXT,
    "cancelled" BOOLEAN NOT NULL DEFAULT false,
    "movedFrom" TEXT,

    CONSTRAINT "Occurrence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Inbox" (
    "key" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Inbox_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "InboundEvent" (
    "key" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InboundEvent_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Outbox" (
    "id" SERIAL NOT NULL,
    "platform" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "messageJson" TEXT NOT NULL,
    "gatherKey" TEXT,
    "batchId" INTEGER,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "Outbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Reminder" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "groupId" INTEGER,
    "occurrenceId" INTEGER,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL,
    "outboxId" INTEGER,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Reminder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalendarToken" (
    "token" TEXT NOT NULL,
    "districtId" INTEGER,
    "memberId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CalendarToken_pkey" PRIMARY KEY ("token")
);

-- CreateTable
CREATE TABLE "Confirmation" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "districtId" INTEGER,
    "memberId" INTEGER NOT NULL,
    "otherId" INTEGER NOT NULL,
    "waitingFor" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "doneAt" TIMESTAMP(3),
    "payload" TEXT,

    CONSTRAINT "Confirmation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CodeAttempt" (
    "id" SERIAL NOT NULL,
    "scope" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CodeAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PendingImport" (
    "id" SERIAL NOT NULL,
    "memberId" INTEGER NOT NULL,
    "districtId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "lines" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PendingImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "District_name_key" ON "District"("name");

-- CreateIndex
CREATE INDEX "Group_districtId_idx" ON "Group"("districtId");

-- CreateIndex
CREATE UNIQUE INDEX "Group_platform_chatId_key" ON "Group"("platform", "chatId");

-- CreateIndex
CREATE INDEX "Member_displayName_idx" ON "Member"("displayName");

-- CreateIndex
CREATE INDEX "Member_realName_idx" ON "Member"("realName");

-- CreateIndex
CREATE INDEX "Account_memberId_idx" ON "Account"("memberId");

-- CreateIndex
CREATE INDEX "Account_platform_stableId_idx" ON "Account"("platform", "stableId");

-- CreateIndex
CREATE INDEX "Account_platform_lastGroupId_displayName_idx" ON "Account"("platform", "lastGroupId", "displayName");

-- CreateIndex
CREATE UNIQUE INDEX "Account_platform_userId_key" ON "Account"("platform", "userId");

-- CreateIndex
CREATE INDEX "Membership_memberId_idx" ON "Membership"("memberId");

-- CreateIndex
CREATE INDEX "MemberRole_memberId_idx" ON "MemberRole"("memberId");

-- CreateIndex
CREATE INDEX "Semester_districtId_endDate_idx" ON "Semester"("districtId", "endDate");

-- CreateIndex
CREATE UNIQUE INDEX "Semester_districtId_startDate_key" ON "Semester"("districtId", "startDate");

-- CreateIndex
CREATE INDEX "Activity_districtId_status_idx" ON "Activity"("districtId", "status");

-- CreateIndex
CREATE INDEX "Activity_workshopId_idx" ON "Activity"("workshopId");

-- CreateIndex
CREATE UNIQUE INDEX "Activity_districtId_importKey_key" ON "Activity"("districtId", "importKey");

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

-- CreateIndex
CREATE INDEX "Occurrence_activityId_date_idx" ON "Occurrence"("activityId", "date");

-- CreateIndex
CREATE INDEX "Occurrence_districtId_date_idx" ON "Occurrence"("districtId", "date");

-- CreateIndex
CREATE INDEX "Occurrence_startAt_idx" ON "Occurrence"("startAt");

-- CreateIndex
CREATE INDEX "Inbox_receivedAt_idx" ON "Inbox"("receivedAt");

-- CreateIndex
CREATE INDEX "InboundEvent_receivedAt_idx" ON "InboundEvent"("receivedAt");

-- CreateIndex
CREATE INDEX "Outbox_status_nextAttemptAt_idx" ON "Outbox"("status", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "Reminder_key_key" ON "Reminder"("key");

-- CreateIndex
CREATE INDEX "Reminder_status_dueAt_idx" ON "Reminder"("status", "dueAt");

-- CreateIndex
CREATE INDEX "CalendarToken_districtId_idx" ON "CalendarToken"("districtId");

-- CreateIndex
CREATE INDEX "CalendarToken_memberId_idx" ON "CalendarToken"("memberId");

-- CreateIndex
CREATE INDEX "Confirmation_waitingFor_kind_idx" ON "Confirmation"("waitingFor", "kind");

-- CreateIndex
CREATE INDEX "Confirmation_districtId_kind_idx" ON "Confirmation"("districtId", "kind");

-- CreateIndex
CREATE INDEX "CodeAttempt_scope_at_idx" ON "CodeAttempt"("scope", "at");

-- CreateIndex
CREATE INDEX "PendingImport_memberId_receivedAt_idx" ON "PendingImport"("memberId", "receivedAt");

-- AddForeignKey
ALTER TABLE "Group" ADD CONSTRAINT "Group_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MemberRole" ADD CONSTRAINT "MemberRole_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MemberRole" ADD CONSTRAINT "MemberRole_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimCode" ADD CONSTRAINT "ClaimCode_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Semester" ADD CONSTRAINT "Semester_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClosedDay" ADD CONSTRAINT "ClosedDay_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_organizerId_fkey" FOREIGN KEY ("organizerId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "Workshop"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Signup" ADD CONSTRAINT "Signup_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Signup" ADD CONSTRAINT "Signup_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Workshop" ADD CONSTRAINT "Workshop_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Workshop" ADD CONSTRAINT "Workshop_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkshopMentor" ADD CONSTRAINT "WorkshopMentor_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "Workshop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkshopMentor" ADD CONSTRAINT "WorkshopMentor_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mentee" ADD CONSTRAINT "Mentee_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "Workshop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mentee" ADD CONSTRAINT "Mentee_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mentee" ADD CONSTRAINT "Mentee_mentorId_fkey" FOREIGN KEY ("mentorId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Question" ADD CONSTRAINT "Question_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Question" ADD CONSTRAINT "Question_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "Workshop"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Question" ADD CONSTRAINT "Question_askerId_fkey" FOREIGN KEY ("askerId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Answer" ADD CONSTRAINT "Answer_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Answer" ADD CONSTRAINT "Answer_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Occurrence" ADD CONSTRAINT "Occurrence_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

