// Scores, usage and adoption in the benchmark databases (issue 17): the shipped ones and synthetic ones at
// the scale of the synthetic releases. Its own file: the benchmark database is rebuilt when it changes.
import { readFileSync } from "node:fs";
import pg from "pg";
import { createPrismaClient } from "@/lib/db";
import { ingestLlmfitSnapshot } from "@/lib/ingest/llmfit/run";
import { ingestOpenRouter, parseRecordedDaily } from "@/lib/ingest/openrouter/run";
import { ingestScores } from "@/lib/ingest/scores/run";
import { SHIPPED } from "@/lib/ingest/shipped-sources";

/**
 * Synthetic scores, usage and adoption, at the scale of the synthetic releases (issue 17: the cache-miss
 * targets hold with them in the data). Drawn in SQL from each record's slug (hashtextextended), so the
 * same on every build: about 10% of the synthetic models have scores (about 4 of the registry's
 * benchmarks each, as the curated models with scores have), about 50 are OpenRouter listings on each of
 * the recorded 90 days (the real file has about 50 a day), and every synthetic model with a repository
 * has a monthly Hugging Face snapshot from June to August 2026 (a quarter of them from their release on). Source URLs are under
 * https://example.invalid/, evaluators "Synthetic benchmark data".
 */
const SYNTHETIC_MEASURES_SQL = `
INSERT INTO "Score" ("modelId", "benchmarkId", "value", "metric", "setting", "measuredBy", "evaluator", "publishedOn", "sourceKind", "sourceUrl", "retrievedAt")
SELECT m.id, b.id, round((20 + (abs(hashtextextended(m.slug || b.id, 1)) % 7000) / 100.0)::numeric, 1)::float8, 'accuracy', '',
  CASE WHEN abs(hashtextextended(m.slug || b.id, 2)) % 2 = 0 THEN 'developer' ELSE 'independent' END, 'Synthetic benchmark data',
  LEAST(m."releaseDate" + 14, DATE '2026-08-31'), 'curated', 'https://example.invalid/synthetic/' || m.slug, now()
FROM "Model" m JOIN "Benchmark" b ON abs(hashtextextended(m.slug || b.id, 3)) % 8 = 0
WHERE m.slug LIKE 'synthetic-%' AND abs(hashtextextended(m.slug, 4)) % 10 = 0;

INSERT INTO "UsageDay" ("day", "listing", "modelId", "tokens", "sourceKind", "sourceUrl", "retrievedAt")
SELECT d::date, 'synthetic/' || m.slug, m.id, 1000000 + abs(hashtextextended(m.slug || d::text, 5)) % 5000000000, 'openrouter',
  'https://example.invalid/synthetic/openrouter', now()
FROM "Model" m CROSS JOIN generate_series(DATE '2026-05-24', DATE '2026-08-21', interval '1 day') d
WHERE m.slug LIKE 'synthetic-%' AND abs(hashtextextended(m.slug, 6)) % 2000 = 0 AND m."releaseDate" <= d::date;

INSERT INTO "AdoptionSnapshot" ("modelId", "repoId", "takenOn", "downloads", "likes", "sourceKind", "sourceUrl")
SELECT m.id, m."hfRepoId", t::date, abs(hashtextextended(m.slug || t::text, 7)) % 2000000, abs(hashtextextended(m.slug || t::text, 8)) % 5000,
  'huggingface', 'https://example.invalid/synthetic/hf/' || m.slug
FROM "Model" m CROSS JOIN generate_series(DATE '2023-01-01', DATE '2026-08-01', interval '1 month') t
WHERE m.slug LIKE 'synthetic-%' AND m."hfRepoId" IS NOT NULL AND m."releaseDate" <= t::date
  AND (abs(hashtextextended(m.slug, 9)) % 4 = 0 OR t::date >= DATE '2026-06-01');
`;

/** The shipped scores, usage and adoption (the real ingesters, as a first start runs them), then the synthetic ones. */
export async function addBenchMeasures(url: string): Promise<Record<string, number>> {
  const db = createPrismaClient(url, 2);
  try {
    await ingestScores(db, {
      benchmarks: SHIPPED.benchmarks, epochDir: SHIPPED.epochBenchmarks, epochMap: SHIPPED.epochModelMap,
      modelsdevDir: SHIPPED.modelsdev, cardsDir: SHIPPED.cardScores, exclusions: SHIPPED.exclusions,
    });
    await ingestOpenRouter(db, { days: parseRecordedDaily(readFileSync(SHIPPED.openrouter, "utf8")), mapFile: SHIPPED.openrouterMap });
    await ingestLlmfitSnapshot(db, { file: SHIPPED.hfAdoption });
  } finally {
    await db.$disconnect();
  }
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query("BEGIN");
    await c.query(SYNTHETIC_MEASURES_SQL);
    await c.query("COMMIT");
    const out: Record<string, number> = {};
    for (const t of ["Score", "UsageDay", "AdoptionSnapshot"]) out[t] = Number((await c.query(`SELECT count(*) AS n FROM "${t}"`)).rows[0].n);
    return out;
  } finally {
    await c.end();
  }
}

