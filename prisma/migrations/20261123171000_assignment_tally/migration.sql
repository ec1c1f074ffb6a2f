-- Running totals per (agency, notice) for the chairman's overview (lib/reports/overview.ts): a
-- province of 200,000 assignments has ~50,000 such pairs, and summing them is several times cheaper
-- than reading every assignment on each request. Kept exact by a trigger on Assignment, in the same
-- transaction as the change; only what does not depend on "today" is kept (overdue / on track
-- are counted from the open assignments with a deadline at query time).
-- A task's contribution mirrors lib/assignments/timeliness.ts `judge`:
--   assigned 1; completed: state = completed; noDeadline: no due day;
--   completedOnTime / completedLate: completed with a due day, finished on or before it / after it.

-- CreateTable
CREATE TABLE "AssignmentTally" (
    "agencyId" INTEGER NOT NULL,
    "noticeId" INTEGER NOT NULL,
    "provinceId" INTEGER NOT NULL,
    "assigned" INTEGER NOT NULL,
    "completed" INTEGER NOT NULL,
    "completedOnTime" INTEGER NOT NULL,
    "completedLate" INTEGER NOT NULL,
    "noDeadline" INTEGER NOT NULL,

    CONSTRAINT "AssignmentTally_pkey" PRIMARY KEY ("agencyId","noticeId")
);

-- Covering indexes: the per-agency and per-notice sums stream from an index-only scan in group
-- order (no table reads, no hash aggregate over a province's ~50,000 rows).
-- CreateIndex
CREATE INDEX "AssignmentTally_agency_idx" ON "AssignmentTally"("provinceId", "agencyId", "noticeId", "assigned", "completed", "completedOnTime", "completedLate", "noDeadline");

-- CreateIndex
CREATE INDEX "AssignmentTally_notice_idx" ON "AssignmentTally"("provinceId", "noticeId", "assigned", "completed");

-- A province's unpublished notices, found without reading the notices' texts.
-- CreateIndex
CREATE INDEX "Notice_provinceId_status_idx" ON "Notice"("provinceId", "status");

-- One assignment's change, applied to its (agency, notice) row: minus the old row, plus the new.
CREATE FUNCTION assignment_tally_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  o_done int := 0; o_on int := 0; o_late int := 0; o_nodl int := 0;
  n_done int := 0; n_on int := 0; n_late int := 0; n_nodl int := 0;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    o_done := (OLD."state" = 'completed')::int;
    o_nodl := (OLD."dueOn" IS NULL)::int;
    o_late := (OLD."state" = 'completed' AND OLD."dueOn" IS NOT NULL AND OLD."completedOn" > OLD."dueOn")::int;
    o_on := (OLD."state" = 'completed' AND OLD."dueOn" IS NOT NULL AND (OLD."completedOn" IS NULL OR OLD."completedOn" <= OLD."dueOn"))::int;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    n_done := (NEW."state" = 'completed')::int;
    n_nodl := (NEW."dueOn" IS NULL)::int;
    n_late := (NEW."state" = 'completed' AND NEW."dueOn" IS NOT NULL AND NEW."completedOn" > NEW."dueOn")::int;
    n_on := (NEW."state" = 'completed' AND NEW."dueOn" IS NOT NULL AND (NEW."completedOn" IS NULL OR NEW."completedOn" <= NEW."dueOn"))::int;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD."agencyId" = NEW."agencyId" AND OLD."noticeId" = NEW."noticeId"
     AND o_done = n_done AND o_on = n_on AND o_late = n_late AND o_nodl = n_nodl THEN
    RETURN NULL; -- nothing counted changed (a report, a start, a version bump…)
  END IF;
  IF TG_OP <> 'INSERT' THEN
    UPDATE "AssignmentTally" SET "assigned" = "assigned" - 1, "completed" = "completed" - o_done,
      "completedOnTime" = "completedOnTime" - o_on, "completedLate" = "completedLate" - o_late, "noDeadline" = "noDeadline" - o_nodl
    WHERE "agencyId" = OLD."agencyId" AND "noticeId" = OLD."noticeId";
    DELETE FROM "AssignmentTally" WHERE "agencyId" = OLD."agencyId" AND "noticeId" = OLD."noticeId" AND "assigned" <= 0;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO "AssignmentTally" AS t ("agencyId", "noticeId", "provinceId", "assigned", "completed", "completedOnTime", "completedLate", "noDeadline")
    VALUES (NEW."agencyId", NEW."noticeId", NEW."provinceId", 1, n_done, n_on, n_late, n_nodl)
    ON CONFLICT ("agencyId", "noticeId") DO UPDATE SET "assigned" = t."assigned" + 1, "completed" = t."completed" + n_done,
      "completedOnTime" = t."completedOnTime" + n_on, "completedLate" = t."completedLate" + n_late, "noDeadline" = t."noDeadline" + n_nodl;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Assignment_tally" AFTER INSERT OR DELETE OR UPDATE OF "agencyId", "noticeId", "state", "dueOn", "completedOn" ON "Assignment"
  FOR EACH ROW EXECUTE FUNCTION assignment_tally_apply();

-- Every total counted again from the assignments: after this migration, and after a bulk load that
-- bypassed the triggers (prisma/load). Tests compare the running totals with it.
CREATE FUNCTION assignment_tally_rebuild() RETURNS void LANGUAGE sql AS $$
  DELETE FROM "AssignmentTally";
  INSERT INTO "AssignmentTally" ("agencyId", "noticeId", "provinceId", "assigned", "completed", "completedOnTime", "completedLate", "noDeadline")
  SELECT a."agencyId", a."noticeId", min(a."provinceId"), count(*),
    count(*) FILTER (WHERE a."state" = 'completed'),
    count(*) FILTER (WHERE a."state" = 'completed' AND a."dueOn" IS NOT NULL AND (a."completedOn" IS NULL OR a."completedOn" <= a."dueOn")),
    count(*) FILTER (WHERE a."state" = 'completed' AND a."dueOn" IS NOT NULL AND a."completedOn" > a."dueOn"),
    count(*) FILTER (WHERE a."dueOn" IS NULL)
  FROM "Assignment" a GROUP BY a."agencyId", a."noticeId";
$$;

SELECT assignment_tally_rebuild();
