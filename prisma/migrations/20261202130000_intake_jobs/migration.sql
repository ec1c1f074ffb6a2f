-- Scans and photos of notices are recognised (OCR) off the request: the upload becomes a job the
-- server works through one at a time, page by page, while the secretariat watches its progress
-- and may cancel. The job keeps the upload until it is read, then the recognised text and each
-- page's image and words for the review screen. Jobs older than a day are removed when a new one
-- is made.

CREATE TABLE "IntakeJob" (
    "id" SERIAL NOT NULL,
    "provinceId" INTEGER NOT NULL,
    "createdById" INTEGER NOT NULL,
    "fileName" TEXT NOT NULL,
    "file" BYTEA,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "progress" JSONB,
    "result" JSONB,
    "error" TEXT,
    "cancelRequested" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "IntakeJob_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "IntakeJobPage" (
    "jobId" INTEGER NOT NULL,
    "page" INTEGER NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "mime" TEXT,
    "image" BYTEA,
    "meanConfidence" DOUBLE PRECISION NOT NULL,
    "words" JSONB NOT NULL,

    CONSTRAINT "IntakeJobPage_pkey" PRIMARY KEY ("jobId", "page")
);

CREATE INDEX "IntakeJob_createdById_createdAt_idx" ON "IntakeJob"("createdById", "createdAt");
CREATE INDEX "IntakeJob_createdAt_idx" ON "IntakeJob"("createdAt");

ALTER TABLE "IntakeJob" ADD CONSTRAINT "IntakeJob_provinceId_fkey" FOREIGN KEY ("provinceId") REFERENCES "Province"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "IntakeJob" ADD CONSTRAINT "IntakeJob_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "IntakeJobPage" ADD CONSTRAINT "IntakeJobPage_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "IntakeJob"("id") ON DELETE CASCADE ON UPDATE CASCADE;
