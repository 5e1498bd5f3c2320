"use client";

import { useActionState } from "react";
import type { LoginFormState } from "@/lib/schemas/correction";
import { buttonClass, errorTextClass, inputClass } from "@/components/corrections/form-styles";

export function LoginForm({ action }: { action: (state: LoginFormState, form: FormData) => Promise<LoginFormState> }) {
  const [state, formAction, pending] = useActionState(action, { error: null });
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
          aria-invalid={state.error ? true : undefined}
          aria-describedby={state.error ? "password-error" : undefined}
          className={`mt-1 ${inputClass}`}
        />
        {state.error ? (
          <p id="password-error" role="alert" className={errorTextClass}>
            {state.error}
          </p>
        ) : null}
      </div>
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
