-- Indexes that match the rankings' ORDER BY exactly (the sort column, missing values last either way, then
-- the slug as tie-break), so a page of a sorted view reads its rows in index order and stops: no sort of
-- the whole table at 100,000 models. The descending ones need NULLS LAST spelled out (a plain index read
-- backwards puts NULLs first), which Prisma's schema language cannot say: they live here only.

DROP INDEX "Model_releaseDate_idx";
DROP INDEX "Model_totalParams_idx";
DROP INDEX "Model_activeParams_idx";
DROP INDEX "Model_contextWindow_idx";

CREATE INDEX "Model_releaseDate_slug_idx" ON "Model"("releaseDate", "slug");
CREATE INDEX "Model_releaseDate_desc_slug_idx" ON "Model"("releaseDate" DESC, "slug");
CREATE INDEX "Model_totalParams_slug_idx" ON "Model"("totalParams", "slug");
CREATE INDEX "Model_totalParams_desc_slug_idx" ON "Model"("totalParams" DESC NULLS LAST, "slug");
CREATE INDEX "Model_activeParams_slug_idx" ON "Model"("activeParams", "slug");
CREATE INDEX "Model_activeParams_desc_slug_idx" ON "Model"("activeParams" DESC NULLS LAST, "slug");
CREATE INDEX "Model_contextWindow_slug_idx" ON "Model"("contextWindow", "slug");
CREATE INDEX "Model_contextWindow_desc_slug_idx" ON "Model"("contextWindow" DESC NULLS LAST, "slug");
CREATE INDEX "Model_name_slug_idx" ON "Model"("name", "slug");
