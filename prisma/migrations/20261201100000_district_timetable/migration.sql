-- A district's 作息时间 (/设置 作息): when each class period starts and when lessons end.
ALTER TABLE "District" ADD COLUMN "timetable" TEXT;
