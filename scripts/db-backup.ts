// npm run db:backup [-- FILE] [--force] - the database the app uses (DATABASE_URL, or the embedded one) as one
// plain SQL file that db:restore and `psql -f` load (lib/backup.ts). Exit 2: nothing was done (see the message).
import { backupDatabase, BackupRefusedError } from "@/lib/backup";
import { readEnv } from "@/lib/env";
import { openDatabaseAsIs } from "@/lib/open-database";
import { defaultBackupFile, parseBackupArgs } from "@/lib/schemas/backup-cli";
import { UsageError } from "@/lib/schemas/ingest-cli";
import { describeDatabase, progress, runMain, shownPath } from "./cli";

await runMain(async () => {
  const args = parseBackupArgs(process.argv.slice(2));
  const env = readEnv();
  const file = args.file ?? defaultBackupFile(new Date());
  const started = Date.now();
  const database = await openDatabaseAsIs(env, { existing: true, log: (l) => console.error(l) });
  try {
    const source = describeDatabase(database, env);
    const bar = progress("rows");
    const s = await backupDatabase(database.url, file, { force: args.force, source, onProgress: (done, total) => total > 0 && bar(done, total) });
    console.log(
      `backed up ${source}: ${s.tables.length} tables, ${s.rows} rows, ${s.migrations} migrations, ${s.sequences} sequences ` +
        `-> ${shownPath(s.file)} (${(s.bytes / 1e6).toFixed(1)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    console.log(`restore with: npm run db:restore -- ${shownPath(s.file)}   (or psql -v ON_ERROR_STOP=1 -f FILE into an empty database)`);
  } finally {
    await database.close();
  }
}, [BackupRefusedError, UsageError]);
