-- Calendar feeds (issue 15): a secret iCalendar address per user or per agency listing its open
-- tasks' deadlines; only the SHA-256 of the secret is stored. Exactly one owner: a user or an agency.
CREATE TABLE "CalendarFeed" (
    "id" SERIAL NOT NULL,
    "provinceId" INTEGER NOT NULL,
    "userId" INTEGER,
    "agencyId" INTEGER,
    "tokenHash" TEXT NOT NULL,
    "createdById" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMPTZ(3),
    "lastUsedAt" TIMESTAMPTZ(3),
    CONSTRAINT "CalendarFeed_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "CalendarFeed_one_owner" CHECK (("userId" IS NULL) <> ("agencyId" IS NULL))
);
CREATE UNIQUE INDEX "CalendarFeed_tokenHash_key" ON "CalendarFeed"("tokenHash");
CREATE INDEX "CalendarFeed_userId_idx" ON "CalendarFeed"("userId");
CREATE INDEX "CalendarFeed_agencyId_idx" ON "CalendarFeed"("agencyId");
CREATE INDEX "CalendarFeed_provinceId_createdAt_idx" ON "CalendarFeed"("provinceId", "createdAt");
ALTER TABLE "CalendarFeed" ADD CONSTRAINT "CalendarFeed_provinceId_fkey" FOREIGN KEY ("provinceId") REFERENCES "Province"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CalendarFeed" ADD CONSTRAINT "CalendarFeed_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CalendarFeed" ADD CONSTRAINT "CalendarFeed_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CalendarFeed" ADD CONSTRAINT "CalendarFeed_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
