import { referenceValue, type MatchableModel } from "@/lib/data/ingest-lookup";
import type { FieldInputs } from "@/lib/data/write-path";
import { MODEL_FIELDS, type ModelField } from "@/lib/domain/model-fields";
import type { IngestedSource } from "@/lib/domain/sources";
import { MAX_CONTEXT, MAX_PARAMS, MIN_CONTEXT, MIN_PARAMS } from "@/lib/domain/model-rules";
import { formatParams } from "@/lib/domain/params";

/**
 * Sanity checks on one ingested value before it is stored (docs/decisions/005-ingesters.md). A value that
 * fails is refused and reported; the rest of the record is still written.
 *
 * Parameter counts are compared with the value another source holds (curated first): a ratio of 10 or more
 * is not a disagreement but a slip (Epoch's DeepSeek-V4-Flash at 284,000,000 for 284B is 1000x off).
 */
export const ABSURD_RATIO = 10;

export function checkIngestedValue(
  field: ModelField,
  value: unknown,
  reference: { value: unknown; source: string } | null,
  today: string,
): string | null {
  if (value == null) return null;
  if (field === "totalParams" || field === "activeParams") {
    if (typeof value !== "number" || !Number.isSafeInteger(value)) return `${String(value)} is not an integer count`;
    if (value < MIN_PARAMS || value > MAX_PARAMS) return `${formatParams(value)} is outside the plausible range 10M to 10T (a unit slip?)`;
    if (reference && typeof reference.value === "number" && reference.value > 0) {
      const ratio = Math.max(value / reference.value, reference.value / value);
      if (ratio >= ABSURD_RATIO) {
        return `${formatParams(value)} is ${Math.round(ratio).toLocaleString("en-US")}x off the ${reference.source} value ${formatParams(reference.value)}: an absurd ratio (a unit slip?)`;
      }
    }
  }
  if ((field === "contextWindow" || field === "maxPositionEmbeddings") && typeof value === "number" && (value < MIN_CONTEXT || value > MAX_CONTEXT)) {
    return `${value} tokens is outside the plausible range ${MIN_CONTEXT} to ${MAX_CONTEXT}`;
  }
  if ((field === "releaseDate" || field === "announcedDate") && typeof value === "string" && value > today) {
    return `${value} is in the future (today is ${today})`;
  }
  return null;
}

/** Between a total and an active count from the same source: which of the two to refuse, and why. */
export function checkActiveAgainstTotal(active: number, total: number): string | null {
  if (active > total) return `active ${formatParams(active)} exceeds total ${formatParams(total)}`;
  if (active * 1000 < total) return `active ${formatParams(active)} is less than a thousandth of total ${formatParams(total)} (a unit slip?)`;
  return null;
}

export interface Refusal {
  field: ModelField;
  value: unknown;
  reason: string;
}

/**
 * One source's values for one model, checked field by field (in the registry's field order, so a total
 * is checked before the active count set against it) against the value another source holds, and active
 * against total (this source's total, else the reference). A refused value is kept as null: the source
 * then holds none rather than a stale one from an earlier run.
 */
export function checkSourceInputs(inputs: FieldInputs, model: MatchableModel | null, source: IngestedSource, today: string): { inputs: FieldInputs; refused: Refusal[] } {
  const refused: Refusal[] = [];
  const out: Record<string, { value: unknown; url: string }> = {};
  const ref = (field: ModelField) => (model ? referenceValue(model, field, source) : null);
  for (const field of MODEL_FIELDS) {
    const input = (inputs as Record<string, { value: unknown; url: string } | undefined>)[field];
    if (!input) continue;
    let reason = checkIngestedValue(field, input.value, ref(field), today);
    if (!reason && field === "activeParams" && typeof input.value === "number") {
      const total = out.totalParams?.value ?? ref("totalParams")?.value;
      if (typeof total === "number") reason = checkActiveAgainstTotal(input.value, total);
    }
    if (reason) refused.push({ field, value: input.value, reason });
    out[field] = reason ? { value: null, url: input.url } : input;
  }
  return { inputs: out as FieldInputs, refused };
}
