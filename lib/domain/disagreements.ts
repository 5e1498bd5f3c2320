import type { ModelField } from "./model-fields";
import { sourceRank, valueInUse, type SourceKind } from "./sources";

/**
 * When two sources disagree about a field, and by how much (docs/decisions/005-ingesters.md).
 * - Parameter counts: a relative difference above 1% (PARAM_TOLERANCE). Counts are stated loosely ("7B" for
 *   7.24B, 116.83B for "117B"); below 1% it is rounding, not a disagreement worth a reader's time.
 * - Other counts (experts, context, positions): any difference.
 * - Dates: any difference, sized in days.
 * - Repo ids compare without case (the Hub is case-insensitive); modalities as a set; everything else exactly.
 * - A missing value (null) is never a disagreement: "unknown" is not "different".
 */
export const PARAM_TOLERANCE = 0.01;

const PARAM_FIELDS = new Set<ModelField>(["totalParams", "activeParams"]);
const COUNT_FIELDS = new Set<ModelField>(["routedExperts", "expertsPerToken", "sharedExperts", "contextWindow", "maxPositionEmbeddings"]);
const DATE_FIELDS = new Set<ModelField>(["announcedDate", "releaseDate"]);
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
  if ((PARAM_FIELDS.has(field) || COUNT_FIELDS.has(field)) && typeof a === "number" && typeof b === "number") {
    if (a === b) return AGREE;
    const magnitude = Math.abs(a - b) / Math.max(Math.min(Math.abs(a), Math.abs(b)), 1);
    return { disagree: PARAM_FIELDS.has(field) ? magnitude > PARAM_TOLERANCE : true, magnitude };
  }
  if (DATE_FIELDS.has(field) && typeof a === "string" && typeof b === "string") {
    const days = Math.round(Math.abs(Date.parse(a) - Date.parse(b)) / DAY_MS);
    return Number.isNaN(days) ? { disagree: a !== b, magnitude: a !== b ? 1 : 0 } : { disagree: days > 0, magnitude: days / 365 };
  }
  if (field === "hfRepoId" && typeof a === "string" && typeof b === "string") {
    return a.toLowerCase() === b.toLowerCase() ? AGREE : { disagree: true, magnitude: 1 };
  }
  if (field === "modalities" && Array.isArray(a) && Array.isArray(b)) {
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
