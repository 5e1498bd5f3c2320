"use client";

import { useActionState } from "react";
import type { FieldGroup, FieldInput } from "@/lib/domain/model-fields";
import { CORRECTION_LIMITS, HONEYPOT_FIELD, PROPOSAL_PREFIX, type CorrectionFormState } from "@/lib/schemas/correction";
import { IDLE_FORM } from "@/lib/schemas/form-state";
import { ErrorSummary } from "./error-summary";
import { buttonClass, errorTextClass, hintTextClass, inputClass } from "./form-styles";

export interface FormField {
  field: string;
  label: string;
  hint: string;
  input: FieldInput;
  group: FieldGroup;
  /** The value in use, as people read it. */
  current: string;
  options?: { value: string; label: string }[];
}

interface Props {
  modelName: string;
  groups: { group: FieldGroup; fields: FormField[] }[];
  action: (state: CorrectionFormState, form: FormData) => Promise<CorrectionFormState>;
}

const INITIAL: CorrectionFormState = IDLE_FORM;

/**
 * The public corrections form. Every field of the model is listed with its value in use; people fill in
 * only the wrong ones. Works without JavaScript (a plain POST to the server action); with it, errors come
 * back without a reload and focus moves to their summary.
 */
export function CorrectionForm({ modelName, groups, action }: Props) {
  const [state, formAction, pending] = useActionState(action, INITIAL);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values = state.status === "error" ? state.values : {};
  const labels = new Map(groups.flatMap((g) => g.fields.map((f) => [f.field, f.label])));
  labels.set("evidenceUrl", "Evidence URL").set("note", "Note").set("contactEmail", "Contact email");

  const text = (name: string) => {
    const v = values[name];
    return typeof v === "string" ? v : "";
  };
  const describedBy = (name: string, options: { current?: boolean } = {}) =>
    [options.current ? `${name}-current` : null, `${name}-hint`, errors[name] ? `${name}-error` : null].filter(Boolean).join(" ");
  const errorFor = (name: string) =>
    errors[name] ? (
      <p id={`${name}-error`} className={errorTextClass}>
        {labels.get(name) ?? name} {errors[name]}
      </p>
    ) : null;

  const errorCount = Object.keys(errors).length + (state.status === "error" && state.message ? 1 : 0);

  return (
    // The key re-mounts the form after each attempt, so every input shows what was sent (React resets
    // uncontrolled fields after an action; their defaults are the values sent back).
    <form key={state.attempt} action={formAction} noValidate className="mt-6 max-w-3xl space-y-8">
      {state.status === "error" ? (
        <ErrorSummary
          titleId="correction-errors-title"
          title={`Nothing was sent: ${errorCount === 1 ? "one thing needs" : `${errorCount} things need`} fixing`}
          message={state.message}
          errors={errors}
          label={(name) => labels.get(name) ?? name}
        />
      ) : null}

      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        Fill in only the values of {modelName} that are wrong and leave the others empty. You can propose several at once.
      </p>

      {groups.map(({ group, fields }) => (
        <fieldset key={group} className="rounded border border-zinc-200 p-4 dark:border-zinc-800">
          <legend className="px-1 text-sm font-semibold">{group}</legend>
          <div className="space-y-5">
            {fields.map((f) => {
              const name = `${PROPOSAL_PREFIX}${f.field}`;
              const invalid = errors[f.field] ? true : undefined;
              const common = {
                id: f.field,
                name,
                "aria-invalid": invalid,
                "aria-describedby": describedBy(f.field, { current: true }),
                className: inputClass,
              };
              return (
                <div key={f.field} className="grid gap-1 sm:grid-cols-[14rem_1fr] sm:gap-4">
                  <div className="text-sm">
                    {f.input === "checkboxes" ? (
                      <span id={`${f.field}-label`} className="font-medium">
                        {f.label}
                      </span>
                    ) : (
                      <label htmlFor={f.field} className="font-medium">
                        {f.label}
                      </label>
                    )}
                    <p id={`${f.field}-current`} className="tabular text-zinc-600 dark:text-zinc-400">
                      Now: <span className="text-zinc-900 dark:text-zinc-100">{f.current}</span>
                    </p>
                  </div>
                  <div>
                    {f.input === "select" ? (
                      <select {...common} defaultValue={text(name)}>
                        <option value="">Keep the current value</option>
                        {f.options?.map((o) => (
                          <option key={o.value} value={o.value}>
                            {o.label}
                          </option>
                        ))}
                      </select>
                    ) : f.input === "checkboxes" ? (
                      <div role="group" aria-labelledby={`${f.field}-label`} aria-describedby={describedBy(f.field, { current: true })} className="flex flex-wrap gap-4 pt-1">
                        {f.options?.map((o, i) => {
                          const sent = values[name];
                          const checked = Array.isArray(sent) ? sent.includes(o.value) : sent === o.value;
                          return (
                            <label key={o.value} className="inline-flex items-center gap-1.5 text-sm">
                              <input
                                type="checkbox"
                                id={i === 0 ? f.field : undefined}
                                name={name}
                                value={o.value}
                                defaultChecked={checked}
                                aria-invalid={invalid}
                                className="size-4 rounded border-zinc-300 accent-blue-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:accent-blue-400"
                              />
                              {o.label}
                            </label>
                          );
                        })}
                      </div>
                    ) : (
                      <input
                        {...common}
                        type={f.input === "date" ? "date" : "text"}
                        defaultValue={text(name)}
                        autoComplete="off"
                        spellCheck={f.input === "text" && f.field !== "hfRepoId" ? undefined : false}
                        autoCapitalize={f.input === "slug" || f.input === "slug-list" || f.field === "hfRepoId" ? "none" : undefined}
                        inputMode={f.input === "count" ? "numeric" : undefined}
                        maxLength={f.input === "text" ? CORRECTION_LIMITS.text : undefined}
                      />
                    )}
                    <p id={`${f.field}-hint`} className={hintTextClass}>
                      {f.hint}
                    </p>
                    {errorFor(f.field)}
                  </div>
                </div>
              );
            })}
          </div>
        </fieldset>
      ))}

      <fieldset className="space-y-5 rounded border border-zinc-200 p-4 dark:border-zinc-800">
        <legend className="px-1 text-sm font-semibold">Evidence</legend>
        <div>
          <label htmlFor="evidenceUrl" className="text-sm font-medium">
            Evidence URL <span className="font-normal text-zinc-600 dark:text-zinc-400">(required)</span>
          </label>
          <input
            id="evidenceUrl"
            name="evidenceUrl"
            type="url"
            required
            aria-required="true"
            inputMode="url"
            autoComplete="off"
            placeholder="https://"
            defaultValue={text("evidenceUrl")}
            aria-invalid={errors.evidenceUrl ? true : undefined}
            aria-describedby={describedBy("evidenceUrl")}
            className={`mt-1 ${inputClass}`}
          />
          <p id="evidenceUrl-hint" className={hintTextClass}>
            An http or https link to the page that shows the right value: the model card, config.json, the paper, the announcement.
          </p>
          {errorFor("evidenceUrl")}
        </div>
        <div>
          <label htmlFor="note" className="text-sm font-medium">
            Note <span className="font-normal text-zinc-600 dark:text-zinc-400">(optional)</span>
          </label>
          <textarea
            id="note"
            name="note"
            rows={4}
            maxLength={CORRECTION_LIMITS.note}
            defaultValue={text("note")}
            aria-invalid={errors.note ? true : undefined}
            aria-describedby={describedBy("note")}
            className={`mt-1 ${inputClass}`}
          />
          <p id="note-hint" className={hintTextClass}>
            Where on the page the value is, or anything the moderator should know. Plain text, up to {CORRECTION_LIMITS.note.toLocaleString("en-US")} characters.
          </p>
          {errorFor("note")}
        </div>
        <div>
          <label htmlFor="contactEmail" className="text-sm font-medium">
            Contact email <span className="font-normal text-zinc-600 dark:text-zinc-400">(optional)</span>
          </label>
          <input
            id="contactEmail"
            name="contactEmail"
            type="email"
            autoComplete="email"
            defaultValue={text("contactEmail")}
            aria-invalid={errors.contactEmail ? true : undefined}
            aria-describedby={describedBy("contactEmail")}
            className={`mt-1 ${inputClass}`}
          />
          <p id="contactEmail-hint" className={hintTextClass}>
            Only moderators see it, and only to ask you about this correction.
          </p>
          {errorFor("contactEmail")}
        </div>
      </fieldset>

      {/* The honeypot: off-screen and out of the tab order; people (and screen readers) never meet it. */}
      <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
        <label htmlFor={HONEYPOT_FIELD}>Leave this field empty</label>
        <input id={HONEYPOT_FIELD} name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>

      <div className="flex items-center gap-4">
        <button type="submit" disabled={pending} className={buttonClass}>
          {pending ? "Sending…" : "Send correction"}
        </button>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">A moderator reviews every correction before it changes the atlas.</p>
      </div>
    </form>
  );
}
