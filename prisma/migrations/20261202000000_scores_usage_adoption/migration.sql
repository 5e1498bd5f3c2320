-- Issue 14: capability, usage and adoption beside size.
--
-- Closed reference models (API-only models kept as the reference line of capability comparisons) are
-- records with "openWeights" = false: they have no weights, so no license of the weights and, as the
-- developers do not say, no architecture. Open-weights records still need both (CHECK below).
ALTER TABLE "Model" ALTER COLUMN "architecture" DROP NOT NULL;
ALTER TABLE "Model" ALTER COLUMN "licenseId" DROP NOT NULL;
ALTER TABLE "Model" DROP CONSTRAINT "Model_experts_check";
ALTER TABLE "Model" ADD CONSTRAINT "Model_experts_check" CHECK (
    ("architecture" = 'moe' AND "routedExperts" IS NOT NULL AND "expertsPerToken" IS NOT NULL
        AND "routedExperts" > 0 AND "expertsPerToken" > 0
        AND "expertsPerToken" <= "routedExperts" AND COALESCE("sharedExperts", 0) >= 0)
    OR (("architecture" = 'dense' OR "architecture" IS NULL) AND "routedExperts" IS NULL AND "expertsPerToken" IS NULL AND "sharedExperts" IS NULL)
);
ALTER TABLE "Model" ADD CONSTRAINT "Model_open_weights_described_check" CHECK (
    NOT "openWeights" OR ("architecture" IS NOT NULL AND "licenseId" IS NOT NULL)
);
CREATE INDEX "Model_openWeights_releaseDate_idx" ON "Model"("openWeights", "releaseDate");

-- Adoption becomes a history (AdoptionSnapshot) instead of columns overwritten by each Hub run; the
-- figures already stored move there as one snapshot each.
CREATE TABLE "AdoptionSnapshot" (
    "id" SERIAL NOT NULL,
    "modelId" INTEGER NOT NULL,
    "repoId" TEXT NOT NULL,
    "takenOn" DATE NOT NULL,
    "downloads" INTEGER,
    "likes" INTEGER,
    "sourceKind" TEXT NOT NULL,
    "sourceUrl" TEXT NOT NULL,
    CONSTRAINT "AdoptionSnapshot_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "AdoptionSnapshot_nonnegative_check" CHECK ("downloads" >= 0 AND "likes" >= 0),
    CONSTRAINT "AdoptionSnapshot_has_figure_check" CHECK ("downloads" IS NOT NULL OR "likes" IS NOT NULL)
);
CREATE UNIQUE INDEX "AdoptionSnapshot_modelId_sourceKind_takenOn_key" ON "AdoptionSnapshot"("modelId", "sourceKind", "takenOn");
CREATE INDEX "AdoptionSnapshot_takenOn_idx" ON "AdoptionSnapshot"("takenOn");
ALTER TABLE "AdoptionSnapshot" ADD CONSTRAINT "AdoptionSnapshot_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "Model"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "AdoptionSnapshot" ADD CONSTRAINT "AdoptionSnapshot_sourceKind_fkey" FOREIGN KEY ("sourceKind") REFERENCES "SourceKind"("kind") ON DELETE RESTRICT ON UPDATE CASCADE;
INSERT INTO "AdoptionSnapshot" ("modelId", "repoId", "takenOn", "downloads", "likes", "sourceKind", "sourceUrl")
    SELECT "id", COALESCE("hfRepoId", ''), "adoptionAt"::date, "downloads", "likes", 'huggingface', "adoptionUrl"
    FROM "Model" WHERE "adoptionAt" IS NOT NULL AND ("downloads" IS NOT NULL OR "likes" IS NOT NULL) AND "adoptionUrl" IS NOT NULL;
ALTER TABLE "Model" DROP CONSTRAINT IF EXISTS "Model_adoption_nonnegative_check";
ALTER TABLE "Model" DROP CONSTRAINT IF EXISTS "Model_adoption_dated_check";
DROP INDEX IF EXISTS "Model_downloads_idx";
ALTER TABLE "Model" DROP COLUMN "downloads", DROP COLUMN "likes", DROP COLUMN "adoptionAt", DROP COLUMN "adoptionUrl";

CREATE TABLE "Benchmark" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "test" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "higherIsBetter" BOOLEAN NOT NULL,
    "setting" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    CONSTRAINT "Benchmark_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Benchmark_id_check" CHECK ("id" ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);

CREATE TABLE "Score" (
    "id" SERIAL NOT NULL,
    "modelId" INTEGER NOT NULL,
    "benchmarkId" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "metric" TEXT NOT NULL,
    "setting" TEXT NOT NULL,
    "measuredBy" TEXT NOT NULL,
    "evaluator" TEXT NOT NULL,
    "publishedOn" DATE NOT NULL,
    "sourceKind" TEXT NOT NULL,
    "sourceUrl" TEXT NOT NULL,
    "retrievedAt" TIMESTAMPTZ(3) NOT NULL,
    "ingestRunId" INTEGER,
    CONSTRAINT "Score_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Score_measuredBy_check" CHECK ("measuredBy" IN ('independent', 'developer')),
    CONSTRAINT "Score_value_finite_check" CHECK ("value" > '-Infinity'::float8 AND "value" < 'Infinity'::float8),
    CONSTRAINT "Score_source_url_check" CHECK ("sourceUrl" ~ '^https?://')
);
CREATE UNIQUE INDEX "Score_modelId_benchmarkId_sourceKind_evaluator_setting_key" ON "Score"("modelId", "benchmarkId", "sourceKind", "evaluator", "setting");
CREATE INDEX "Score_benchmarkId_value_idx" ON "Score"("benchmarkId", "value");
CREATE INDEX "Score_publishedOn_idx" ON "Score"("publishedOn");
ALTER TABLE "Score" ADD CONSTRAINT "Score_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "Model"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Score" ADD CONSTRAINT "Score_benchmarkId_fkey" FOREIGN KEY ("benchmarkId") REFERENCES "Benchmark"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Score" ADD CONSTRAINT "Score_sourceKind_fkey" FOREIGN KEY ("sourceKind") REFERENCES "SourceKind"("kind") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Score" ADD CONSTRAINT "Score_ingestRunId_fkey" FOREIGN KEY ("ingestRunId") REFERENCES "IngestRun"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "UsageDay" (
    "id" SERIAL NOT NULL,
    "day" DATE NOT NULL,
    "listing" TEXT NOT NULL,
    "modelId" INTEGER,
    "tokens" BIGINT NOT NULL,
    "sourceKind" TEXT NOT NULL,
    "sourceUrl" TEXT NOT NULL,
    "retrievedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "UsageDay_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "UsageDay_tokens_check" CHECK ("tokens" >= 0)
);
CREATE UNIQUE INDEX "UsageDay_sourceKind_day_listing_key" ON "UsageDay"("sourceKind", "day", "listing");
CREATE INDEX "UsageDay_modelId_day_idx" ON "UsageDay"("modelId", "day");
CREATE INDEX "UsageDay_day_idx" ON "UsageDay"("day");
ALTER TABLE "UsageDay" ADD CONSTRAINT "UsageDay_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "Model"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "UsageDay" ADD CONSTRAINT "UsageDay_sourceKind_fkey" FOREIGN KEY ("sourceKind") REFERENCES "SourceKind"("kind") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Responses are cached per data version (lib/response-cache.ts): every new table moves it too.
CREATE TRIGGER "Benchmark_bump_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Benchmark" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "Score_bump_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Score" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "UsageDay_bump_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "UsageDay" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "AdoptionSnapshot_bump_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "AdoptionSnapshot" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
