-- Issue 17: moderators' sign-in attempts, so the limit on guessing holds across every app instance on
-- the database. One row per attempt; a successful one is marked so and does not count. Rows older than
-- the limit's window are deleted by the next attempt.
CREATE TABLE "SignInAttempt" (
    "id" SERIAL NOT NULL,
    "clientKey" TEXT NOT NULL,
    "attemptedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "succeeded" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "SignInAttempt_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "SignInAttempt_clientKey_attemptedAt_idx" ON "SignInAttempt"("clientKey", "attemptedAt");
CREATE INDEX "SignInAttempt_attemptedAt_idx" ON "SignInAttempt"("attemptedAt");
