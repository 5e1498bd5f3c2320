// npm start [-- --dev] - the app on http://localhost:$PORT (3000): checks the port, opens the database
// (DATABASE_URL, or the embedded one under ATLAS_DATA_DIR), applies migrations, loads the curated dataset
// and the shipped sources (data/sources) on first start, then runs scripts/server.ts (Next behind the
// response cache; `next dev` with --dev) with DATABASE_URL pointing at it.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { readCoverage } from "@/lib/coverage";
import { createPrismaClient } from "@/lib/db";
import { readEnv } from "@/lib/env";
import { loadShippedSources } from "@/lib/ingest/shipped-sources";
import { openDatabase } from "@/lib/open-database";
import { progress, runMain } from "./cli";

function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (e: NodeJS.ErrnoException) =>
      reject(new Error(
        e.code === "EADDRINUSE"
          ? `Port ${port} is already in use. Stop whatever listens there, or start on another port: PORT=${port + 1} npm start`
          : `Cannot listen on port ${port}: ${e.message}`,
      )));
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

await runMain(async () => {
  const dev = process.argv.includes("--dev");
  const env = readEnv();
  if (!dev && !existsSync(path.resolve(".next/BUILD_ID"))) {
    throw new Error("No production build found. Run `npm run build` first (or `npm run dev` for development).");
  }
  // Every dashboard and API answer says how far the data reaches: a bad coverage file stops the start
  // here, with the file named, instead of failing each request.
  const { completeThrough } = await readCoverage();
  await assertPortFree(env.PORT);
  const database = await openDatabase(env, (l) => console.log(`[atlas] ${l}`));

  const db = createPrismaClient(database.url, 2);
  try {
    if ((await db.model.count()) === 0) {
      console.log("[atlas] empty database: loading the curated dataset and the shipped sources (data/sources)");
      await loadShippedSources(db, process.cwd(), (l) => console.log(`[atlas] ${l}`), progress);
    }
  } finally {
    await db.$disconnect();
  }

  // Production: our server (Next behind the response cache); development: `next dev` as is.
  const [command, args] = dev
    ? [path.resolve("node_modules/.bin/next"), ["dev", "-p", String(env.PORT)]]
    : [process.execPath, ["--import", "tsx", path.resolve("scripts/server.ts")]];
  const child = spawn(command, args, {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: database.url, ...(dev ? {} : { NODE_ENV: "production" }) },
  });
  console.log(`[atlas] ${database.mode} database, data complete through ${completeThrough}; serving on http://localhost:${env.PORT}`);

  const shutdown = async (code: number) => {
    await database.close().catch(() => {});
    process.exit(code);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      child.kill(signal);
    });
  }
  child.on("exit", (code, signal) => void shutdown(code ?? (signal ? 0 : 1)));
});
