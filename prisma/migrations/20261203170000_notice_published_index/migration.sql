-- An agency's work queue lists its tasks of the notices published since the last visit
-- (lib/queues/queues.ts newTasks). Without these the list read every notice of the country and,
-- for each, all its assignments, on each view (12 ms for the largest agency at a million
-- assignments); with them the handful of notices published in the week and one assignment each
-- (1 ms).
CREATE INDEX "Notice_publishedAt_idx" ON "Notice"("publishedAt");
CREATE INDEX "Assignment_noticeId_agencyId_idx" ON "Assignment"("noticeId", "agencyId");
