-- The agency board's search in SQL (lib/assignments/board.ts): each directive's words folded into
-- one column, as the notices' search does (20261202152000_notice_search, lib/notices/search-fold.ts):
-- its text, ref and deadline phrase and its notice's number and title (directiveSearchText()), and
-- each agency's short name folded (the board's search also finds a task by the other agencies of
-- its directive). Triggers keep both columns: a directive written without the column (the app, the
-- seed, the tests) or whose words or notice change, a notice whose number or title changes, an
-- agency whose short name changes. A directive inserted with the column already filled keeps it
-- (the national load generator folds it in JavaScript, much faster than the SQL fold).
ALTER TABLE "Directive" ADD COLUMN "searchText" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Agency" ADD COLUMN "searchShortName" TEXT NOT NULL DEFAULT '';

CREATE FUNCTION directive_search_text(d_text text, d_ref text, d_phrase text, n_number text, n_title text)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT notice_search_fold(concat_ws(E'\n', d_text, d_ref, d_phrase, n_number, n_title))
$$;

UPDATE "Agency" SET "searchShortName" = notice_search_fold("shortName");
UPDATE "Directive" d SET "searchText" = directive_search_text(d."text", d."ref", d."deadlinePhrase", n."number", n."title")
  FROM "Notice" n WHERE n.id = d."noticeId";

CREATE FUNCTION directive_search_fill() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' AND NEW."searchText" <> '' THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' AND NEW."text" IS NOT DISTINCT FROM OLD."text" AND NEW."ref" IS NOT DISTINCT FROM OLD."ref"
      AND NEW."deadlinePhrase" IS NOT DISTINCT FROM OLD."deadlinePhrase" AND NEW."noticeId" IS NOT DISTINCT FROM OLD."noticeId" THEN
    RETURN NEW;
  END IF;
  SELECT directive_search_text(NEW."text", NEW."ref", NEW."deadlinePhrase", n."number", n."title") INTO NEW."searchText"
    FROM "Notice" n WHERE n.id = NEW."noticeId";
  RETURN NEW;
END
$$;
CREATE TRIGGER "Directive_search" BEFORE INSERT OR UPDATE OF "text", "ref", "deadlinePhrase", "noticeId" ON "Directive"
  FOR EACH ROW EXECUTE FUNCTION directive_search_fill();

CREATE FUNCTION notice_directives_search_fill() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Directive" d SET "searchText" = directive_search_text(d."text", d."ref", d."deadlinePhrase", NEW."number", NEW."title")
    WHERE d."noticeId" = NEW.id;
  RETURN NULL;
END
$$;
CREATE TRIGGER "Notice_directives_search" AFTER UPDATE OF "number", "title" ON "Notice"
  FOR EACH ROW WHEN (OLD."number" IS DISTINCT FROM NEW."number" OR OLD."title" IS DISTINCT FROM NEW."title")
  EXECUTE FUNCTION notice_directives_search_fill();

CREATE FUNCTION agency_search_fill() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchShortName" := notice_search_fold(NEW."shortName");
  RETURN NEW;
END
$$;
CREATE TRIGGER "Agency_search" BEFORE INSERT OR UPDATE OF "shortName" ON "Agency"
  FOR EACH ROW EXECUTE FUNCTION agency_search_fill();

-- A trigram index for the words of three letters or more, where pg_trgm exists (as for the notices'
-- search): a word of the query is then an index lookup over the directives instead of reading the
-- agency's every task. Without it (the embedded PGlite) the board reads its tasks' directives.
DO $$
BEGIN
  BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
  EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'pg_trgm is not available: the board search runs without its index';
  END;
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
    EXECUTE 'CREATE INDEX "Directive_searchText_trgm_idx" ON "Directive" USING gin ("searchText" gin_trgm_ops)';
  END IF;
END
$$;
