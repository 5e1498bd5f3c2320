import { MODEL_FIELD_REGISTRY, MODEL_FIELDS, isModelField, type ModelField } from "./model-fields";
import { formatExact, formatParams, formatTokens } from "./params";

/** The one label of each field, from the field registry (lib/domain/model-fields.ts). */
export const FIELD_LABELS = Object.fromEntries(MODEL_FIELDS.map((f) => [f, MODEL_FIELD_REGISTRY[f].label])) as Record<ModelField, string>;

/**
 * The one formatter of a stored field value (a model column, a FieldSource, Revision or Correction JSON
 * value), so a value reads the same on the model page, /compare, /changes, the feed and the moderators'
 * queue: counts as 671B (671,000,000,000), tokens as 128K tokens (131,072), lists joined, missing as "—".
 * The exact count is part of the text because /changes and the queue have no tooltip, and a change
 * within the rounding of "671B" must still show.
 */
export function formatFieldValue(field: ModelField | string, value: unknown): string {
  if (value === null || value === undefined) return "—";
  const def = isModelField(field) ? MODEL_FIELD_REGISTRY[field] : null;
  if (typeof value === "number") {
    if (def?.display === "params") return `${formatParams(value)} (${formatExact(value)})`;
    if (def?.display === "tokens") return `${formatTokens(value)} tokens (${formatExact(value)})`;
    return formatExact(value);
  }
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (Array.isArray(value)) return value.map(String).join(", ");
  return def?.names?.[String(value)] ?? String(value);
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
  if (MODEL_FIELD_REGISTRY[field].display === "date" && typeof inUse === "string" && typeof other === "string") {
    const days = Math.round((Date.parse(other) - Date.parse(inUse)) / 86_400_000);
    if (Number.isNaN(days) || days === 0) return "";
    return `${days > 0 ? "+" : "−"}${Math.abs(days)} day${Math.abs(days) === 1 ? "" : "s"}`;
  }
  return "";
}

/**
 * A stored value as the form's input for its field holds it, so that the field's text schema reads it
 * back unchanged: ticked boxes as a list, other lists comma-separated, yes/no, plain digits. Null is empty.
 */
export function formInputText(field: ModelField, value: unknown): string | string[] {
  if (value === null || value === undefined) return MODEL_FIELD_REGISTRY[field].input === "checkboxes" ? [] : "";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (Array.isArray(value)) return MODEL_FIELD_REGISTRY[field].input === "checkboxes" ? value.map(String) : value.join(", ");
  return String(value);
}
