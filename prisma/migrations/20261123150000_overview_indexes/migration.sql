-- The chairman's overview at a million assignments (lib/reports/overview.ts): its per-agency,
-- per-notice and weekly aggregates read every assignment of a province; with all the columns
-- they use in one index they become index-only scans (EXPLAIN evidence in the commit message).

-- CreateIndex
CREATE INDEX "Assignment_overview_idx" ON "Assignment"("provinceId", "state", "dueOn", "agencyId", "directiveId", "completedOn");
