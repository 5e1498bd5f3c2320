import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupDatabase, BackupRefusedError, restoreDatabase } from "@/lib/backup";
import { createPrismaClient } from "@/lib/db";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/embedded-db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { ingestCurated } from "@/lib/ingest/curated/run";
import { loadShippedSources } from "@/lib/ingest/shipped-sources";
import { applyMigrations } from "@/lib/migrate";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

// npm run db:backup / db:restore (lib/backup.ts): a database is backed up to one SQL file and restored into
// a fresh empty database, and every table (found in the catalog, so a table added later is compared too)
// holds the same rows, the sequences the same values, the DataVersion counter the same version.
const temp = mkdtempSync(path.join(os.tmpdir(), "atlas-backup-"));
const databases: TestDatabase[] = [];
const embedded: EmbeddedDatabase[] = [];
afterAll(async () => {
  for (const e of embedded) await e.stop();
  for (const d of databases) await d.drop();
  rmSync(temp, { recursive: true, force: true });
});
const database = async (label: string, options?: { migrate?: boolean }) => {
  const d = await createTestDatabase(label, options);
  databases.push(d);
  return d;
};

async function withClient<T>(url: string, run: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SET TimeZone = 'UTC'; SET extra_float_digits = 3");
    return await run(client);
  } finally {
    await client.end();
  }
}

interface Snapshot {
  /** Every base table of the public schema -> its rows as text (generated columns included), sorted. */
  tables: Record<string, string[]>;
  sequences: Record<string, string>;
}

