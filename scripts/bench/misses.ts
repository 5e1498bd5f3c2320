// Cache misses (issue 17): each view requested one at a time from an app whose response cache is off
// (ATLAS_RESPONSE_CACHE=off: every request renders, as a miss does), next to the same view served from the
// cache and to the static-file ceiling; and the dashboard's first request after a data change, when
// everything kept per data version (lib/data/version-memo.ts) is read again.
import pg from "pg";
import { step } from "./log";
import type { Server } from "./servers";
import { round, since, summarize, type Summary } from "./stats";

export interface MissView {
  miss: Summary;
  hit: Summary;
  /** Mean bytes of the body. */
  bytes: number;
  /** Miss p50 over hit p50, and over the static ceiling's p50. */
  missOverHit: number;
  missOverCeiling: number;
}

export interface MissResult {
  requests: number;
  views: Record<string, MissView>;
  ceiling: Summary;
  /** The dashboard's first request after each data change (the version moved, nothing else). */
  afterWrite: Summary;
}

async function timeOne(url: string): Promise<{ ms: number; bytes: number }> {
  const t0 = performance.now();
  const res = await fetch(url);
  const body = await res.arrayBuffer();
  const ms = since(t0);
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  return { ms, bytes: body.byteLength };
}

async function sequential(url: string, n: number, warmup = 2): Promise<{ summary: Summary; bytes: number }> {
  for (let i = 0; i < warmup; i++) await timeOne(url);
  const samples: number[] = [];
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const r = await timeOne(url);
    samples.push(r.ms);
    bytes += r.bytes;
  }
  return { summary: summarize(samples), bytes: Math.round(bytes / n) };
}

/** `uncached`: the app with its response cache off; `cached`: the same build and database with it on; `ceiling`: the static server of /models. */
export async function measureMisses(options: { uncached: Server; cached: Server; ceiling: Server; databaseUrl: string; views: string[]; requests: number }): Promise<MissResult> {
  const { uncached, cached, ceiling, views, requests } = options;
  const out: MissResult = { requests, views: {}, ceiling: (await sequential(`${ceiling.url}/models`, requests)).summary, afterWrite: summarize([]) };
  for (const view of views) {
    step(`  miss ${view}: ${requests} requests one at a time, cache off and on`);
    const miss = await sequential(uncached.url + view, requests);
    const hit = await sequential(cached.url + view, requests);
    out.views[view] = {
      miss: miss.summary, hit: hit.summary, bytes: miss.bytes,
      missOverHit: round(miss.summary.p50 / hit.summary.p50, 1), missOverCeiling: round(miss.summary.p50 / out.ceiling.p50, 1),
    };
    step(`  miss ${view}: p50 ${miss.summary.p50} ms, p95 ${miss.summary.p95} ms (hit p50 ${hit.summary.p50} ms)`);
  }
  // A data change: the version moves as a write's trigger moves it, so every kept read is read again.
  const c = new pg.Client({ connectionString: options.databaseUrl });
  await c.connect();
  try {
    const samples: number[] = [];
    for (let i = 0; i < Math.max(5, Math.floor(requests / 4)); i++) {
      await c.query(`UPDATE "DataVersion" SET "version" = "version" + 1, "changedAt" = now(), "contentVersion" = "contentVersion" + 1, "contentChangedAt" = now() WHERE "id" = 1`);
      samples.push((await timeOne(`${uncached.url}/`)).ms);
    }
    out.afterWrite = summarize(samples);
    step(`  dashboard after a data change: p50 ${out.afterWrite.p50} ms, p95 ${out.afterWrite.p95} ms`);
  } finally {
    await c.end();
  }
  return out;
}
