// Benchmark databases on a PostgreSQL server: the curated dataset plus synthetic releases, loaded through
// the write path (timed), the same rows bulk-loaded with COPY into fresh tables (timed), and a re-run with
// no changes (timed). Never the app's own database: every name starts with atlas_bench_.
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { createPrismaClient } from "@/lib/db";
import { profileOf, syntheticRecord, type SyntheticProfile } from "@/lib/bench/synthetic";
import { finishIngestRun, startIngestRun } from "@/lib/data/ingest-runs";
import { createModels, listModelSlugs, readModels, writeModel, type FieldInputs, type NewModel, type Tx } from "@/lib/data/write-path";
import { MODEL_FIELDS } from "@/lib/domain/model-fields";
import { loadCuratedDataset } from "@/lib/ingest/curated/dataset";
import { ingestCurated } from "@/lib/ingest/curated/run";
import { applyMigrations } from "@/lib/migrate";
import { counter, step } from "./log";
import { addBenchMeasures } from "./measures";
import { round, since } from "./stats";

export const CURATED_DIR = path.resolve("data/curated");

export function databaseUrl(serverUrl: string, name: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(serverUrl: string, run: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try {
    return await run(c);
  } finally {
    await c.end();
  }
}

function assertBenchName(name: string) {
  if (!/^atlas_bench_[a-z0-9_]+$/.test(name)) throw new Error(`refusing to touch database ${name}: benchmark databases are named atlas_bench_*`);
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  assertBenchName(name);
  await admin(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** A new, empty, migrated database (an old one of the same name is dropped). */
export async function recreateDatabase(serverUrl: string, name: string): Promise<string> {
  await dropDatabase(serverUrl, name);
  await admin(serverUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  const url = databaseUrl(serverUrl, name);
  await applyMigrations(url);
  return url;
}

export async function databaseExists(serverUrl: string, name: string): Promise<boolean> {
  return admin(serverUrl, async (c) => (await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount === 1);
}

export async function countModels(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return Number((await c.query(`SELECT count(*) AS n FROM "Model"`)).rows[0].n);
  } finally {
    await c.end();
  }
}

export async function loadProfile(): Promise<{ profile: SyntheticProfile; curatedModels: number }> {
  const dataset = await loadCuratedDataset(CURATED_DIR, new Date().toISOString().slice(0, 10));
  if (dataset.errors.length) throw new Error(`data/curated has ${dataset.errors.length} problems: run npm run data:check`);
  return { profile: profileOf(dataset.models), curatedModels: dataset.models.length };
}

export interface LoadTiming {
  records: number;
  ms: number;
  perSecond: number;
  outcomes: Record<string, number>;
}

/**
 * Synthetic records [0, count) through the write path, `batchSize` models per transaction, as one ingest
 * run (kind curated: the write path's most complete case, every field with a source): new models through
 * `createModels` (the bulk path the curated load uses), existing ones through `writeModel`.
 */
export async function loadThroughWritePath(
  url: string,
  profile: SyntheticProfile,
  count: number,
  options: { batchSize: number; seed: number; label: string; from?: number; oneTransaction?: boolean },
): Promise<LoadTiming> {
  const db = createPrismaClient(url, 2);
  const outcomes: Record<string, number> = { created: 0, updated: 0, unchanged: 0 };
  const from = options.from ?? 0;
  try {
    const runId = await startIngestRun(db, "curated");
    const batch = { kind: "curated" as const, retrievedAt: new Date(), reason: "synthetic benchmark data", ingestRunId: runId };
    const progress = counter(options.label);
    const t0 = performance.now();
    const stored = await listModelSlugs(db);
    const loadBatch = async (tx: Tx, start: number, end: number) => {
      const fresh: NewModel[] = [];
      const again: NewModel[] = [];
      for (let i = start; i < end; i++) {
        const r = syntheticRecord(i, profile, options.seed);
        const inputs: FieldInputs = {};
        for (const field of MODEL_FIELDS) (inputs as Record<string, unknown>)[field] = { value: r.values[field], url: r.sources[field] };
        (stored.has(r.slug) ? again : fresh).push({ slug: r.slug, inputs, notes: null });
      }
      // Stored ones: read in one query, then each through writeModel, as the curated load does.
      const rows = again.length ? await readModels(tx, again.map((m) => m.slug)) : new Map();
      for (const m of again) {
        const result = await writeModel(tx, m.slug, m.inputs, batch, { notes: null, existing: rows.get(m.slug) ?? null });
        outcomes[result.outcome] = (outcomes[result.outcome] ?? 0) + 1;
      }
      outcomes.created! += await createModels(tx, fresh, batch);
      progress(end - from, count);
    };
    const batches: [number, number][] = [];
    for (let start = from; start < from + count; start += options.batchSize) batches.push([start, Math.min(from + count, start + options.batchSize)]);
    const long = { timeout: 30 * 60_000, maxWait: 60_000 };
    // One transaction for the whole run, as the curated load is (readers see all of it or none), or one per batch.
    if (options.oneTransaction) {
      await db.$transaction(async (tx) => {
        for (const [start, end] of batches) await loadBatch(tx, start, end);
      }, long);
    } else {
      for (const [start, end] of batches) await db.$transaction((tx) => loadBatch(tx, start, end), long);
    }
    const ms = since(t0);
    await finishIngestRun(db, runId, "succeeded", { created: outcomes.created!, updated: outcomes.updated!, unchanged: outcomes.unchanged!, failed: 0, disagreements: 0 }, null);
    return { records: count, ms: round(ms, 0), perSecond: round((count / ms) * 1000, 0), outcomes };
  } finally {
    await db.$disconnect();
  }
}

export interface BuildResult {
  name: string;
  url: string;
  models: number;
  curated: { models: number; ms: number };
  writePath: LoadTiming;
  rerun: LoadTiming;
  tableRows: Record<string, number>;
}

const TABLES = ["Model", "ModelDeveloper", "FieldSource", "Revision"] as const;

async function tableCounts(url: string): Promise<Record<string, number>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const out: Record<string, number> = {};
    for (const t of TABLES) out[t] = Number((await c.query(`SELECT count(*) AS n FROM "${t}"`)).rows[0].n);
    return out;
  } finally {
    await c.end();
  }
}

/** Builds (or rebuilds) atlas_bench_<label>: curated dataset, then synthetic releases up to `size` models. */
export async function buildBenchDatabase(serverUrl: string, name: string, size: number, options: { seed: number; batchSize: number }): Promise<BuildResult> {
  const { profile } = await loadProfile();
  step(`${name}: creating the database`);
  const url = await recreateDatabase(serverUrl, name);
  const db = createPrismaClient(url, 2);
  let curated: { models: number; ms: number };
  try {
    const t0 = performance.now();
    const s = await ingestCurated(db, CURATED_DIR);
    curated = { models: s.created, ms: round(since(t0), 0) };
  } finally {
    await db.$disconnect();
  }
  const synthetic = size - curated.models;
  step(`${name}: ${curated.models} curated models in ${(curated.ms / 1000).toFixed(1)} s; ${synthetic} synthetic through the write path`);
  const writePath = await loadThroughWritePath(url, profile, synthetic, { ...options, label: "write path" });
  step(`${name}: VACUUM ANALYZE`);
  await vacuumAnalyze(url);
  step(`${name}: re-run with no changes`);
  const rerun = await loadThroughWritePath(url, profile, synthetic, { ...options, label: "re-run" });
  if (rerun.outcomes.unchanged !== synthetic) throw new Error(`the re-run changed something: ${JSON.stringify(rerun.outcomes)}`);
  step(`${name}: scores, usage and adoption`);
  const measures = await addBenchMeasures(url);
  step(`${name}: ${JSON.stringify(measures)}`);
  await vacuumAnalyze(url);
  return { name, url, models: size, curated, writePath, rerun, tableRows: await tableCounts(url) };
}

export async function vacuumAnalyze(url: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query("VACUUM ANALYZE");
  } finally {
    await c.end();
  }
}

export interface CopyResult {
  models: number;
  rows: Record<string, number>;
  msPerTable: Record<string, number>;
  ms: number;
  modelsPerSecond: number;
  /** Write-path time over COPY time for the same models and rows (1 = as fast as COPY). */
  ratio: number;
  modelTableOnlyRatio: number;
}

/**
 * The synthetic rows the write path stored (models, developers, sources, revisions), exported untimed to
 * files, then loaded with COPY FROM STDIN into a fresh migrated database (indexes and constraints in
 * place, like the write path has them), timed, in one transaction.
 */
export async function copyComparison(serverUrl: string, sourceUrl: string, targetName: string, writePath: LoadTiming): Promise<CopyResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "atlas-bench-copy-"));
  const source = new pg.Client({ connectionString: sourceUrl });
  await source.connect();
  const targetUrl = await recreateDatabase(serverUrl, targetName);
  const target = new pg.Client({ connectionString: targetUrl });
  await target.connect();
  try {
    const synthetic = `(SELECT id FROM "Model" WHERE slug LIKE 'synthetic-%')`;
    // The stored columns only: COPY FROM cannot write generated ones (the searchText of Model and Organization).
    const columns = new Map<string, string>();
    for (const t of ["License", "Organization", "IngestRun", ...TABLES]) {
      const r = await source.query(`SELECT string_agg(format('%I', column_name), ', ' ORDER BY ordinal_position) AS list FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER'`, [t]);
      columns.set(t, r.rows[0].list as string);
    }
    const select = (t: string) => `SELECT ${columns.get(t)} FROM "${t}"`;
    const exports: Record<string, string> = {
      License: select("License"),
      Organization: select("Organization"),
      IngestRun: select("IngestRun"),
      Model: `${select("Model")} WHERE id IN ${synthetic} ORDER BY id`,
      ModelDeveloper: `${select("ModelDeveloper")} WHERE "modelId" IN ${synthetic}`,
      FieldSource: `${select("FieldSource")} WHERE "modelId" IN ${synthetic} ORDER BY id`,
      Revision: `${select("Revision")} WHERE "modelId" IN ${synthetic} ORDER BY id`,
    };
    step(`COPY: exporting the synthetic rows to ${dir}`);
    const rows: Record<string, number> = {};
    for (const [table, sql] of Object.entries(exports)) {
      await pipeline(source.query(copyTo(`COPY (${sql}) TO STDOUT`)), createWriteStream(path.join(dir, `${table}.tsv`)));
      rows[table] = Number((await source.query(`SELECT count(*) AS n FROM (${sql}) x`)).rows[0].n);
    }
    const copyIn = (table: string) => pipeline(createReadStream(path.join(dir, `${table}.tsv`)), target.query(copyFrom(`COPY "${table}" (${columns.get(table)}) FROM STDIN`)));
    // Reference rows first, untimed: the write path found them in place too.
    for (const t of ["License", "Organization", "IngestRun"]) await copyIn(t);

    step(`COPY: loading ${rows.Model} models and their rows into ${targetName}`);
    const msPerTable: Record<string, number> = {};
    const t0 = performance.now();
    await target.query("BEGIN");
    for (const t of TABLES) {
      const t1 = performance.now();
      await copyIn(t);
      msPerTable[t] = round(since(t1), 0);
    }
    await target.query("COMMIT");
    const ms = round(since(t0), 0);
    const models = rows.Model!;
    return {
      models,
      rows: Object.fromEntries(TABLES.map((t) => [t, rows[t]!])),
      msPerTable,
      ms,
      modelsPerSecond: round((models / ms) * 1000, 0),
      ratio: round(writePath.ms / ms, 1),
      modelTableOnlyRatio: round(writePath.ms / msPerTable.Model!, 1),
    };
  } finally {
    await source.end();
    await target.end();
    rmSync(dir, { recursive: true, force: true });
    await dropDatabase(serverUrl, targetName);
  }
}
