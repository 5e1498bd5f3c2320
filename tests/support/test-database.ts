import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedDatabase } from "@/lib/embedded-db";
import { applyMigrations } from "@/lib/migrate";

/**
 * A database of the tests' own, migrated and empty: a fresh database on the server named by
 * TEST_DATABASE_URL when it is set (CI), else an embedded one in a temporary folder. Never the app's data.
 */
export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** `migrate: false`: an empty database, with nothing in its public schema (a target for db:restore). */
export async function createTestDatabase(label: string, options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const migrate = options.migrate ?? true;
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const name = `atlas_${label}_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    if (migrate) await applyMigrations(url.toString());
    return {
      url: url.toString(),
      async drop() {
        const c = new pg.Client({ connectionString: serverUrl });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), `atlas-${label}-`));
  const embedded = await startEmbeddedDatabase({ dataDir: dir });
  if (migrate) await applyMigrations(embedded.url);
  return {
    url: embedded.url,
    async drop() {
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
