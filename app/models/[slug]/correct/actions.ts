"use server";

import { redirect } from "next/navigation";
import { requestClientKey } from "@/lib/auth/server";
import { createCorrections } from "@/lib/data/corrections/submit";
import { echoCorrectionInput, readCorrectionForm, type CorrectionFormState } from "@/lib/schemas/correction";
import { formError } from "@/lib/schemas/form-state";

/**
 * The public corrections form's action (anonymous by design). Validation, the honeypot, the rate limit
 * and storage are all in createCorrections; on success, to the submission's status page.
 */
export async function submitCorrection(slug: string, previous: CorrectionFormState, form: FormData): Promise<CorrectionFormState> {
  // A hand-made POST can call an action with any arguments: read nothing but a form.
  const input = readCorrectionForm(form instanceof FormData ? form : new FormData());
  const result = await createCorrections(String(slug), input, { clientKey: await requestClientKey() });
  if (!result.ok) {
    return formError(previous, { message: result.message, fieldErrors: result.fieldErrors, values: echoCorrectionInput(input) });
  }
  redirect(`/corrections/${result.submissionId}?sent=1`);
}
