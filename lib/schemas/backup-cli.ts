import { z } from "zod";
import { tokenizeArgs, UsageError } from "./ingest-cli";

/** Arguments of `npm run db:backup` and `npm run db:restore` (lib/backup.ts), parsed with zod. */
export const BACKUP_USAGE = `Usage:
  npm run db:backup [-- FILE] [--force]
  npm run db:restore -- FILE [--force]

  db:backup   write the database the app uses (DATABASE_URL, or the embedded one in ATLAS_DATA_DIR) to one
              plain SQL file (default .data/backups/atlas-<date and time>.sql); --force replaces FILE if it exists.
  db:restore  load such a file into the database the app uses, which must be empty; --force drops its public
              schema (every table in it) first. One transaction: a failure changes nothing.
              \`psql -v ON_ERROR_STOP=1 -f FILE postgresql://...\` loads the same file into an empty server database.`;

const flag = z.array(z.string()).max(0, "takes no value").optional().transform((v) => v !== undefined);
const fileSchema = z.string().min(1, "the file name is empty").refine((f) => !f.startsWith("-"), "a file name cannot start with -");

export const backupArgsSchema = z
  .strictObject({ _: z.array(fileSchema).max(1, "name at most one file to write"), force: flag })
  .transform((a) => ({ file: a._[0], force: a.force }));
export type BackupArgs = z.infer<typeof backupArgsSchema>;

export const restoreArgsSchema = z
  .strictObject({ _: z.array(fileSchema).length(1, "name the one backup file to restore"), force: flag })
  .transform((a) => ({ file: a._[0]!, force: a.force }));
export type RestoreArgs = z.infer<typeof restoreArgsSchema>;

function parse<T>(schema: z.ZodType<T, Record<string, string[]>>, argv: string[]): T {
  if (argv.some((a) => a.startsWith("--force="))) throw new UsageError(`--force: takes no value\n\n${BACKUP_USAGE}`);
  const args = tokenizeArgs(argv);
  // --force takes no value: a word after it is the file (`db:restore -- --force FILE`).
  if (args.force?.length) args._ = [...(args._ ?? []), ...args.force.splice(0)];
  const parsed = schema.safeParse(args);
  if (parsed.success) return parsed.data;
  const messages = parsed.error.issues.map((i) =>
    i.code === "unrecognized_keys" ? `unknown option ${i.keys.map((k) => `--${k}`).join(", ")}` : `${i.path[0] && i.path[0] !== "_" ? `--${String(i.path[0])}: ` : ""}${i.message}`,
  );
  throw new UsageError(`${messages.join("\n")}\n\n${BACKUP_USAGE}`);
}

export const parseBackupArgs = (argv: string[]): BackupArgs => parse(backupArgsSchema, argv);
export const parseRestoreArgs = (argv: string[]): RestoreArgs => parse(restoreArgsSchema, argv);

/** The default backup file: .data/backups/atlas-2026-12-06T10-15-00Z.sql (sortable, no colon for other systems). */
export function defaultBackupFile(now: Date): string {
  return `.data/backups/atlas-${now.toISOString().slice(0, 19).replace(/:/g, "-")}Z.sql`;
}
