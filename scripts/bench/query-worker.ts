// A child process of the benchmark (one per database, so each starts with a fresh Prisma client):
//  1. the data-layer call (findModels and friends, in process) timed over many iterations, next to the
//     same query written by hand in SQL and run through `pg` (page query and count, in parallel, as the
//     data layer runs them);
//  2. the SQL the data layer actually sends, captured from Prisma's query log, run again under
//     EXPLAIN (ANALYZE, BUFFERS) with the same parameters.
// Usage: node --conditions=react-server --import tsx scripts/bench/query-worker.ts '<json options>'
// with DATABASE_URL set; prints one JSON object on stdout.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db";
import { findModels, listFilterOptions, loadFilterOptions } from "@/lib/data/models";
import { getModelBySlug } from "@/lib/data/model-detail";
import { loadStatRows } from "@/lib/data/stats";
import { parseModelQuery, type ModelQuery } from "@/lib/schemas/model-query";
import { BARE_SQL } from "./bare-sql";
import { round, summarize, type Summary } from "./stats";

export interface QueryWorkerOptions {
  iterations: number;
  warmup: number;
  /** Views timed through the data layer: name -> /models query string. */
  views: Record<string, string>;
  /** Views also timed as bare SQL (keys of BARE_SQL). */
  bare: string[];
  /** Heavier calls timed with fewer iterations. */
  heavyIterations: number;
  explain: boolean;
}

export interface ExplainedQuery {
  view: string;
  sql: string;
  params: unknown[];
  plan: string;
  seqScanOnModel: boolean;
  executionMs: number;
}

export interface QueryWorkerResult {
  dataLayer: Record<string, Summary & { total: number }>;
  bareSql: Record<string, Summary>;
  /** data layer p50 / bare SQL p50, and p95 / p95. */
  ratio: Record<string, { p50: number; p95: number }>;
  other: Record<string, Summary>;
  explain: ExplainedQuery[];
}

const options = JSON.parse(process.argv[2] ?? "{}") as QueryWorkerOptions;
const url = process.env.DATABASE_URL!;
const query = (qs: string): ModelQuery => {
  const { query: q, errors } = parseModelQuery(new URLSearchParams(qs));
  if (errors.length) throw new Error(`bad benchmark query ${qs}: ${JSON.stringify(errors)}`);
  return q;
};

async function time(n: number, warmup: number, run: () => Promise<unknown>): Promise<Summary> {
  for (let i = 0; i < warmup; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await run();
    samples.push(performance.now() - t0);
  }
  return summarize(samples);
}

const result: QueryWorkerResult = { dataLayer: {}, bareSql: {}, ratio: {}, other: {}, explain: [] };

// 1. Timing: the app's own client (getDb: DATABASE_URL, pool of DATABASE_POOL_SIZE) and a pg pool of the same size.
const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
for (const [name, qs] of Object.entries(options.views)) {
  const q = query(qs);
  const { total, data } = await findModels(q);
  const s = await time(options.iterations, options.warmup, () => findModels(q));
  result.dataLayer[name] = { ...s, total };
  if (options.bare.includes(name)) {
    const bare = BARE_SQL[name]!;
    // The hand-written SQL must find the same rows in the same order, or the comparison means nothing.
    const [page, count] = await Promise.all([pool.query(bare.page), pool.query(bare.count)]);
    const slugs = page.rows.map((r: { slug: string }) => r.slug);
    if (JSON.stringify(slugs) !== JSON.stringify(data.map((d) => d.slug)) || Number(count.rows[0].n) !== total) {
      throw new Error(`bare SQL of ${name} disagrees with the data layer: ${slugs.slice(0, 3)} vs ${data.slice(0, 3).map((d) => d.slug)}`);
    }
    const b = await time(options.iterations, options.warmup, () => Promise.all([pool.query(bare.page), pool.query(bare.count)]));
    result.bareSql[name] = b;
    result.ratio[name] = { p50: round(s.p50 / b.p50, 1), p95: round(s.p95 / b.p95, 1) };
  }
}
result.other["loadFilterOptions (/models filter form, read afresh)"] = await time(options.iterations, options.warmup, () => loadFilterOptions());
result.other["listFilterOptions (the same, kept per data version)"] = await time(options.iterations, options.warmup, () => listFilterOptions());
result.other["getModelBySlug(deepseek-v3)"] = await time(options.iterations, options.warmup, () => getModelBySlug("deepseek-v3"));
result.other["loadStatRows (dashboard /, every row)"] = await time(options.heavyIterations, 2, () => loadStatRows(query(""), null));
result.other["loadStatRows asOf=2025-01-01 (revision replay)"] = await time(Math.max(3, Math.floor(options.heavyIterations / 3)), 1, () => loadStatRows(query(""), "2025-01-01"));
await getDb().$disconnect();

// 2. EXPLAIN what the data layer sends: swap in a client that logs its queries (lib/db.ts keeps the one
// client of the process on globalThis.atlasPrisma, created on first use).
if (options.explain) {
  const captured: { sql: string; params: unknown[] }[] = [];
  const logging = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 2 }), log: [{ emit: "event", level: "query" }] });
  logging.$on("query", (e) => captured.push({ sql: e.query, params: JSON.parse(e.params) as unknown[] }));
  (globalThis as unknown as { atlasPrisma?: PrismaClient }).atlasPrisma = logging;
  const views: [string, () => Promise<unknown>][] = [
    ...Object.entries(options.views).map(([name, qs]) => [`findModels ${name} (${qs || "default"})`, () => findModels(query(qs))] as [string, () => Promise<unknown>]),
    ["loadFilterOptions", () => loadFilterOptions()],
    ["getModelBySlug(deepseek-v3)", () => getModelBySlug("deepseek-v3")],
    ["loadStatRows (dashboard)", () => loadStatRows(query(""), null)],
  ];
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  for (const [view, run] of views) {
    captured.length = 0;
    await run();
    for (const { sql, params } of [...captured]) {
      if (/^(BEGIN|COMMIT|ROLLBACK)/i.test(sql)) continue;
      const res = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
      const plan = res.rows.map((r: Record<string, string>) => r["QUERY PLAN"]).join("\n");
      const exec = /Execution Time: ([\d.]+) ms/.exec(plan);
      result.explain.push({ view, sql, params, plan, seqScanOnModel: /Seq Scan on "?Model"?(\s|$)/m.test(plan), executionMs: exec ? Number(exec[1]) : NaN });
    }
  }
  await client.end();
  await logging.$disconnect();
}
await pool.end();
process.stdout.write(JSON.stringify(result));
