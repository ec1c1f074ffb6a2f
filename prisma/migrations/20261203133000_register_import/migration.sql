-- Notices imported from a province's old Excel register (sổ theo dõi) keep the upload they came from.
ALTER TABLE "Notice" ADD COLUMN "importId" INTEGER;

ALTER TABLE "Notice" ADD CONSTRAINT "Notice_importId_fkey" FOREIGN KEY ("importId") REFERENCES "RegistryImport"("id") ON DELETE SET NULL ON UPDATE CASCADE;
