import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { writeLicense, writeModel, type FieldInputs } from "@/lib/data/write-path";
import { ingestCurated } from "@/lib/ingest/curated/run";
import { EpochColumnsError } from "@/lib/ingest/epoch/parse";
import { ingestEpoch } from "@/lib/ingest/epoch/run";
import { resetDatabase, testClient } from "../support/db-helpers";

// The Epoch AI ingester end to end, on the real CSV and on small derived ones (tests/fixtures/epoch/README.md).
const TODAY = "2026-11-29";
const FIXTURES = path.resolve("tests/fixtures/epoch");
const db = testClient();
const run = (file: string, extra: { create?: boolean; dryRun?: boolean } = {}) => ingestEpoch(db, { file: path.join(FIXTURES, file), today: TODAY, ...extra });
const epochValues = async (slug: string) =>
  Object.fromEntries((await db.fieldSource.findMany({ where: { model: { slug }, sourceKind: "epoch" }, select: { field: true, value: true } })).map((f) => [f.field, f.value]));

afterAll(() => db.$disconnect());
beforeEach(async () => {
  await resetDatabase(db);
  await ingestCurated(db, path.resolve("tests/fixtures/curated-small"), { today: TODAY });
});

describe("Epoch ingest", () => {
  it("matches the real snapshot's rows to our models and keeps Epoch's values beside the curated ones", async () => {
    const report = await run("notable_ai_models_2026-02.csv");
    expect(report).toMatchObject({ total: 102, created: 0, updated: 2, failed: 0 });
    expect(report.notes[0]).toBe("981 rows: 102 in scope (language, open weights, 2023 on), 253 weights not open, 58 accessibility unknown, 492 not a language model, 76 before 2023");

    expect(await epochValues("deepseek-v3")).toEqual({ totalParams: 671_000_000_000, activeParams: 37_000_000_000, announcedDate: "2024-12-24", openWeights: true });
    expect(await epochValues("qwen3-235b-a22b")).toEqual({ totalParams: 235_000_000_000, activeParams: 22_000_000_000, announcedDate: "2025-04-29", openWeights: true, licenseId: "apache-2.0" });
    // Curated stays in use; Epoch's date two days earlier is a disagreement.
    const v3 = await db.model.findUniqueOrThrow({ where: { slug: "deepseek-v3" } });
    expect(v3.announcedDate?.toISOString().slice(0, 10)).toBe("2024-12-26");
    expect(report.disagreementList.map((d) => [d.model.slug, d.field, d.inUse.value, d.other.value])).toEqual([["deepseek-v3", "announcedDate", "2024-12-26", "2024-12-24"]]);
    expect(report.disagreements).toBe(1);
    // Rows of models we do not list are candidates, with the similar models named.
    expect(report.candidates.find((c) => c.item.startsWith("DeepSeek-V3 (Mar 2025)"))).toMatchObject({ similar: ["deepseek-v3"] });
    expect(report.candidates.find((c) => c.item.startsWith("Telechat2-115B"))?.reason).toBe("none of its organizations (China Telecom) is one of ours");
    expect(await db.model.count()).toBe(4);
    expect(await db.ingestRun.findUniqueOrThrow({ where: { id: report.runId! } })).toMatchObject({ source: "epoch", status: "succeeded", updated: 2, disagreements: 1 });
  });

  it("changes nothing when re-run with the same file", async () => {
    await run("notable_ai_models_2026-02.csv");
    const before = await db.fieldSource.findMany({ orderBy: { id: "asc" } });
    const second = await run("notable_ai_models_2026-02.csv");
    expect(second).toMatchObject({ updated: 0, unchanged: 2, created: 0 });
    expect(await db.fieldSource.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });

  it("refuses the DeepSeek-V4-Flash unit slip (284,000,000 against the curated 284B), reports it and writes the rest", async () => {
    await writeLicense(db, { id: "mit", name: "MIT License", category: "permissive", url: "https://opensource.org/license/mit" });
    const url = "https://huggingface.co/deepseek-ai/DeepSeek-V4-Flash";
    const values = {
      name: "DeepSeek-V4-Flash", family: "DeepSeek-V4", variant: "instruct", developers: ["deepseek"], announcedDate: "2026-04-24", releaseDate: "2026-04-24",
      totalParams: 284_000_000_000, activeParams: 13_000_000_000, architecture: "moe", routedExperts: 256, expertsPerToken: 6, sharedExperts: 1,
      contextWindow: 1_048_576, maxPositionEmbeddings: 1_048_576, licenseId: "mit", openWeights: true, hfRepoId: "deepseek-ai/DeepSeek-V4-Flash", baseModel: null, modalities: ["text"],
    };
    const inputs = Object.fromEntries(Object.entries(values).map(([k, value]) => [k, { value, url }])) as FieldInputs;
    await writeModel(db, "deepseek-v4-flash", inputs, { kind: "curated", retrievedAt: new Date(), reason: "test" }, { today: TODAY });

    const report = await run("derived/v4-flash-unit-slip.csv");
    expect(report.failed).toBe(0);
    expect(report.refused).toEqual([
      { item: "DeepSeek-V4-Flash (line 18)", field: "totalParams", value: 284_000_000, reason: "284M is 1,000x off the curated value 284B: an absurd ratio (a unit slip?)" },
    ]);
    expect(await epochValues("deepseek-v4-flash")).toEqual({ activeParams: 13_000_000_000, announcedDate: "2026-04-24", openWeights: true, licenseId: "mit" });
    expect((await db.model.findUniqueOrThrow({ where: { slug: "deepseek-v4-flash" } })).totalParams).toBe(284_000_000_000n);
    const runRow = await db.ingestRun.findUniqueOrThrow({ where: { id: report.runId! } });
    expect(runRow.message).toMatch(/Refused values \(1\):\n {2}DeepSeek-V4-Flash \(line 18\) › totalParams = 284000000: 284M is 1,000x off/);
  });

  it("reads an older snapshot's column names", async () => {
    const report = await run("derived/old-country-column.csv");
    expect(report).toMatchObject({ total: 3, updated: 2, failed: 0 });
    expect(report.candidates.map((c) => [c.item, c.reason])).toEqual([["Falcon-180B (line 15)", "none of its organizations (Technology Innovation Institute) is one of ours"]]);
  });

  it("reports a country Epoch gives for one of our organizations that differs from ours", async () => {
    const text = (await readFile(path.join(FIXTURES, "derived/old-country-column.csv"), "utf8")).replace("DeepSeek-V3,China,DeepSeek", "DeepSeek-V3,United States of America,DeepSeek");
    const dir = await mkdtemp(path.join(os.tmpdir(), "atlas-epoch-"));
    await writeFile(path.join(dir, "x.csv"), text);
    const report = await ingestEpoch(db, { file: path.join(dir, "x.csv"), today: TODAY });
    expect(report.notes).toContain("DeepSeek-V3 (line 2): Epoch places deepseek in US, we in CN");
  });

  it("stops before writing anything when a column it needs is missing, and records the failed run", async () => {
    await expect(run("derived/missing-accessibility.csv")).rejects.toThrow(EpochColumnsError);
    expect(await db.fieldSource.count({ where: { sourceKind: "epoch" } })).toBe(0);
    const runRow = await db.ingestRun.findFirstOrThrow({ where: { source: "epoch" } });
    expect(runRow).toMatchObject({ status: "failed", message: expect.stringMatching(/lacks a column the Epoch ingester needs: accessibility/) });
  });

  it("holds back two rows that claim the same model rather than let them overwrite each other", async () => {
    const report = await run("derived/duplicate-rows.csv");
    expect(report).toMatchObject({ updated: 1 });
    expect(report.candidates.map((c) => c.reason)).toEqual([
      "matches deepseek-v3, as do DeepSeek V3 (line 18): none of them written",
      "matches deepseek-v3, as do DeepSeek-V3 (line 2): none of them written",
    ]);
    expect(await epochValues("deepseek-v3")).toEqual({});
  });

  it("creates a candidate only with --create, only when every required value is known, and never a near-duplicate", async () => {
    const plain = await run("derived/candidates.csv");
    expect(plain).toMatchObject({ created: 0, updated: 1 });
    expect(await db.model.count()).toBe(4);

    const report = await run("derived/candidates.csv", { create: true });
    expect(report).toMatchObject({ created: 1, unchanged: 1 });
    expect(report.candidates.map((c) => c.reason)).toEqual([
      "no model of its organization has this name or repo id; not created, it may be one of the similar models",
      "none of its organizations (China Telecom) is one of ours: not created",
      // Epoch's notes ("HF lists 685B params") say nothing of the architecture: no guess.
      "Epoch does not say whether it is dense or a mixture of experts: not created; create it from Hugging Face (hf --repo ... --create), or curate it",
    ]);
    const qwq = await db.model.findUniqueOrThrow({ where: { slug: "qwq-32b" }, include: { developers: { include: { organization: true } }, fieldSources: true } });
    expect(qwq).toMatchObject({ name: "QwQ-32B", variant: "reasoning", architecture: "dense", totalParams: 32_500_000_000n, activeParams: null, licenseId: "apache-2.0", openWeights: true, modalities: ["text"] });
    expect(qwq.releaseDate.toISOString().slice(0, 10)).toBe("2025-03-06");
    expect(qwq.developers.map((d) => d.organization.slug)).toEqual(["alibaba"]);
    expect(new Set(qwq.fieldSources.map((f) => f.sourceKind))).toEqual(new Set(["epoch"]));

    // Now it is ours: a re-run matches it and creates nothing.
    expect(await run("derived/candidates.csv", { create: true })).toMatchObject({ created: 0, unchanged: 2 });
  });

  it("writes nothing in a dry run", async () => {
    const report = await run("notable_ai_models_2026-02.csv", { dryRun: true });
    expect(report).toMatchObject({ updated: 2, runId: null });
    expect(await db.fieldSource.count({ where: { sourceKind: "epoch" } })).toBe(0);
    expect(await db.ingestRun.count({ where: { source: "epoch" } })).toBe(0);
  });
});
