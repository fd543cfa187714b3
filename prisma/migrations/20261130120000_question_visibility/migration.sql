-- AlterTable
ALTER TABLE "Question" ADD COLUMN "shared" BOOLEAN NOT NULL DEFAULT false;

-- A question asked in a group stays visible in the district's groups; one asked in a
-- direct chat (or where it was asked is unknown) becomes private.
UPDATE "Question" SET "shared" = true
WHERE "groupId" IN (SELECT "id" FROM "Group" WHERE "direct" = false);
