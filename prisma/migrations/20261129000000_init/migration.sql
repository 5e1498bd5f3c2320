-- Initial schema. Written by hand in the shape Prisma generates (docs/decisions/001-migrations.md),
-- plus the rules Prisma's schema language cannot say: CHECK constraints and expression indexes.

CREATE TABLE "License" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    CONSTRAINT "License_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "License_category_check" CHECK ("category" IN ('permissive', 'restricted', 'non-commercial'))
);

CREATE TABLE "Organization" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "country" CHAR(2) NOT NULL,
    "kind" TEXT NOT NULL,
    "website" TEXT,
    "sourceUrl" TEXT NOT NULL,
    "retrievedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Organization_country_check" CHECK ("country" ~ '^[A-Z]{2}$'),
    CONSTRAINT "Organization_kind_check" CHECK ("kind" IN ('company', 'lab', 'university', 'nonprofit')),
    CONSTRAINT "Organization_slug_check" CHECK ("slug" ~ '^[a-z0-9]+([.-][a-z0-9]+)*$')
);

CREATE TABLE "Model" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "family" TEXT NOT NULL,
    "variant" TEXT NOT NULL,
    "primaryOrganizationId" INTEGER NOT NULL,
    "announcedDate" DATE,
    "releaseDate" DATE NOT NULL,
    "totalParams" BIGINT,
    "activeParams" BIGINT,
    "architecture" TEXT NOT NULL,
    "routedExperts" INTEGER,
    "expertsPerToken" INTEGER,
    "sharedExperts" INTEGER,
    "contextWindow" INTEGER,
    "maxPositionEmbeddings" INTEGER,
    "licenseId" TEXT NOT NULL,
    "openWeights" BOOLEAN NOT NULL,
    "hfRepoId" TEXT,
    "baseModelId" INTEGER,
    "modalities" TEXT[],
    "notes" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Model_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Model_slug_check" CHECK ("slug" ~ '^[a-z0-9]+([.-][a-z0-9]+)*$'),
    CONSTRAINT "Model_variant_check" CHECK ("variant" IN ('base', 'instruct', 'reasoning', 'coder', 'other')),
    CONSTRAINT "Model_architecture_check" CHECK ("architecture" IN ('dense', 'moe')),
    CONSTRAINT "Model_params_positive_check" CHECK ("totalParams" > 0 AND "activeParams" > 0),
    CONSTRAINT "Model_active_le_total_check" CHECK ("activeParams" <= "totalParams"),
    CONSTRAINT "Model_experts_check" CHECK (
        -- IS NOT NULL spelled out: a CHECK that evaluates to NULL passes.
        ("architecture" = 'moe' AND "routedExperts" IS NOT NULL AND "expertsPerToken" IS NOT NULL
            AND "routedExperts" > 0 AND "expertsPerToken" > 0
            AND "expertsPerToken" <= "routedExperts" AND COALESCE("sharedExperts", 0) >= 0)
        OR ("architecture" = 'dense' AND "routedExperts" IS NULL AND "expertsPerToken" IS NULL AND "sharedExperts" IS NULL)
    ),
    CONSTRAINT "Model_context_positive_check" CHECK ("contextWindow" > 0 AND "maxPositionEmbeddings" > 0),
    CONSTRAINT "Model_not_own_base_check" CHECK ("baseModelId" <> "id")
);

CREATE TABLE "ModelDeveloper" (
    "modelId" INTEGER NOT NULL,
    "organizationId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    CONSTRAINT "ModelDeveloper_pkey" PRIMARY KEY ("modelId", "organizationId"),
    CONSTRAINT "ModelDeveloper_position_check" CHECK ("position" >= 0)
);

CREATE TABLE "FieldSource" (
    "id" SERIAL NOT NULL,
    "modelId" INTEGER NOT NULL,
    "field" TEXT NOT NULL,
    "sourceKind" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "sourceUrl" TEXT NOT NULL,
    "retrievedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "FieldSource_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "FieldSource_sourceKind_check" CHECK ("sourceKind" IN ('correction', 'curated', 'huggingface', 'epoch'))
);

CREATE TABLE "Revision" (
    "id" SERIAL NOT NULL,
    "modelId" INTEGER NOT NULL,
    "field" TEXT NOT NULL,
    "oldValue" JSONB,
    "newValue" JSONB,
    "sourceKind" TEXT NOT NULL,
    "sourceUrl" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "ingestRunId" INTEGER,
    "correctionId" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Revision_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Revision_sourceKind_check" CHECK ("sourceKind" IN ('correction', 'curated', 'huggingface', 'epoch'))
);

