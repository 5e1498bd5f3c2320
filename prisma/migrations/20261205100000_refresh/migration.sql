-- Issue 16: the scheduled refresh (`npm run refresh`, lib/ingest/refresh.ts), and the feed of new releases.
--
-- A lock held in the database, so two refreshes (two cron hosts, a scheduled workflow and a person at a
-- terminal) never run at once. A row per lock name: taken with one INSERT ... ON CONFLICT DO UPDATE ...
-- WHERE "expiresAt" < now(), released by deleting the holder's row, renewed while the holder works. A
-- table and not a session advisory lock: a pooled connection may change between statements, and the
-- embedded database (PGlite) is reached the same way. A run that is killed leaves its row, which expires.
-- Times are the database's clock (now()), so hosts with different clocks agree.
CREATE TABLE "JobLock" (
    "name" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "acquiredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "JobLock_pkey" PRIMARY KEY ("name"),
    CONSTRAINT "JobLock_expiry_check" CHECK ("expiresAt" > "acquiredAt")
);

-- A step of the refresh that had nothing to do (the usage refresh without OPENROUTER_API_KEY) is recorded
-- as skipped, so /data-quality can tell "not configured" from "never ran" and from "failed".
ALTER TABLE "IngestRun" DROP CONSTRAINT "IngestRun_status_check";
ALTER TABLE "IngestRun" ADD CONSTRAINT "IngestRun_status_check" CHECK ("status" IN ('running', 'succeeded', 'failed', 'skipped'));

-- /data-quality (a cached page, docs/decisions/009-response-cache.md) shows each source's last run and the
-- review queue's length: a run that changed no value (skipped, failed, nothing new) and a queued or decided
-- candidate must still move the data version, or the page would show the runs before it.
CREATE TRIGGER "IngestRun_bump_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "IngestRun" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "Candidate_bump_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Candidate" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();

-- The feed of new releases (/releases.atom, /changes): the newest open-weights records as the atlas listed
-- them (ORDER BY "createdAt" DESC, "releaseDate" DESC, "id" DESC LIMIT 50), read backwards from this index.
CREATE INDEX "Model_openWeights_createdAt_releaseDate_id_idx" ON "Model"("openWeights", "createdAt", "releaseDate", "id");
