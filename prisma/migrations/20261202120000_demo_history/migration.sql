-- The demo's played history (prisma/seed/history.ts): one row when the database holds it. Its
-- "today" is the day the demo is shown on (`npm start` serves the app on it, with a banner); a
-- real deployment has no row and runs on the real date.

CREATE TABLE "DemoHistory" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "today" DATE NOT NULL,
    "playedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DemoHistory_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "DemoHistory_single_row" CHECK ("id" = 1)
);
