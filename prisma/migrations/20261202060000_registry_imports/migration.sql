-- A list uploaded for import (agencies or users) is kept here between its preview and its
-- confirmation, so that the confirmation applies what the server read, not what a client sends.
-- Unconfirmed uploads older than a day are removed when the next one is made.

CREATE TABLE "RegistryImport" (
    "id" SERIAL NOT NULL,
    "provinceId" INTEGER NOT NULL,
    "createdById" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "table" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedAt" TIMESTAMPTZ(3),

    CONSTRAINT "RegistryImport_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "RegistryImport_provinceId_createdAt_idx" ON "RegistryImport"("provinceId", "createdAt");
CREATE INDEX "RegistryImport_createdById_idx" ON "RegistryImport"("createdById");

ALTER TABLE "RegistryImport" ADD CONSTRAINT "RegistryImport_provinceId_fkey" FOREIGN KEY ("provinceId") REFERENCES "Province"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RegistryImport" ADD CONSTRAINT "RegistryImport_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
