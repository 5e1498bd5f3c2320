import "server-only";
import { createHash } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { listScoresForExport } from "@/lib/data/measures";
import { modelsInChunks, type ModelListItem } from "@/lib/data/models";
import { createRelease, getDataVersion, getRelease, listFieldSourcesForExport, type DataVersionInfo, type FieldSourceRow, type ReleaseSummary } from "@/lib/data/releases";
import { csvLines } from "@/lib/domain/csv";
import {
  buildManifest, CHECKSUMS_FILE, checksumsText, jsonRecords, MANIFEST_FILE, manifestText, sameFiles, sortByKeys,
  type ReleaseFileEntry, type ReleaseFileName,
} from "@/lib/domain/releases";
import { creditLines, SOURCES, type SourceInfo } from "@/lib/domain/sources";
import { DEFAULT_QUERY } from "@/lib/schemas/model-query";
import { modelJson } from "./model-json";
import { modelsCsvStream } from "./models-csv";
import { scoresCsv } from "./scores-csv";

// `npm run snapshot` (docs/decisions/016-snapshots.md): the whole dataset as dated, immutable files. The
// files depend on the data alone: rows in code-point order of their keys (never the database's collation
// or the order rows happen to come back in), no timestamp of the run inside them. The same data gives
// the same bytes, whatever the date of the release.

/** The columns of sources.csv: one row per source of each value (FieldSource). */
export const SOURCE_CSV_COLUMNS = ["model_slug", "field", "source_kind", "value", "source_url", "retrieved_at", "checked_on"] as const;

export interface ReleaseFile extends ReleaseFileEntry {
  content: Uint8Array;
}

export interface BuiltRelease {
  date: string;
  dataVersion: number;
  dataChangedAt: string;
  files: ReleaseFile[];
  /** manifest.json's text. */
  manifest: string;
}

export function sha256Hex(content: Uint8Array | string): string {
  return createHash("sha256").update(content).digest("hex");
}

const encoder = new TextEncoder();

function file(name: ReleaseFileName, text: string, rows: number): ReleaseFile {
  const content = encoder.encode(text);
  return { name, rows, bytes: content.byteLength, sha256: sha256Hex(content), content };
}

/** A value as one CSV cell: lists joined with ";" as in models.csv (csvField), anything else structured as JSON. */
function sourceCell(value: unknown): unknown {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? JSON.stringify(value) : value;
}

async function* single<T>(chunk: T[]): AsyncGenerator<T[]> {
  yield chunk;
}

/**
 * The six data files, from whatever the database holds now. `origin`: of the URLs inside them ("" for
 * site-relative). `onStep`: models, scores, sources read.
 */
async function readFiles(origin: string, onStep: (done: number, total: number) => void): Promise<ReleaseFile[]> {
  // Every record, open weights and the closed reference records alike (the open_weights column tells them apart).
  const everything = { ...DEFAULT_QUERY, openWeights: "all" as const };
  const models: ModelListItem[] = [];
  for await (const chunk of modelsInChunks(everything)) models.push(...chunk);
  const sortedModels = sortByKeys(models, (m) => [m.slug]);
  const modelsCsv = await new Response(await modelsCsvStream(single(sortedModels), origin)).text();
  onStep(1, 3);

  const scores = sortByKeys(await listScoresForExport(everything), (s) => [s.slug, s.benchmark.id, s.sourceKind, s.evaluator, s.setting]);
  const scoreRecords = scores.map((s) => ({
    modelSlug: s.slug, modelName: s.name, country: s.country, openWeights: s.openWeights, benchmark: s.benchmark, value: s.value, metric: s.metric,
    setting: s.setting, measuredBy: s.measuredBy, evaluator: s.evaluator, publishedOn: s.publishedOn, sourceKind: s.sourceKind, sourceUrl: s.sourceUrl,
  }));
  onStep(2, 3);

  const sources: FieldSourceRow[] = sortByKeys(await listFieldSourcesForExport(), (s) => [s.modelSlug, s.field, s.sourceKind]);
  const sourcesCsv = csvLines([
    [...SOURCE_CSV_COLUMNS],
    ...sources.map((s) => [s.modelSlug, s.field, s.sourceKind, sourceCell(s.value), s.sourceUrl, s.retrievedAt, s.checkedOn]),
  ]);
  onStep(3, 3);

  return [
    file("models.csv", modelsCsv, sortedModels.length),
    file("models.json", jsonRecords(sortedModels.map((m) => modelJson(m, origin))), sortedModels.length),
    file("scores.csv", scoresCsv(scores), scores.length),
    file("scores.json", jsonRecords(scoreRecords), scores.length),
    file("sources.csv", sourcesCsv, sources.length),
    file("sources.json", jsonRecords(sources), sources.length),
  ];
}

