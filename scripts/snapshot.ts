// npm run snapshot [-- --date YYYY-MM-DD] [--out DIR] - store a dated, immutable release of the whole dataset
// in the database (served at /data/releases/<date>); --out also writes it to DIR/<date>/. Exit 2: the date
// already has a release with other content (nothing written). Run without a database change: "identical".
import { takeSnapshot, writeReleaseFolder } from "@/lib/api/snapshot";
import { readCompleteThrough } from "@/lib/coverage";
import { getDb } from "@/lib/db";
import { formatBytes, releasePath } from "@/lib/domain/releases";
import { todayUtc } from "@/lib/domain/model-rules";
import { readEnv } from "@/lib/env";
import { openDatabase } from "@/lib/open-database";
import { parseSnapshotArgs } from "@/lib/schemas/snapshot-cli";
import { progress, runMain } from "./cli";

await runMain(async () => {
  const args = parseSnapshotArgs(process.argv.slice(2), todayUtc());
  const env = readEnv();
  const completeThrough = await readCompleteThrough();
  const database = await openDatabase(env, (l) => console.error(l));
  // lib/data's client (getDb) reads DATABASE_URL on first use: the embedded database's, when it was started here.
  process.env.DATABASE_URL = database.url;
  try {
    const result = await takeSnapshot({ date: args.date, origin: env.PUBLIC_URL ?? null, completeThrough, onProgress: progress("reading the dataset") });
    const { release } = result;
    const where = `${env.PUBLIC_URL ?? ""}${releasePath(release.date)}`;
    if (result.status === "refused") {
      console.error(
        `A release for ${release.date} already exists (data version ${result.stored.dataVersion}) and the data differs now ` +
          `(${result.changed.join(", ")}). Releases are immutable: nothing was written. ` +
          `Take the next one tomorrow, or name another date: npm run snapshot -- --date YYYY-MM-DD`,
      );
      process.exitCode = 2;
      return;
    }
    if (result.status === "identical") console.log(`The release for ${release.date} (data version ${release.dataVersion}) already holds exactly this content: nothing changed.`);
    else console.log(`Release ${release.date} stored: data version ${release.dataVersion} (changed ${release.dataChangedAt}).`);
    const width = Math.max(...release.files.map((f) => f.name.length));
    for (const f of release.files) console.log(`  ${f.name.padEnd(width)}  ${String(f.rows).padStart(7)} rows  ${formatBytes(f.bytes).padStart(8)}  sha256 ${f.sha256}`);
    console.log(`Served at ${where}`);
    if (args.out) {
      const folder = await writeReleaseFolder(args.out, release);
      console.log(`Written to ${folder} (verify: cd ${folder} && sha256sum -c SHA256SUMS)`);
    }
  } finally {
    await getDb().$disconnect();
    await database.close();
  }
});
