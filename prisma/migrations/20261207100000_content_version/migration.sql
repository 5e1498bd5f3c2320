-- What each process keeps per data version (lib/data/version-memo.ts: the release rows, scores, usage,
-- adoption and the dashboard's aggregates) depends on the published data only, not on the run history or
-- the review queue. A second counter that IngestRun and Candidate writes do not move: an ingest run's
-- start and finish, or a discovery that queues a candidate, no longer make every process read and
-- aggregate 100,000 releases again (docs/decisions/018-dashboard-at-scale.md). `version` still moves on
-- every write: the response cache and the ETags key on it.
ALTER TABLE "DataVersion"
    ADD COLUMN "contentVersion" BIGINT NOT NULL DEFAULT 1,
    ADD COLUMN "contentChangedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

CREATE OR REPLACE FUNCTION "bump_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME IN ('IngestRun', 'Candidate') THEN
        UPDATE "DataVersion" SET "version" = "version" + 1, "changedAt" = CURRENT_TIMESTAMP WHERE "id" = 1;
    ELSE
        UPDATE "DataVersion" SET "version" = "version" + 1, "changedAt" = CURRENT_TIMESTAMP,
            "contentVersion" = "contentVersion" + 1, "contentChangedAt" = CURRENT_TIMESTAMP WHERE "id" = 1;
    END IF;
    RETURN NULL;
END;
$$;
