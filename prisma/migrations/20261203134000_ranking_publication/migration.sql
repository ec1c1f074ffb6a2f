-- Quarterly results (issue 14): the province's score formula, and each published period's
-- ranking frozen as it stood when the secretariat published it (later edits do not change it).
ALTER TABLE "Province" ADD COLUMN "scoreLateCredit" DOUBLE PRECISION NOT NULL DEFAULT 0.5;
ALTER TABLE "Province" ADD COLUMN "scorePenaltyPerDay" DOUBLE PRECISION NOT NULL DEFAULT 0.1;
ALTER TABLE "Province" ADD COLUMN "scorePenaltyCap" DOUBLE PRECISION NOT NULL DEFAULT 20;

CREATE TABLE "RankingPublication" (
    "id" SERIAL NOT NULL,
    "provinceId" INTEGER NOT NULL,
    "periodKey" TEXT NOT NULL,
    "asOf" DATE NOT NULL,
    "formula" JSONB NOT NULL,
    "rows" JSONB NOT NULL,
    "isPublic" BOOLEAN NOT NULL DEFAULT false,
    "publishedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedById" INTEGER,
    "withdrawnAt" TIMESTAMPTZ(3),
    "withdrawnById" INTEGER,
    "withdrawnReason" TEXT,
    CONSTRAINT "RankingPublication_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "RankingPublication_provinceId_periodKey_key" ON "RankingPublication"("provinceId", "periodKey");
ALTER TABLE "RankingPublication" ADD CONSTRAINT "RankingPublication_provinceId_fkey" FOREIGN KEY ("provinceId") REFERENCES "Province"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RankingPublication" ADD CONSTRAINT "RankingPublication_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "RankingPublication" ADD CONSTRAINT "RankingPublication_withdrawnById_fkey" FOREIGN KEY ("withdrawnById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
