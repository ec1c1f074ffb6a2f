-- A notice's life (issue 14): a published notice can be withdrawn (thu hồi) with a reason; the
-- secretariat links a later notice to an earlier one it continues or replaces; a directive carried
-- over into a later notice remembers where it came from; the uploaded document is kept.
ALTER TYPE "NoticeStatus" ADD VALUE 'withdrawn';

ALTER TABLE "Notice" ADD COLUMN "withdrawnAt" TIMESTAMPTZ(3),
  ADD COLUMN "withdrawnReason" TEXT,
  ADD COLUMN "withdrawnById" INTEGER;
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_withdrawnById_fkey" FOREIGN KEY ("withdrawnById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "Directive" ADD COLUMN "carriedFromNoticeId" INTEGER;

CREATE TYPE "NoticeLinkKind" AS ENUM ('continues', 'replaces');

CREATE TABLE "NoticeLink" (
    "id" SERIAL NOT NULL,
    "provinceId" INTEGER NOT NULL,
    "fromNoticeId" INTEGER NOT NULL,
    "toNoticeId" INTEGER NOT NULL,
    "kind" "NoticeLinkKind" NOT NULL,
    "createdById" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "NoticeLink_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "NoticeLink_fromNoticeId_toNoticeId_key" ON "NoticeLink"("fromNoticeId", "toNoticeId");
CREATE INDEX "NoticeLink_toNoticeId_idx" ON "NoticeLink"("toNoticeId");
ALTER TABLE "NoticeLink" ADD CONSTRAINT "NoticeLink_fromNoticeId_fkey" FOREIGN KEY ("fromNoticeId") REFERENCES "Notice"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "NoticeLink" ADD CONSTRAINT "NoticeLink_toNoticeId_fkey" FOREIGN KEY ("toNoticeId") REFERENCES "Notice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The document a notice was entered from, kept for download from its page (and the OCR job's copy of it).
ALTER TABLE "Notice" ADD COLUMN "sourceFileId" INTEGER;
CREATE UNIQUE INDEX "Notice_sourceFileId_key" ON "Notice"("sourceFileId");
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_sourceFileId_fkey" FOREIGN KEY ("sourceFileId") REFERENCES "Attachment"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "IntakeJob" ADD COLUMN "sourceFileId" INTEGER;
