-- A province's data version (see schema.prisma, ProvinceDataVersion): every statement that changes
-- what the province's boards, overview, lists and ranking show raises it, in its own transaction.
-- The row is updated, not appended to, on purpose: a second writer of the same province waits for
-- the first one's commit at this row, so a version never becomes visible before the data it covers.
CREATE TABLE "ProvinceDataVersion" (
    "provinceId" INTEGER NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT "ProvinceDataVersion_pkey" PRIMARY KEY ("provinceId")
);

-- The changed rows arrive as the transition table "changed"; TG_ARGV[0] says how to find their
-- province. Provinces are raised in id order, so two writers never wait for each other crosswise.
CREATE FUNCTION province_data_bump() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids int[];
BEGIN
  IF TG_ARGV[0] = 'self' THEN
    SELECT array_agg(DISTINCT c."provinceId") INTO ids FROM changed c;
  ELSIF TG_ARGV[0] = 'province' THEN
    SELECT array_agg(DISTINCT c."id") INTO ids FROM changed c;
  ELSIF TG_ARGV[0] = 'notice' THEN
    SELECT array_agg(DISTINCT n."provinceId") INTO ids FROM changed c JOIN "Notice" n ON n."id" = c."noticeId";
  ELSIF TG_ARGV[0] = 'assignment' THEN
    SELECT array_agg(DISTINCT a."provinceId") INTO ids FROM changed c JOIN "Assignment" a ON a."id" = c."assignmentId";
  ELSIF TG_ARGV[0] = 'group' THEN
    SELECT array_agg(DISTINCT g."provinceId") INTO ids FROM changed c JOIN "AgencyGroup" g ON g."id" = c."groupId";
  END IF;
  IF ids IS NOT NULL THEN
    INSERT INTO "ProvinceDataVersion" AS v ("provinceId", "version")
    SELECT p, 1 FROM unnest(ids) p WHERE p IS NOT NULL ORDER BY p
    ON CONFLICT ("provinceId") DO UPDATE SET "version" = v."version" + 1;
  END IF;
  RETURN NULL;
END $$;

-- Transition tables allow one event per trigger: three triggers per table.
DO $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT * FROM (VALUES
    ('Province', 'province'), ('Agency', 'self'), ('AgencyGroup', 'self'), ('AgencyGroupMember', 'group'),
    ('Notice', 'self'), ('NoticeLink', 'self'), ('Directive', 'notice'), ('Assignment', 'self'),
    ('ProgressReport', 'assignment'), ('ExtensionRequest', 'assignment'), ('ExplanationRequest', 'assignment'),
    ('RankingPublication', 'self')) AS x(tbl, how)
  LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION province_data_bump(%L)',
      t.tbl || '_version_ins', t.tbl, t.how);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION province_data_bump(%L)',
      t.tbl || '_version_upd', t.tbl, t.how);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION province_data_bump(%L)',
      t.tbl || '_version_del', t.tbl, t.how);
  END LOOP;
END $$;
