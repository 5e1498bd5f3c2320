"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/corrections/error-summary";
import { buttonClass, errorTextClass, hintTextClass, inputClass, secondaryButtonClass } from "@/components/corrections/form-styles";
import type { FieldGroup, FieldInput } from "@/lib/domain/model-fields";
import { candidateInputLabel, URL_PREFIX, VALUE_PREFIX, type CandidateFormState } from "@/lib/schemas/candidate";
import { IDLE_FORM } from "@/lib/schemas/form-state";

export interface CandidateFormField {
  field: string;
  label: string;
  hint: string;
  input: FieldInput;
  options?: { value: string; label: string }[];
  /** The value discovery read, as the input holds it (empty: unknown). */
  value: string | string[];
  /** The page it was read from. */
  url: string;
  /** Where it came from, for the moderator: "Hub", "guessed from the repo name", "missing". */
  basis: string;
}

interface Props {
  candidateId: number;
  slug: string;
  groups: { group: FieldGroup; fields: CandidateFormField[] }[];
  action: (state: CandidateFormState, form: FormData) => Promise<CandidateFormState>;
}

/**
 * A discovered repository, completed and decided by a moderator: every field with its value and the page
 * it was read from (both editable), then accept as a new record, merge into a record, or dismiss. Works
 * without JavaScript; with it, errors come back without a reload and focus moves to their summary.
 */
