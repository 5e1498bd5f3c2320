// npm run db:restore -- FILE [--force] - load a backup of db:backup into the database the app uses (DATABASE_URL,
// or the embedded one), which must be empty unless --force (lib/backup.ts). One transaction: a failure changes
// nothing. Exit 2: nothing was done (a non-empty target, not a backup file, bad arguments).
import path from "node:path";
import { BackupRefusedError, checkBackupFile, restoreDatabase } from "@/lib/backup";
import { readEnv } from "@/lib/env";
import { listMigrations } from "@/lib/migrate";
import { openDatabaseAsIs } from "@/lib/open-database";
import { parseRestoreArgs } from "@/lib/schemas/backup-cli";
import { UsageError } from "@/lib/schemas/ingest-cli";
import { describeDatabase, progress, runMain, shownPath } from "./cli";

await runMain(async () => {
  const args = parseRestoreArgs(process.argv.slice(2));
  const env = readEnv();
  await checkBackupFile(args.file); // before an embedded folder is created for it
  const started = Date.now();
  const database = await openDatabaseAsIs(env, { log: (l) => console.error(l) });
  try {
    const target = describeDatabase(database, env);
    const bar = progress("rows");
    const s = await restoreDatabase(database.url, args.file, { force: args.force, onProgress: (done, total) => total > 0 && bar(done, total) });
    if (s.replaced.length) console.log(`--force: dropped the public schema of ${target} (${s.replaced.length} objects)`);
    console.log(`restored ${shownPath(args.file)} into ${target}: ${s.tables.length} tables, ${s.rows} rows, ${s.migrations.length} migrations in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const known = new Set((await listMigrations(path.resolve("prisma/migrations"))).map((m) => m.name));
    const newer = s.migrations.filter((m) => !known.has(m));
    if (newer.length) console.log(`note: the backup has migrations this code does not know (${newer.join(", ")}): run it with the code that made it.`);
    else if (known.size > s.migrations.length) console.log(`note: this code has ${known.size - s.migrations.length} migration(s) more than the backup; \`npm start\` or \`npm run db:migrate\` applies them.`);
    if (database.mode === "server") console.log("App instances already running on this database: restart them (their response cache knows the old data).");
  } finally {
    await database.close();
  }
}, [BackupRefusedError, UsageError]);
