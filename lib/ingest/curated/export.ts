import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { stringify } from "yaml";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { listReviewedRecords, type ReviewedRecord } from "@/lib/data/candidates";
import { MODEL_FIELD_REGISTRY, MODEL_FIELDS } from "@/lib/domain/model-fields";
import { todayUtc } from "@/lib/domain/model-rules";
import { formatDatasetError, loadCuratedDataset } from "./dataset";

/**
 * `npm run export -- curated` (issue 16): records accepted in the review queue live in the database only;
 * this writes each one that data/curated does not have yet into the file that defines its organization,
 * in the curated format (every value with its source URL, `checked` the day of the review), so that the
 * dataset in git absorbs it and a rebuild from data/ loses nothing. Records already in the files are left
 * alone (a second run writes nothing). The files are checked after writing; on any error they are put back.
 */
export interface ExportResult {
  written: { slug: string; file: string }[];
  alreadyCurated: string[];
}

/** A record in the curated format: fields under their YAML keys (nulls left out), then its sources. */
export function curatedRecord(r: ReviewedRecord): Record<string, unknown> {
  const out: Record<string, unknown> = { slug: r.slug };
  for (const field of MODEL_FIELDS) {
    const value = r.values[field];
    if (value !== null && value !== undefined) out[MODEL_FIELD_REGISTRY[field].yamlKey] = value;
  }
  // The URL most values share is the default; every other field names its own.
  const counts = new Map<string, number>();
  for (const url of Object.values(r.urls)) counts.set(url, (counts.get(url) ?? 0) + 1);
  const defaultUrl = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  const sources: Record<string, string> = defaultUrl ? { default: defaultUrl } : {};
  for (const field of MODEL_FIELDS) {
    const url = r.urls[field];
    if (url && url !== defaultUrl && out[MODEL_FIELD_REGISTRY[field].yamlKey] !== undefined) sources[MODEL_FIELD_REGISTRY[field].yamlKey] = url;
  }
  out.sources = sources;
  if (r.notes) out.notes = r.notes;
  if (r.checkedOn) out.checked = r.checkedOn;
  return out;
}

/** Appends records to a file whose last top-level key is `models:`, indented like its other records. */
function appendRecords(text: string, records: Record<string, unknown>[]): string | null {
  const lines = text.replace(/\s+$/, "").split("\n");
  const modelsLine = lines.findIndex((l) => /^models:\s*(\[\s*\])?\s*$/.test(l));
  if (modelsLine === -1 || lines.slice(modelsLine + 1).some((l) => /^[A-Za-z_]/.test(l))) return null;
  const empty = /\[\s*\]/.test(lines[modelsLine]!);
  const indent = /^(\s*)- /.exec(lines.slice(modelsLine + 1).find((l) => /^\s*- /.test(l)) ?? "- ")?.[1] ?? "";
  const block = stringify(records, { lineWidth: 0 })
    .replace(/\n$/, "")
    .split("\n")
    .map((l) => indent + l);
  if (empty) lines[modelsLine] = "models:";
  return `${[...lines, ...block].join("\n")}\n`;
}

export async function exportCurated(db: PrismaClient, dir: string, options: { dryRun?: boolean; today?: string } = {}): Promise<ExportResult> {
  const today = options.today ?? todayUtc();
  const dataset = await loadCuratedDataset(dir, today);
  if (dataset.errors.length) throw new Error(`${dir} has errors; fix them before exporting:\n${dataset.errors.slice(0, 10).map(formatDatasetError).join("\n")}`);
  const curated = new Set(dataset.models.map((m) => m.slug));
  const reviewed = await listReviewedRecords(db);
  const result: ExportResult = { written: [], alreadyCurated: [] };

  // The file that defines each organization (a record goes with its primary developer), as the loader read it.
  const orgFile = new Map(dataset.organizations.map((o) => [o.slug, path.basename(o.file)]));
  const files = new Set([...dataset.organizations, ...dataset.models].map((x) => path.basename(x.file)));

  const byFile = new Map<string, Record<string, unknown>[]>();
  for (const r of reviewed) {
    if (curated.has(r.slug)) {
      result.alreadyCurated.push(r.slug);
      continue;
    }
    const name = orgFile.get(r.values.developers[0]!) ?? "discovered.yaml";
    byFile.set(name, [...(byFile.get(name) ?? []), curatedRecord(r)]);
    result.written.push({ slug: r.slug, file: path.join(path.basename(dir), name) });
  }
  if (options.dryRun || byFile.size === 0) return result;

  const originals = new Map<string, string | null>();
  try {
    for (const [name, records] of byFile) {
      const file = path.join(dir, name);
      const text = files.has(name) ? await readFile(file, "utf8") : null;
      originals.set(file, text);
      const appended = text === null ? `models:\n${stringify(records, { lineWidth: 0 })}` : appendRecords(text, records);
      if (appended === null) throw new Error(`${file}: models: is not its last section, so records cannot be appended safely; move them by hand`);
      await writeFile(file, appended);
    }
    const check = await loadCuratedDataset(dir, today);
    if (check.errors.length) throw new Error(`the exported records do not pass the dataset check:\n${check.errors.slice(0, 10).map(formatDatasetError).join("\n")}`);
  } catch (e) {
    for (const [file, text] of originals) {
      if (text === null) await rm(file, { force: true });
      else await writeFile(file, text);
    }
    throw e;
  }
  return result;
}
