-- Writes through the API (issue 15) are audited as the token they came with: the audit row names
-- the token instead of a user. Tokens are revoked, never deleted, so the row keeps its token.
ALTER TABLE "AuditLog" ADD COLUMN "apiTokenId" INTEGER;
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_apiTokenId_fkey" FOREIGN KEY ("apiTokenId") REFERENCES "ApiToken"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
