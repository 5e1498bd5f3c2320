import { z } from "zod";
import { isoDateSchema } from "./common";
import { tokenizeArgs, UsageError } from "./ingest-cli";

/** Arguments of `npm run snapshot`, parsed with zod so that a typo is an error that says what to do. */
export const SNAPSHOT_USAGE = `Usage:
  npm run snapshot [-- --date YYYY-MM-DD] [--out DIR]

  Stores a dated, immutable release of the whole dataset in the database (DATABASE_URL, or the embedded
  one), served at /data/releases/<date>: models, scores and sources as CSV and JSON, manifest.json (data
  version, row counts, sizes, SHA-256 of each file, credits, licenses) and SHA256SUMS.
  --date  the release's date (default: today, UTC); not in the future
  --out   also write the files to DIR/<date>/ (verify there with: sha256sum -c SHA256SUMS)
  A date that already has a release is refused (exit 2), unless the content is identical (nothing changes).`;

const one = <T>(schema: z.ZodType<T, string>, name: string) =>
  z.array(z.string()).length(1, `--${name} takes exactly one value`).optional().transform((v) => v?.[0]).pipe(schema.optional());

export function snapshotArgsSchema(today: string) {
  return z
    .strictObject({
      _: z.array(z.string()).max(0, "takes no positional arguments (name the date with --date)"),
      date: one(isoDateSchema.refine((d) => d <= today, `must not be in the future (today is ${today}, UTC)`), "date"),
      out: one(z.string().min(1), "out"),
    })
    .transform((a) => ({ date: a.date ?? today, out: a.out ?? null }));
}
export type SnapshotArgs = z.infer<ReturnType<typeof snapshotArgsSchema>>;

export function parseSnapshotArgs(argv: string[], today: string): SnapshotArgs {
  if (argv.includes("--help") || argv.includes("-h")) throw new UsageError(SNAPSHOT_USAGE);
  const r = snapshotArgsSchema(today).safeParse(tokenizeArgs(argv));
  if (r.success) return r.data;
  const lines = r.error.issues.map((i) => (i.code === "unrecognized_keys" ? `unknown option ${i.keys.map((k) => `--${k}`).join(", ")}` : `${i.path.length && i.path[0] !== "_" ? `--${i.path[0]!.toString()}: ` : ""}${i.message}`));
  throw new UsageError(`${lines.join("\n")}\n\n${SNAPSHOT_USAGE}`);
}
