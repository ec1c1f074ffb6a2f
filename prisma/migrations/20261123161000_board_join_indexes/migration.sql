-- An agency's board (lib/assignments/board.ts agencyBoard) reads every task of the agency joined
-- to its directive and notice: directive → notice and notice → (status, issue date) now come from
-- index-only scans instead of the Directive and Notice tables, which hold the texts (bench1m,
-- Sở Y tế, 12,885 tasks: 78 ms → 61 ms). The overview's anti-join with draft notices reads the
-- notice index too.

-- CreateIndex
CREATE INDEX "Directive_id_noticeId_idx" ON "Directive"("id", "noticeId");

-- CreateIndex
CREATE INDEX "Notice_id_status_issuedOn_idx" ON "Notice"("id", "status", "issuedOn");
