import type { FormState } from "./form-state";
import { z } from "zod";
import { CORRECTABLE_FIELDS, FIELD_LIMITS, MODEL_FIELD_REGISTRY, isModelField, type ModelField, type ModelValues } from "@/lib/domain/model-fields";
import { formatExact } from "@/lib/domain/params";
import { CONTROL_MESSAGE, CONTROL_SINGLE_LINE, plainTextSchema } from "@/lib/domain/text-schemas";
import { httpUrlSchema } from "./common";

export { plainTextSchema };

/**
 * What the public corrections form and the moderators' forms accept. Proposed values are parsed into the
 * field's own type (a count, a date, a license id, ...) by the schema of that field in the field registry
 * (lib/domain/model-fields.ts), then checked with the write path's rules (lib/data/corrections/submit.ts).
 * Every limit is here or in the registry, so the tests and the form agree.
 */
export const CORRECTION_LIMITS = {
  ...FIELD_LIMITS,
  note: 2000,
  url: 2000,
  email: 254,
  reviewReason: 500,
  /** Form keys read from one request; more is not a person filling in the form. */
  formKeys: 100,
  /** Characters of each value echoed back to the form after an error. */
  echo: 10_000,
  /** Submissions per client per hour, and for everyone together (docs/decisions/006-corrections.md). */
  perClientPerHour: 10,
  allClientsPerHour: 200,
} as const;

/** Evidence: a public http(s) page, stored normalized (so `<` or a space is percent-encoded). */
export const evidenceUrlSchema = z
  .string({ message: "must be text" })
  .trim()
  .min(1, "is required: link to the page that shows the right value")
  .max(CORRECTION_LIMITS.url, `is too long: at most ${formatExact(CORRECTION_LIMITS.url)} characters`)
  .pipe(httpUrlSchema)
  .refine((s) => !CONTROL_SINGLE_LINE.test(s), CONTROL_MESSAGE)
  .transform((s) => new URL(s))
  .refine((u) => u.username === "" && u.password === "", "must not contain a user name or password")
  .refine((u) => u.hostname.includes(".") && !u.hostname.endsWith(".localhost") && !u.hostname.endsWith(".local"), "must be a public web address (a host name with a dot, not localhost)")
  .transform((u) => u.href);

export const noteSchema = plainTextSchema(CORRECTION_LIMITS.note, { multiline: true }).transform((s) => (s === "" ? null : s));

export const contactEmailSchema = z
  .string({ message: "must be text" })
  .trim()
  .max(CORRECTION_LIMITS.email, `is too long: at most ${CORRECTION_LIMITS.email} characters`)
  .pipe(z.union([z.literal(""), z.email({ message: "is not an email address (or leave it empty)" })]))
  .transform((s) => (s === "" ? null : s.toLowerCase()));

type ValueSchemas = { [K in ModelField]: (typeof MODEL_FIELD_REGISTRY)[K]["value"] };
type TextSchemas = { [K in ModelField]: (typeof MODEL_FIELD_REGISTRY)[K]["text"] };

/** Field values in their stored types (also used to re-check a stored proposal before accepting it). */
export const FIELD_VALUE_SCHEMAS = Object.fromEntries(Object.entries(MODEL_FIELD_REGISTRY).map(([f, d]) => [f, d.value])) as ValueSchemas;

/** Field values as typed into the form. */
export const FIELD_TEXT_SCHEMAS = Object.fromEntries(Object.entries(MODEL_FIELD_REGISTRY).map(([f, d]) => [f, d.text])) as TextSchemas;

// ---- The whole form.

/** The form as it arrives: values are `unknown` because a hostile client can send anything. */
export interface CorrectionFormInput {
  proposals: Record<string, unknown>;
  evidenceUrl: unknown;
  note: unknown;
  contactEmail: unknown;
  /** The honeypot: a field people never see, which simple bots fill in. */
  website: unknown;
  /** Keys beyond CORRECTION_LIMITS.formKeys that were not read. */
  droppedKeys: number;
}

/** Form field names: proposals are `f.<field>`; `website` is the honeypot. */
export const PROPOSAL_PREFIX = "f.";
export const HONEYPOT_FIELD = "website";

/** FormData to CorrectionFormInput. Repeated keys become arrays; Next's own `$ACTION_*` keys are skipped. */
export function readCorrectionForm(form: FormData): CorrectionFormInput {
  const input: CorrectionFormInput = { proposals: {}, evidenceUrl: "", note: "", contactEmail: "", website: "", droppedKeys: 0 };
  const keys = [...new Set(form.keys())].filter((k) => !k.startsWith("$ACTION"));
  for (const [i, key] of keys.entries()) {
    if (i >= CORRECTION_LIMITS.formKeys) {
      input.droppedKeys++;
      continue;
    }
    const all = form.getAll(key);
    const value: unknown = all.length === 1 ? all[0] : all;
    if (key.startsWith(PROPOSAL_PREFIX)) input.proposals[key.slice(PROPOSAL_PREFIX.length)] = value;
    else if (key === "evidenceUrl" || key === "note" || key === "contactEmail" || key === HONEYPOT_FIELD) input[key] = value;
  }
  return input;
}

export type CorrectionFieldErrors = Record<string, string>;

export interface ParsedCorrection {
  proposals: Partial<ModelValues>;
  evidenceUrl: string;
  note: string | null;
  contactEmail: string | null;
}

/** Empty means "not proposed": an empty text box, an unticked set of boxes, the "keep" option. */
function isEmptyProposal(v: unknown): boolean {
  const blank = (x: unknown) => x === undefined || (typeof x === "string" && x.trim() === "");
  return blank(v) || (Array.isArray(v) && v.every(blank));
}

