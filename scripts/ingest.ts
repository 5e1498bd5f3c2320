// npm run ingest -- curated [DIR]   load the curated dataset (default data/curated) through the write path.
import path from "node:path";
import { createPrismaClient } from "@/lib/db";
import { readEnv } from "@/lib/env";
import { ingestCurated } from "@/lib/ingest/curated-run";
import { openDatabase } from "@/lib/open-database";
import { progress, runMain } from "./cli";

const USAGE = "Usage: npm run ingest -- curated [DIR]";

await runMain(async () => {
  const [source, ...rest] = process.argv.slice(2);
  if (source !== "curated") throw new Error(`Unknown source ${source ?? "(none)"}. ${USAGE}`);
  const dir = path.resolve(rest[0] ?? "data/curated");
  const env = readEnv();
  const database = await openDatabase(env, (l) => console.error(l));
  const db = createPrismaClient(database.url, 2);
  try {
    const s = await ingestCurated(db, dir, { onProgress: progress("curated") });
    const changes = s.created + s.updated + s.licensesChanged + s.organizationsChanged;
    console.log(
      `curated run #${s.runId}: ${s.created} created, ${s.updated} updated, ${s.unchanged} unchanged ` +
        `(${s.licensesChanged} licenses and ${s.organizationsChanged} organizations changed)` +
        (changes === 0 ? " — no changes" : ""),
    );
  } finally {
    await db.$disconnect();
    await database.close();
  }
});
