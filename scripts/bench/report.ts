// The benchmark's results: the JSON document and the readable tables printed on stdout.
import type { BuildResult, CopyResult, LoadTiming } from "./databases";
import type { FaultResult } from "./faults";
import type { LoadResult } from "./http-load";
import type { LighthouseResult } from "./lighthouse";
import type { HtmlSize, PageWeight } from "./page-weight";
import type { QueryWorkerResult } from "./query-worker";
import type { MissResult } from "./misses";
import type { StartupResult } from "./startup";
import type { WritesResult } from "./writes";

export interface SizeResults {
  models: number;
  database: string;
  ingest?: { reused: true } | (BuildResult & { copy?: CopyResult });
  query?: QueryWorkerResult;
  http?: { views: Record<string, LoadResult>; ceiling: LoadResult; ratio: Record<string, number> };
  misses?: MissResult;
  /** HTML of the main pages at this size (one request each, after the load runs). */
  html?: HtmlSize[];
}

export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean | null;
}

export interface BenchResults {
  startedAt: string;
  finishedAt?: string;
  durationS?: number;
  mode: "quick" | "full";
  command: string;
  machine: Record<string, unknown>;
  git: { commit: string; dirty: boolean };
  sizes: Record<string, SizeResults>;
  weight?: PageWeight[];
  lighthouse?: LighthouseResult[];
  startup?: StartupResult;
  faults?: FaultResult;
  writes?: WritesResult;
  targets: TargetCheck[];
  errors: string[];
}

function table(headers: string[], rows: (string | number | null | undefined)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map((c) => (c === null || c === undefined ? "-" : String(c))))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(cells[0]!), widths.map((w) => "-".repeat(w)).join("  "), ...cells.slice(1).map(line)].join("\n");
}

const kb = (b: number) => (b / 1024).toFixed(1);
const rate = (t: LoadTiming) => `${t.perSecond}/s (${(t.ms / 1000).toFixed(0)} s)`;

