// The database restarted under load. A throwaway PostgreSQL cluster of our own (never the machine's shared
// server), the app on it, load on /models and /api/v1/models, and a probe that reads every answer; the
// cluster is stopped mid-run and started again. Expected: while it is down the API answers 503 JSON and
// pages an error page, quickly (no hang), the app process never dies, and it serves 200s again by itself.
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createPrismaClient } from "@/lib/db";
import { ingestCurated } from "@/lib/ingest/curated/run";
import { applyMigrations } from "@/lib/migrate";
import { CURATED_DIR } from "./databases";
import { loadUrl, type LoadResult } from "./http-load";
import { sleep, step } from "./log";
import { startApp } from "./servers";
import { round } from "./stats";

const PG_BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";

interface Cluster {
  url: string;
  stop(mode?: "fast" | "immediate"): void;
  start(): void;
  remove(): void;
}

/** initdb + pg_ctl on `port`, in a temporary folder, as the postgres user when we are root (initdb refuses root). */
function createCluster(port: number): Cluster {
  const dir = mkdtempSync(path.join(os.tmpdir(), "atlas-bench-pg-"));
  const data = path.join(dir, "data");
  const asRoot = process.getuid?.() === 0;
  const run = (bin: string, args: string[]) => {
    const cmd = [path.join(PG_BIN, bin), ...args];
    const r = asRoot
      ? spawnSync("su", ["postgres", "-c", cmd.map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ")], { encoding: "utf8" })
      : spawnSync(cmd[0]!, cmd.slice(1), { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`${bin} failed: ${r.stderr || r.stdout}`);
  };
  if (asRoot) {
    const pw = execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim();
    const gid = execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim();
    chownSync(dir, Number(pw), Number(gid));
  }
  run("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync"]);
  const start = () => run("pg_ctl", ["-D", data, "-l", path.join(dir, "log"), "-w", "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, "start"]);
  start();
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    stop: (mode = "fast") => run("pg_ctl", ["-D", data, "-w", "-m", mode, "stop"]),
    start,
    remove() {
      if (existsSync(path.join(data, "postmaster.pid"))) {
        try {
          run("pg_ctl", ["-D", data, "-w", "-m", "immediate", "stop"]);
        } catch {
          // already stopped
        }
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

interface Probe {
  atMs: number;
  path: string;
  status: number;
  ms: number;
  contentType: string;
  body: string;
}

export interface FaultResult {
  downAtMs: number;
  upAtMs: number;
  load: { api: LoadResult; page: LoadResult };
  /** Answers of the probes sent while the server was down (from 1 s after the stop to the start). */
  whileDown: { api: Record<string, number>; page: Record<string, number>; apiJson503: boolean; pageErrorHtml: boolean; maxMs: number };
  /** From the start of the server to the first probe round answered 200 on both paths (after which every probe was 200). */
  recoveredAfterMs: number | null;
  maxProbeMs: number;
  appAlive: boolean;
  /** Probe answers per second of the run: e.g. { "12": ["api 503", "page 500"] }. */
  timeline: Record<string, string[]>;
  sampleBodies: { apiWhileDown: string | null; pageWhileDown: string | null };
  passed: boolean;
  problems: string[];
}

export async function measureFaults(options: { appPort: number; pgPort: number; totalS: number; downAtS: number; downS: number }): Promise<FaultResult> {
  step(`faults: a throwaway PostgreSQL cluster on :${options.pgPort}`);
  const cluster = createCluster(options.pgPort);
  let app: Awaited<ReturnType<typeof startApp>> | null = null;
  try {
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE atlas_bench_faults`);
    await admin.end();
    const url = cluster.url.replace(/\/postgres$/, "/atlas_bench_faults");
    await applyMigrations(url);
    const db = createPrismaClient(url, 2);
    await ingestCurated(db, CURATED_DIR);
    await db.$disconnect();
    app = await startApp(url, options.appPort);
    const base = app.url;

    const t0 = performance.now();
    const now = () => performance.now() - t0;
    const probes: Probe[] = [];
    let probing = true;
    const probe = async (p: string) => {
      const at = now();
      try {
        const res = await fetch(base + p, { signal: AbortSignal.timeout(30_000) });
        const body = await res.text();
        probes.push({ atMs: at, path: p, status: res.status, ms: now() - at, contentType: res.headers.get("content-type") ?? "", body: body.slice(0, 400) });
      } catch (e) {
        probes.push({ atMs: at, path: p, status: 0, ms: now() - at, contentType: "", body: String((e as Error).cause ?? e) });
      }
    };
    const prober = (async () => {
      while (probing) {
        await Promise.all([probe("/api/v1/models?page=2"), probe("/models?page=2")]);
        await sleep(250);
      }
    })();

    let downAtMs = 0;
    let upAtMs = 0;
    const fault = (async () => {
      await sleep(options.downAtS * 1000);
      step("faults: stopping the database server (pg_ctl stop -m fast)");
      cluster.stop("fast");
      downAtMs = now();
      await sleep(options.downS * 1000);
      step("faults: starting the database server again");
      cluster.start();
      upAtMs = now();
    })();
    step(`faults: load for ${options.totalS} s on /api/v1/models and /models (16 connections each); server down from ${options.downAtS} s for ${options.downS} s`);
    const [api, page] = await Promise.all([
      loadUrl(`${base}/api/v1/models`, { connections: 16, durationS: options.totalS, timeoutS: 20 }),
      loadUrl(`${base}/models`, { connections: 16, durationS: options.totalS, timeoutS: 20 }),
    ]);
    await fault;
    await sleep(2000);
    probing = false;
    await prober;
    const appAlive = await fetch(`${base}/models`).then((r) => r.status === 200, () => false);

    const down = probes.filter((p) => p.atMs > downAtMs + 1000 && p.atMs + p.ms < upAtMs);
    const count = (ps: Probe[]) => ps.reduce<Record<string, number>>((a, p) => ((a[p.status] = (a[p.status] ?? 0) + 1), a), {});
    const apiDown = down.filter((p) => p.path.startsWith("/api"));
    const pageDown = down.filter((p) => !p.path.startsWith("/api"));
    const apiJson503 = apiDown.length > 0 && apiDown.every((p) => p.status === 503 && p.contentType.includes("application/json") && /"error"/.test(p.body));
    const pageErrorHtml = pageDown.length > 0 && pageDown.every((p) => p.status >= 500 && p.contentType.includes("text/html"));
    // Recovery: the first moment after which every probe answered 200.
    const after = probes.filter((p) => p.atMs >= upAtMs).sort((a, b) => a.atMs - b.atMs);
    let recoveredAt: number | null = null;
    for (let i = 0; i < after.length; i++) {
      if (after.slice(i).every((p) => p.status === 200)) {
        recoveredAt = after[i]!.atMs + after[i]!.ms;
        break;
      }
    }
    const timeline: Record<string, string[]> = {};
    for (const p of probes) {
      const s = String(Math.floor(p.atMs / 1000));
      const label = `${p.path.startsWith("/api") ? "api" : "page"} ${p.status || "no answer"}`;
      timeline[s] = [...new Set([...(timeline[s] ?? []), label])];
    }
    const maxProbeMs = round(Math.max(...probes.map((p) => p.ms)), 0);
    const problems: string[] = [];
    if (!apiJson503) problems.push(`API while down: ${JSON.stringify(count(apiDown))}, expected only 503 JSON`);
    if (!pageErrorHtml) problems.push(`pages while down: ${JSON.stringify(count(pageDown))}, expected an HTML error page (5xx)`);
    if (api.errors + api.timeouts + page.errors + page.timeouts > 0) problems.push(`connection errors or timeouts under load: api ${api.errors}/${api.timeouts}, page ${page.errors}/${page.timeouts}`);
    if (maxProbeMs > 10_000) problems.push(`a request took ${maxProbeMs} ms (a hang)`);
    if (recoveredAt === null) problems.push("never recovered");
    if (!appAlive) problems.push("the app process died or stopped answering");
    return {
      downAtMs: round(downAtMs, 0),
      upAtMs: round(upAtMs, 0),
      load: { api, page },
      whileDown: { api: count(apiDown), page: count(pageDown), apiJson503, pageErrorHtml, maxMs: round(Math.max(0, ...down.map((p) => p.ms)), 0) },
      recoveredAfterMs: recoveredAt === null ? null : round(recoveredAt - upAtMs, 0),
      maxProbeMs,
      appAlive,
      timeline,
      sampleBodies: { apiWhileDown: apiDown[0]?.body ?? null, pageWhileDown: pageDown[0]?.body.slice(0, 200) ?? null },
      passed: problems.length === 0,
      problems,
    };
  } finally {
    await app?.stop();
    cluster.remove();
  }
}
