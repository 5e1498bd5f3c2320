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
