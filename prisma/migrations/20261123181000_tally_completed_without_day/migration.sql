-- A task completed with a due day but no completion day counts as completed on time (as in
-- lib/assignments/timeliness.ts and the rebuild function); the trigger of 20261123171000 computed
-- "late" as NULL for it (NULL > day) and the insert into AssignmentTally failed. Same function,
-- with that comparison made false when the day is missing.
CREATE OR REPLACE FUNCTION assignment_tally_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  o_done int := 0; o_on int := 0; o_late int := 0; o_nodl int := 0;
  n_done int := 0; n_on int := 0; n_late int := 0; n_nodl int := 0;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    o_done := (OLD."state" = 'completed')::int;
    o_nodl := (OLD."dueOn" IS NULL)::int;
    o_late := COALESCE(OLD."state" = 'completed' AND OLD."dueOn" IS NOT NULL AND OLD."completedOn" > OLD."dueOn", false)::int;
    o_on := (OLD."state" = 'completed' AND OLD."dueOn" IS NOT NULL)::int - o_late;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    n_done := (NEW."state" = 'completed')::int;
    n_nodl := (NEW."dueOn" IS NULL)::int;
    n_late := COALESCE(NEW."state" = 'completed' AND NEW."dueOn" IS NOT NULL AND NEW."completedOn" > NEW."dueOn", false)::int;
    n_on := (NEW."state" = 'completed' AND NEW."dueOn" IS NOT NULL)::int - n_late;
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
