import { existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import type { Env } from "@/lib/env";
import { startEmbeddedDatabase } from "@/lib/embedded-db";
import { applyMigrations } from "@/lib/migrate";

/**
 * For processes that own the database connection (the launcher, ingest scripts): the server named by
 * DATABASE_URL, or the embedded database when it is unset; reachable and migrated on return.
 */
export interface OpenDatabase {
  url: string;
  mode: "server" | "embedded";
  close(): Promise<void>;
}

export class DatabaseUnavailableError extends Error {}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparsable URL)";
  }
}

export async function checkReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new DatabaseUnavailableError(
      `Cannot reach the database at ${redactUrl(url)} (${err.code ?? err.message}). ` +
        "Is PostgreSQL running there? Check DATABASE_URL, or unset it to use the embedded database.",
    );
  } finally {
    await client.end().catch(() => {});
  }
}

export async function openDatabase(env: Env, log: (line: string) => void = () => {}): Promise<OpenDatabase> {
  if (env.DATABASE_URL) {
    await checkReachable(env.DATABASE_URL);
    await applyMigrations(env.DATABASE_URL, undefined, log);
    return { url: env.DATABASE_URL, mode: "server", close: async () => {} };
  }
  log(`starting the embedded database in ${env.ATLAS_DATA_DIR}`);
  const embedded = await startEmbeddedDatabase({ dataDir: env.ATLAS_DATA_DIR });
  try {
    await applyMigrations(embedded.url, undefined, log);
  } catch (e) {
    await embedded.stop();
    throw e;
  }
  return { url: embedded.url, mode: "embedded", close: () => embedded.stop() };
}

/**
 * The database as it stands, for db:backup and db:restore: no migration is applied (a backup copies what is
 * there; a restore needs an empty target). `existing`: an embedded folder that holds no database is an
 * error, not a new database (backing up nothing would create one).
 */
export async function openDatabaseAsIs(env: Env, options: { existing?: boolean; log?: (line: string) => void } = {}): Promise<OpenDatabase> {
  if (env.DATABASE_URL) {
    await checkReachable(env.DATABASE_URL);
    return { url: env.DATABASE_URL, mode: "server", close: async () => {} };
  }
  if (options.existing && !existsSync(path.join(env.ATLAS_DATA_DIR, "PG_VERSION"))) {
    throw new DatabaseUnavailableError(
      `There is no embedded database in ${path.resolve(env.ATLAS_DATA_DIR)}. Set ATLAS_DATA_DIR to its folder, or DATABASE_URL to a PostgreSQL server.`,
    );
  }
  options.log?.(`starting the embedded database in ${env.ATLAS_DATA_DIR}`);
  const embedded = await startEmbeddedDatabase({ dataDir: env.ATLAS_DATA_DIR });
  return { url: embedded.url, mode: "embedded", close: () => embedded.stop() };
}
