-- Search that matches how people type (issue 15): "deepseek r1" finds "DeepSeek-R1". Every searched text
-- is compared in one normal form, `atlas_search_norm`: ASCII letters lower-cased, every other ASCII
-- character that is not a letter or digit (spaces, hyphens, dots, slashes, underscores...) dropped,
-- anything else kept. lib/domain/search.ts `normalizeSearch` is the same function in TypeScript (its
-- unit test and tests/integration/search.test.ts hold the two together). `translate` and `regexp_replace`
-- do not depend on the locale, so the function is IMMUTABLE and may feed generated columns and indexes.
CREATE FUNCTION atlas_search_norm(s text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN regexp_replace(translate(s, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), '[\x01-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]+', '', 'g');

-- What a query's words are looked for in: the record's name, family, slug and Hugging Face repo id, each
-- normalized, separated by a space (so that no word matches across two of them). Generated columns: the
-- write path never writes them and they are never out of date. The developer's name and slug are the
-- organization's own generated column; lib/data/search.ts ORs the two per word.
ALTER TABLE "Model" ADD COLUMN "searchText" text GENERATED ALWAYS AS (
  atlas_search_norm("name") || ' ' || atlas_search_norm("family") || ' ' || atlas_search_norm("slug") || ' ' || coalesce(atlas_search_norm("hfRepoId"), '')
) STORED;
ALTER TABLE "Organization" ADD COLUMN "searchText" text GENERATED ALWAYS AS (
  atlas_search_norm("name") || ' ' || atlas_search_norm("slug")
) STORED;

-- Each word is a substring test (LIKE '%word%'), which trigram indexes serve for words of three
-- characters or more; the close-spelling tier compares the whole query with the normalized name by
-- trigram similarity (the `%` operator), served by the expression index.
CREATE INDEX "Model_searchText_trgm_idx" ON "Model" USING gin ("searchText" gin_trgm_ops);
CREATE INDEX "Model_name_norm_trgm_idx" ON "Model" USING gin (atlas_search_norm("name") gin_trgm_ops);
