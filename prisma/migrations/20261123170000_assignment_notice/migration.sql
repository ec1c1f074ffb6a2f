-- Each assignment carries its directive's notice (a directive never moves to another notice), as it
-- already carries the province: the overview's per-notice figures, its "published notices only"
-- rule and the notice filter then read the assignment's own indexes instead of joining every
-- assignment of a province with its directive.

-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN "noticeId" INTEGER;
UPDATE "Assignment" a SET "noticeId" = d."noticeId" FROM "Directive" d WHERE d.id = a."directiveId";
ALTER TABLE "Assignment" ALTER COLUMN "noticeId" SET NOT NULL;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "Notice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The overview index names the notice instead of the directive; progress per notice no longer
-- groups by directive.
DROP INDEX "Assignment_overview_idx";
DROP INDEX "Assignment_notice_progress_idx";

-- CreateIndex
CREATE INDEX "Assignment_overview_idx" ON "Assignment"("provinceId", "state", "dueOn", "agencyId", "noticeId", "completedOn");

-- CreateIndex
CREATE INDEX "Assignment_provinceId_completedOn_state_noticeId_idx" ON "Assignment"("provinceId", "completedOn", "state", "noticeId");

-- CreateIndex
CREATE INDEX "Assignment_noticeId_state_dueOn_idx" ON "Assignment"("noticeId", "state", "dueOn");
