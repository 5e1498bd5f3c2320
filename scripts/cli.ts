import path from "node:path";
import { createPrismaClient } from "@/lib/db";
import { readEnv, type Env } from "@/lib/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { HfHubSource } from "@/lib/ingest/hf/source";
import { openDatabase, redactUrl } from "@/lib/open-database";

// Shared plumbing of the command-line scripts: a progress line and a clear exit on failure.
export function progress(label: string): (done: number, total: number) => void {
  const tty = process.stderr.isTTY;
  let lastPrinted = 0;
  return (done, total) => {
    const now = Date.now();
    if (done !== total && now - lastPrinted < 200) return;
    lastPrinted = now;
    const width = 30;
    const filled = Math.round((done / total) * width);
    const line = `${label} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total}`;
    if (tty) process.stderr.write(`\r${line}${done === total ? "\n" : ""}`);
    else if (done === total || done % 50 === 0) process.stderr.write(`${line}\n`);
  };
}

/**
 * Runs a script's body: any error is one line and exit 1; an error of one of `refusals` (the script said
 * no and did nothing: bad arguments, a target it will not overwrite) is one line and exit 2.
 */
export async function runMain(main: () => Promise<void>, refusals: (abstract new (...args: never[]) => Error)[] = []): Promise<void> {
  try {
    await main();
  } catch (e) {
    console.error(`\nError: ${(e as Error).message}`);
    process.exit(refusals.some((r) => e instanceof r) ? 2 : 1);
  }
}

/** The database the environment names (DATABASE_URL, or the embedded one, migrated), with a client, closed after `run`. */
export async function withDatabase<T>(run: (db: PrismaClient) => Promise<T>, env: Env = readEnv()): Promise<T> {
  const database = await openDatabase(env, (l) => console.error(l));
  const db = createPrismaClient(database.url, 2);
  try {
    return await run(db);
  } finally {
    await db.$disconnect();
    await database.close();
  }
}

/** The Hugging Face Hub the environment names (HF_ENDPOINT, HF_TOKEN), saying each retry on stderr. */
export function hubFromEnv(env: Env, options: { concurrency?: number } = {}): HfHubSource {
  return new HfHubSource(env.HF_ENDPOINT, {
    token: env.HF_TOKEN,
    ...options,
    onRetry: ({ url, attempt, waitMs, reason }) => console.error(`\n  retrying ${url} in ${(waitMs / 1000).toFixed(1)} s (attempt ${attempt}: ${reason})`),
  });
}

/** How messages name a database: a server's URL without its password, or the embedded folder. */
export function describeDatabase(database: { mode: string; url: string }, env: Env): string {
  return database.mode === "server" ? redactUrl(database.url) : `the embedded database in ${path.resolve(env.ATLAS_DATA_DIR)}`;
}

/** A file inside the project by its relative path, any other by its absolute one. */
export function shownPath(file: string): string {
  const relative = path.relative(process.cwd(), path.resolve(file));
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : path.resolve(file);
}
