// Citable snapshots (docs/decisions/016-snapshots.md): what a data release holds, its manifest, its
// checksum list and the citation text. Pure: the bytes and their SHA-256 are computed by lib/api/snapshot.ts.

/** The data files of a release, in the manifest's order. */
export const RELEASE_FILES = ["models.csv", "models.json", "scores.csv", "scores.json", "sources.csv", "sources.json"] as const;
export type ReleaseFileName = (typeof RELEASE_FILES)[number];
export const MANIFEST_FILE = "manifest.json";
/** The checksum list, in `sha256sum` format: `sha256sum -c SHA256SUMS` verifies a downloaded release. */
export const CHECKSUMS_FILE = "SHA256SUMS";

/** Every name /data/releases/<date>/<name> answers. */
export function isReleaseFileName(name: string): boolean {
  return (RELEASE_FILES as readonly string[]).includes(name) || name === MANIFEST_FILE || name === CHECKSUMS_FILE;
}

export const RELEASE_FILE_DESCRIPTIONS: Record<ReleaseFileName, string> = {
  "models.csv": "One line per model record, every field (the columns of /api/v1/models.csv); open_weights false marks the closed (API-only) reference records.",
  "models.json": "The same records as JSON objects (the shape of /api/v1/models), one per line of a JSON array.",
  "scores.csv": "One line per benchmark score: the model, the benchmark, the value, who measured it (measured_by, evaluator) and the source URL.",
  "scores.json": "The same scores as JSON objects.",
  "sources.csv": "One line per source of each value: model slug, field, source kind, the value that source gives, its URL, when it was read and when a person checked it.",
  "sources.json": "The same sources as JSON objects.",
};

/** The media type a release file is served with. */
export function releaseMediaType(name: string): string {
  if (name.endsWith(".csv")) return "text/csv; charset=utf-8";
  if (name.endsWith(".json")) return "application/json";
  return "text/plain; charset=utf-8";
}

/** The site path of a release, or of one of its files. */
export function releasePath(date: string, file?: string): string {
  return `/data/releases/${date}${file ? `/${file}` : ""}`;
}

export interface ReleaseFileEntry {
  name: string;
  /** Data rows: a CSV's header line and a JSON array's brackets are not rows. */
  rows: number;
  bytes: number;
  /** Lower-case hex. */
  sha256: string;
}

export interface ReleaseManifest {
  title: string;
  date: string;
  /** The data version (DataVersion) the files were read at, and when the data last changed before that. */
  dataVersion: number;
  dataChangedAt: string;
  /** The last day the dataset is complete through (data/coverage.yaml). */
  completeThrough: string;
  /** The origin of the absolute URLs inside the files (PUBLIC_URL); null: the files hold site-relative URLs. */
  origin: string | null;
  files: (ReleaseFileEntry & { mediaType: string; description: string })[];
  /** The credit the secondary sources' licenses ask for: keep it with whatever you publish from these files. */
  credit: string[];
  licenses: { source: string; license: string; url: string | null }[];
  verify: string;
}

export interface ManifestInput {
  date: string;
  dataVersion: number;
  dataChangedAt: string;
  completeThrough: string;
  origin: string | null;
  files: ReleaseFileEntry[];
  credit: string[];
  licenses: { source: string; license: string; url: string | null }[];
}

export function buildManifest(input: ManifestInput): ReleaseManifest {
  return {
    title: `Open Model Atlas data release ${input.date}`,
    date: input.date,
    dataVersion: input.dataVersion,
    dataChangedAt: input.dataChangedAt,
    completeThrough: input.completeThrough,
    origin: input.origin,
    files: input.files.map((f) => ({
      name: f.name, mediaType: releaseMediaType(f.name), rows: f.rows, bytes: f.bytes, sha256: f.sha256,
      description: RELEASE_FILE_DESCRIPTIONS[f.name as ReleaseFileName] ?? "",
    })),
    credit: input.credit,
    licenses: input.licenses,
    verify: `Download the files and ${CHECKSUMS_FILE} into one folder, then run: sha256sum -c ${CHECKSUMS_FILE}`,
  };
}

/** manifest.json's bytes: the key order above, two-space indent, a final newline (so it is the same every time). */
export function manifestText(manifest: ReleaseManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** SHA256SUMS: `<hex>  <name>` per line, as `sha256sum` writes and `sha256sum -c` reads. */
export function checksumsText(files: readonly { name: string; sha256: string }[]): string {
  return files.map((f) => `${f.sha256}  ${f.name}\n`).join("");
}

/** Two releases hold the same content when they have the same files with the same checksums. */
export function sameFiles(a: readonly { name: string; sha256: string }[], b: readonly { name: string; sha256: string }[]): boolean {
  const key = (files: readonly { name: string; sha256: string }[]) => files.map((f) => `${f.name}:${f.sha256}`).sort().join("\n");
  return key(a) === key(b);
}

/**
 * A JSON array with one record per line: valid JSON that diffs line by line, with no whitespace that
 * depends on anything but the records.
 */
export function jsonRecords(rows: readonly unknown[]): string {
  return rows.length ? `[\n${rows.map((r) => JSON.stringify(r)).join(",\n")}\n]\n` : "[]\n";
}

/** Code-point order (not the locale's, not the database's collation): the same on every machine. */
export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorts by a tuple of string keys in code-point order. */
export function sortByKeys<T>(rows: T[], keys: (row: T) => string[]): T[] {
  const withKeys = rows.map((row) => ({ row, k: keys(row) }));
  withKeys.sort((x, y) => {
    for (let i = 0; i < Math.max(x.k.length, y.k.length); i++) {
      const c = compareCodePoints(x.k[i] ?? "", y.k[i] ?? "");
      if (c) return c;
    }
    return 0;
  });
  return withKeys.map((w) => w.row);
}

/** "1.2 MB", "34.5 kB", "812 B" (SI units, as download sizes are usually given). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ["kB", "MB", "GB"];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

export interface CitationInput {
  /** What is cited: "DeepSeek-R1 (model record)", "chart: ...", "data release 2026-12-05". */
  what: string;
  dataVersion: number;
  /** YYYY-MM-DD: the day of the data version (when the data last changed). */
  dataDate: string;
  url: string;
  /** YYYY-MM-DD: the day the reader retrieved it. */
  retrieved: string;
}

/** "Open Model Atlas, <what>, data version N (<date>), <URL>, retrieved <today>". */
export function citationText(c: CitationInput): string {
  return `Open Model Atlas, ${c.what}, data version ${c.dataVersion} (${c.dataDate}), ${c.url}, retrieved ${c.retrieved}`;
}
