"use client";

import { useActionState } from "react";
import type { LoginFormState } from "@/lib/schemas/correction";
import { IDLE_FORM } from "@/lib/schemas/form-state";
import { buttonClass, errorTextClass, inputClass } from "@/components/corrections/form-styles";

export function LoginForm({ action }: { action: (state: LoginFormState, form: FormData) => Promise<LoginFormState> }) {
  const [state, formAction, pending] = useActionState<LoginFormState, FormData>(action, IDLE_FORM);
  const error = state.status === "error" ? (state.fieldErrors.password ?? state.message) : null;
  return (
    <form action={formAction} noValidate className="mt-4 max-w-sm space-y-4">
      <div>
        <label htmlFor="password" className="text-sm font-medium">
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          required
          aria-required="true"
          autoComplete="current-password"
          autoFocus
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "password-error" : undefined}
          className={`mt-1 ${inputClass}`}
        />
        {error ? (
          <p id="password-error" role="alert" className={errorTextClass}>
            {error}
          </p>
        ) : null}
      </div>
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
