-- Sessions kept in the database (ended at sign-out, password change or reset, deactivation),
-- and sign-in throttling per login-and-address pair, per address and per login.

CREATE TABLE "UserSession" (
    "id" TEXT NOT NULL,
    "userId" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "endedAt" TIMESTAMPTZ(3),
    "endReason" TEXT,
    "address" TEXT,
    "userAgent" TEXT,

    CONSTRAINT "UserSession_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "UserSession_userId_endedAt_idx" ON "UserSession"("userId", "endedAt");

ALTER TABLE "UserSession" ADD CONSTRAINT "UserSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The old keys ("user:…", "ip:…") counted differently; their counts do not carry over.
DELETE FROM "LoginThrottle";
ALTER TABLE "LoginThrottle" ADD COLUMN "windowStart" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
ALTER TABLE "LoginThrottle" ADD COLUMN "lastSuccessAt" TIMESTAMPTZ(3);

-- Per-user limits on writes and uploaded bytes per hour.
CREATE TABLE "WriteBudget" (
    "userId" INTEGER NOT NULL,
    "hourStart" TIMESTAMPTZ(3) NOT NULL,
    "writes" INTEGER NOT NULL DEFAULT 0,
    "bytes" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "WriteBudget_pkey" PRIMARY KEY ("userId","hourStart")
);

CREATE INDEX "WriteBudget_hourStart_idx" ON "WriteBudget"("hourStart");

ALTER TABLE "WriteBudget" ADD CONSTRAINT "WriteBudget_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
