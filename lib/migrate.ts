import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { SOURCE_KINDS, SOURCES } from "@/lib/domain/sources";

/**
 * Applies prisma/migrations/<name>/migration.sql in name order, each in its own transaction, and records
 * them in Prisma's own `_prisma_migrations` table with Prisma's checksum (sha256 of the file), so that
 * `prisma migrate status` on a machine that has Prisma's engine agrees with us (docs/decisions/001-migrations.md).
 */
export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

/** Prisma's own bookkeeping table, created before the first migration (a backup recreates it the same way: lib/backup.ts). */
export const MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum" VARCHAR(64) NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL,
    "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;
/** The advisory lock key Prisma uses, so two migrators (ours or Prisma's) never run at once. */
export const LOCK_KEY = 72707369;

export async function listMigrations(dir: string): Promise<{ name: string; sql: string; checksum: string }[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

/**
 * The allowed source kinds are the source registry's (lib/domain/sources.ts): every kind is upserted after
 * migrating, so a new source needs no migration. Kinds are never deleted here: stored values may name them.
 */
async function syncSourceKinds(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ exists: boolean }>(`SELECT to_regclass('"SourceKind"') IS NOT NULL AS exists`);
  if (!rows[0]?.exists) return;
  await client.query(
    `INSERT INTO "SourceKind" ("kind", "label", "role") SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
     ON CONFLICT ("kind") DO UPDATE SET "label" = EXCLUDED."label", "role" = EXCLUDED."role"
     WHERE ("SourceKind"."label", "SourceKind"."role") IS DISTINCT FROM (EXCLUDED."label", EXCLUDED."role")`,
    [SOURCE_KINDS, SOURCE_KINDS.map((k) => SOURCES[k].label), SOURCE_KINDS.map((k) => SOURCES[k].role)],
  );
}

export async function applyMigrations(
  connectionString: string,
  dir = path.resolve("prisma/migrations"),
  log: (line: string) => void = () => {},
): Promise<MigrationResult> {
  const migrations = await listMigrations(dir);
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    await client.query(MIGRATIONS_TABLE);
    const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const done = new Map(rows.map((r) => [r.migration_name, r]));
    const known = new Set(migrations.map((m) => m.name));
    for (const r of rows) {
      if (!r.finished_at) {
        throw new Error(`Migration ${r.migration_name} started but never finished in this database: inspect it, then mark it rolled back or finish it by hand.`);
      }
      if (!known.has(r.migration_name)) {
        throw new Error(`The database has migration ${r.migration_name}, which this code does not know: is the code older than the database?`);
      }
    }
    const applied: string[] = [];
    for (const m of migrations) {
      const previous = done.get(m.name);
      if (previous) {
        if (previous.checksum !== m.checksum) {
          throw new Error(`Migration ${m.name} was edited after it was applied (checksum differs): write a new migration instead.`);
        }
        continue;
      }
      log(`applying migration ${m.name}`);
      await client.query("BEGIN");
      try {
        // Sent whole as one simple-protocol script: splitting on ";" would break function bodies and strings.
        await client.query(m.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count) VALUES ($1, $2, $3, now(), 1)`,
          [randomUUID(), m.checksum, m.name],
        );
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${m.name} failed and was rolled back: ${(e as Error).message}`);
      }
      applied.push(m.name);
    }
    await syncSourceKinds(client);
    return { applied, alreadyApplied: migrations.length - applied.length };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]).catch(() => {});
    await client.end();
  }
}
