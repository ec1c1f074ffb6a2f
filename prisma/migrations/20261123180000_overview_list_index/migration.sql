-- Lists of the overview (overdue, due soon, the lists behind each figure) choose their page from
-- the overview index alone when it ends with the id (an index-only scan and a top-N sort instead
-- of reading ~2,600 table pages for Hà Nội's 10,000 overdue tasks: ~21 ms → ~5 ms on bench1m).
-- (provinceId, state, dueOn) is its prefix: the separate index is dropped.

-- DropIndex
DROP INDEX "Assignment_provinceId_state_dueOn_idx";

-- DropIndex
DROP INDEX "Assignment_overview_idx";

-- CreateIndex
CREATE INDEX "Assignment_overview_idx" ON "Assignment"("provinceId", "state", "dueOn", "agencyId", "noticeId", "completedOn", "id");