export function CandidateForm({ candidateId, slug, groups, action }: Props) {
  const [state, formAction, pending] = useActionState<CandidateFormState, FormData>(action, IDLE_FORM);
  const sent = state.status === "error" ? state : null;
  const errors = sent?.fieldErrors ?? {};
  const sentText = (name: string, fallback: string) => {
    const v = sent?.values[name];
    return sent ? (typeof v === "string" ? v : "") : fallback;
  };
  const sentList = (name: string, fallback: string[]) => {
    const v = sent?.values[name];
    return sent ? (Array.isArray(v) ? v : typeof v === "string" ? [v] : []) : fallback;
  };
  const invalid = (name: string) => (errors[name] ? true : undefined);
  const describedBy = (name: string, ...more: string[]) => [...more, errors[name] ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
  const errorFor = (name: string) =>
    errors[name] ? (
      <p id={`${name}-error`} className={errorTextClass}>
        {candidateInputLabel(name)} {errors[name]}
      </p>
    ) : null;

  return (
    <form key={state.attempt} action={formAction} noValidate className="mt-6 space-y-8" aria-label="Review this candidate">
      <input type="hidden" name="id" value={candidateId} />
      {sent ? <ErrorSummary titleId="candidate-errors-title" title="Nothing was changed" message={sent.message} errors={errors} label={candidateInputLabel} /> : null}

      <section aria-labelledby="accept-title" className="space-y-6">
        <h2 id="accept-title" className="text-lg font-semibold">Complete and accept as a new record</h2>
        <p className="max-w-3xl text-sm text-zinc-600 dark:text-zinc-400">
          Check each value against its source and fill in what is missing (an empty box leaves the field unknown). A value you change
          needs the page that shows it. Accepting writes the record through the one write path as &ldquo;Moderator review&rdquo;, keeps
          the Hub&apos;s own values beside yours, and publishes it.
        </p>
        <div className="max-w-md">
          <label htmlFor="slug" className="text-sm font-medium">
            Record id
          </label>
          <input id="slug" name="slug" defaultValue={sentText("slug", slug)} aria-invalid={invalid("slug")} aria-describedby={describedBy("slug", "slug-hint")} className={`mt-1 ${inputClass}`} />
          <p id="slug-hint" className={hintTextClass}>
            Its address: /models/&lt;id&gt;. Lowercase letters, digits, dots and dashes.
          </p>
          {errorFor("slug")}
        </div>
        {groups.map(({ group, fields }) => (
          <fieldset key={group} className="space-y-4">
            <legend className="text-base font-semibold">{group}</legend>
            {fields.map((f) => {
              const name = f.field;
              const valueName = `${VALUE_PREFIX}${name}`;
              const urlName = `${URL_PREFIX}${name}`;
              return (
                <div key={name} className="grid gap-2 border-t border-zinc-200 pt-3 md:grid-cols-2 dark:border-zinc-800">
                  <div>
                    {f.input === "checkboxes" ? (
                      <fieldset aria-describedby={describedBy(name, `${name}-hint`)}>
                        <legend id={name} tabIndex={-1} className="text-sm font-medium">
                          {f.label} <span className="font-normal text-zinc-600 dark:text-zinc-400">({f.basis})</span>
                        </legend>
                        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
                          {f.options?.map((o) => (
                            <label key={o.value} className="flex items-center gap-1.5 text-sm">
                              <input type="checkbox" name={valueName} value={o.value} defaultChecked={sentList(valueName, f.value as string[]).includes(o.value)} className="size-4 accent-blue-700 dark:accent-blue-400" />
                              {o.label}
                            </label>
                          ))}
                        </div>
                      </fieldset>
                    ) : (
                      <>
                        <label htmlFor={name} className="text-sm font-medium">
                          {f.label} <span className="font-normal text-zinc-600 dark:text-zinc-400">({f.basis})</span>
                        </label>
                        {f.input === "select" ? (
                          <select id={name} name={valueName} defaultValue={sentText(valueName, f.value as string)} aria-invalid={invalid(name)} aria-describedby={describedBy(name, `${name}-hint`)} className={`mt-1 ${inputClass}`}>
                            <option value="">(unknown)</option>
                            {f.options?.map((o) => (
                              <option key={o.value} value={o.value}>
                                {o.label}
                              </option>
                            ))}
                          </select>
                        ) : (
                          <input id={name} name={valueName} defaultValue={sentText(valueName, f.value as string)} aria-invalid={invalid(name)} aria-describedby={describedBy(name, `${name}-hint`)} className={`mt-1 ${inputClass}`} />
                        )}
                      </>
                    )}
                    <p id={`${name}-hint`} className={hintTextClass}>
                      {f.hint}
                    </p>
                    {errorFor(name)}
                  </div>
                  <div>
                    <label htmlFor={urlName} className="text-sm font-medium">
                      Source of {f.label.toLowerCase()}
                    </label>
                    <input id={urlName} name={urlName} type="url" defaultValue={sentText(urlName, f.url)} aria-invalid={invalid(urlName)} aria-describedby={describedBy(urlName)} className={`mt-1 ${inputClass}`} />
                    {errorFor(urlName)}
                  </div>
                </div>
              );
            })}
          </fieldset>
        ))}
        <div className="max-w-2xl">
          <label htmlFor="reason" className="text-sm font-medium">
            Note or reason <span className="font-normal text-zinc-600 dark:text-zinc-400">(kept as the record&apos;s note when accepting; required to dismiss)</span>
          </label>
          <textarea id="reason" name="reason" rows={2} maxLength={500} defaultValue={sentText("reason", "")} aria-invalid={invalid("reason")} aria-describedby={describedBy("reason")} className={`mt-1 ${inputClass}`} />
          {errorFor("reason")}
        </div>
        <button type="submit" name="decision" value="accept" disabled={pending} className={buttonClass}>
          Accept as a new record
        </button>
      </section>

      <section aria-labelledby="other-title" className="space-y-4 border-t border-zinc-200 pt-6 dark:border-zinc-800">
        <h2 id="other-title" className="text-lg font-semibold">Or: merge, or dismiss</h2>
        <div className="flex flex-wrap items-end gap-3">
          <div className="w-full max-w-xs">
            <label htmlFor="mergeInto" className="text-sm font-medium">
              Merge into record
            </label>
            <input id="mergeInto" name="mergeInto" placeholder="e.g. deepseek-v3" defaultValue={sentText("mergeInto", "")} aria-invalid={invalid("mergeInto")} aria-describedby={describedBy("mergeInto", "mergeInto-hint")} className={`mt-1 ${inputClass}`} />
            <p id="mergeInto-hint" className={hintTextClass}>
              A new checkpoint or copy of a record we have: the repository is remembered with it.
            </p>
            {errorFor("mergeInto")}
          </div>
          <button type="submit" name="decision" value="merge" disabled={pending} className={secondaryButtonClass}>
            Merge
          </button>
        </div>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Dismissing needs a reason (above); the repository is never queued again.</p>
        <button type="submit" name="decision" value="dismiss" disabled={pending} className={secondaryButtonClass}>
          Dismiss
        </button>
      </section>
    </form>
  );
}
