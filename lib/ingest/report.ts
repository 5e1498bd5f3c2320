import type { Disagreement } from "@/lib/data/disagreements";
import { finishIngestRun, type RunCounts } from "@/lib/data/ingest-runs";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { formatDifference, formatFieldValue, FIELD_LABELS } from "@/lib/domain/field-display";
import type { ModelField } from "@/lib/domain/model-fields";
import { isCrossCheckSource, type RunSource } from "@/lib/domain/sources";

/** What an ingest run did, for the command line, the IngestRun row and the tests. */
export interface IngestReport extends RunCounts {
  source: RunSource;
  runId: number | null;
  dryRun: boolean;
  /** Items processed (repos or CSV rows kept after filtering). */
  total: number;
  /** Models whose adoption figures (downloads, likes) were refreshed. */
  adoptionUpdated: number;
  /** Items nothing could be done with: fetch errors, unreadable answers, writes the rules refused. */
  failures: { item: string; message: string }[];
  /** Single values refused by sanity checks or the rules (the rest of the item was written). */
  refused: { item: string; field: ModelField; value: unknown; reason: string }[];
  /** Items that match no model: reported, created only with --create. */
  candidates: { item: string; reason: string; similar: string[] }[];
  /** Disagreements between this source and the value in use, largest first. */
  disagreementList: Disagreement[];
  /** Anything else worth telling (skipped rows by reason, truncated listings). */
  notes: string[];
  /** Slugs created or changed, in order. */
  changedSlugs: string[];
  /** Models created (with --create), as "slug (from item)". */
  createdList: string[];
}

export function countsOf(r: IngestReport): RunCounts {
  return { created: r.created, updated: r.updated, unchanged: r.unchanged, failed: r.failed, disagreements: r.disagreements };
}

/** Counts one model's write into the report, the same way for every source. */
export function recordWrite(
  report: IngestReport,
  item: string,
  slug: string,
  out: { outcome: "created" | "updated" | "unchanged" | "failed"; refused: IngestReport["refused"] extends (infer R)[] ? Omit<R, "item">[] : never; disagreements: Disagreement[]; adoptionChanged: boolean; error?: string },
): void {
  report.refused.push(...out.refused.map((r) => ({ item, ...r })));
  if (out.outcome === "failed") {
    report.failed++;
    report.failures.push({ item, message: out.error ?? "write failed" });
    return;
  }
  report[out.outcome]++;
  if (out.adoptionChanged) report.adoptionUpdated++;
  if (out.outcome !== "unchanged") report.changedSlugs.push(slug);
  if (out.outcome === "created") report.createdList.push(`${slug} (from ${item})`);
  report.disagreements += out.disagreements.length;
  report.disagreementList.push(...out.disagreements);
}

/** Closes the run's IngestRun row: failed with the error, or by its counts. */
export async function finishReport(db: PrismaClient, report: IngestReport, error?: unknown): Promise<void> {
  report.disagreementList.sort((a, b) => b.magnitude - a.magnitude);
  if (!report.runId) return;
  if (error !== undefined) {
    await finishIngestRun(db, report.runId, "failed", countsOf(report), `${(error as Error).message}\n${runMessage(report) ?? ""}`.trim());
    return;
  }
  const status = report.total > 0 && report.failed >= report.total ? "failed" : "succeeded";
  await finishIngestRun(db, report.runId, status, countsOf(report), runMessage(report));
}

export function emptyReport(source: IngestReport["source"], dryRun: boolean): IngestReport {
  return {
    source, runId: null, dryRun, total: 0, created: 0, updated: 0, unchanged: 0, failed: 0, disagreements: 0, adoptionUpdated: 0,
    failures: [], refused: [], candidates: [], disagreementList: [], notes: [], changedSlugs: [], createdList: [],
  };
}

export function formatDisagreement(d: Disagreement): string {
  const diff = formatDifference(d.field, d.inUse.value, d.other.value);
  return `${d.model.slug} › ${FIELD_LABELS[d.field]}: ${d.inUse.source} ${formatFieldValue(d.field, d.inUse.value)} in use, ${d.other.source} ${formatFieldValue(d.field, d.other.value)}${diff ? ` (${diff})` : ""}`;
}

/** The summary line: "12 created, 3 updated, 40 unchanged, 7 disagreements, 1 failed". */
export function summaryLine(r: IngestReport): string {
  const parts = [`${r.created} created`, `${r.updated} updated`, `${r.unchanged} unchanged`, `${r.disagreements} disagreements`, `${r.failed} failed`];
  if (r.candidates.length) parts.push(`${r.candidates.length} unmatched`);
  if (r.refused.length) parts.push(`${r.refused.length} values refused`);
  if (r.adoptionUpdated) parts.push(`${r.adoptionUpdated} adoption figures refreshed`);
  return `${r.source}${r.runId ? ` run #${r.runId}` : ""}${r.dryRun ? " (dry run: nothing written)" : ""}: ${parts.join(", ")}`;
}

/** The whole report as lines; long lists are cut at `limit` unless it is Infinity. */
export function formatReport(r: IngestReport, limit = 25): string[] {
  const lines: string[] = [];
  const section = <T,>(title: string, items: T[], line: (t: T) => string) => {
    if (!items.length) return;
    lines.push("", `${title} (${items.length}):`);
    for (const item of items.slice(0, limit)) lines.push(`  ${line(item)}`);
    if (items.length > limit) lines.push(`  … and ${items.length - limit} more (--verbose lists all)`);
  };
  section("Failed", r.failures, (f) => `${f.item}: ${f.message}`);
  section("Created (review them in data/curated)", r.createdList, (c) => c);
  section("Refused values", r.refused, (f) => `${f.item} › ${f.field} = ${JSON.stringify(f.value)}: ${f.reason}`);
  section("Disagreements with the value in use, largest first", r.disagreementList, formatDisagreement);
  // The file-based cross-checks name no license, so they never create a model.
  const creates = !isCrossCheckSource(r.source);
  section(creates ? "Unmatched (candidates; --create adds those that can be created)" : "Unmatched (candidates to curate or exclude)", r.candidates, (c) => `${c.item}: ${c.reason}${c.similar.length ? ` (similar: ${c.similar.join(", ")})` : ""}`);
  section("Notes", r.notes, (n) => n);
  lines.push("", summaryLine(r));
  return lines;
}

/** A short text for the IngestRun row's message. */
export function runMessage(r: IngestReport): string | null {
  const lines = formatReport(r, 20).filter((l) => l !== "");
  const text = lines.slice(0, -1).join("\n");
  return text ? text.slice(0, 8000) : null;
}
