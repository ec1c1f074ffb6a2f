-- A notice's source file and a report's evidence (Attachment) also raise the province's data
-- version: the notice page's reads are cached too (lib/db/cached-reads.ts).
CREATE TRIGGER "Attachment_version_ins" AFTER INSERT ON "Attachment" REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION province_data_bump('self');
CREATE TRIGGER "Attachment_version_upd" AFTER UPDATE ON "Attachment" REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION province_data_bump('self');
CREATE TRIGGER "Attachment_version_del" AFTER DELETE ON "Attachment" REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION province_data_bump('self');
