"use client";

import { useActionState } from "react";
import type { ReviewFormState } from "@/lib/schemas/correction";
import { IDLE_FORM } from "@/lib/schemas/form-state";
import { buttonClass, errorTextClass, inputClass, secondaryButtonClass } from "@/components/corrections/form-styles";

interface Props {
  submissionId: string;
  /** `seen`: the value in use the moderator is looking at (JSON), sent back so a change meanwhile is caught. */
  items: { id: number; summary: string; seen: string }[];
  action: (state: ReviewFormState, form: FormData) => Promise<ReviewFormState>;
}

/** Accept or reject the ticked values of one submission; a reason is required to reject. */
export function ReviewForm({ submissionId, items, action }: Props) {
  const [state, formAction, pending] = useActionState<ReviewFormState, FormData>(action, IDLE_FORM);
  const sent = state.status === "error" ? state : null;
  const fieldErrors = sent?.fieldErrors ?? {};
  const id = (name: string) => `${name}-${submissionId}`;
  return (
    // Re-mounted after each attempt so the inputs show what was sent (React resets a form after its action).
    <form key={state.attempt} action={formAction} noValidate className="mt-3 space-y-3" aria-label="Review this submission">
      {sent?.message ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800 dark:border-red-800 dark:bg-red-950/40 dark:text-red-300">
          {sent.message}
        </p>
      ) : null}
      {items.map((item) => (
        <input key={item.id} type="hidden" name={`seen.${item.id}`} value={item.seen} />
      ))}
      <fieldset aria-describedby={fieldErrors.ids ? id("ids-error") : undefined}>
        <legend className="text-sm font-medium">Values to decide on</legend>
        <div className="mt-1 space-y-1">
          {items.map((item) => (
            <label key={item.id} className="flex items-start gap-2 text-sm">
              <input
                type="checkbox"
                name="ids"
                value={item.id}
                defaultChecked={sent ? sent.values.ids.includes(String(item.id)) : true}
                className="mt-0.5 size-4 accent-blue-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:accent-blue-400"
              />
              <span>{item.summary}</span>
            </label>
          ))}
        </div>
        {fieldErrors.ids ? (
          <p id={id("ids-error")} className={errorTextClass}>
            {fieldErrors.ids}
          </p>
        ) : null}
      </fieldset>
      <div>
        <label htmlFor={id("reason")} className="text-sm font-medium">
          Reason <span className="font-normal text-zinc-600 dark:text-zinc-400">(required to reject; the sender reads it)</span>
        </label>
        <textarea
          id={id("reason")}
          name="reason"
          rows={2}
          maxLength={500}
          defaultValue={sent?.values.reason ?? ""}
          aria-invalid={fieldErrors.reason ? true : undefined}
          aria-describedby={fieldErrors.reason ? id("reason-error") : undefined}
          className={`mt-1 ${inputClass}`}
        />
        {fieldErrors.reason ? (
          <p id={id("reason-error")} className={errorTextClass}>
            Reason {fieldErrors.reason}
          </p>
        ) : null}
      </div>
      <div className="flex gap-3">
        <button type="submit" name="decision" value="accept" disabled={pending} className={buttonClass}>
          Accept selected
        </button>
        <button type="submit" name="decision" value="reject" disabled={pending} className={secondaryButtonClass}>
          Reject selected
        </button>
      </div>
    </form>
  );
}
