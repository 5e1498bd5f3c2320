// npm run bench [-- --quick]: benchmark databases of 10,000 and 100,000 models (the curated dataset plus
// synthetic releases), ingestion through the write path against COPY, the app under load against a
// static-file ceiling, the data layer against bare SQL with EXPLAIN plans, page weight, Lighthouse,
// start-up time and a database restart under load. Results: bench/results/<timestamp>.json and tables on
// stdout; progress on stderr. See docs/decisions/008-benchmarks.md.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { applyMigrations } from "@/lib/migrate";
import { runMain } from "../cli";
import { buildBenchDatabase, copyComparison, countModels, databaseExists, databaseUrl, type BuildResult, type CopyResult } from "./databases";
import { measureFaults } from "./faults";
import { loadUrl, type LoadResult } from "./http-load";
import { runLighthouse } from "./lighthouse";
import { step } from "./log";
import { parseBenchArgs, type BenchOptions } from "./options";
import { measureHtml, measurePageWeight } from "./page-weight";
import type { QueryWorkerOptions, QueryWorkerResult } from "./query-worker";
import { checkTargets, formatResults, type BenchResults, type SizeResults } from "./report";
import { startApp, startStaticServer, type Server } from "./servers";
import { measureMisses, type MissResult } from "./misses";
import { measureStartup } from "./startup";
import { measureWritesUnderLoad } from "./writes";
import { round } from "./stats";

/** The views loaded over HTTP: the default and a filtered, sorted, paged one, as page and as API. */
const FILTERED = "country=CN&architecture=moe&sort=activeParams&page=3";
const HTTP_VIEWS: Record<string, string> = {
  "/models": "/models",
  [`/models?${FILTERED}`]: `/models?${FILTERED}`,
  "/api/v1/models": "/api/v1/models",
  [`/api/v1/models?${FILTERED}`]: `/api/v1/models?${FILTERED}`,
};
const QUERY_VIEWS: Record<string, string> = {
  default: "",
  filtered: FILTERED,
  "permissive, 128K+ context, by total": "license=permissive&minContext=128K&sort=totalParams",
  "US, permissive (linked from the dashboard)": "country=US&license=permissive",
  "org=deepseek": "org=deepseek",
  "q=qwen": "q=qwen",
  // The search (issue 15): ranked by relevance, every word must match, close spellings.
  "q=deepseek r1": "q=deepseek+r1",
  "q=llama 3.1 405b": "q=llama+3.1+405b",
  "q=deepsek r1 (close spelling)": "q=deepsek+r1",
  "q=deepseek (a developer's name)": "q=deepseek",
};
const WEIGHT_PAGES = ["/", "/models", "/models/deepseek-v3"];
/** The views timed as cache misses (issue 17's targets: the dashboard, /models, a model page, a search). */
const MISS_VIEWS = ["/", "/?license=permissive", "/models", `/models?${FILTERED}`, "/models/deepseek-v3", "/models/synthetic-000100", "/models?q=deepseek+r1", "/models?q=qwen", "/api/v1/models", "/api/v1/stats"];
/** Pages whose size or time grows with the database: each loaded once per size (they must answer 200). */
const SIZE_PAGES = [...WEIGHT_PAGES, "/orgs/deepseek", "/countries/CN", "/api/v1/models.csv"];

/** What the synthetic data depends on: when it changes, a kept database is stale. */
function datasetFingerprint(seed: number): string {
  const h = createHash("sha256").update(`seed ${seed}\n`);
  h.update(readFileSync("lib/bench/synthetic.ts")).update(readFileSync("scripts/bench/measures.ts"));
  for (const f of readdirSync("data/curated").sort()) h.update(f).update(readFileSync(path.join("data/curated", f)));
  return h.digest("hex").slice(0, 16);
}

async function databaseMark(serverUrl: string, name: string): Promise<string | null> {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try {
    const r = await c.query(`SELECT shobj_description(oid, 'pg_database') AS d FROM pg_database WHERE datname = $1`, [name]);
    return (r.rows[0]?.d as string | null) ?? null;
  } finally {
    await c.end();
  }
}

async function setDatabaseMark(serverUrl: string, name: string, mark: string): Promise<void> {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try {
    await c.query(`COMMENT ON DATABASE "${name}" IS '${mark.replace(/'/g, "''")}'`);
  } finally {
    await c.end();
  }
}

function runQueryWorker(url: string, options: QueryWorkerOptions): Promise<QueryWorkerResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.resolve("scripts/bench/query-worker.ts"), JSON.stringify(options)], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (b: Buffer) => (out += b.toString()));
    child.stderr.on("data", (b: Buffer) => (err = (err + b.toString()).slice(-4000)));
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`query worker exited with ${code}: ${err}`));
      try {
        resolve(JSON.parse(out) as QueryWorkerResult);
      } catch (e) {
        reject(new Error(`query worker output unreadable: ${(e as Error).message}: ${out.slice(0, 200)} ${err}`));
      }
    });
  });
}

