import type { ModelValues } from "./model-fields";

/** Plausible bounds: below 10M is not an LLM, above 10T nobody has released; catches unit slips (284e6 for 284B). */
export const MIN_PARAMS = 10_000_000;
export const MAX_PARAMS = 10_000_000_000_000;
export const MIN_MOE_TOTAL_PARAMS = 1_000_000_000;
export const MIN_CONTEXT = 512;
export const MAX_CONTEXT = 100_000_000;
const YEAR_MS = 366 * 24 * 3600 * 1000;

export interface RuleViolation {
  field: keyof ModelValues;
  message: string;
}

/**
 * Consistency rules every stored record obeys (the database enforces the structural ones again).
 * `today` is passed in so that tests can pin it.
 */
export function checkModelRules(m: ModelValues, today: string): RuleViolation[] {
  const out: RuleViolation[] = [];
  // A closed reference model (openWeights false) has no weights: no license of them, and its developer
  // does not say its architecture. An open-weights release always has both.
  if (m.openWeights && m.architecture === null) out.push({ field: "architecture", message: "an open-weights release needs its architecture (dense or moe)" });
  if (m.openWeights && m.licenseId === null) out.push({ field: "licenseId", message: "an open-weights release needs its license" });
  for (const field of ["totalParams", "activeParams"] as const) {
    const v = m[field];
    if (v != null && (v < MIN_PARAMS || v > MAX_PARAMS)) {
      out.push({ field, message: `${v} is outside the plausible range 10M to 10T (a unit slip?)` });
    }
  }
  if (m.totalParams != null && m.activeParams != null && m.activeParams > m.totalParams) {
    out.push({ field: "activeParams", message: `active (${m.activeParams}) exceeds total (${m.totalParams})` });
  }
  if (m.architecture === "moe") {
    // No MoE release is smaller than ~1B in total (the smallest, Granite 3.0 1B-A400M, is 1.3B).
    if (m.totalParams != null && m.totalParams < MIN_MOE_TOTAL_PARAMS && m.totalParams >= MIN_PARAMS) {
      out.push({ field: "totalParams", message: `${m.totalParams} is implausibly small for an MoE model (a unit slip?)` });
    }
    if (m.routedExperts == null) out.push({ field: "routedExperts", message: "an MoE model needs its routed expert count" });
    if (m.expertsPerToken == null) out.push({ field: "expertsPerToken", message: "an MoE model needs its experts per token" });
    if (m.routedExperts != null && m.expertsPerToken != null && m.expertsPerToken > m.routedExperts) {
      out.push({ field: "expertsPerToken", message: `experts per token (${m.expertsPerToken}) exceeds routed experts (${m.routedExperts})` });
    }
  } else if (m.architecture === "dense") {
    for (const field of ["routedExperts", "expertsPerToken", "sharedExperts"] as const) {
      if (m[field] != null) out.push({ field, message: "a dense model has no experts" });
    }
    if (m.totalParams != null && m.activeParams != null && m.activeParams !== m.totalParams) {
      out.push({ field: "activeParams", message: `a dense model uses all its weights: active (${m.activeParams}) must equal total (${m.totalParams})` });
    }
  }
  for (const field of ["contextWindow", "maxPositionEmbeddings"] as const) {
    const v = m[field];
    if (v != null && (v < MIN_CONTEXT || v > MAX_CONTEXT)) {
      out.push({ field, message: `${v} tokens is outside the plausible range ${MIN_CONTEXT} to ${MAX_CONTEXT}` });
    }
  }
  for (const field of ["announcedDate", "releaseDate"] as const) {
    const v = m[field];
    if (v != null && v > today) out.push({ field, message: `${v} is in the future (today is ${today})` });
  }
  if (m.announcedDate && Date.parse(m.releaseDate) < Date.parse(m.announcedDate) - YEAR_MS) {
    out.push({ field: "releaseDate", message: `weights date ${m.releaseDate} is more than a year before the announcement ${m.announcedDate}` });
  }
  if (m.developers.length === 0) out.push({ field: "developers", message: "at least one developer is needed" });
  if (new Set(m.developers).size !== m.developers.length) out.push({ field: "developers", message: "a developer is listed twice" });
  return out;
}

export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
