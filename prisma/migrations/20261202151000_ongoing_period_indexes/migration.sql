-- Ongoing tasks (no due day) reported per the province's period (lib/assignments/ongoing.ts).
-- The overview counts a province's ongoing tasks per agency, leaving out those of recurring
-- directives and of directives not started yet: with the directive last, that count reads the
-- overview index alone (index-only scan), and the two short lists of directives left out are read
-- from their own small indexes (so is the list of recurring directives the overdue figures probe).
DROP INDEX "Assignment_overview_idx";
CREATE INDEX "Assignment_overview_idx" ON "Assignment"("provinceId", "state", "dueOn", "agencyId", "noticeId", "completedOn", "id", "directiveId");

CREATE INDEX "Directive_recurrence_id_idx" ON "Directive"("recurrence", "id");
CREATE INDEX "Directive_startOn_id_idx" ON "Directive"("startOn", "id");