async function loadView(base: string, view: string, o: BenchOptions): Promise<LoadResult> {
  if (o.warmupS > 0) await loadUrl(base + view, { durationS: o.warmupS });
  step(`  ${view}: 32 connections for ${o.durationS} s`);
  const r = await loadUrl(base + view, { durationS: o.durationS });
  step(`  ${view}: ${r.requestsPerSec} req/s, p50 ${r.latencyMs.p50} ms, p99 ${r.latencyMs.p99} ms, ${r.errors + r.timeouts} errors, ${r.non2xx} non-2xx`);
  return r;
}

/** The ceiling: the app's /models HTML, as a file, from a plain node:http server, while `run` runs. */
async function withCeiling<T>(app: Server, o: BenchOptions, run: (ceiling: Server) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "atlas-bench-static-"));
  const file = path.join(dir, "models.html");
  writeFileSync(file, Buffer.from(await (await fetch(`${app.url}/models`)).arrayBuffer()));
  const staticServer = await startStaticServer(file, o.basePort + 9);
  try {
    return await run(staticServer);
  } finally {
    await staticServer.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function httpSection(app: Server, o: BenchOptions): Promise<NonNullable<SizeResults["http"]>> {
  const views: Record<string, LoadResult> = {};
  for (const [name, view] of Object.entries(HTTP_VIEWS)) views[name] = await loadView(app.url, view, o);
  const ceiling = await withCeiling(app, o, (s) => loadView(s.url, "/models", o));
  const ratio = Object.fromEntries(Object.entries(views).map(([k, v]) => [k, round(v.requestsPerSec / ceiling.requestsPerSec, 3)]));
  return { views, ceiling, ratio };
}

/** Cache misses: a second app on the same database with its response cache off, next to the cached one. */
async function missesSection(app: Server, url: string, o: BenchOptions): Promise<MissResult> {
  const uncached = await startApp(url, o.basePort + 5, { ATLAS_RESPONSE_CACHE: "off" });
  try {
    return await withCeiling(app, o, (ceiling) => measureMisses({ uncached, cached: app, ceiling, databaseUrl: url, views: MISS_VIEWS, requests: o.quick ? 10 : 30 }));
  } finally {
    await uncached.stop();
  }
}

function gitInfo(): { commit: string; dirty: boolean } {
  try {
    const commit = execFileSync("git", ["rev-parse", "HEAD"], { encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain"], { encoding: "utf8" }).trim().length > 0;
    return { commit, dirty };
  } catch {
    return { commit: "unknown", dirty: false };
  }
}

async function machineInfo(serverUrl: string): Promise<Record<string, unknown>> {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  const version = (await c.query("SHOW server_version")).rows[0].server_version as string;
  await c.end();
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    node: process.versions.node,
    postgres: `PostgreSQL ${version}`,
    platform: `${os.type()} ${os.release()}`,
    loadAverageAtStart: os.loadavg().map((x) => x.toFixed(2)).join(" "),
  };
}

await runMain(async () => {
  const o = parseBenchArgs(process.argv.slice(2));
  const t0 = Date.now();
  const startedAt = new Date().toISOString();
  const results: BenchResults = {
    startedAt,
    mode: o.quick ? "quick" : "full",
    command: `npm run bench -- ${process.argv.slice(2).join(" ")}`.trim(),
    machine: await machineInfo(o.serverUrl),
    git: gitInfo(),
    sizes: {},
    targets: [],
    errors: [],
  };
  const has = (s: BenchOptions["only"][number]) => o.only.includes(s);
  if (o.build) {
    step("next build");
    const r = spawnSync(path.resolve("node_modules/.bin/next"), ["build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (r.status !== 0) throw new Error("next build failed");
  }
  const resultsDir = path.resolve("bench/results");
  mkdirSync(resultsDir, { recursive: true });
  const resultsFile = path.join(resultsDir, `${startedAt.replace(/[:.]/g, "-")}.json`);
  const save = () => {
    results.finishedAt = new Date().toISOString();
    results.durationS = Math.round((Date.now() - t0) / 1000);
    results.targets = checkTargets(results);
    writeFileSync(resultsFile, JSON.stringify(results, null, 2));
  };
  const attempt = async (what: string, run: () => Promise<void>) => {
    try {
      await run();
    } catch (e) {
      const message = `${what}: ${(e as Error).message}`;
      results.errors.push(message);
      step(`FAILED ${message}`);
    }
    save();
  };

  const fingerprint = datasetFingerprint(o.seed);
  // Start-up and faults make their own databases: run alone, they need no benchmark database built.
  const needsDatabases = o.only.some((s) => s !== "startup" && s !== "faults");
  const sorted = needsDatabases ? [...o.sizes].sort((a, b) => a - b) : [];
  for (const [index, size] of sorted.entries()) {
    const label = size % 1000 === 0 ? `${size / 1000}k` : String(size);
    const name = `${o.dbPrefix}${label}`;
    const url = databaseUrl(o.serverUrl, name);
    const sr: SizeResults = { models: size, database: name };
    results.sizes[label] = sr;
    const mark = `atlas bench ${fingerprint} models=${size} complete`;
    const complete = (await databaseExists(o.serverUrl, name)) && (await databaseMark(o.serverUrl, name)) === mark;
    const rebuild = !complete || o.rebuild || (has("ingest") && !o.quick && !o.reuse);
    if (rebuild) {
      let built: (BuildResult & { copy?: CopyResult }) | null = null;
      await attempt(`build ${name}`, async () => {
        step(`${name}: building (${size} models)`);
        built = await buildBenchDatabase(o.serverUrl, name, size, { seed: o.seed, batchSize: 500 });
        await setDatabaseMark(o.serverUrl, name, mark);
        sr.ingest = built;
      });
      if (!built) continue;
      if (has("ingest")) {
        await attempt(`COPY comparison at ${label}`, async () => {
          (sr.ingest as BuildResult & { copy?: CopyResult }).copy = await copyComparison(o.serverUrl, url, `${o.dbPrefix}copy`, built!.writePath);
        });
      }
    } else {
      step(`${name}: reusing the complete database (${await countModels(url)} models); migrations applied`);
      await applyMigrations(url);
      if (has("ingest")) sr.ingest = { reused: true };
    }

    if (has("query")) {
      await attempt(`query at ${label}`, async () => {
        step(`${name}: data layer against bare SQL (${o.queryIterations} iterations per view), EXPLAIN`);
        sr.query = await runQueryWorker(url, { iterations: o.queryIterations, warmup: 20, views: QUERY_VIEWS, bare: ["default", "filtered"], heavyIterations: o.quick ? 5 : 10, explain: true });
      });
    }

    const largest = index === sorted.length - 1;
    if (has("http") || has("misses") || (largest && (has("weight") || has("lighthouse")))) {
      let app: Server | null = null;
      await attempt(`app at ${label}`, async () => {
        app = await startApp(url, o.basePort + index);
      });
      if (!app) continue;
      const running: Server = app;
      try {
        if (has("http")) await attempt(`http at ${label}`, async () => {
          step(`${name}: HTTP load`);
          sr.http = await httpSection(running, o);
        });
        if (has("misses")) await attempt(`misses at ${label}`, async () => {
          step(`${name}: cache misses`);
          sr.misses = await missesSection(running, url, o);
        });
        await attempt(`html at ${label}`, async () => {
          sr.html = [];
          for (const p of SIZE_PAGES) sr.html.push(await measureHtml(running.url, p));
        });
        if (largest && has("weight")) await attempt("page weight", async () => {
          step(`page weight of ${WEIGHT_PAGES.join(", ")}`);
          results.weight = [];
          for (const p of WEIGHT_PAGES) results.weight.push(await measurePageWeight(running.url, p));
        });
        if (largest && has("lighthouse")) await attempt("lighthouse", async () => {
          results.lighthouse = [];
          // Quick: /models on mobile only (the dashboard alone takes Lighthouse one to two minutes).
          for (const preset of o.quick ? (["mobile"] as const) : (["mobile", "desktop"] as const)) {
            for (const p of o.quick ? ["/models"] : WEIGHT_PAGES) {
              step(`lighthouse ${preset} ${p}`);
              results.lighthouse.push(await runLighthouse(running.url + p, preset));
            }
          }
        });
      } finally {
        await running.stop();
      }
    }
  }

  if (has("writes") && sorted.length) await attempt("writes under load", async () => {
    const largest = sorted.at(-1)!;
    const template = Object.values(results.sizes).find((s) => s.models === largest)!.database;
    results.writes = await measureWritesUnderLoad({
      serverUrl: o.serverUrl, template, name: `${o.dbPrefix}writes`, port: o.basePort + 6, add: 10_000, connections: 32, readBeforeS: o.quick ? 3 : 5, readAfterS: o.quick ? 5 : 10,
    });
  });
  if (has("startup")) await attempt("startup", async () => {
    results.startup = await measureStartup(o.basePort + 7, o.quick ? 1 : 3);
  });
  if (has("faults")) await attempt("faults", async () => {
    results.faults = await measureFaults({ appPort: o.basePort + 8, pgPort: Number(process.env.BENCH_FAULTS_PG_PORT ?? 55432), totalS: o.quick ? 25 : 40, downAtS: o.quick ? 6 : 10, downS: o.quick ? 8 : 12 });
  });

  results.machine.loadAverageAtEnd = os.loadavg().map((x) => x.toFixed(2)).join(" ");
  save();
  console.log(formatResults(results));
  console.log(`\nresults: ${path.relative(process.cwd(), resultsFile)}`);
  if (results.errors.length) process.exitCode = 1;
});
