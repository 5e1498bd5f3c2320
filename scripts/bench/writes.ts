// Writes under load (issue 17): a 10,000-model ingest (one run, one transaction) into a copy of the largest
// benchmark database while 32 connections read /models, the API and the dashboard from the app in front
// of it. Measured: errors, latency per view, and what each reader saw: every count read must be the one
// before the run or the one after it, never a part of the run.
import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { countModels, databaseUrl, dropDatabase, type LoadTiming } from "./databases";
import { step } from "./log";
import { startApp } from "./servers";
import { summarize, type Summary } from "./stats";

export interface WritesView {
  requests: number;
  errors: number;
  non2xx: number;
  latencyMs: Summary;
  /** The distinct release counts this view showed, in the order first seen. */
  counts: number[];
}

export interface WritesResult {
  database: string;
  modelsBefore: number;
  modelsAfter: number;
  added: number;
  connections: number;
  ingest: LoadTiming;
  /** Seconds of reading before the run started and after it ended. */
  readBeforeS: number;
  readAfterS: number;
  views: Record<string, WritesView>;
  /** Every count any reader saw was the count before or after the run. */
  consistent: boolean;
  /** The counts seen that were neither (a half-applied run), per view. */
  inconsistent: Record<string, number[]>;
}

/** Each view and how its release count is read from the answer. */
const VIEWS: Record<string, (body: string) => number | null> = {
  // The API's total: open-weights releases in the default view.
  "/api/v1/models": (body) => (JSON.parse(body) as { total: number }).total,
  // The dashboard's sentence "the atlas counts <strong>N</strong> open-weights releases".
  "/": (body) => {
    const m = /counts <strong>(\d+)<\/strong> open-weights releases/.exec(body);
    return m ? Number(m[1]) : null;
  },
  // The rankings page says how many models the view holds ("of N").
  "/models": (body) => {
    const m = /<strong class="tabular">(\d+)<\/strong>/.exec(body);
    return m ? Number(m[1]) : null;
  },
};

function runWriter(url: string, from: number, count: number): Promise<LoadTiming> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.resolve("scripts/bench/write-worker.ts"), url, String(from), String(count)], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (b: Buffer) => (out += b.toString()));
    child.stderr.on("data", (b: Buffer) => (err = (err + b.toString()).slice(-4000)));
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out) as LoadTiming) : reject(new Error(`write worker exited with ${code}: ${err}`))));
  });
}

async function openWeightsCount(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return Number((await c.query(`SELECT count(*) AS n FROM "Model" WHERE "openWeights"`)).rows[0].n);
  } finally {
    await c.end();
  }
}

export async function measureWritesUnderLoad(options: { serverUrl: string; template: string; name: string; port: number; add: number; connections: number; readBeforeS: number; readAfterS: number }): Promise<WritesResult> {
  const { serverUrl, name } = options;
  step(`writes under load: copying ${options.template} to ${name}`);
  await dropDatabase(serverUrl, name);
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${options.template}"`);
  } finally {
    await admin.end();
  }
  const url = databaseUrl(serverUrl, name);
  try {
    const modelsBefore = await countModels(url);
    const before = await openWeightsCount(url);
    const app = await startApp(url, options.port);
    try {
      const views: Record<string, WritesView & { samples: number[]; seen: Set<number> }> = Object.fromEntries(
        Object.keys(VIEWS).map((v) => [v, { requests: 0, errors: 0, non2xx: 0, latencyMs: summarize([]), counts: [], samples: [], seen: new Set<number>() }]),
      );
      let reading = true;
      const reader = async (i: number) => {
        const order = Object.keys(VIEWS);
        for (let k = i; reading; k++) {
          const view = order[k % order.length]!;
          const v = views[view]!;
          const t0 = performance.now();
          try {
            const res = await fetch(app.url + view, { signal: AbortSignal.timeout(30_000) });
            const body = await res.text();
            v.samples.push(performance.now() - t0);
            v.requests++;
            if (res.status !== 200) {
              v.non2xx++;
              continue;
            }
            const n = VIEWS[view]!(body);
            if (n === null) throw new Error(`${view}: no release count in the answer`);
            if (!v.seen.has(n)) {
              v.seen.add(n);
              v.counts.push(n);
            }
          } catch {
            v.requests++;
            v.errors++;
          }
        }
      };
      step(`writes under load: ${options.connections} readers for ${options.readBeforeS} s, then ${options.add} models in one run, then ${options.readAfterS} s more`);
      const readers = Array.from({ length: options.connections }, (_, i) => reader(i));
      await new Promise((r) => setTimeout(r, options.readBeforeS * 1000));
      const ingest = await runWriter(url, modelsBefore + 1_000_000, options.add).catch(async (e) => {
        reading = false;
        await Promise.all(readers);
        throw e;
      });
      step(`writes under load: the run took ${(ingest.ms / 1000).toFixed(1)} s; reading on`);
      await new Promise((r) => setTimeout(r, options.readAfterS * 1000));
      reading = false;
      await Promise.all(readers);
      const after = await openWeightsCount(url);
      const inconsistent: Record<string, number[]> = {};
      const out: Record<string, WritesView> = {};
      for (const [view, v] of Object.entries(views)) {
        const bad = v.counts.filter((n) => n !== before && n !== after);
        if (bad.length) inconsistent[view] = bad;
        out[view] = { requests: v.requests, errors: v.errors, non2xx: v.non2xx, latencyMs: summarize(v.samples), counts: v.counts };
      }
      return {
        database: name, modelsBefore, modelsAfter: await countModels(url), added: after - before, connections: options.connections, ingest,
        readBeforeS: options.readBeforeS, readAfterS: options.readAfterS, views: out, consistent: Object.keys(inconsistent).length === 0, inconsistent,
      };
    } finally {
      await app.stop();
    }
  } finally {
    await dropDatabase(serverUrl, name);
  }
}
