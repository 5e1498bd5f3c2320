import type { PrismaClient } from "@/lib/generated/prisma/client";
import { closeInterruptedRuns, finishIngestRun, startIngestRun, type RunCounts } from "@/lib/data/ingest-runs";
import { createModels, listModelSlugs, readModels, writeLicense, writeModel, writeOrganization, type FieldInputs } from "@/lib/data/write-path";
import { MODEL_FIELDS } from "@/lib/domain/model-fields";
import { todayUtc } from "@/lib/domain/model-rules";
import { formatDatasetError, loadCuratedDataset, type CuratedModelRecord } from "./dataset";

export class CuratedDatasetInvalidError extends Error {}

/** Models created per statement batch in a bulk load (and stored ones read per query). */
const CREATE_CHUNK = 500;

export interface CuratedRunSummary extends RunCounts {
  runId: number;
  licensesChanged: number;
  organizationsChanged: number;
}

/** Bases before their derivatives, so each base model exists when a derivative names it. */
export function orderBasesFirst(models: CuratedModelRecord[]): CuratedModelRecord[] {
  const bySlug = new Map(models.map((m) => [m.slug, m]));
  const out: CuratedModelRecord[] = [];
  const placed = new Set<string>();
  const place = (m: CuratedModelRecord) => {
    if (placed.has(m.slug)) return;
    placed.add(m.slug);
    const base = m.values.baseModel ? bySlug.get(m.values.baseModel) : undefined;
    if (base) place(base);
    out.push(m);
  };
  models.forEach(place);
  return out;
}

/**
 * Loads data/curated into the database through the write path. All or nothing: the whole dataset is
 * validated first and written in one transaction, so a bad record refuses the run and a killed run
 * leaves the database as it was (docs/decisions/004-curated-ingest.md).
 */
export async function ingestCurated(
  db: PrismaClient,
  dir: string,
  options: { today?: string; onProgress?: (done: number, total: number) => void } = {},
): Promise<CuratedRunSummary> {
  const today = options.today ?? todayUtc();
  const dataset = await loadCuratedDataset(dir, today);
  // A load that was killed wrote nothing (one transaction) but left its run "running": close it.
  await closeInterruptedRuns(db, "curated");
  const runId = await startIngestRun(db, "curated");
  const counts: RunCounts = { created: 0, updated: 0, unchanged: 0, failed: 0, disagreements: 0 };
  if (dataset.errors.length) {
    const message = `${dataset.errors.length} problems in the dataset; nothing was written:\n${dataset.errors.map(formatDatasetError).join("\n")}`;
    await finishIngestRun(db, runId, "failed", { ...counts, failed: dataset.errors.length }, message);
    throw new CuratedDatasetInvalidError(message);
  }

  const retrievedAt = new Date();
  const batch = { kind: "curated" as const, retrievedAt, reason: "curated dataset", ingestRunId: runId };
  let licensesChanged = 0;
  let organizationsChanged = 0;
  try {
    await db.$transaction(
      async (tx) => {
        for (const l of dataset.licenses) if (await writeLicense(tx, l)) licensesChanged++;
        for (const o of dataset.organizations) {
          const changed = await writeOrganization(tx, { slug: o.slug, name: o.name, country: o.country, kind: o.kind, website: o.website ?? null, sourceUrl: o.source }, retrievedAt);
          if (changed) organizationsChanged++;
        }
        const ordered = orderBasesFirst(dataset.models);
        const inputsOf = (m: CuratedModelRecord): FieldInputs => {
          const inputs: FieldInputs = {};
          // The record's check date goes with each of its values (FieldSource.checkedOn).
          for (const field of MODEL_FIELDS) (inputs as Record<string, unknown>)[field] = { value: m.values[field], url: m.sources[field], checkedOn: m.checked };
          return inputs;
        };
        // New models in bulk (bases come before their derivatives, so a chunk never waits on a later one);
        // existing ones one by one, through the comparison of writeModel.
        const existing = await listModelSlugs(tx);
        const fresh = ordered.filter((m) => !existing.has(m.slug));
        let done = 0;
        for (let i = 0; i < fresh.length; i += CREATE_CHUNK) {
          const chunk = fresh.slice(i, i + CREATE_CHUNK);
          counts.created += await createModels(tx, chunk.map((m) => ({ slug: m.slug, inputs: inputsOf(m), notes: m.notes })), batch, { today });
          done += chunk.length;
          options.onProgress?.(done, ordered.length);
        }
        // Slugs are unique in a dataset, so each stored model is read once per chunk and written once.
        const stored = ordered.filter((x) => existing.has(x.slug));
        for (let i = 0; i < stored.length; i += CREATE_CHUNK) {
          const chunk = stored.slice(i, i + CREATE_CHUNK);
          const rows = await readModels(tx, chunk.map((m) => m.slug));
          for (const m of chunk) {
            const result = await writeModel(tx, m.slug, inputsOf(m), batch, { notes: m.notes, today, existing: rows.get(m.slug) ?? null });
            counts[result.outcome]++;
            options.onProgress?.(++done, ordered.length);
          }
        }
      },
      { timeout: 15 * 60_000, maxWait: 60_000 },
    );
  } catch (e) {
    await finishIngestRun(db, runId, "failed", { ...counts, failed: counts.failed + 1 }, (e as Error).message);
    throw e;
  }
  await finishIngestRun(db, runId, "succeeded", counts, null);
  return { runId, ...counts, licensesChanged, organizationsChanged };
}
