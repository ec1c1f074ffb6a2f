-- What waits for whom: explanation requests, notifications and their outbox, per-province reminder
-- settings and the ongoing tasks' reporting period, an extension granted to another date.

ALTER TABLE "Province" ADD COLUMN "reminderDaysBefore" INTEGER[] DEFAULT ARRAY[7, 3, 0]::INTEGER[];
ALTER TABLE "Province" ADD COLUMN "overdueReminderEveryDays" INTEGER NOT NULL DEFAULT 7;
ALTER TABLE "Province" ADD COLUMN "ongoingReportPeriod" "Recurrence" NOT NULL DEFAULT 'monthly';

ALTER TABLE "ExtensionRequest" ADD COLUMN "grantedDueOn" DATE;

ALTER TABLE "User" ADD COLUMN "queueSeenAt" TIMESTAMPTZ(3);

CREATE TYPE "ExplanationStatus" AS ENUM ('pending', 'answered');

CREATE TABLE "ExplanationRequest" (
    "id" SERIAL NOT NULL,
    "assignmentId" INTEGER NOT NULL,
    "requestedById" INTEGER,
    "message" TEXT NOT NULL,
    "workingDays" INTEGER NOT NULL,
    "replyDueOn" DATE NOT NULL,
    "status" "ExplanationStatus" NOT NULL DEFAULT 'pending',
    "answer" TEXT,
    "answerAttachmentId" INTEGER,
    "answeredById" INTEGER,
    "answeredAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExplanationRequest_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "ExplanationRequest_answerAttachmentId_key" ON "ExplanationRequest"("answerAttachmentId");
CREATE INDEX "ExplanationRequest_assignmentId_status_idx" ON "ExplanationRequest"("assignmentId", "status");
CREATE INDEX "ExplanationRequest_status_replyDueOn_idx" ON "ExplanationRequest"("status", "replyDueOn");
ALTER TABLE "ExplanationRequest" ADD CONSTRAINT "ExplanationRequest_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ExplanationRequest" ADD CONSTRAINT "ExplanationRequest_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "ExplanationRequest" ADD CONSTRAINT "ExplanationRequest_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "ExplanationRequest" ADD CONSTRAINT "ExplanationRequest_answerAttachmentId_fkey" FOREIGN KEY ("answerAttachmentId") REFERENCES "Attachment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "Notification" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "provinceId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT,
    "link" TEXT,
    "batch" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMPTZ(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt");
CREATE INDEX "Notification_batch_idx" ON "Notification"("batch");
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_provinceId_fkey" FOREIGN KEY ("provinceId") REFERENCES "Province"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "OutboxMessage" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "runAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMPTZ(3),
    "sentAt" TIMESTAMPTZ(3),
    "failedAt" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "OutboxMessage_dedupeKey_key" ON "OutboxMessage"("dedupeKey");
CREATE INDEX "OutboxMessage_sentAt_failedAt_runAt_idx" ON "OutboxMessage"("sentAt", "failedAt", "runAt");
