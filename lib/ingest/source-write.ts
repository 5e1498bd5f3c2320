import type { PrismaClient } from "@/lib/generated/prisma/client";
import { findModelDisagreementsWith, type Disagreement } from "@/lib/data/disagreements";
import { writeAdoption, writeModel, WriteRejectedError, type AdoptionInput, type FieldInputs, type SourceBatch } from "@/lib/data/write-path";
import type { ModelField } from "@/lib/domain/model-fields";

/**
 * Writes one model's values from an ingested source through the single write path, in a transaction of
 * its own: a run killed midway leaves every model either fully written or untouched, and a re-run
 * completes it. When the rules refuse the write, the offending values of this source are dropped and the
 * rest is written (each drop is reported); only a write that still fails counts as failed.
 */
export interface SourceWriteOutcome {
  outcome: "created" | "updated" | "unchanged" | "failed";
  /** Fields whose value in use changed. */
  changed: ModelField[];
  refused: { field: ModelField; value: unknown; reason: string }[];
  disagreements: Disagreement[];
  adoptionChanged: boolean;
  error?: string;
}

export interface SourceWriteHooks {
  /** Called inside the model's transaction after its writes, before commit (tests interrupt runs here). */
  afterModelWrite?: (slug: string) => void | Promise<void>;
}

/** A rule broken by one field can be caused by a value of another (active > total, experts without MoE). */
const RELATED: Partial<Record<ModelField, ModelField[]>> = {
  activeParams: ["totalParams"],
  totalParams: ["activeParams"],
  routedExperts: ["architecture", "expertsPerToken", "sharedExperts"],
  expertsPerToken: ["architecture", "routedExperts", "sharedExperts"],
  sharedExperts: ["architecture", "routedExperts", "expertsPerToken"],
  architecture: ["routedExperts", "expertsPerToken", "sharedExperts"],
  releaseDate: ["announcedDate"],
  announcedDate: ["releaseDate"],
};

class DryRunRollback extends Error {
  constructor(readonly outcome: SourceWriteOutcome) {
    super("dry run");
  }
}

export async function writeSourceValues(
  db: PrismaClient,
  item: { slug: string; inputs: FieldInputs; batch: SourceBatch; today: string; adoption?: AdoptionInput; dryRun: boolean; notes?: string | null },
  hooks: SourceWriteHooks = {},
): Promise<SourceWriteOutcome> {
  const refused: SourceWriteOutcome["refused"] = [];
  try {
    return await db.$transaction(
      async (tx) => {
        const inputs: FieldInputs = { ...item.inputs };
        let result;
        for (let attempt = 0; ; attempt++) {
          try {
            result = await writeModel(tx, item.slug, inputs, item.batch, { today: item.today, ...(item.notes !== undefined ? { notes: item.notes } : {}) });
            break;
          } catch (e) {
            if (!(e instanceof WriteRejectedError) || attempt >= 2) throw e;
            const provided = (f: string): f is ModelField => inputs[f as ModelField]?.value != null;
            let drop = e.problems.map((p) => p.field).filter(provided);
            if (!drop.length) drop = e.problems.flatMap((p) => RELATED[p.field as ModelField] ?? []).filter(provided);
            if (!drop.length) throw e;
            const reasons = e.problems.map((p) => `${p.field}: ${p.message}`).join("; ");
            for (const field of new Set(drop)) {
              refused.push({ field, value: inputs[field]!.value, reason: `the rules refuse it (${reasons})` });
              // This source's value is refused: it holds none rather than a stale one.
              (inputs as Record<string, unknown>)[field] = { value: null, url: inputs[field]!.url };
            }
          }
        }
        const adoptionChanged = item.adoption ? await writeAdoption(tx, item.slug, item.adoption) : false;
        const disagreements = await findModelDisagreementsWith(tx, item.slug, item.batch.kind);
        await hooks.afterModelWrite?.(item.slug);
        const outcome: SourceWriteOutcome = { outcome: result.outcome, changed: result.changed, refused, disagreements, adoptionChanged };
        if (item.dryRun) throw new DryRunRollback(outcome);
        return outcome;
      },
      { timeout: 120_000, maxWait: 60_000 },
    );
  } catch (e) {
    if (e instanceof DryRunRollback) return e.outcome;
    return { outcome: "failed", changed: [], refused, disagreements: [], adoptionChanged: false, error: (e as Error).message };
  }
}