export function formatResults(r: BenchResults): string {
  const out: string[] = [];
  out.push(`Open Model Atlas benchmark, ${r.mode} run, ${r.startedAt} (${r.durationS ?? "?"} s), commit ${r.git.commit.slice(0, 10)}${r.git.dirty ? " (dirty)" : ""}`);
  out.push(`machine: ${r.machine.cpus} x ${r.machine.cpuModel}, ${r.machine.memoryGB} GB, Node ${r.machine.node}, ${r.machine.postgres}; load average at start ${r.machine.loadAverageAtStart}`);

  const sizes = Object.entries(r.sizes);
  const ingestRows = sizes.flatMap(([label, s]) => {
    if (!s.ingest) return [];
    if ("reused" in s.ingest) return [[label, "reused (not measured)", null, null, null, null]];
    const c = s.ingest.copy;
    return [[label, rate(s.ingest.writePath), rate(s.ingest.rerun), c ? `${c.modelsPerSecond}/s (${(c.ms / 1000).toFixed(1)} s)` : null, c ? `${c.ratio}x` : null, c ? `${c.modelTableOnlyRatio}x` : null]];
  });
  if (ingestRows.length) {
    out.push("", "Ingestion (synthetic models through the write path: createModels for new ones, writeModel for a re-run, 500 per transaction; COPY of the same rows: Model, ModelDeveloper, FieldSource, Revision)");
    out.push(table(["size", "write path", "re-run, no changes", "COPY", "write/COPY", "write/COPY Model only"], ingestRows));
  }

  const httpRows = sizes.flatMap(([label, s]) =>
    s.http
      ? [
          ...Object.entries(s.http.views).map(([view, l]) => [label, view, l.requestsPerSec, l.latencyMs.p50, l.latencyMs.p95, l.latencyMs.p99, l.errors + l.timeouts, l.non2xx, s.http!.ratio[view] ?? null]),
          [label, "static ceiling (/models HTML)", s.http.ceiling.requestsPerSec, s.http.ceiling.latencyMs.p50, s.http.ceiling.latencyMs.p95, s.http.ceiling.latencyMs.p99, s.http.ceiling.errors + s.http.ceiling.timeouts, s.http.ceiling.non2xx, 1],
        ]
      : [],
  );
  if (httpRows.length) {
    const first = sizes.find(([, s]) => s.http)![1].http!.ceiling;
    out.push("", `HTTP under load (autocannon, ${first.connections} connections, ${first.durationS} s each, after a warm-up; latency in ms)`);
    out.push(table(["size", "view", "req/s", "p50", "p95", "p99", "errors", "non-2xx", "of ceiling"], httpRows));
  }

  const missRows = sizes.flatMap(([label, s]) =>
    s.misses
      ? [
          ...Object.entries(s.misses.views).map(([view, v]) => [label, view, v.miss.p50, v.miss.p95, v.hit.p50, `${v.missOverHit}x`, `${v.missOverCeiling}x`, kb(v.bytes)]),
          [label, "static ceiling (/models HTML)", s.misses.ceiling.p50, s.misses.ceiling.p95, null, null, "1x", null],
          [label, "/ after a data change (first request)", s.misses.afterWrite.p50, s.misses.afterWrite.p95, null, null, null, null],
        ]
      : [],
  );
  if (missRows.length) {
    const n = sizes.find(([, s]) => s.misses)![1].misses!.requests;
    out.push("", `Cache misses (one request at a time, ${n} per view; the app with ATLAS_RESPONSE_CACHE=off beside the same app with it on; ms)`);
    out.push(table(["size", "view", "miss p50", "miss p95", "hit p50", "miss/hit", "miss/ceiling", "kB"], missRows));
  }
  if (r.writes) {
    const w = r.writes;
    out.push("", `Writes under load: ${w.added} models in one ingest run (${(w.ingest.ms / 1000).toFixed(1)} s, ${w.ingest.perSecond}/s) into a copy of ${w.modelsBefore} models while ${w.connections} connections read; ${w.consistent ? "every reader saw the count before or after the run" : `HALF-APPLIED RUNS SEEN: ${JSON.stringify(w.inconsistent)}`}`);
    out.push(table(["view", "requests", "errors", "non-2xx", "p50", "p95", "p99", "max", "counts seen"], Object.entries(w.views).map(([view, v]) => [view, v.requests, v.errors, v.non2xx, v.latencyMs.p50, v.latencyMs.p95, v.latencyMs.p99, v.latencyMs.max, v.counts.join(" then ")])));
  }

  const queryRows = sizes.flatMap(([label, s]) =>
    s.query
      ? [
          ...Object.entries(s.query.dataLayer).map(([view, d]) => [label, `findModels ${view}`, d.total, d.p50, d.p95, s.query!.bareSql[view]?.p50, s.query!.bareSql[view]?.p95, s.query!.ratio[view] ? `${s.query!.ratio[view]!.p95}x` : null]),
          ...Object.entries(s.query.other).map(([view, d]) => [label, view, null, d.p50, d.p95, null, null, null]),
        ]
      : [],
  );
  if (queryRows.length) {
    out.push("", "Data layer in process (sequential calls) next to hand-written SQL through pg (page + count in parallel); ms");
    out.push(table(["size", "call", "rows", "p50", "p95", "SQL p50", "SQL p95", "p95 ratio"], queryRows));
  }

  for (const [label, s] of sizes) {
    const seq = s.query?.explain.filter((e) => e.seqScanOnModel) ?? [];
    if (s.query?.explain.length) {
      out.push("", `Plans at ${label}: ${s.query.explain.length} statements explained, ${seq.length} with a Seq Scan on "Model"${seq.length ? ":" : ""}`);
      for (const e of seq) out.push(`  ${e.view}: ${e.executionMs} ms  ${e.sql.replace(/"public"\./g, "").slice(0, 150)}...`);
    }
  }

  const htmlRows = sizes.flatMap(([label, s]) => (s.html ?? []).map((h) => [label, h.path, h.status, kb(h.bytes), kb(h.gzip), h.ms]));
  if (htmlRows.length) {
    out.push("", "HTML by database size (one request each; kB)");
    out.push(table(["size", "page", "status", "HTML", "gzip", "ms"], htmlRows));
  }
  if (r.weight?.length) {
    out.push("", "Page weight (gzip level 6, kB)");
    out.push(table(["page", "HTML", "JS", "JS files", "CSS", "chart code"], r.weight.map((w) => [w.path, kb(w.html.gzip), kb(w.js.gzip), w.js.files, kb(w.css.gzip), w.chartScripts.length ? `yes (${w.chartScripts.length} files)` : "no"])));
  }
  if (r.lighthouse?.length) {
    out.push("", "Lighthouse 12.2.3 (Debian Chromium, headless)");
    out.push(table(["page", "preset", "performance", "accessibility", "FCP ms", "LCP ms", "TBT ms", "CLS x1000", "failed a11y audits"], r.lighthouse.map((l) => [new URL(l.url).pathname, l.preset, l.performance, l.accessibility, l.metrics.firstContentfulPaintMs, l.metrics.largestContentfulPaintMs, l.metrics.totalBlockingTimeMs, l.metrics.cumulativeLayoutShift1000, l.error ? `error: ${l.error}` : l.accessibilityFailures.join(", ") || "none"])));
  }
  if (r.startup) {
    out.push("", `npm start to the first 200 on /models, embedded database: first start ${(r.startup.firstStartMs / 1000).toFixed(1)} s; existing folder ${r.startup.existingMs.map((m) => (m / 1000).toFixed(1)).join(", ")} s (median ${(r.startup.existingMedianMs / 1000).toFixed(1)} s)`);
  }
  if (r.faults) {
    const f = r.faults;
    out.push("", `Database restart under load (throwaway cluster): ${f.passed ? "PASSED" : "FAILED"}`);
    out.push(`  down ${(f.downAtMs / 1000).toFixed(1)}-${(f.upAtMs / 1000).toFixed(1)} s; while down: API ${JSON.stringify(f.whileDown.api)}, pages ${JSON.stringify(f.whileDown.page)}, slowest answer ${f.whileDown.maxMs} ms`);
    out.push(`  recovered ${f.recoveredAfterMs === null ? "never" : `${(f.recoveredAfterMs / 1000).toFixed(1)} s after the server came back`}; app alive: ${f.appAlive}; load errors/timeouts api ${f.load.api.errors}/${f.load.api.timeouts}, page ${f.load.page.errors}/${f.load.page.timeouts}`);
    for (const p of f.problems) out.push(`  problem: ${p}`);
  }
  if (r.targets.length) {
    out.push("", "Targets");
    out.push(table(["target", "measured", "met"], r.targets.map((t) => [t.target, t.measured, t.met === null ? "n/a" : t.met ? "yes" : "NO"])));
  }
  if (r.errors.length) out.push("", "Errors", ...r.errors.map((e) => `  ${e}`));
  return out.join("\n");
}

