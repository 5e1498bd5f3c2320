// npm run export -- curated [DIR] [--dry-run]   records accepted in the review queue -> data/curated (lib/ingest/curated/export.ts).
import path from "node:path";
import { exportCurated } from "@/lib/ingest/curated/export";
import { parseExportArgs } from "@/lib/schemas/ingest-cli";
import { runMain, withDatabase } from "./cli";

await runMain(async () => {
  const args = parseExportArgs(process.argv.slice(2));
  await withDatabase(async (db) => {
    const result = await exportCurated(db, path.resolve(args.dir), { dryRun: args.dryRun });
    for (const w of result.written) console.log(`${args.dryRun ? "would write" : "wrote"} ${w.slug} -> ${w.file}`);
    console.log(
      `${result.written.length} record(s) ${args.dryRun ? "to write" : "written"}, ${result.alreadyCurated.length} already in ${args.dir}` +
        (result.written.length === 0 ? " — nothing to do" : ""),
    );
  });
});
