-- A province keeps its own registry and accounts: agencies carry their electronic code, a
-- successor when merged or succeeded, and a version for edits; users an e-mail, a password that
-- must be changed after an administrator set it, their e-mail choices, and a version.

ALTER TABLE "Agency" ADD COLUMN "code" TEXT;
ALTER TABLE "Agency" ADD COLUMN "successorId" INTEGER;
ALTER TABLE "Agency" ADD COLUMN "endedAt" TIMESTAMPTZ(3);
ALTER TABLE "Agency" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Agency" ADD COLUMN "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
ALTER TABLE "Agency" ADD CONSTRAINT "Agency_successorId_fkey" FOREIGN KEY ("successorId") REFERENCES "Agency"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "AgencyGroup" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "AgencyGroup" ADD COLUMN "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

ALTER TABLE "User" ADD COLUMN "email" TEXT;
ALTER TABLE "User" ADD COLUMN "mustChangePassword" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "User" ADD COLUMN "passwordChangedAt" TIMESTAMPTZ(3);
ALTER TABLE "User" ADD COLUMN "lastSignInAt" TIMESTAMPTZ(3);
ALTER TABLE "User" ADD COLUMN "emailOptOut" TEXT[] DEFAULT ARRAY[]::TEXT[];
ALTER TABLE "User" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "User" ADD COLUMN "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- Prisma writes @updatedAt itself: the columns keep no default once the existing rows have a value.
ALTER TABLE "Agency" ALTER COLUMN "updatedAt" DROP DEFAULT;
ALTER TABLE "AgencyGroup" ALTER COLUMN "updatedAt" DROP DEFAULT;
ALTER TABLE "User" ALTER COLUMN "updatedAt" DROP DEFAULT;
