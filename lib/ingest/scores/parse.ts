import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import {
  benchmarkRegistrySchema,
  cardScoresFileSchema,
  epochModelMapSchema,
  type BenchmarkDefinition,
  type BenchmarkRegistry,
  type ExternalEvaluator,
} from "@/lib/schemas/measures";
import { CsvError, parseCsv } from "../csv";
import { repoIdFromUrl } from "../modelsdev/parse";
import type { SourceItem } from "../source-run";

/**
 * Scores as the sources write them, read into one shape (`RawScore`) before they are matched to a model.
 * What counts as one benchmark (and so what may be compared) is data/benchmarks.yaml: a row that feeds
 * no benchmark there is counted and dropped, never stored under a guessed benchmark.
 */
export const BENCHMARKS_FILE = "data/benchmarks.yaml";
export const EPOCH_MODEL_MAP_FILE = "data/mappings/epoch-models.yaml";
/** The day the Epoch benchmark snapshot was taken (benchmark-stitching @f87d3cc8): external rows carry no date of their own. */
export const EPOCH_BENCHMARKS_SNAPSHOT = "2025-12-03";
/** The newest file date of the shipped models.dev copy: independent scores in it carry no date of their own. */
export const MODELSDEV_SNAPSHOT = "2026-10-08";

/** Who a score is of, as the source names it. */
export type ModelRef = { kind: "epoch-version"; id: string } | { kind: "modelsdev-item"; item: SourceItem } | { kind: "slug"; slug: string };

export interface RawScore {
  ref: ModelRef;
  benchmarkId: string;
  value: number;
  metric: string;
  setting: string;
  /** An independent evaluator's name, or the organization slug whose own models count as "developer" scores. */
  evaluator: { independent: true; name: string } | { independent: false; org: string | null; name: string | null };
  publishedOn: string;
  sourceUrl: string;
}

export interface ParsedScores {
  scores: RawScore[];
  /** Rows not taken, by reason (a benchmark not tracked, no source link, an unattributed source...). */
  skipped: Map<string, number>;
  errors: { item: string; message: string }[];
}

const skip = (p: ParsedScores, reason: string) => p.skipped.set(reason, (p.skipped.get(reason) ?? 0) + 1);

export async function loadBenchmarkRegistry(file: string = BENCHMARKS_FILE): Promise<BenchmarkRegistry> {
  const parsed = benchmarkRegistrySchema.safeParse(parseYaml(await readFile(file, "utf8")));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return parsed.data;
}

export async function loadEpochModelMap(file: string = EPOCH_MODEL_MAP_FILE): Promise<Map<string, string>> {
  const parsed = epochModelMapSchema.safeParse(parseYaml(await readFile(file, "utf8")));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return new Map(parsed.data.map((r) => [r.epoch, r.model]));
}

/** A CSV file as objects keyed by its header (trimmed); a file without a header is an error. */
async function readCsvObjects(file: string): Promise<{ line: number; row: Record<string, string> }[]> {
  const rows = parseCsv(await readFile(file, "utf8"));
  const header = rows[0]?.cells.map((h) => h.trim());
  if (!header?.length) throw new CsvError(`${file}: empty`);
  return rows.slice(1).map((r) => ({ line: r.line, row: Object.fromEntries(header.map((h, i) => [h, r.cells[i] ?? ""])) }));
}

/** "77.0%", "88.000", "0.85" (a fraction when `fraction`) -> a number on the benchmark's scale. */
export function readScoreValue(text: string, unit: BenchmarkDefinition["unit"], fraction: boolean): number | null {
  const t = text.trim().replace(/%$/, "");
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  const n = Number(t);
  if (!Number.isFinite(n)) return null;
  const value = unit === "percent" && fraction ? n * 100 : n;
  if (unit === "percent" && (value < 0 || value > 100)) return null;
  return Math.round(value * 1000) / 1000;
}

/** Epoch's run dates read "17 November 2025 4:28pm": the day, as YYYY-MM-DD. */
export function readRunDate(text: string): string | null {
  const m = /^(\d{1,2}) ([A-Z][a-z]+) (\d{4})\b/.exec(text.trim());
  if (!m) return null;
  const month = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"].indexOf(m[2]!);
  if (month < 0) return null;
  const d = new Date(Date.UTC(Number(m[3]), month, Number(m[1])));
  return d.getUTCDate() === Number(m[1]) ? d.toISOString().slice(0, 10) : null;
}

