import { MODEL_FIELDS, type ModelField } from "./model-fields";
import { formatExact, formatParams, formatTokens } from "./params";

/**
 * How each user-facing field of a model is named, entered and shown: by the corrections form, the
 * moderators' queue, /changes and the feed. One table, so a new field in MODEL_FIELDS fails the type check
 * here until someone says how people enter it.
 */
export type FieldInput =
  | "text" // a line of plain text
  | "select" // one of a fixed list (enums, licenses, yes/no)
  | "date" // YYYY-MM-DD
  | "params" // a parameter count: 671000000000 or 671B
  | "count" // a plain whole number (experts, tokens)
  | "slug-list" // organization ids, comma-separated, primary first
  | "slug" // one model id
  | "checkboxes"; // several of a fixed list (modalities)

export interface FieldSpec {
  label: string;
  input: FieldInput;
  /** Shown under the input: the unit or the format expected. */
  hint: string;
  group: FieldGroup;
}

export const FIELD_GROUPS = ["Identity", "Dates", "Size and architecture", "Context", "License and access", "Modalities"] as const;
export type FieldGroup = (typeof FIELD_GROUPS)[number];

export const FIELD_SPECS: Record<ModelField, FieldSpec> = {
  name: { label: "Name", input: "text", hint: "As the developer writes it.", group: "Identity" },
  family: { label: "Family", input: "text", hint: "The series the release belongs to, e.g. DeepSeek-V3.", group: "Identity" },
  variant: { label: "Variant", input: "select", hint: "base, instruct, reasoning, coder or other.", group: "Identity" },
  developers: {
    label: "Developers",
    input: "slug-list",
    hint: "Organization ids as in the atlas, comma-separated, the primary developer first (e.g. deepseek).",
    group: "Identity",
  },
  baseModel: { label: "Base model", input: "slug", hint: "The id of the model this one derives from, as in its address (e.g. deepseek-v3-base).", group: "Identity" },
  hfRepoId: { label: "Hugging Face repository", input: "text", hint: "org/name, e.g. deepseek-ai/DeepSeek-V3.", group: "Identity" },
  announcedDate: { label: "Announced", input: "date", hint: "YYYY-MM-DD.", group: "Dates" },
  releaseDate: { label: "Weights released", input: "date", hint: "YYYY-MM-DD: when the weights became downloadable.", group: "Dates" },
  totalParams: { label: "Total parameters", input: "params", hint: "All weights: an exact count (671000000000) or 671B, 1.04T.", group: "Size and architecture" },
  activeParams: { label: "Active parameters", input: "params", hint: "Weights used per token; equal to the total for dense models.", group: "Size and architecture" },
  architecture: { label: "Architecture", input: "select", hint: "dense or MoE.", group: "Size and architecture" },
  routedExperts: { label: "Routed experts", input: "count", hint: "MoE only: routed experts per MoE layer.", group: "Size and architecture" },
  expertsPerToken: { label: "Experts per token", input: "count", hint: "MoE only: routed experts chosen per token.", group: "Size and architecture" },
  sharedExperts: { label: "Shared experts", input: "count", hint: "MoE only: experts every token goes through (0 or more).", group: "Size and architecture" },
  contextWindow: { label: "Context window", input: "count", hint: "The longest input the developer states, as an exact token count (131072, not 128K).", group: "Context" },
  maxPositionEmbeddings: { label: "Max position embeddings", input: "count", hint: "config.json's max_position_embeddings, in tokens.", group: "Context" },
  licenseId: { label: "License", input: "select", hint: "One of the licenses the atlas knows.", group: "License and access" },
  openWeights: { label: "Open weights", input: "select", hint: "Can the public download the weights (gated or not)?", group: "License and access" },
  modalities: { label: "Modalities", input: "checkboxes", hint: "Tick every kind of input the model accepts.", group: "Modalities" },
};

export function fieldLabel(field: string): string {
  return (FIELD_SPECS as Record<string, FieldSpec | undefined>)[field]?.label ?? field;
}

export function isModelField(field: string): field is ModelField {
  return (MODEL_FIELDS as readonly string[]).includes(field);
}

/** A stored field value (a FieldSource, Revision or Correction JSON value) as people read it. */
export function formatFieldValue(field: string, value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "number") {
    if (field === "totalParams" || field === "activeParams") return `${formatParams(value)} (${formatExact(value)})`;
    if (field === "contextWindow" || field === "maxPositionEmbeddings") return `${formatTokens(value)} tokens (${formatExact(value)})`;
    return formatExact(value);
  }
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (Array.isArray(value)) return value.map(String).join(", ");
  if (field === "architecture" && value === "moe") return "MoE";
  return String(value);
}

/** "just now", "5 minutes ago", "3 hours ago", "2 days ago". */
export function formatAge(from: Date, now: Date = new Date()): string {
  const seconds = Math.max(0, Math.round((now.getTime() - from.getTime()) / 1000));
  if (seconds < 60) return "just now";
  const units: [number, string][] = [
    [86_400, "day"],
    [3_600, "hour"],
    [60, "minute"],
  ];
  for (const [size, name] of units) {
    if (seconds >= size) {
      const n = Math.floor(seconds / size);
      return `${n} ${name}${n === 1 ? "" : "s"} ago`;
    }
  }
  return "just now";
}

/** A link target for a stored URL: only http(s), whatever got into the database. */
export function safeHref(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** A correction's life: sent, then accepted (applied through the write path) or rejected with a reason. */
export const CORRECTION_STATUSES = ["pending", "accepted", "rejected"] as const;
export type CorrectionStatus = (typeof CORRECTION_STATUSES)[number];
