-- Issue 16: discovery of new releases on the Hugging Face Hub, and the moderators' review queue.
--
-- A candidate is a repository of a tracked author that no record, exclusion or earlier candidate knows:
-- the values discovery could read (write-path inputs with their source URLs) and the fields still
-- missing. Nothing in it is published; a moderator accepts it (a new record through the write path),
-- merges it into an existing record, or dismisses it with a reason. Every decided candidate stays, so a
-- dismissed repository is never queued again.
CREATE TABLE "Candidate" (
    "id" SERIAL NOT NULL,
    "repoId" TEXT NOT NULL,
    "hubId" TEXT,
    "formerRepoIds" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "author" TEXT NOT NULL,
    "organizationSlug" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "proposed" JSONB NOT NULL,
    "missing" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "problems" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "hubCreatedAt" TIMESTAMPTZ(3),
    "firstSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ingestRunId" INTEGER,
    "reviewedAt" TIMESTAMPTZ(3),
    "reviewReason" TEXT,
    "modelId" INTEGER,
    CONSTRAINT "Candidate_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Candidate_status_check" CHECK ("status" IN ('pending', 'accepted', 'merged', 'dismissed')),
    CONSTRAINT "Candidate_repo_check" CHECK ("repoId" ~ '^[^/\s]+/[^/\s]+$'),
    -- A decision is dated; accepted and merged candidates name their record, a dismissal says why.
    CONSTRAINT "Candidate_decided_check" CHECK (
        ("status" = 'pending' AND "reviewedAt" IS NULL)
        OR ("status" <> 'pending' AND "reviewedAt" IS NOT NULL)
    ),
    CONSTRAINT "Candidate_dismissal_reason_check" CHECK ("status" <> 'dismissed' OR length(btrim("reviewReason")) > 0)
);
-- Hub repo ids are case-insensitive (the Hub redirects Qwen/qwen3-8b to Qwen/Qwen3-8B).
CREATE UNIQUE INDEX "Candidate_repoId_key" ON "Candidate"("repoId");
CREATE UNIQUE INDEX "Candidate_repoId_lower_key" ON "Candidate"(lower("repoId"));
CREATE UNIQUE INDEX "Candidate_hubId_key" ON "Candidate"("hubId");
CREATE INDEX "Candidate_status_firstSeenAt_idx" ON "Candidate"("status", "firstSeenAt");
ALTER TABLE "Candidate" ADD CONSTRAINT "Candidate_ingestRunId_fkey" FOREIGN KEY ("ingestRunId") REFERENCES "IngestRun"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Candidate" ADD CONSTRAINT "Candidate_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "Model"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- What a run did: "ingest" (values into the write path), "discover" (new repos into the queue).
ALTER TABLE "IngestRun" ADD COLUMN "job" TEXT NOT NULL DEFAULT 'ingest';