/**
 * The first, database-free stage of validating a correction: every proposal in its field's type, the
 * evidence, note and contact. Errors are keyed by form field (a model field name, `evidenceUrl`, `note`,
 * `contactEmail`); `message` is for what belongs to no one field.
 */
export function parseCorrectionInput(
  input: CorrectionFormInput,
): { ok: true; data: ParsedCorrection } | { ok: false; fieldErrors: CorrectionFieldErrors; message: string | null } {
  const fieldErrors: CorrectionFieldErrors = {};
  const messages: string[] = [];

  if (input.droppedKeys > 0) messages.push("The form sent far more fields than it has; nothing was stored.");
  if (!isEmptyProposal(input.website)) {
    messages.push("This submission looks automated (a hidden field was filled in), so it was not stored.");
  }

  const unknown = Object.keys(input.proposals).filter((f) => !isModelField(f) || !MODEL_FIELD_REGISTRY[f].correctable);
  if (unknown.length) {
    const names = unknown.slice(0, 5).map((f) => `“${f.slice(0, 40)}”`).join(", ");
    messages.push(`Unknown field ${names}: a correction can only change the fields listed on the form.`);
  }

  const proposals: Partial<Record<ModelField, unknown>> = {};
  for (const field of CORRECTABLE_FIELDS) {
    const raw = input.proposals[field];
    if (isEmptyProposal(raw)) continue;
    // A value of the wrong kind (an uploaded file, a list where one value belongs) fails the schema.
    const parsed = FIELD_TEXT_SCHEMAS[field].safeParse(raw);
    if (parsed.success) proposals[field] = parsed.data;
    else fieldErrors[field] = parsed.error.issues[0]?.message ?? "is not valid";
  }
  if (Object.keys(proposals).length === 0 && Object.keys(fieldErrors).length === 0 && unknown.length === 0) {
    messages.push("Propose at least one value: fill in the fields that are wrong and leave the others empty.");
  }

  const evidence = evidenceUrlSchema.safeParse(input.evidenceUrl);
  if (!evidence.success) fieldErrors.evidenceUrl = evidence.error.issues[0]?.message ?? "is not valid";
  const note = noteSchema.safeParse(input.note);
  if (!note.success) fieldErrors.note = note.error.issues[0]?.message ?? "is not valid";
  const contact = contactEmailSchema.safeParse(input.contactEmail);
  if (!contact.success) fieldErrors.contactEmail = contact.error.issues[0]?.message ?? "is not valid";

  if (messages.length || !evidence.success || !note.success || !contact.success || Object.keys(fieldErrors).length) {
    return { ok: false, fieldErrors, message: messages.length ? messages.join(" ") : null };
  }
  return {
    ok: true,
    data: { proposals: proposals as Partial<ModelValues>, evidenceUrl: evidence.data, note: note.data, contactEmail: contact.data },
  };
}

/** What the form shows again after an error: strings only, bounded. */
export function echoCorrectionInput(input: CorrectionFormInput): Record<string, string | string[]> {
  const text = (v: unknown) => (typeof v === "string" ? v.slice(0, CORRECTION_LIMITS.echo) : "");
  const out: Record<string, string | string[]> = {};
  for (const field of CORRECTABLE_FIELDS) {
    const v = input.proposals[field];
    if (v === undefined) continue;
    out[`${PROPOSAL_PREFIX}${field}`] = Array.isArray(v) ? v.map(text) : text(v);
  }
  out.evidenceUrl = text(input.evidenceUrl);
  out.note = text(input.note);
  out.contactEmail = text(input.contactEmail);
  return out;
}

/** What the form's server action returns (success redirects to the submission's status page instead). */
export type CorrectionFormState = FormState<Record<string, string | string[]>>;

// ---- Moderation.

export const reviewFormSchema = z
  .object({
    decision: z.enum(["accept", "reject"], { message: "choose accept or reject" }),
    ids: z
      .array(z.coerce.number().int().positive(), { message: "tick at least one proposed value" })
      .min(1, "tick at least one proposed value")
      .max(50),
    reason: plainTextSchema(CORRECTION_LIMITS.reviewReason, { multiline: true }),
  })
  .refine((r) => r.decision === "accept" || r.reason.length > 0, {
    path: ["reason"],
    message: "is required when rejecting: the person who sent it will read it",
  });
export type ReviewForm = z.infer<typeof reviewFormSchema>;

/**
 * The values in use the moderator saw, one hidden `seen.<id>` input per correction (JSON, as the queue
 * rendered it): the accept compares them with the values now. Null when one is missing or not JSON.
 */
export function readSeenValues(form: FormData, ids: number[]): Map<number, unknown> | null {
  const seen = new Map<number, unknown>();
  for (const id of ids) {
    const raw = z.string().max(CORRECTION_LIMITS.echo).safeParse(form.get(`seen.${id}`));
    if (!raw.success) return null;
    try {
      seen.set(id, JSON.parse(raw.data));
    } catch {
      return null;
    }
  }
  return seen;
}

/** What the moderators' review action returns (success redirects back to the queue instead). */
/** The review form's values, shown again after an error. */
export type ReviewFormState = FormState<{ reason: string; ids: string[] }>;

/** The password is never sent back. */
export type LoginFormState = FormState<Record<string, never>>;

export const loginFormSchema = z.object({
  password: z.string({ message: "is required" }).min(1, "is required").max(500, "is too long"),
});

export const submissionIdSchema = z.uuid();
