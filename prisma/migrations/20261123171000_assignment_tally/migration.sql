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

-- What one assignment adds to its row: {completed, completedOnTime, completedLate, noDeadline}
-- (its 1 for "assigned" aside). The one definition, used by the trigger and by the rebuild.
-- A task completed with a due day but no completion day counts as on time.
CREATE FUNCTION assignment_tally_of(state "AssignmentState", due date, done_on date) RETURNS int[] LANGUAGE sql IMMUTABLE AS $$
  SELECT ARRAY[
    (state = 'completed')::int,
    (state = 'completed' AND due IS NOT NULL AND (done_on IS NULL OR done_on <= due))::int,
    (state = 'completed' AND due IS NOT NULL AND done_on IS NOT NULL AND done_on > due)::int,
    (due IS NULL)::int]
$$;

-- One assignment's change, applied to its (agency, notice) row: minus the old row, plus the new.
CREATE FUNCTION assignment_tally_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  o int[] := ARRAY[0, 0, 0, 0];
  n int[] := ARRAY[0, 0, 0, 0];
BEGIN
  IF TG_OP <> 'INSERT' THEN o := assignment_tally_of(OLD."state", OLD."dueOn", OLD."completedOn"); END IF;
  IF TG_OP <> 'DELETE' THEN n := assignment_tally_of(NEW."state", NEW."dueOn", NEW."completedOn"); END IF;
  IF TG_OP = 'UPDATE' AND OLD."agencyId" = NEW."agencyId" AND OLD."noticeId" = NEW."noticeId" AND o = n THEN
    RETURN NULL; -- nothing counted changed (a report, a start, a version bump…)
  END IF;
  IF TG_OP <> 'INSERT' THEN
    UPDATE "AssignmentTally" SET "assigned" = "assigned" - 1, "completed" = "completed" - o[1],
      "completedOnTime" = "completedOnTime" - o[2], "completedLate" = "completedLate" - o[3], "noDeadline" = "noDeadline" - o[4]
    WHERE "agencyId" = OLD."agencyId" AND "noticeId" = OLD."noticeId";
    DELETE FROM "AssignmentTally" WHERE "agencyId" = OLD."agencyId" AND "noticeId" = OLD."noticeId" AND "assigned" <= 0;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO "AssignmentTally" AS t ("agencyId", "noticeId", "provinceId", "assigned", "completed", "completedOnTime", "completedLate", "noDeadline")
    VALUES (NEW."agencyId", NEW."noticeId", NEW."provinceId", 1, n[1], n[2], n[3], n[4])
    ON CONFLICT ("agencyId", "noticeId") DO UPDATE SET "assigned" = t."assigned" + 1, "completed" = t."completed" + n[1],
      "completedOnTime" = t."completedOnTime" + n[2], "completedLate" = t."completedLate" + n[3], "noDeadline" = t."noDeadline" + n[4];
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
  SELECT a."agencyId", a."noticeId", min(a."provinceId"), count(*), sum(v[1]), sum(v[2]), sum(v[3]), sum(v[4])
  FROM "Assignment" a CROSS JOIN LATERAL assignment_tally_of(a."state", a."dueOn", a."completedOn") v
  GROUP BY a."agencyId", a."noticeId";
$$;

SELECT assignment_tally_rebuild();