const ATTEMPTS = 3;

/**
 * The files as of one data version: the version is read before and after, and a write in between (an
 * ingest run, an accepted correction) means the files may mix two states, so they are read again.
 */
async function readConsistentFiles(origin: string, onStep: (done: number, total: number) => void): Promise<{ version: DataVersionInfo; files: ReleaseFile[] }> {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const before = await getDataVersion();
    const files = await readFiles(origin, onStep);
    const after = await getDataVersion();
    if (after.version === before.version) return { version: before, files };
  }
  throw new Error(`the data changed while it was read, ${ATTEMPTS} times in a row (an ingest run or a correction was writing): run the snapshot again when it is done`);
}

export interface SnapshotOptions {
  /** The release's date, YYYY-MM-DD (parsed by lib/schemas/snapshot-cli.ts). */
  date: string;
  /** PUBLIC_URL, for the absolute URLs inside the files; null: site-relative URLs. */
  origin: string | null;
  completeThrough: string;
  onProgress?: (done: number, total: number) => void;
}

export type SnapshotResult =
  | { status: "created"; release: BuiltRelease }
  /** The date had a release with the same files: nothing was written; `release` is the stored one. */
  | { status: "identical"; release: BuiltRelease }
  /** The date had a release with other content: nothing was written. `changed`: the files that differ. */
  | { status: "refused"; release: BuiltRelease; stored: ReleaseSummary; changed: string[] };

/** Reads the dataset and stores it as the release of `date`, unless that date has one (then compares). */
export async function takeSnapshot(options: SnapshotOptions): Promise<SnapshotResult> {
  const { version, files } = await readConsistentFiles(options.origin ?? "", options.onProgress ?? (() => {}));
  const manifest = manifestText(buildManifest({
    date: options.date,
    dataVersion: version.version,
    dataChangedAt: version.changedAt,
    completeThrough: options.completeThrough,
    origin: options.origin,
    files: files.map(({ name, rows, bytes, sha256 }) => ({ name, rows, bytes, sha256 })),
    credit: creditLines(),
    licenses: Object.values(SOURCES as Record<string, SourceInfo>).flatMap((s) => (s.license ? [{ source: s.label, license: s.license, url: s.homeUrl }] : [])),
  }));
  const release: BuiltRelease = { date: options.date, dataVersion: version.version, dataChangedAt: version.changedAt, files, manifest };
  const stored = await createRelease(release);
  if (stored.status === "created") return { status: "created", release };
  if (sameFiles(files, stored.stored.files)) {
    // The stored manifest stays the release's (its data version is the one the files were first read at).
    const existing = (await getRelease(options.date))!;
    return { status: "identical", release: { ...release, dataVersion: existing.dataVersion, dataChangedAt: existing.dataChangedAt, manifest: existing.manifest } };
  }
  const storedSums = new Map(stored.stored.files.map((f) => [f.name, f.sha256]));
  const changed = [...new Set([...files.map((f) => f.name), ...storedSums.keys()])].filter((n) => storedSums.get(n) !== files.find((f) => f.name === n)?.sha256);
  return { status: "refused", release, stored: stored.stored, changed };
}

/** SHA256SUMS of a release: every data file, then manifest.json. */
export function releaseChecksums(files: readonly { name: string; sha256: string }[], manifest: string): string {
  return checksumsText([...files, { name: MANIFEST_FILE, sha256: sha256Hex(manifest) }]);
}

/** `--out DIR`: the files, manifest.json and SHA256SUMS in DIR/<date>/, ready for `sha256sum -c SHA256SUMS`. */
export async function writeReleaseFolder(dir: string, release: BuiltRelease): Promise<string> {
  const folder = path.join(dir, release.date);
  await mkdir(folder, { recursive: true });
  for (const f of release.files) await writeFile(path.join(folder, f.name), f.content);
  await writeFile(path.join(folder, MANIFEST_FILE), release.manifest);
  await writeFile(path.join(folder, CHECKSUMS_FILE), releaseChecksums(release.files, release.manifest));
  return folder;
}
