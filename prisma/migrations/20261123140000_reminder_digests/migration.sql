-- CreateEnum
CREATE TYPE "DigestChannel" AS ENUM ('email', 'in_app');

-- AlterTable
ALTER TABLE "Agency" ADD COLUMN     "email" TEXT;

-- CreateTable
CREATE TABLE "ReminderDigest" (
    "id" SERIAL NOT NULL,
    "provinceId" INTEGER NOT NULL,
    "agencyId" INTEGER NOT NULL,
    "digestOn" DATE NOT NULL,
    "dueSoon" INTEGER NOT NULL DEFAULT 0,
    "dueToday" INTEGER NOT NULL DEFAULT 0,
    "overdue" INTEGER NOT NULL DEFAULT 0,
    "items" JSONB NOT NULL,
    "channel" "DigestChannel" NOT NULL,
    "emailTo" TEXT,
    "sentAt" TIMESTAMPTZ(3),
    "error" TEXT,
    "readAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReminderDigest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReminderDigest_provinceId_digestOn_idx" ON "ReminderDigest"("provinceId", "digestOn");

-- CreateIndex
CREATE UNIQUE INDEX "ReminderDigest_agencyId_digestOn_key" ON "ReminderDigest"("agencyId", "digestOn");

-- AddForeignKey
ALTER TABLE "ReminderDigest" ADD CONSTRAINT "ReminderDigest_provinceId_fkey" FOREIGN KEY ("provinceId") REFERENCES "Province"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderDigest" ADD CONSTRAINT "ReminderDigest_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;