const runRowSchema = z.looseObject({
  task: z.string(),
  model: z.string().min(1),
  "Best score (across scorers)": z.string(),
  "log viewer": z.string(),
  started_at: z.string(),
  Status: z.string(),
  "task version": z.string(),
});

/** Epoch's own runs (benchmarks_runs.csv): independent, one harness per benchmark. */
export async function readEpochRuns(dir: string, registry: BenchmarkRegistry, out: ParsedScores): Promise<void> {
  const byTask = new Map<string, BenchmarkDefinition>();
  for (const b of registry.benchmarks) for (const f of b.from) if (f.source === "epoch-runs") byTask.set(f.task, b);
  const file = path.join(dir, "benchmarks_runs.csv");
  for (const { line, row } of await readCsvObjects(file)) {
    const r = runRowSchema.safeParse(row);
    if (!r.success) {
      out.errors.push({ item: `benchmarks_runs.csv line ${line}`, message: r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") });
      continue;
    }
    const b = byTask.get(r.data.task);
    if (!b) { skip(out, `Epoch run of a benchmark not tracked (${r.data.task})`); continue; }
    if (r.data.Status !== "Success") { skip(out, "Epoch run that did not succeed"); continue; }
    const value = readScoreValue(r.data["Best score (across scorers)"], b.unit, true);
    const day = readRunDate(r.data.started_at);
    if (!r.data.started_at.trim()) { skip(out, "Epoch run without a date (its place in time, and so in asOf views, is unknown)"); continue; }
    if (value === null || day === null) {
      out.errors.push({ item: `benchmarks_runs.csv line ${line}`, message: `unreadable score "${r.data["Best score (across scorers)"]}" or date "${r.data.started_at}"` });
      continue;
    }
    out.scores.push({
      ref: { kind: "epoch-version", id: r.data.model },
      benchmarkId: b.id,
      value,
      metric: "accuracy",
      setting: `Epoch model version ${r.data.model}; task version ${r.data["task version"]}`,
      evaluator: { independent: true, name: "Epoch AI" },
      publishedOn: day,
      // FrontierMath's private logs are not public: the benchmark's page stands for them.
      sourceUrl: r.data["log viewer"].startsWith("https://") ? r.data["log viewer"] : b.url,
    });
  }
}

/** The scores Epoch compiled from leaderboards and papers (external/*.csv), crediting whoever ran them. */
export async function readEpochExternal(dir: string, registry: BenchmarkRegistry, out: ParsedScores): Promise<void> {
  const evaluators = registry.evaluators["epoch-external"];
  for (const b of registry.benchmarks) {
    for (const feed of b.from) {
      if (feed.source !== "epoch-external") continue;
      const file = path.join(dir, "external", `external_benchmark_${feed.file}.csv`);
      for (const { line, row } of await readCsvObjects(file)) {
        const item = `external_benchmark_${feed.file}.csv line ${line}`;
        if (feed.shots !== undefined && (row.Shots ?? "").trim() !== feed.shots) continue;
        if (feed.where && Object.entries(feed.where).some(([k, v]) => (row[k] ?? "").trim() !== v)) continue;
        const version = row["Model version"] ?? "";
        if (!version) { skip(out, "external score without a model version"); continue; }
        const sourceName = (row.Source ?? "").trim();
        const ev: ExternalEvaluator | undefined = evaluators[sourceName];
        if (!ev) { skip(out, `external score from a source not attributed in data/benchmarks.yaml (${sourceName || "none named"})`); continue; }
        const link = (row["Source link"] ?? row["Source link (site from table)"] ?? "").trim();
        if (!/^https?:\/\//.test(link)) { skip(out, "external score without a source link"); continue; }
        const valueText = row[feed.value];
        if (valueText === undefined) {
          out.errors.push({ item, message: `no column "${feed.value}" (data/benchmarks.yaml, ${b.id})` });
          continue;
        }
        const value = readScoreValue(valueText, b.unit, false);
        if (value === null) { skip(out, "external score that is not a number"); continue; }
        // The Epoch version is part of the setting: one record's several API snapshots are several scores.
        const setting = [`Epoch model version ${version}`, feed.shots !== undefined ? `${feed.shots.replace(/-shot$/, "")}-shot` : null, ...(feed.setting ?? []).map((c) => (row[c] ? `${c}: ${row[c]!.trim()}` : null))]
          .filter((s): s is string => !!s)
          .join("; ");
        out.scores.push({
          ref: { kind: "epoch-version", id: version },
          benchmarkId: b.id,
          value,
          metric: feed.value,
          setting,
          evaluator: "independent" in ev ? { independent: true, name: ev.name } : { independent: false, org: ev.org, name: ev.name },
          publishedOn: EPOCH_BENCHMARKS_SNAPSHOT,
          sourceUrl: link,
        });
      }
    }
  }
}

/** models.dev's [[benchmarks]] of open-weights files (already read with the file, SourceItem.scores). */
export function readModelsDevScores(items: SourceItem[], registry: BenchmarkRegistry, out: ParsedScores): void {
  const hosts = registry.evaluators["modelsdev-hosts"];
  for (const item of items) {
    for (const s of item.scores ?? []) {
      const b = registry.benchmarks.find((x) =>
        x.from.some((f) => f.source === "modelsdev" && f.name === s.name && (f.variant === undefined || f.variant.includes(s.variant ?? null))),
      );
      if (!b) { skip(out, "models.dev score of a benchmark not tracked"); continue; }
      if (!s.source || !/^https?:\/\//.test(s.source)) { skip(out, "models.dev score without a source URL"); continue; }
      const value = readScoreValue(String(s.score), b.unit, false);
      if (value === null) { skip(out, "models.dev score out of range"); continue; }
      const host = new URL(s.source).hostname;
      const independent = hosts[host];
      out.scores.push({
        ref: { kind: "modelsdev-item", item },
        benchmarkId: b.id,
        value,
        metric: s.metric ?? "score",
        setting: [s.harness, s.variant].filter((x): x is string => !!x).join("; "),
        // A score on the developer's own card, blog or docs is the developer's claim, published with the release.
        evaluator: independent ? { independent: true, name: independent } : { independent: false, org: null, name: null },
        publishedOn: independent ? MODELSDEV_SNAPSHOT : (item.releaseDate ?? MODELSDEV_SNAPSHOT),
        sourceUrl: s.source,
      });
    }
  }
}

/** The scores we read from developers' own cards (data/scores/*.yaml): developer claims, by definition. */
export async function readCardScores(dir: string, registry: BenchmarkRegistry, out: ParsedScores): Promise<void> {
  const ids = new Set(registry.benchmarks.map((b) => b.id));
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith(".yaml")).sort();
  for (const file of files) {
    const parsed = cardScoresFileSchema.safeParse(parseYaml(await readFile(path.join(dir, file), "utf8")));
    if (!parsed.success) {
      out.errors.push({ item: file, message: parsed.error.issues.slice(0, 5).map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") });
      continue;
    }
    for (const [i, s] of parsed.data.entries()) {
      const b = registry.benchmarks.find((x) => x.id === s.benchmark);
      if (!b || !ids.has(s.benchmark)) {
        out.errors.push({ item: `${file} #${i + 1}`, message: `"${s.benchmark}" is not a benchmark of data/benchmarks.yaml` });
        continue;
      }
      const value = readScoreValue(String(s.value), b.unit, false);
      if (value === null) {
        out.errors.push({ item: `${file} #${i + 1}`, message: `${s.value} is not a ${b.unit} value` });
        continue;
      }
      out.scores.push({
        ref: { kind: "slug", slug: s.model }, benchmarkId: b.id, value, metric: s.metric, setting: s.setting,
        evaluator: { independent: false, org: null, name: null }, publishedOn: s.published, sourceUrl: s.source,
      });
    }
  }
}

/** Epoch's model versions whose link is a Hugging Face repo: matched to a record by its repo id. */
export async function readEpochVersionRepos(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const { row } of await readCsvObjects(path.join(dir, "model_versions.csv"))) {
    const repo = repoIdFromUrl(row.Link ?? "");
    if (row.id && repo) out.set(row.id, repo);
  }
  return out;
}

export function emptyParsedScores(): ParsedScores {
  return { scores: [], skipped: new Map(), errors: [] };
}
