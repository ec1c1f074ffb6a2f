-- The province's API tokens (issue 15): bearer tokens for /api/v1, created and revoked by the
-- province's administrator; only the SHA-256 of the secret is stored.
CREATE TYPE "ApiTokenScope" AS ENUM ('read', 'read_write');

CREATE TABLE "ApiToken" (
    "id" SERIAL NOT NULL,
    "provinceId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "scope" "ApiTokenScope" NOT NULL DEFAULT 'read',
    "agencyIds" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "expiresOn" DATE,
    "createdById" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");
CREATE INDEX "ApiToken_provinceId_createdAt_idx" ON "ApiToken"("provinceId", "createdAt");
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_provinceId_fkey" FOREIGN KEY ("provinceId") REFERENCES "Province"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
