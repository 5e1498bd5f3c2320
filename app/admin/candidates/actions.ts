"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { requireAdmin } from "@/lib/auth/server";
import { decideCandidate } from "@/lib/data/candidates-review";
import { MODEL_FIELD_REGISTRY } from "@/lib/domain/model-fields";
import { CANDIDATE_FIELDS, parseCandidateForm, URL_PREFIX, VALUE_PREFIX, type CandidateFormInput, type CandidateFormState, type CandidateFormValues } from "@/lib/schemas/candidate";
import { CORRECTION_LIMITS } from "@/lib/schemas/correction";
import { formError } from "@/lib/schemas/form-state";

// The moderators' decision on one discovered repository. Checks the session itself: anyone can POST an action.
export async function decideCandidateAction(previous: CandidateFormState, form: FormData): Promise<CandidateFormState> {
  await requireAdmin();
  if (!(form instanceof FormData)) return formError(previous, { message: "Send the review form.", values: {} });
  const text = (v: FormDataEntryValue | null) => (typeof v === "string" ? v.slice(0, CORRECTION_LIMITS.echo) : "");
  const echo: CandidateFormValues = {};
  for (const [key, value] of [...form.entries()].slice(0, CORRECTION_LIMITS.formKeys)) {
    if (typeof value !== "string" || key.startsWith("$")) continue;
    const prev = echo[key];
    echo[key] = prev === undefined ? text(value) : [...(Array.isArray(prev) ? prev : [prev]), text(value)];
  }
  const id = z.coerce.number().int().positive().safeParse(form.get("id"));
  if (!id.success) return formError(previous, { message: "This form names no candidate. Open it again from the queue.", values: echo });
  const input: CandidateFormInput = { decision: form.get("decision"), slug: form.get("slug"), mergeInto: form.get("mergeInto"), reason: form.get("reason") ?? "", values: {}, urls: {} };
  for (const field of CANDIDATE_FIELDS) {
    input.values[field] = MODEL_FIELD_REGISTRY[field].input === "checkboxes" ? form.getAll(`${VALUE_PREFIX}${field}`) : (form.get(`${VALUE_PREFIX}${field}`) ?? undefined);
    input.urls[field] = form.get(`${URL_PREFIX}${field}`) ?? "";
  }
  const parsed = parseCandidateForm(input);
  if (!parsed.ok) return formError(previous, { message: parsed.message, fieldErrors: parsed.fieldErrors, values: echo });
  const result = await decideCandidate(id.data, parsed.data);
  if (!result.ok) return formError(previous, { message: result.message, fieldErrors: result.fieldErrors ?? {}, values: echo });
  const query = new URLSearchParams({ done: result.decision, repo: result.repoId, ...(result.model ? { slug: result.model.slug } : {}) });
  redirect(`/admin/candidates?${query}`);
}
