"use server";

import { setTimeout as sleep } from "node:timers/promises";
import { redirect } from "next/navigation";
import { adminConfig, endAdminSession, MODERATION_DISABLED_MESSAGE, requestClientKey, requireAdmin, startAdminSession } from "@/lib/auth/server";
import { claimSignInAttempt, markSignInSucceeded, signInRefusal } from "@/lib/data/sign-in";
import { acceptCorrections, rejectCorrections } from "@/lib/data/corrections/review";
import { loginFormSchema, readSeenValues, reviewFormSchema, type LoginFormState, type ReviewFormState } from "@/lib/schemas/correction";
import { formError } from "@/lib/schemas/form-state";

// The moderators' server actions. Each checks the session itself (a form on a protected page is no
// protection: anyone can POST an action). `login` is the one way in and is open by design.

export async function login(previous: LoginFormState, form: FormData): Promise<LoginFormState> {
  const refuse = (message: string) => formError(previous, { message: null, fieldErrors: { password: message }, values: {} });
  // A hand-made POST can call an action with any arguments.
  if (!(form instanceof FormData)) return refuse("Enter the moderators' password.");
  const parsed = loginFormSchema.safeParse({ password: form.get("password") });
  if (!parsed.success) return refuse("Enter the moderators' password.");
  if (!adminConfig().enabled) return refuse(MODERATION_DISABLED_MESSAGE);
  // The limit is checked before the password, and counted in the database (every instance shares it).
  const claim = await claimSignInAttempt(await requestClientKey());
  if (!claim.ok) return refuse(signInRefusal(claim));
  const outcome = await startAdminSession(parsed.data.password);
  if (outcome === "disabled") return refuse(MODERATION_DISABLED_MESSAGE);
  if (outcome === "wrong-password") {
    // Slows guessing down a little more; the limit and the 12-character minimum (lib/env.ts) are the defence.
    await sleep(500);
    return refuse("Wrong password.");
  }
  await markSignInSucceeded(claim.attemptId);
  redirect("/admin");
}

export async function logout(): Promise<void> {
  await requireAdmin();
  await endAdminSession();
  redirect("/admin/login?signedOut=1");
}

export async function reviewSubmission(previous: ReviewFormState, form: FormData): Promise<ReviewFormState> {
  await requireAdmin();
  if (!(form instanceof FormData)) return formError(previous, { message: "Send the review form.", values: { reason: "", ids: [] } });
  const raw = { decision: form.get("decision"), ids: form.getAll("ids"), reason: form.get("reason") ?? "" };
  const values = {
    reason: typeof raw.reason === "string" ? raw.reason.slice(0, 2000) : "",
    ids: raw.ids.filter((v): v is string => typeof v === "string").slice(0, 50),
  };
  const parsed = reviewFormSchema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? "form")] ??= issue.message;
    return formError(previous, { message: fieldErrors.decision ? "Choose accept or reject." : null, fieldErrors, values });
  }
  const { decision, ids, reason } = parsed.data;
  const seen = readSeenValues(form, ids);
  if (!seen) return formError(previous, { message: "The form is incomplete (it did not say which values you saw). Reload the page and review again.", values });
  const result = decision === "accept" ? await acceptCorrections(ids, reason, { seen }) : await rejectCorrections(ids, reason);
  if (!result.ok) return formError(previous, { message: result.message, values });
  redirect(`/admin?done=${result.decision}&n=${result.fields.length}`);
}
