import { MODEL_FIELD_REGISTRY, PARAM_TOLERANCE, type ModelField } from "./model-fields";
import { sourceRank, valueInUse, type SourceKind } from "./sources";

/**
 * When two sources disagree about a field, and by how much (docs/decisions/005-ingesters.md), by the
 * field's tolerance in the registry (lib/domain/model-fields.ts):
 * - Parameter counts: a relative difference above 1% (PARAM_TOLERANCE); below it is rounding.
 * - Other counts (experts, context, positions): any difference.
 * - Dates: any difference, sized in days.
 * - Repo ids compare without case (the Hub is case-insensitive); modalities as a set; everything else exactly.
 * - A missing value (null) is never a disagreement: "unknown" is not "different".
 */
export { PARAM_TOLERANCE };

const DAY_MS = 24 * 3600 * 1000;

export interface Comparison {
  disagree: boolean;
  /**
   * How large the difference is, comparable across fields for sorting "largest first": the relative
   * difference for counts (0.02 = 2%), days / 365 for dates (a year apart = 1), and 1 for any other
   * difference (a different license or architecture weighs like a count twice as large).
   */
  magnitude: number;
}

const AGREE: Comparison = { disagree: false, magnitude: 0 };

export function compareFieldValues(field: ModelField, a: unknown, b: unknown): Comparison {
  if (a == null || b == null) return AGREE;
  const tolerance = MODEL_FIELD_REGISTRY[field].tolerance;
  if (tolerance.kind === "relative" && typeof a === "number" && typeof b === "number") {
    if (a === b) return AGREE;
    const magnitude = Math.abs(a - b) / Math.max(Math.min(Math.abs(a), Math.abs(b)), 1);
    return { disagree: magnitude > tolerance.max, magnitude };
  }
  if (tolerance.kind === "days" && typeof a === "string" && typeof b === "string") {
    const days = Math.round(Math.abs(Date.parse(a) - Date.parse(b)) / DAY_MS);
    return Number.isNaN(days) ? { disagree: a !== b, magnitude: a !== b ? 1 : 0 } : { disagree: days > 0, magnitude: days / 365 };
  }
  if (tolerance.kind === "ignore-case" && typeof a === "string" && typeof b === "string") {
    return a.toLowerCase() === b.toLowerCase() ? AGREE : { disagree: true, magnitude: 1 };
  }
  if (tolerance.kind === "set" && Array.isArray(a) && Array.isArray(b)) {
    const sa = new Set(a);
    const same = sa.size === new Set(b).size && b.every((x) => sa.has(x));
    return same ? AGREE : { disagree: true, magnitude: 1 };
  }
  return JSON.stringify(a) === JSON.stringify(b) ? AGREE : { disagree: true, magnitude: 1 };
}

/** One source's value of one field. */
export interface SourcedValue {
  source: SourceKind;
  value: unknown;
  url: string;
  retrievedAt: Date;
}

export interface ResolvedField {
  /** The value of the highest-precedence source (what the model's column holds). */
  inUse: SourcedValue | null;
  /** Other sources whose value disagrees with the value in use, largest difference first. */
  disagreeing: (SourcedValue & { magnitude: number })[];
}

export function resolveField(field: ModelField, values: SourcedValue[]): ResolvedField {
  const inUse = valueInUse(field, values);
  if (!inUse) return { inUse: null, disagreeing: [] };
  const disagreeing: ResolvedField["disagreeing"] = [];
  // The others in precedence order, so that equal differences are listed the way the sources rank.
  for (const v of [...values].sort((a, b) => sourceRank(field, a.source) - sourceRank(field, b.source))) {
    if (v === inUse || v.value == null) continue;
    const c = compareFieldValues(field, inUse.value, v.value);
    if (c.disagree) disagreeing.push({ ...v, magnitude: c.magnitude });
  }
  disagreeing.sort((a, b) => b.magnitude - a.magnitude);
  return { inUse, disagreeing };
}
