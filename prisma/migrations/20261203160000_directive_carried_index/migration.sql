-- A notice's page lists the directives carried out of it (lib/notices/links.ts noticeLinks): without
-- an index that read every directive of the country (24-42 ms at a million assignments, on each view).
CREATE INDEX "Directive_carriedFromNoticeId_idx" ON "Directive"("carriedFromNoticeId");
