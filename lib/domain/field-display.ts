import type { ModelField } from "./model-fields";
import { formatExact, formatParams, formatTokens } from "./params";

export const FIELD_LABELS: Record<ModelField, string> = {
  name: "Name", family: "Family", variant: "Variant", developers: "Developers", announcedDate: "Announced",
  releaseDate: "Weights released", totalParams: "Total parameters", activeParams: "Active parameters",
  architecture: "Architecture", routedExperts: "Routed experts", expertsPerToken: "Experts per token",
  sharedExperts: "Shared experts", contextWindow: "Context window", maxPositionEmbeddings: "Max position embeddings (config)",
  licenseId: "License", openWeights: "Open weights", hfRepoId: "Hugging Face repo", baseModel: "Base model", modalities: "Input modalities",
};

const COUNT_FIELDS = new Set<ModelField>(["totalParams", "activeParams"]);
const TOKEN_FIELDS = new Set<ModelField>(["contextWindow", "maxPositionEmbeddings"]);

/** A stored value as people read it: counts as 671B, tokens as 128K, lists joined, missing as "—". */
export function formatFieldValue(field: ModelField | string, value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "number") {
    if (COUNT_FIELDS.has(field as ModelField)) return formatParams(value);
    if (TOKEN_FIELDS.has(field as ModelField)) return `${formatTokens(value)} tokens`;
    return String(value);
  }
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (Array.isArray(value)) return value.join(", ");
  if (field === "architecture") return value === "moe" ? "MoE" : "Dense";
  return String(value);
}

/** The exact form, for tooltips and detail: 671,000,000,000. */
export function exactFieldValue(value: unknown): string | undefined {
  return typeof value === "number" && value >= 10_000 ? formatExact(value) : undefined;
}

/** How `other` differs from `inUse`: "+2.0%" for counts, "+2 days" for dates, "" when not a quantity. */
export function formatDifference(field: ModelField, inUse: unknown, other: unknown): string {
  if (typeof inUse === "number" && typeof other === "number" && inUse !== 0) {
    const ratio = other / inUse;
    // An order of magnitude apart reads better as a factor (a unit slip shows as ÷1000).
    if (ratio >= 10) return `×${Number(ratio.toPrecision(3))}`;
    if (ratio > 0 && ratio <= 0.1) return `÷${Number((1 / ratio).toPrecision(3))}`;
    const pct = (ratio - 1) * 100;
    const abs = Math.abs(pct);
    return `${pct > 0 ? "+" : "−"}${abs.toFixed(abs < 10 ? 1 : 0)}%`;
  }
  if ((field === "announcedDate" || field === "releaseDate") && typeof inUse === "string" && typeof other === "string") {
    const days = Math.round((Date.parse(other) - Date.parse(inUse)) / 86_400_000);
    if (Number.isNaN(days) || days === 0) return "";
    return `${days > 0 ? "+" : "−"}${Math.abs(days)} day${Math.abs(days) === 1 ? "" : "s"}`;
  }
  return "";
}
