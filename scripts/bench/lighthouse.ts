// Lighthouse (12.2.3, its CLI in a child process) with Debian's Chromium: performance and accessibility
// scores and the main timings of a page. Mobile is Lighthouse's default (simulated slow 4G and a 4x slower
// CPU); desktop is its desktop preset.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export interface LighthouseResult {
  url: string;
  preset: "mobile" | "desktop";
  performance: number | null;
  accessibility: number | null;
  metrics: Record<string, number | null>;
  /** Failed accessibility audits, by id. */
  accessibilityFailures: string[];
  /** Lighthouse's own warnings about the run (e.g. the page did not settle). */
  warnings: string[];
  durationMs: number;
  error?: string;
}

const CHROME = process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function runLighthouse(url: string, preset: "mobile" | "desktop"): Promise<LighthouseResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "atlas-lighthouse-"));
  const out = path.join(dir, "report.json");
  const t0 = performance.now();
  const args = [
    path.resolve("node_modules/lighthouse/cli/index.js"),
    url,
    "--output=json",
    `--output-path=${out}`,
    "--only-categories=performance,accessibility",
    "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
    "--quiet",
    ...(preset === "desktop" ? ["--preset=desktop"] : []),
  ];
  try {
    const code = await new Promise<number>((resolve) => {
      const child = spawn(process.execPath, args, { env: { ...process.env, CHROME_PATH: CHROME }, stdio: ["ignore", "ignore", "pipe"] });
      // A page that never settles must not hold the benchmark: four minutes, then it is a failure.
      const timer = setTimeout(() => child.kill("SIGKILL"), 240_000);
      child.on("exit", () => clearTimeout(timer));
      let err = "";
      child.stderr.on("data", (b: Buffer) => (err = (err + b.toString()).slice(-2000)));
      child.on("exit", (c) => {
        if (c !== 0) process.stderr.write(err);
        resolve(c ?? 1);
      });
    });
    if (code !== 0) throw new Error(`lighthouse exited with ${code}`);
    const report = JSON.parse(readFileSync(out, "utf8")) as {
      runtimeError?: { message: string };
      runWarnings?: string[];
      categories: Record<string, { score: number | null; auditRefs: { id: string }[] }>;
      audits: Record<string, { score: number | null; numericValue?: number; scoreDisplayMode: string }>;
    };
    const score = (c: string) => (report.categories[c]?.score == null ? null : Math.round(report.categories[c]!.score! * 100));
    const metric = (id: string) => {
      const v = report.audits[id]?.numericValue;
      return v == null ? null : Math.round(v);
    };
    const a11y = report.categories.accessibility?.auditRefs.map((r) => r.id) ?? [];
    return {
      url,
      preset,
      performance: score("performance"),
      accessibility: score("accessibility"),
      metrics: {
        firstContentfulPaintMs: metric("first-contentful-paint"),
        largestContentfulPaintMs: metric("largest-contentful-paint"),
        totalBlockingTimeMs: metric("total-blocking-time"),
        cumulativeLayoutShift1000: report.audits["cumulative-layout-shift"]?.numericValue == null ? null : Math.round(report.audits["cumulative-layout-shift"]!.numericValue! * 1000),
        speedIndexMs: metric("speed-index"),
        serverResponseMs: metric("server-response-time"),
      },
      accessibilityFailures: a11y.filter((id) => report.audits[id]?.scoreDisplayMode === "binary" && report.audits[id]?.score === 0),
      warnings: report.runWarnings ?? [],
      durationMs: Math.round(performance.now() - t0),
      ...(report.runtimeError ? { error: report.runtimeError.message } : {}),
    };
  } catch (e) {
    return { url, preset, performance: null, accessibility: null, metrics: {}, accessibilityFailures: [], warnings: [], durationMs: Math.round(performance.now() - t0), error: (e as Error).message };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
