import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { SOURCE_KINDS, SOURCES } from "@/lib/domain/sources";
import { applyMigrations } from "@/lib/migrate";
import { ingestCurated } from "@/lib/ingest/curated/run";
import { resetDatabase, testClient } from "../support/db-helpers";

const db = testClient();
afterAll(() => db.$disconnect());

describe("migrations", () => {
  it("are all applied, and applying again changes nothing", async () => {
    const result = await applyMigrations(process.env.DATABASE_URL!);
    expect(result.applied).toEqual([]);
    expect(result.alreadyApplied).toBeGreaterThan(0);
    const rows = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`;
    expect(Number(rows[0]!.n)).toBe(result.alreadyApplied);
  });

  it("refuse to run when an applied migration was edited", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "atlas-migrations-"));
    await cp(path.resolve("prisma/migrations"), dir, { recursive: true });
    const first = path.join(dir, "20261129000000_init", "migration.sql");
    await writeFile(first, `${await readFile(first, "utf8")}\n-- edited\n`);
    await expect(applyMigrations(process.env.DATABASE_URL!, dir)).rejects.toThrow(/was edited after it was applied/);
  });

  it("match the Prisma schema: every model and scalar field can be read", async () => {
    // Prisma only knows the schema file; this query fails if a migration lacks a column it expects.
    for (const model of Object.values(Prisma.ModelName)) {
      const enumName = `${model}ScalarFieldEnum` as keyof typeof Prisma;
      const fields = Object.keys(Prisma[enumName] as Record<string, string>);
      const select = Object.fromEntries(fields.map((f) => [f, true]));
      const delegate = (db as unknown as Record<string, { findFirst(args: unknown): Promise<unknown> }>)[model.charAt(0).toLowerCase() + model.slice(1)]!;
      await expect(delegate.findFirst({ select }), model).resolves.not.toThrow();
    }
  });
});

describe("constraints make bad rows impossible", () => {
  beforeEach(async () => {
    await resetDatabase(db);
    await ingestCurated(db, path.resolve("tests/fixtures/curated-small"), { today: "2026-11-29" });
  });

  interface BadRow { slug?: string; arch: string; experts?: string; perToken?: string; shared?: string; total: string; active: string; repo?: string }
  const insertModel = (r: BadRow) =>
    db.$executeRawUnsafe(`
      INSERT INTO "Model" ("slug","name","family","variant","primaryOrganizationId","releaseDate","totalParams","activeParams",
        "architecture","routedExperts","expertsPerToken","sharedExperts","licenseId","openWeights","hfRepoId","modalities")
      SELECT '${r.slug ?? "bad-row"}', 'x', 'x', 'base', min("id"), DATE '2025-01-01', ${r.total}, ${r.active},
        '${r.arch}', ${r.experts ?? "NULL"}, ${r.perToken ?? "NULL"}, ${r.shared ?? "NULL"}, 'apache-2.0', true,
        ${r.repo ? `'${r.repo}'` : "NULL"}, ARRAY['text'] FROM "Organization"`);

  const bad: [string, BadRow, RegExp][] = [
    ["active above total", { arch: "dense", total: "10", active: "20" }, /Model_active_le_total_check/],
    ["MoE without experts", { arch: "moe", total: "20", active: "10" }, /Model_experts_check/],
    ["dense with experts", { arch: "dense", experts: "8", perToken: "2", total: "20", active: "20" }, /Model_experts_check/],
    ["more experts per token than experts", { arch: "moe", experts: "8", perToken: "9", shared: "0", total: "20", active: "10" }, /Model_experts_check/],
    ["an unknown architecture", { arch: "hybrid", total: "20", active: "20" }, /Model_architecture_check/],
    ["duplicate slug", { slug: "deepseek-v3", arch: "dense", total: "20", active: "20" }, /Model_slug_key|unique/i],
    ["the same repo in other case", { arch: "dense", total: "20", active: "20", repo: "DEEPSEEK-AI/deepseek-v3" }, /Model_hfRepoId_lower_key|unique/i],
    ["zero parameters", { arch: "dense", total: "0", active: "0" }, /Model_params_positive_check/],
    ["a slug with spaces", { slug: "Bad Slug", arch: "dense", total: "20", active: "20" }, /Model_slug_check/],
  ];
  it.each(bad)("rejects %s", async (_label, row, error) => {
    await expect(insertModel(row)).rejects.toThrow(error);
  });

  it("accepts a well-formed row (the helper above is not what fails)", async () => {
    await expect(insertModel({ slug: "good-row", arch: "moe", experts: "8", perToken: "2", shared: "1", total: "20", active: "10" })).resolves.toBe(1);
  });

  it("allows exactly the source kinds of the source registry (synced on migrate), and refuses any other", async () => {
    const kinds = await db.sourceKind.findMany({ orderBy: { kind: "asc" } });
    expect(kinds.map((k) => [k.kind, k.label, k.role])).toEqual(SOURCE_KINDS.map((k) => [k, SOURCES[k].label, SOURCES[k].role]).sort());
    await expect(db.ingestRun.create({ data: { source: "not-a-source" } })).rejects.toThrow(/IngestRun_source_fkey|foreign key/i);
    await expect(
      db.$executeRawUnsafe(`INSERT INTO "FieldSource" ("modelId","field","sourceKind","value","sourceUrl","retrievedAt") SELECT min("id"), 'name', 'madeup', '"x"'::jsonb, 'https://x', now() FROM "Model"`),
    ).rejects.toThrow(/FieldSource_sourceKind_fkey/);
    await expect(db.ingestRun.create({ data: { source: "vllm-recipes" } })).resolves.toMatchObject({ source: "vllm-recipes" });
  });

  it("rejects an organization country that is not two capital letters", async () => {
    await expect(
      db.$executeRawUnsafe(`INSERT INTO "Organization" ("slug","name","country","kind","sourceUrl","retrievedAt") VALUES ('x','X','us','company','https://x',now())`),
    ).rejects.toThrow(/Organization_country_check/);
  });

  it("rejects a correction whose evidence is not an http(s) URL", async () => {
    await expect(
      db.$executeRawUnsafe(`INSERT INTO "Correction" ("submissionId","modelId","field","proposedValue","evidenceUrl","clientKey")
        SELECT gen_random_uuid(), min("id"), 'contextWindow', '1'::jsonb, 'javascript:alert(1)', 'k' FROM "Model"`),
    ).rejects.toThrow(/Correction_evidenceUrl_check/);
  });
});

describe("the data version", () => {
  it("moves on every write to the published tables, and only then", async () => {
    const read = async () => (await db.dataVersion.findUniqueOrThrow({ where: { id: 1 } })).version;
    const before = await read();
    await db.model.count();
    expect(await read()).toBe(before);
    await db.$executeRawUnsafe(`UPDATE "License" SET "name" = "name"`);
    expect(await read()).toBe(before + 1n);
    // The run history is published since issue 16: /data-quality shows each source's last run and the review queue.
    await db.ingestRun.create({ data: { source: "curated" } });
    expect(await read()).toBe(before + 2n);
    // The refresh's lock is bookkeeping: taking and renewing it every few minutes must not empty every cache.
    await db.$executeRawUnsafe(`INSERT INTO "JobLock" ("name", "holder", "expiresAt") VALUES ('schema-test', 'me', now() + interval '1 minute')`);
    await db.$executeRawUnsafe(`UPDATE "JobLock" SET "expiresAt" = now() + interval '2 minutes' WHERE "name" = 'schema-test'`);
    await db.$executeRawUnsafe(`DELETE FROM "JobLock" WHERE "name" = 'schema-test'`);
    expect(await read()).toBe(before + 2n);
  });

  it("has a content version that the run history and the review queue do not move (what each process keeps reads on)", async () => {
    const read = async () => {
      const v = await db.dataVersion.findUniqueOrThrow({ where: { id: 1 } });
      return { version: v.version, content: v.contentVersion };
    };
    const before = await read();
    const run = await db.ingestRun.create({ data: { source: "curated" } });
    await db.ingestRun.update({ where: { id: run.id }, data: { status: "succeeded" } });
    expect(await read()).toEqual({ version: before.version + 2n, content: before.content });
    await db.$executeRawUnsafe(`UPDATE "Organization" SET "name" = "name"`);
    expect(await read()).toEqual({ version: before.version + 3n, content: before.content + 1n });
  });
});
