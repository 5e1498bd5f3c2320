/**
 * What every form's server action returns, so that every form renders its errors the same way: idle
 * before the first send; after a refused send, a summary message, one message per field and the values
 * sent (shown again); `attempt` counts sends, so the form re-mounts with them. Success redirects.
 */
export type FormState<Values> =
  | { status: "idle"; attempt: 0 }
  | { status: "error"; message: string | null; fieldErrors: Record<string, string>; values: Values; attempt: number };

export const IDLE_FORM = { status: "idle", attempt: 0 } as const satisfies FormState<never>;

/** The error state after `previous`: counts the attempt. */
export function formError<Values>(previous: FormState<Values> | undefined, error: { message: string | null; fieldErrors?: Record<string, string>; values: Values }): FormState<Values> {
  return { status: "error", message: error.message, fieldErrors: error.fieldErrors ?? {}, values: error.values, attempt: (previous?.attempt ?? 0) + 1 };
}