/** What a database holds, read from the catalog independently of lib/backup.ts. */
function snapshot(url: string): Promise<Snapshot> {
  return withClient(url, async (c) => {
    const { rows: tables } = await c.query<{ name: string }>(
      `SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    const out: Snapshot = { tables: {}, sequences: {} };
    for (const { name } of tables) {
      const { rows } = await c.query<{ row: string }>(`SELECT t::text AS row FROM "${name}" t`);
      out.tables[name] = rows.map((r) => r.row).sort();
    }
    const { rows: sequences } = await c.query<{ name: string }>(
      `SELECT sequence_name::text AS name FROM information_schema.sequences WHERE sequence_schema = 'public' ORDER BY 1`,
    );
    for (const { name } of sequences) {
      const { rows } = await c.query<{ v: string }>(`SELECT last_value || ' ' || is_called AS v FROM "${name}"`);
      out.sequences[name] = rows[0]!.v;
    }
    return out;
  });
}

/** The schema as the catalog describes it: columns, constraints, indexes, triggers (and whether enabled), functions. */
function schemaOf(url: string): Promise<string[]> {
  return withClient(url, async (c) => {
    const { rows } = await c.query<{ line: string }>(`
      SELECT concat_ws(' ', 'column', table_name, column_name, data_type, is_nullable, column_default, is_generated, generation_expression) AS line
        FROM information_schema.columns WHERE table_schema = 'public'
      UNION ALL
      SELECT concat_ws(' ', 'constraint', conrelid::regclass::text, conname, pg_get_constraintdef(oid)) FROM pg_constraint
        WHERE connamespace = 'public'::regnamespace AND contype IN ('p', 'f', 'u', 'c')
      UNION ALL
      SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
      UNION ALL
      SELECT concat_ws(' ', 'trigger', pg_get_triggerdef(oid), tgenabled::text) FROM pg_trigger WHERE NOT tgisinternal
        AND tgrelid IN (SELECT oid FROM pg_class WHERE relnamespace = 'public'::regnamespace)
      UNION ALL
      SELECT 'function ' || pg_get_functiondef(p.oid) FROM pg_proc p WHERE pronamespace = 'public'::regnamespace
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
      UNION ALL
      SELECT 'extension ' || extname FROM pg_extension`);
    return rows.map((r) => r.line).sort();
  });
}

const NASTY = "it's a \"quote\", a back\\slash, a\nnew line,\r\n\ta tab, \x01 a control, 🦙 “unicode”, NULL, {braces,commas}, E'x', $$dollars$$,\n--@ end\n-- a line that looks like a marker";

/**
 * A row in every table the curated load leaves empty (score, usage day, adoption snapshot, correction,
 * revision of a correction, candidate, sign-in attempt), with values that test the escaping: quotes,
 * backslashes, line breaks, control characters, emoji, arrays with commas, braces and quotes, JSON, a
 * bigint beyond 2^53, floats that do not round-trip in 15 digits, -0, timestamps to the millisecond.
 */
async function addRowsInEveryTable(db: PrismaClient, options: { cycle?: boolean } = {}) {
  const models = await db.model.findMany({ select: { id: true, slug: true }, orderBy: { id: "asc" } });
  const [a, b, c, d] = models.map((m) => m.id);
  if (options.cycle && c && d && a) {
    // Rows of Model that reference each other (and a row that references a later one): the backup orders
    // them so that every foreign key holds when they load.
    await db.model.update({ where: { id: c }, data: { baseModelId: d } });
    await db.model.update({ where: { id: d }, data: { baseModelId: c } });
    await db.model.update({ where: { id: a }, data: { baseModelId: d } });
  }
  const run = await db.ingestRun.create({ data: { source: "epoch-benchmarks", status: "succeeded", finishedAt: new Date("2026-11-30T10:00:00.123Z"), message: NASTY } });
  await db.benchmark.create({
    data: { id: "backup-test", name: NASTY, test: "Backup test", category: "knowledge", unit: "%", higherIsBetter: true, setting: "0-shot", description: NASTY, url: "https://example.org/b", position: 999 },
  });
  for (const [i, value] of [0.1 + 0.2, 1e-300, -0, 123456.789012345].entries()) {
    await db.score.create({
      data: {
        modelId: a!, benchmarkId: "backup-test", value, metric: "accuracy", setting: `setting ${i} ${NASTY}`, measuredBy: "independent", evaluator: "Epoch AI",
        publishedOn: new Date("2026-01-31"), sourceKind: "epoch-benchmarks", sourceUrl: "https://epoch.ai/benchmarks", retrievedAt: new Date("2026-11-30T10:00:00.001Z"), ingestRunId: run.id,
      },
    });
  }
  await db.usageDay.createMany({
    data: [
      { day: new Date("2026-08-20"), listing: NASTY, modelId: b!, tokens: 9_007_199_254_740_993n, sourceKind: "openrouter", sourceUrl: "https://openrouter.ai/rankings", retrievedAt: new Date("2026-08-21T00:00:00.999Z") },
      { day: new Date("2026-08-21"), listing: "backup-test (unmapped)", modelId: null, tokens: 0n, sourceKind: "openrouter", sourceUrl: "https://openrouter.ai/rankings", retrievedAt: new Date("2026-08-22T00:00:00Z") },
    ],
  });
  await db.adoptionSnapshot.create({ data: { modelId: b!, repoId: "org/repo", takenOn: new Date("2026-11-15"), downloads: 2_147_483_647, likes: null, sourceKind: "huggingface", sourceUrl: "https://example.org/llmfit" } });
  const correction = await db.correction.create({
    data: {
      submissionId: "00000000-0000-4000-8000-000000000017", modelId: b!, field: "contextWindow", currentValue: 131072,
      proposedValue: { value: NASTY, nested: [1, null, "x\\y"] }, evidenceUrl: "https://example.org/evidence", note: NASTY, contactEmail: null,
      status: "accepted", reviewReason: NASTY, clientKey: "k".repeat(64), reviewedAt: new Date("2026-11-30T12:34:56.789Z"),
    },
  });
  await db.revision.create({
    data: { modelId: b!, field: "contextWindow", oldValue: 131072, newValue: 163840, sourceKind: "correction", sourceUrl: "https://example.org/evidence", reason: NASTY, correctionId: correction.id },
  });
  await db.candidate.create({
    data: {
      repoId: "some-org/Some-Model-7B", hubId: "65f0c0ffee", formerRepoIds: ["some-org/old,name", 'some-org/"quoted"', "a\\b", "{x}", "NULL"], author: "some-org",
      organizationSlug: "deepseek", proposed: { name: { value: NASTY, url: "https://huggingface.co/some-org/Some-Model-7B" } }, missing: ["license"],
      problems: [NASTY, ""], ingestRunId: run.id,
    },
  });
  await db.signInAttempt.create({ data: { clientKey: "c".repeat(64), attemptedAt: new Date("2026-12-01T00:00:00.5Z"), succeeded: false } });
  await db.jobLock.create({ data: { name: "refresh", holder: `user@host pid 1 ${NASTY}`, acquiredAt: new Date("2026-12-01T00:00:00Z"), expiresAt: new Date("2026-12-01T00:15:00Z") } });
  // A data release with a file of arbitrary bytes (its content is bytea).
  const bytes = Buffer.from([0, 1, 2, 255, 92, 39, 10, 13]);
  await db.dataRelease.create({
    data: {
      date: new Date("2026-12-01"), dataVersion: 7n, dataChangedAt: new Date("2026-12-01T00:00:00.123Z"), manifest: `{"note":${JSON.stringify(NASTY)}}`,
      files: { create: [{ name: "models.csv", position: 0, rows: 1, bytes: bytes.length, sha256: "0".repeat(64), content: bytes }] },
    },
  });
}

async function dataVersion(url: string): Promise<string> {
  return withClient(url, async (c) => (await c.query<{ v: string }>(`SELECT version::text AS v FROM "DataVersion"`)).rows[0]!.v);
}

/**
 * The scripts themselves, as `npm run db:backup` / `db:restore` run them. Asynchronous: without
 * TEST_DATABASE_URL the databases are embedded ones served by this process, which must keep answering.
 */
function script(name: "db-backup" | "db-restore", args: string[], env: { DATABASE_URL?: string; ATLAS_DATA_DIR?: string }) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", `scripts/${name}.ts`, ...args], { env: childEnv, timeout: 120_000 });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (b: Buffer) => (stdout += b.toString()));
  child.stderr.on("data", (b: Buffer) => (stderr += b.toString()));
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => child.on("close", (status) => resolve({ status, stdout, stderr })));
}

const ms = (since: number) => `${Math.round(performance.now() - since)} ms`;

describe("a server database", () => {
  let source: TestDatabase;
  let before: Snapshot;
  const file = path.join(temp, "server.sql");

  beforeAll(async () => {
    source = await database("bk_source");
    const db = createPrismaClient(source.url, 2);
    try {
      await ingestCurated(db, path.resolve("tests/fixtures/curated-small"), { today: "2026-11-29" });
      await addRowsInEveryTable(db, { cycle: true });
    } finally {
      await db.$disconnect();
    }
    before = await snapshot(source.url);
    await backupDatabase(source.url, file);
  });

  it("has something in every table, so the comparisons below compare rows", () => {
    const empty = Object.entries(before.tables).filter(([, rows]) => rows.length === 0).map(([t]) => t);
    expect(empty).toEqual([]);
    expect(Object.keys(before.tables)).toEqual(expect.arrayContaining(["Model", "DataVersion", "_prisma_migrations", "Candidate", "SignInAttempt", "UsageDay"]));
    expect(Number(before.tables.DataVersion![0]!.match(/^\(1,(\d+),/)![1])).toBeGreaterThan(1);
  });

  it("restores into a fresh empty database: every table row by row, the sequences, the schema, the DataVersion", async () => {
    const target = await database("bk_target", { migrate: false });
    const summary = await restoreDatabase(target.url, file);
    expect(summary.replaced).toEqual([]);
    expect(await snapshot(target.url)).toEqual(before);
    expect(await schemaOf(target.url)).toEqual(await schemaOf(source.url));
    // The backup read nothing into the source, and the load bumped no counter.
    expect(await snapshot(source.url)).toEqual(before);
    expect(await dataVersion(target.url)).toBe(await dataVersion(source.url));
    // The app sees every migration applied, and the triggers are back on: a write bumps the counter.
    const migrated = await applyMigrations(target.url);
    expect(migrated.applied).toEqual([]);
    const version = BigInt(await dataVersion(target.url));
    await withClient(target.url, (c) => c.query(`UPDATE "Model" SET notes = 'after the restore' WHERE id = (SELECT min(id) FROM "Model")`));
    expect(BigInt(await dataVersion(target.url))).toBe(version + 1n);
    // Sequences continue after the restored rows.
    const next = await withClient(target.url, (c) => c.query<{ id: number }>(`INSERT INTO "SignInAttempt" ("clientKey") VALUES ('x') RETURNING id`));
    expect(next.rows[0]!.id).toBe(Math.max(...before.tables.SignInAttempt!.map((r) => Number(r.slice(1).split(",")[0]))) + 1);
  });

  it("refuses a database that is not empty and changes nothing (exit 2 from the script); --force replaces it", async () => {
    const target = await database("bk_nonempty"); // migrated, with other data
    const db = createPrismaClient(target.url, 2);
    await ingestCurated(db, path.resolve("tests/fixtures/curated-small"), { today: "2026-12-01" });
    await db.$disconnect();
    const held = await snapshot(target.url);

    await expect(restoreDatabase(target.url, file)).rejects.toThrow(BackupRefusedError);
    await expect(restoreDatabase(target.url, file)).rejects.toThrow(/The target database is not empty \(function atlas_search_norm, function bump_data_version, .* and \d+ more\)\. Nothing was changed\./);
    const r = await script("db-restore", [file], { DATABASE_URL: target.url });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("The target database is not empty");
    expect(r.stderr).toContain("pass --force to drop its public schema");
    expect(await snapshot(target.url)).toEqual(held);

    const forced = await script("db-restore", [file, "--force"], { DATABASE_URL: target.url });
    expect(forced.stderr).not.toContain("Error");
    expect(forced.status).toBe(0);
    expect(forced.stdout).toMatch(/--force: dropped the public schema of .* \(\d+ objects\)/);
    expect(forced.stdout).toMatch(/restored .* into .*: \d+ tables, \d+ rows, \d+ migrations/);
    expect(await snapshot(target.url)).toEqual(before);
    expect(await schemaOf(target.url)).toEqual(await schemaOf(source.url));
  });

  it("leaves the target as it was when a statement fails halfway (even with --force), and refuses a cut or foreign file", async () => {
    const target = await database("bk_failing");
    const held = await snapshot(target.url);
    const lines = readFileSync(file, "utf8").split("\n");
    const at = lines.findIndex((l) => l.startsWith('--@ rows "Revision"'));
    const broken = path.join(temp, "broken.sql");
    writeFileSync(broken, [...lines.slice(0, at + 2), "('not', 'a', 'revision'),", ...lines.slice(at + 2)].join("\n"));
    await expect(restoreDatabase(target.url, broken, { force: true })).rejects.toThrow(
      new RegExp(`failed at its rows "Revision" \\d+ \\(line ${at + 1}\\): .*Nothing was changed \\(the transaction was rolled back\\)`),
    );
    expect(await snapshot(target.url)).toEqual(held);

    const cut = path.join(temp, "cut.sql");
    writeFileSync(cut, lines.slice(0, at + 2).join("\n"));
    await expect(restoreDatabase(target.url, cut, { force: true })).rejects.toThrow(/is incomplete \(it does not end with "--@ end"\)/);
    const foreign = path.join(temp, "foreign.sql");
    writeFileSync(foreign, "DROP SCHEMA public CASCADE;\n--@ end\n");
    await expect(restoreDatabase(target.url, foreign, { force: true })).rejects.toThrow(/is not an Open Model Atlas backup/);
    expect((await script("db-restore", [cut], { DATABASE_URL: target.url })).status).toBe(2);
    expect(await snapshot(target.url)).toEqual(held);
  });

  it("writes no file over an existing one unless --force, and leaves no partial file when it fails", async () => {
    await expect(backupDatabase(source.url, file)).rejects.toThrow(/already exists: name another file, or pass --force/);
    const r = await script("db-backup", [file], { DATABASE_URL: source.url });
    expect(r.status).toBe(2);
    const empty = await database("bk_empty", { migrate: false });
    const nothing = path.join(temp, "nothing.sql");
    await expect(backupDatabase(empty.url, nothing)).rejects.toThrow(/no _prisma_migrations table/);
    expect(() => readFileSync(nothing)).toThrow();
    expect(spawnSync("ls", [temp], { encoding: "utf8" }).stdout).not.toMatch(/partial/);
  });

  const psql = spawnSync("which", ["psql"], { encoding: "utf8" }).stdout.trim();
  const serverUrl = process.env.TEST_DATABASE_URL;
  const skipped = !psql ? "`which psql` found no psql on this machine" : !serverUrl ? "TEST_DATABASE_URL is unset: no PostgreSQL server for psql to load into" : "";
  it.skipIf(Boolean(skipped))(`loads with psql -f into an empty database${skipped ? ` (skipped: ${skipped})` : ""}`, async () => {
    const target = await database("bk_psql", { migrate: false });
    const r = spawnSync(psql, ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", file, target.url], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(await snapshot(target.url)).toEqual(before);
    expect(await schemaOf(target.url)).toEqual(await schemaOf(source.url));
  });
});

describe("the embedded database (PGlite) with the shipped dataset", () => {
  const dir = path.join(temp, "pglite");
  let before: Snapshot;
  const file = path.join(temp, "embedded.sql");

  beforeAll(async () => {
    const db0 = await startEmbeddedDatabase({ dataDir: dir });
    embedded.push(db0);
    await applyMigrations(db0.url);
    const db = createPrismaClient(db0.url, 2);
    try {
      // What `npm start` loads on a fresh database (scripts/start.ts), then a row in every other table.
      const t = performance.now();
      await loadShippedSources(db, process.cwd(), () => {});
      console.log(`[backup.test] shipped dataset loaded into PGlite in ${ms(t)}`);
      await addRowsInEveryTable(db);
    } finally {
      await db.$disconnect();
    }
    before = await snapshot(db0.url);
    const t = performance.now();
    const s = await backupDatabase(db0.url, file);
    console.log(`[backup.test] backup of the embedded database: ${s.rows} rows in ${s.tables.length} tables, ${(s.bytes / 1e6).toFixed(1)} MB, in ${ms(t)}`);
    await db0.stop();
  }, 300_000);

  it("restores into a server database (or another embedded one without TEST_DATABASE_URL) with every table the same", async () => {
    expect(before.tables.Model!.length).toBeGreaterThan(500);
    expect(Object.values(before.tables).filter((rows) => rows.length === 0)).toEqual([]);
    const target = await database("bk_from_pglite", { migrate: false });
    const t = performance.now();
    const s = await restoreDatabase(target.url, file);
    console.log(`[backup.test] restore of it into ${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"}: ${s.rows} rows in ${ms(t)}`);
    expect(await snapshot(target.url)).toEqual(before);
    expect((await applyMigrations(target.url)).applied).toEqual([]);
  });

  it("npm run db:backup backs up the embedded folder, and db:restore makes a new embedded folder from it", async () => {
    const again = path.join(temp, "embedded-again.sql");
    const b = await script("db-backup", [again], { ATLAS_DATA_DIR: dir });
    expect(b.stderr).not.toContain("Error");
    expect(b.status).toBe(0);
    expect(b.stdout).toMatch(new RegExp(`backed up the embedded database in ${dir}: \\d+ tables, ${Object.values(before.tables).flat().length} rows`));

    const fresh = path.join(temp, "pglite-restored");
    const r = await script("db-restore", [again], { ATLAS_DATA_DIR: fresh });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`into the embedded database in ${fresh}`);
    const restored = await startEmbeddedDatabase({ dataDir: fresh });
    embedded.push(restored);
    expect(await snapshot(restored.url)).toEqual(before);
    // Restoring again into it is refused: it is not empty any more.
    await restored.stop();
    const refused = await script("db-restore", [again], { ATLAS_DATA_DIR: fresh });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("The target database is not empty");

    // A folder with no database is not backed up (and not created).
    const none = path.join(temp, "no-database-here");
    const n = await script("db-backup", [path.join(temp, "none.sql")], { ATLAS_DATA_DIR: none });
    expect(n.status).toBe(1);
    expect(n.stderr).toContain(`There is no embedded database in ${none}`);
  }, 180_000);
});
