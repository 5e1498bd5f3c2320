/** What /admin shows when ADMIN_PASSWORD is not set: no queue, and how to turn moderation on. */
export function ModerationDisabled() {
  return (
    <div role="status" className="mt-4 max-w-2xl rounded border border-amber-400 bg-amber-50 p-4 text-sm dark:border-amber-700 dark:bg-amber-950/40">
      <h2 className="font-semibold text-amber-900 dark:text-amber-200">Moderation is disabled</h2>
      <p className="mt-1 text-amber-900 dark:text-amber-200">
        No moderator password is configured, so nobody can sign in and every moderation action is refused. Corrections sent
        through the public form are kept and wait here.
      </p>
      <p className="mt-2 text-amber-900 dark:text-amber-200">
        To enable it, set <code className="font-mono">ADMIN_PASSWORD</code> (at least 12 characters) in the app&apos;s environment and
        restart the app, e.g. <code className="font-mono">ADMIN_PASSWORD=&apos;a long passphrase&apos; npm start</code>. With several app
        instances, give them all the same value (and the same <code className="font-mono">SESSION_SECRET</code> if you set one).
      </p>
    </div>
  );
}
