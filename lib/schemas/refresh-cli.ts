import { z } from "zod";

/** Arguments of `npm run refresh` (scripts/refresh.ts), parsed with zod so that a typo is an error that says what to do. */
export const REFRESH_USAGE = `Usage:
  npm run refresh [--lock-minutes 15]

  Runs, in order and under a lock in the database (one refresh at a time):
    1. discovery: each tracked author's newest Hub repos -> the review queue (/admin/candidates)
    2. the Hub adoption snapshot: every known repo (values beside the curated ones, dated downloads and likes)
    3. the usage refresh: OpenRouter's daily tokens, only when OPENROUTER_API_KEY is set (else recorded as skipped)
  The Hub is HF_ENDPOINT (with HF_TOKEN when set), the database DATABASE_URL (or the embedded one).
  A step that fails does not stop the next; the exit code is 1 when any step failed. A second refresh
  while one runs says who holds the lock and exits 0 without doing anything.
  --lock-minutes  how long the lock outlives a refresh that was killed (renewed while it runs; default 15)`;

export const refreshArgsSchema = z.strictObject({
  lockMinutes: z.number().int().min(1, "--lock-minutes must be at least 1").max(24 * 60, "--lock-minutes is at most 1440 (a day)").default(15),
});
export type RefreshArgs = z.infer<typeof refreshArgsSchema>;

export class RefreshUsageError extends Error {}

export function parseRefreshArgs(argv: string[]): RefreshArgs | "help" {
  if (argv.includes("--help") || argv.includes("-h")) return "help";
  const raw: Record<string, unknown> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--lock-minutes") {
      const value = argv[++i];
      if (value === undefined || !/^\d+$/.test(value)) throw new RefreshUsageError(`--lock-minutes takes a whole number of minutes\n\n${REFRESH_USAGE}`);
      raw.lockMinutes = Number(value);
    } else {
      throw new RefreshUsageError(`unknown argument ${arg}\n\n${REFRESH_USAGE}`);
    }
  }
  const parsed = refreshArgsSchema.safeParse(raw);
  if (!parsed.success) throw new RefreshUsageError(`${parsed.error.issues.map((i) => i.message).join("\n")}\n\n${REFRESH_USAGE}`);
  return parsed.data;
}