CREATE TABLE "Correction" (
    "id" SERIAL NOT NULL,
    "submissionId" UUID NOT NULL,
    "modelId" INTEGER NOT NULL,
    "field" TEXT NOT NULL,
    "currentValue" JSONB,
    "proposedValue" JSONB NOT NULL,
    "evidenceUrl" TEXT NOT NULL,
    "note" TEXT,
    "contactEmail" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "reviewReason" TEXT,
    "clientKey" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewedAt" TIMESTAMPTZ(3),
    CONSTRAINT "Correction_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Correction_status_check" CHECK ("status" IN ('pending', 'accepted', 'rejected')),
    CONSTRAINT "Correction_evidenceUrl_check" CHECK ("evidenceUrl" ~ '^https?://'),
    CONSTRAINT "Correction_note_length_check" CHECK (char_length("note") <= 2000),
    CONSTRAINT "Correction_reviewed_check" CHECK (("status" = 'pending') = ("reviewedAt" IS NULL))
);

CREATE TABLE "IngestRun" (
    "id" SERIAL NOT NULL,
    "source" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "disagreements" INTEGER NOT NULL DEFAULT 0,
    "message" TEXT,
    CONSTRAINT "IngestRun_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "IngestRun_source_check" CHECK ("source" IN ('curated', 'huggingface', 'epoch')),
    CONSTRAINT "IngestRun_status_check" CHECK ("status" IN ('running', 'succeeded', 'failed'))
);

CREATE UNIQUE INDEX "Organization_slug_key" ON "Organization"("slug");
CREATE INDEX "Organization_country_idx" ON "Organization"("country");
CREATE UNIQUE INDEX "Model_slug_key" ON "Model"("slug");
CREATE INDEX "Model_releaseDate_idx" ON "Model"("releaseDate");
CREATE INDEX "Model_totalParams_idx" ON "Model"("totalParams");
CREATE INDEX "Model_activeParams_idx" ON "Model"("activeParams");
CREATE INDEX "Model_contextWindow_idx" ON "Model"("contextWindow");
CREATE INDEX "Model_primaryOrganizationId_idx" ON "Model"("primaryOrganizationId");
CREATE INDEX "Model_licenseId_idx" ON "Model"("licenseId");
CREATE INDEX "Model_architecture_idx" ON "Model"("architecture");
CREATE INDEX "Model_baseModelId_idx" ON "Model"("baseModelId");
-- Repo ids are case-insensitive on the Hub: two records may not name the same repo in different case.
CREATE UNIQUE INDEX "Model_hfRepoId_lower_key" ON "Model"(lower("hfRepoId"));
CREATE UNIQUE INDEX "ModelDeveloper_modelId_position_key" ON "ModelDeveloper"("modelId", "position");
CREATE INDEX "ModelDeveloper_organizationId_idx" ON "ModelDeveloper"("organizationId");
CREATE UNIQUE INDEX "FieldSource_modelId_field_sourceKind_key" ON "FieldSource"("modelId", "field", "sourceKind");
CREATE INDEX "Revision_modelId_createdAt_idx" ON "Revision"("modelId", "createdAt");
CREATE INDEX "Revision_createdAt_idx" ON "Revision"("createdAt");
CREATE INDEX "Correction_status_createdAt_idx" ON "Correction"("status", "createdAt");
CREATE INDEX "Correction_clientKey_createdAt_idx" ON "Correction"("clientKey", "createdAt");
CREATE INDEX "Correction_submissionId_idx" ON "Correction"("submissionId");

ALTER TABLE "Model" ADD CONSTRAINT "Model_primaryOrganizationId_fkey" FOREIGN KEY ("primaryOrganizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Model" ADD CONSTRAINT "Model_licenseId_fkey" FOREIGN KEY ("licenseId") REFERENCES "License"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Model" ADD CONSTRAINT "Model_baseModelId_fkey" FOREIGN KEY ("baseModelId") REFERENCES "Model"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "ModelDeveloper" ADD CONSTRAINT "ModelDeveloper_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "Model"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ModelDeveloper" ADD CONSTRAINT "ModelDeveloper_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "FieldSource" ADD CONSTRAINT "FieldSource_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "Model"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Revision" ADD CONSTRAINT "Revision_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "Model"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Revision" ADD CONSTRAINT "Revision_ingestRunId_fkey" FOREIGN KEY ("ingestRunId") REFERENCES "IngestRun"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Revision" ADD CONSTRAINT "Revision_correctionId_fkey" FOREIGN KEY ("correctionId") REFERENCES "Correction"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Correction" ADD CONSTRAINT "Correction_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "Model"("id") ON DELETE CASCADE ON UPDATE CASCADE;