/** The issue's targets, checked against the largest size measured. */
export function checkTargets(r: BenchResults): TargetCheck[] {
  const out: TargetCheck[] = [];
  const sizes = Object.entries(r.sizes).sort((a, b) => b[1].models - a[1].models);
  const largest = <K extends keyof SizeResults>(k: K) => sizes.find(([, s]) => s[k] && !(k === "ingest" && "reused" in (s.ingest ?? {})));
  const q = largest("query");
  if (q) {
    const [label, s] = q;
    const d = s.query!.dataLayer.filtered;
    const ratio = s.query!.ratio.filtered;
    if (d) out.push({ target: `filtered data-layer call p95 < 50 ms (at ${label})`, measured: `${d.p95} ms`, met: d.p95 < 50 });
    if (ratio) out.push({ target: `filtered call within 3x of bare SQL, p95 (at ${label})`, measured: `${ratio.p95}x (p50 ${ratio.p50}x)`, met: ratio.p95 <= 3 });
    // The search (issue 17's target for it: p95 < 50 ms), every view with a q.
    for (const [view, sd] of Object.entries(s.query!.dataLayer).filter(([v]) => v.startsWith("q="))) {
      out.push({ target: `search data-layer call p95 < 50 ms, ${view} (at ${label})`, measured: `${sd.p95} ms (${sd.total} matches)`, met: sd.p95 < 50 });
    }
    const seq = s.query!.explain.filter((e) => e.seqScanOnModel && /findModels/.test(e.view));
    out.push({ target: `no Seq Scan on Model in the /models and API views (at ${label})`, measured: seq.length ? `${seq.length} statements` : "none", met: seq.length === 0 });
  }
  const h = largest("http");
  if (h) {
    const [label, s] = h;
    const ratio = s.http!.ratio["/models"];
    if (ratio !== undefined) out.push({ target: `/models at least 1/4 of the static ceiling (at ${label})`, measured: `${(ratio * 100).toFixed(1)}% (${s.http!.views["/models"]!.requestsPerSec} of ${s.http!.ceiling.requestsPerSec} req/s)`, met: ratio >= 0.25 });
    for (const view of ["/models", "/api/v1/models"]) {
      const l = s.http!.views[view];
      if (l) out.push({ target: `${view} at 32 connections: no errors, p99 < 500 ms (at ${label}, ${l.durationS} s)`, measured: `p99 ${l.latencyMs.p99} ms, ${l.errors + l.timeouts} errors, ${l.non2xx} non-2xx`, met: l.latencyMs.p99 < 500 && l.errors + l.timeouts + l.non2xx === 0 });
    }
  }
  const m = largest("misses");
  if (m) {
    const [label, s] = m;
    const miss = (view: string, limit: number, what: string) => {
      const v = s.misses!.views[view];
      if (v) out.push({ target: `${what} miss p95 < ${limit} ms (at ${label})`, measured: `${v.miss.p95} ms (p50 ${v.miss.p50} ms; ${v.missOverHit}x a hit, ${v.missOverCeiling}x the static ceiling)`, met: v.miss.p95 < limit });
    };
    miss("/", 300, "dashboard");
    miss("/models", 150, "/models");
    miss("/models/deepseek-v3", 50, "model page (deepseek-v3)");
    miss("/models/synthetic-000100", 50, "model page (a synthetic one)");
    const a = s.misses!.afterWrite;
    out.push({ target: `dashboard, first request after a data change (at ${label}; no target: reported)`, measured: `p95 ${a.p95} ms (p50 ${a.p50} ms)`, met: null });
  }
  if (r.writes) {
    const w = r.writes;
    for (const [view, v] of Object.entries(w.views)) {
      out.push({ target: `${view} during a ${w.added}-model ingest, ${w.connections} readers: 0 errors, p99 < 1 s`, measured: `p99 ${v.latencyMs.p99} ms, ${v.errors} errors, ${v.non2xx} non-2xx (${v.requests} requests)`, met: v.errors + v.non2xx === 0 && v.latencyMs.p99 < 1000 });
    }
    out.push({ target: "readers during the ingest see the data before or after the run, never a part", measured: w.consistent ? `yes (${Object.entries(w.views).map(([v, x]) => `${v}: ${x.counts.join(" then ")}`).join("; ")})` : JSON.stringify(w.inconsistent), met: w.consistent && w.added === 10_000 });
  }
  const html = largest("html");
  if (html) {
    const [label, s] = html;
    const failing = s.html!.filter((p) => p.status !== 200);
    out.push({ target: `every page answers 200 (at ${label}: ${s.html!.map((p) => p.path).join(", ")})`, measured: failing.length ? failing.map((p) => `${p.path} ${p.status}`).join(", ") : "all 200", met: failing.length === 0 });
  }
  const models = r.weight?.find((w) => w.path === "/models");
  if (models) {
    out.push({ target: "/models ships no chart code", measured: models.chartScripts.length ? models.chartScripts.join(", ") : "none", met: models.chartScripts.length === 0 });
    out.push({ target: "/models JavaScript < 150 kB gzipped", measured: `${kb(models.js.gzip)} kB`, met: models.js.gzip < 150 * 1024 });
  }
  for (const l of r.lighthouse?.filter((x) => x.preset === "mobile") ?? []) {
    const page = new URL(l.url).pathname;
    out.push({ target: `Lighthouse performance >= 95, ${page} (mobile)`, measured: String(l.performance ?? l.error), met: l.performance === null ? null : l.performance >= 95 });
    out.push({ target: `Lighthouse accessibility 100, ${page}`, measured: String(l.accessibility ?? l.error), met: l.accessibility === null ? null : l.accessibility === 100 });
  }
  const i = largest("ingest");
  if (i) {
    const [label, s] = i;
    const b = s.ingest as BuildResult & { copy?: CopyResult };
    if (b.copy) out.push({ target: `ingestion within 5x of COPY (at ${label})`, measured: `${b.copy.ratio}x (${b.writePath.perSecond} vs ${b.copy.modelsPerSecond} models/s)`, met: b.copy.ratio <= 5 });
  }
  if (r.faults) out.push({ target: "database restart: clean failures, recovery without a restart", measured: r.faults.passed ? `recovered in ${((r.faults.recoveredAfterMs ?? 0) / 1000).toFixed(1)} s` : r.faults.problems.join("; "), met: r.faults.passed });
  return out;
}
