import type { ModelField } from "./model-fields";
import { formatExact, formatParams, formatTokens } from "./params";

/** How each model field is named on pages that show fields one by one (data quality, provenance). */
export const FIELD_LABELS: Record<ModelField, string> = {
  name: "Name",
  family: "Family",
  variant: "Variant",
  developers: "Developers",
  announcedDate: "Announced",
  releaseDate: "Weights released",
  totalParams: "Total parameters",
  activeParams: "Active parameters",
  architecture: "Architecture",
  routedExperts: "Routed experts",
  expertsPerToken: "Experts per token",
  sharedExperts: "Shared experts",
  contextWindow: "Context window",
  maxPositionEmbeddings: "Max position embeddings",
  licenseId: "License",
  openWeights: "Open weights",
  hfRepoId: "Hugging Face repo",
  baseModel: "Base model",
  modalities: "Input modalities",
};

/** A field's value for display: counts with the one formatter (671B, 128K), the rest as text. */
export function formatFieldValue(field: ModelField, value: unknown): string {
  if (value == null) return "—";
  if ((field === "totalParams" || field === "activeParams") && typeof value === "number") return formatParams(value);
  if ((field === "contextWindow" || field === "maxPositionEmbeddings") && typeof value === "number") return formatTokens(value);
  if (field === "architecture") return value === "moe" ? "MoE" : value === "dense" ? "Dense" : String(value);
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (Array.isArray(value)) return value.join(", ");
  if (typeof value === "number") return formatExact(value);
  return String(value);
}

/** The exact value, for a tooltip: 684,531,386,000. */
export function formatFieldValueExact(field: ModelField, value: unknown): string | undefined {
  return typeof value === "number" ? formatExact(value) : undefined;
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
