-- The name search (`q`) is a case-insensitive substring match on name, family and slug (ILIKE '%…%'),
-- which a b-tree cannot serve: at 100,000 models every search read the whole table. Trigram GIN indexes
-- serve ILIKE for patterns of three characters or more (shorter ones match too much for an index to
-- help). pg_trgm ships with PostgreSQL's contrib (Debian's postgresql package) and is a trusted
-- extension (a database owner may create it); the embedded database loads it (lib/embedded-db.ts).
-- Prisma's schema language cannot say gin_trgm_ops: these indexes live here only.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX "Model_name_trgm_idx" ON "Model" USING gin ("name" gin_trgm_ops);
CREATE INDEX "Model_family_trgm_idx" ON "Model" USING gin ("family" gin_trgm_ops);
CREATE INDEX "Model_slug_trgm_idx" ON "Model" USING gin ("slug" gin_trgm_ops);
