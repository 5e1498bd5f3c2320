import { z } from "zod";
import { CORRECTABLE_FIELDS, fieldLabel, MODEL_FIELD_REGISTRY, type ModelField, type ModelValues } from "@/lib/domain/model-fields";
import { plainTextSchema, slugSchema } from "@/lib/domain/text-schemas";
import { CORRECTION_LIMITS, evidenceUrlSchema, FIELD_TEXT_SCHEMAS } from "./correction";
import type { FormState } from "./form-state";

/**
 * The moderators' candidate form (/admin/candidates/<id>): every field of a record as text with the page
 * it was read from, parsed with the same per-field schemas as the corrections form, and one decision:
 * accept (a new record), merge (into a record), or dismiss (with a reason, remembered).
 */
export const CANDIDATE_FIELDS: readonly ModelField[] = CORRECTABLE_FIELDS;
export const VALUE_PREFIX = "v.";
export const URL_PREFIX = "u.";
export const DECISIONS = ["accept", "merge", "dismiss"] as const;

export interface CandidateFormInput {
  decision: unknown;
  slug: unknown;
  mergeInto: unknown;
  reason: unknown;
  values: Record<string, unknown>;
  urls: Record<string, unknown>;
}

/** The values sent, shown again after an error (text only: a hostile client can send anything). */
export type CandidateFormValues = Record<string, string | string[]>;
export type CandidateFormState = FormState<CandidateFormValues>;

export type CandidateDecision =
  | { decision: "accept"; slug: string; values: { [K in ModelField]?: { value: ModelValues[K]; url: string } }; reason: string }
  | { decision: "merge"; into: string; reason: string }
  | { decision: "dismiss"; reason: string };

const reasonSchema = plainTextSchema(CORRECTION_LIMITS.reviewReason, { multiline: true });
const isBlank = (v: unknown) => v === undefined || (typeof v === "string" && v.trim() === "") || (Array.isArray(v) && v.every((x) => typeof x === "string" && x.trim() === ""));

export function parseCandidateForm(input: CandidateFormInput): { ok: true; data: CandidateDecision } | { ok: false; fieldErrors: Record<string, string>; message: string | null } {
  const fieldErrors: Record<string, string> = {};
  const decision = z.enum(DECISIONS).safeParse(input.decision);
  if (!decision.success) return { ok: false, fieldErrors, message: "Choose accept, merge or dismiss." };
  const reason = reasonSchema.safeParse(input.reason ?? "");
  if (!reason.success) fieldErrors.reason = reason.error.issues[0]?.message ?? "is not valid";

  if (decision.data === "dismiss") {
    if (reason.success && reason.data === "") fieldErrors.reason = "is required to dismiss: it is remembered, and the repository is not queued again";
    return Object.keys(fieldErrors).length ? { ok: false, fieldErrors, message: null } : { ok: true, data: { decision: "dismiss", reason: reason.data! } };
  }
  if (decision.data === "merge") {
    const into = slugSchema.safeParse(typeof input.mergeInto === "string" ? input.mergeInto.trim() : input.mergeInto);
    if (!into.success) fieldErrors.mergeInto = "must be the id of a record, as in its address (e.g. deepseek-v3)";
    return Object.keys(fieldErrors).length ? { ok: false, fieldErrors, message: null } : { ok: true, data: { decision: "merge", into: into.data!, reason: reason.data! } };
  }

  const slug = slugSchema.safeParse(typeof input.slug === "string" ? input.slug.trim() : input.slug);
  if (!slug.success) fieldErrors.slug = slug.error.issues[0]?.message ?? "is not valid";
  const values: Record<string, { value: unknown; url: string }> = {};
  for (const field of CANDIDATE_FIELDS) {
    const raw = input.values[field];
    if (isBlank(raw)) continue;
    const value = FIELD_TEXT_SCHEMAS[field].safeParse(raw);
    if (!value.success) {
      fieldErrors[field] = value.error.issues[0]?.message ?? "is not valid";
      continue;
    }
    const url = evidenceUrlSchema.safeParse(input.urls[field] ?? "");
    if (!url.success) {
      fieldErrors[`${URL_PREFIX}${field}`] = `${url.error.issues[0]?.message ?? "is not valid"}`;
      continue;
    }
    values[field] = { value: value.data, url: url.data };
  }
  if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors, message: null };
  return { ok: true, data: { decision: "accept", slug: slug.data!, values: values as Extract<CandidateDecision, { decision: "accept" }>["values"], reason: reason.data! } };
}

/** Labels of the form's own inputs, for error summaries. */
export function candidateInputLabel(name: string): string {
  if (name === "slug") return "Record id";
  if (name === "mergeInto") return "Merge into";
  if (name === "reason") return "Reason";
  if (name.startsWith(URL_PREFIX)) return `${fieldLabel(name.slice(URL_PREFIX.length) as ModelField)}: source`;
  return name in MODEL_FIELD_REGISTRY ? fieldLabel(name as ModelField) : name;
}
