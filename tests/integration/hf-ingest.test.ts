import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { findDisagreements } from "@/lib/data/disagreements";
import { writeLicense, writeModel } from "@/lib/data/write-path";
import { ingestCurated } from "@/lib/ingest/curated/run";
import { ingestHf, type HfRunOptions } from "@/lib/ingest/hf/run";
import { HfHubSource, HfRecordedSource } from "@/lib/ingest/hf/source";
import { resetDatabase, testClient } from "../support/db-helpers";
import { startHfServer, type HfTestServer } from "../support/hf-server";

// The Hugging Face ingester end to end: a local server on 127.0.0.1 serving the recorded answers of
// tests/fixtures/hf (and scripted failures), the real write path, a real database.
const TODAY = "2026-11-29";
const db = testClient();
let server: HfTestServer;

afterAll(() => db.$disconnect());
beforeEach(async () => {
  await resetDatabase(db);
  await ingestCurated(db, path.resolve("tests/fixtures/curated-small"), { today: TODAY });
  server = await startHfServer();
});
afterEach(() => server.close());

const hub = (concurrency = 4) => new HfHubSource(server.url, { backoffMs: 5, timeoutMs: 300, retries: 2, concurrency });
const run = (targets: HfRunOptions["targets"], extra: Partial<HfRunOptions> = {}) => ingestHf(db, { source: hub(), targets, today: TODAY, ...extra });
const hfSources = (slug: string) =>
  db.fieldSource.findMany({ where: { model: { slug }, sourceKind: "huggingface" }, orderBy: { field: "asc" }, select: { field: true, value: true, sourceUrl: true, retrievedAt: true } });
const V3_AND_QWEN = { repos: ["deepseek-ai/DeepSeek-V3", "Qwen/Qwen3-235B-A22B"] };

describe("Hugging Face ingest", () => {
  it("keeps the Hub's values beside the curated ones, never in their place, and lists the disagreement", async () => {
    const report = await run(V3_AND_QWEN);
    expect(report).toMatchObject({ created: 0, updated: 2, unchanged: 0, failed: 0, disagreements: 1, candidates: [], failures: [] });

    const v3 = await db.model.findUniqueOrThrow({ where: { slug: "deepseek-v3" } });
    expect(v3.totalParams).toBe(671_000_000_000n);
    const config = "https://huggingface.co/deepseek-ai/DeepSeek-V3/blob/main/config.json";
    const page = "https://huggingface.co/deepseek-ai/DeepSeek-V3";
    expect((await hfSources("deepseek-v3")).map((s) => [s.field, s.value, s.sourceUrl])).toEqual([
      ["architecture", "moe", config],
      ["expertsPerToken", 8, config],
      ["hfRepoId", "deepseek-ai/DeepSeek-V3", page],
      ["maxPositionEmbeddings", 163840, config],
      ["routedExperts", 256, config],
      ["sharedExperts", 1, config],
      ["totalParams", 684_531_386_000, page],
    ]);
    // Qwen3's config has no shared-expert key: unknown, so no value (the curated 0 stands unopposed).
    expect((await hfSources("qwen3-235b-a22b")).map((s) => s.field)).not.toContain("sharedExperts");
    // Nothing in use changed: no revision.
    expect(await db.revision.count({ where: { ingestRunId: report.runId } })).toBe(0);

    expect(report.disagreementList.map((d) => [d.model.slug, d.field, d.inUse.source, d.inUse.value, d.other.source, d.other.value])).toEqual([
      ["deepseek-v3", "totalParams", "curated", 671_000_000_000, "huggingface", 684_531_386_000],
    ]);
    expect((await findDisagreements({}, db)).map((d) => d.model.slug)).toEqual(["deepseek-v3"]);
    const runRow = await db.ingestRun.findUniqueOrThrow({ where: { id: report.runId! } });
    expect(runRow).toMatchObject({ source: "huggingface", status: "succeeded", updated: 2, disagreements: 1, failed: 0 });
  });

  it("changes nothing when re-run with unchanged answers", async () => {
    await run(V3_AND_QWEN);
    const before = await db.fieldSource.findMany({ orderBy: { id: "asc" } });
    const revisions = await db.revision.count();
    const second = await run(V3_AND_QWEN);
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: 2, failed: 0 });
    expect(await db.fieldSource.findMany({ orderBy: { id: "asc" } })).toEqual(before);
    expect(await db.revision.count()).toBe(revisions);
  });

  it("fills a value no higher source has, and logs it as a revision of this run", async () => {
    // Take the curated positions away: the model then has no value for the field.
    await writeModel(db, "qwen3-235b-a22b", { maxPositionEmbeddings: { value: null, url: "https://example.org" } }, { kind: "curated", retrievedAt: new Date(), reason: "test" }, { today: TODAY });
    const report = await run({ repos: ["Qwen/Qwen3-235B-A22B"] });
    expect((await db.model.findUniqueOrThrow({ where: { slug: "qwen3-235b-a22b" } })).maxPositionEmbeddings).toBe(40960);
    const revision = await db.revision.findFirstOrThrow({ where: { ingestRunId: report.runId } });
    expect(revision).toMatchObject({ field: "maxPositionEmbeddings", oldValue: null, newValue: 40960, sourceKind: "huggingface", sourceUrl: "https://huggingface.co/Qwen/Qwen3-235B-A22B/blob/main/config.json" });
  });

  it("never overwrites an accepted correction or a curated value, re-runs included", async () => {
    await writeModel(db, "deepseek-v3", { maxPositionEmbeddings: { value: 131072, url: "https://example.org/evidence" } }, { kind: "correction", retrievedAt: new Date(), reason: "test" }, { today: TODAY });
    const report = await run(V3_AND_QWEN);
    await run(V3_AND_QWEN);
    await ingestCurated(db, path.resolve("tests/fixtures/curated-small"), { today: TODAY });
    const v3 = await db.model.findUniqueOrThrow({ where: { slug: "deepseek-v3" } });
    expect(v3.maxPositionEmbeddings).toBe(131072);
    expect(v3.totalParams).toBe(671_000_000_000n);
    expect(report.disagreementList.map((d) => [d.field, d.inUse.source, d.other.source])).toEqual([
      // Largest first: 163,840 against 131,072 is 25% off; 684.5B against 671B, 2%.
      ["maxPositionEmbeddings", "correction", "huggingface"],
      ["totalParams", "curated", "huggingface"],
    ]);
  });

  it("retries a 429 and reports 500s, malformed bodies and timeouts as failures, writing nothing of those models", async () => {
    server.script("/api/models/deepseek-ai/DeepSeek-V3", { status: 429, headers: { "retry-after": "0" } });
    server.script("/Qwen/Qwen3-235B-A22B/resolve/main/config.json", { status: 500 }, { status: 500 }, { status: 500 });
    server.script("/api/models/deepseek-ai/DeepSeek-V3-Base", { status: 200, body: '{"id": "deepseek-ai/DeepSeek-V3-Base", "safetensors": {' });
    server.script("/api/models/meta-llama/Llama-3.1-8B", { hang: true }, { hang: true }, { hang: true });
    const report = await run({ all: true });

    expect(report).toMatchObject({ total: 4, updated: 1, failed: 3 });
    const failures = Object.fromEntries(report.failures.map((f) => [f.item, f.message]));
    expect(failures["Qwen/Qwen3-235B-A22B"]).toMatch(/config\.json: HTTP 500 \(3 attempts\)/);
    expect(failures["deepseek-ai/DeepSeek-V3-Base"]).toMatch(/malformed JSON/);
    expect(failures["meta-llama/Llama-3.1-8B"]).toMatch(/timed out after 300 ms \(3 attempts\)/);
    for (const slug of ["qwen3-235b-a22b", "deepseek-v3-base", "llama-3.1-8b"]) expect(await hfSources(slug), slug).toEqual([]);
    expect((await hfSources("deepseek-v3")).length).toBe(7);

    const runRow = await db.ingestRun.findUniqueOrThrow({ where: { id: report.runId! } });
    expect(runRow).toMatchObject({ status: "succeeded", updated: 1, failed: 3 });
    expect(runRow.message).toMatch(/Failed \(3\):/);
  });

  it("reports a repo the Hub does not know, and a listing answer of the wrong shape, as failures", async () => {
    server.script("/api/models", { json: { not: "a list" } });
    const report = await run({ repos: ["deepseek-ai/No-Such-Model"], orgs: ["deepseek-ai"] });
    expect(report.failures.map((f) => f.message)).toEqual([expect.stringMatching(/unexpected listing shape/), expect.stringMatching(/no such repo .* \(404\)/)]);
  });

  it("leaves no half-written model when a run stops midway, and a re-run completes it", async () => {
    const stale = await db.ingestRun.create({ data: { source: "huggingface" } });
    const interrupted = await run(V3_AND_QWEN, {
      hooks: {
        afterModelWrite: (slug) => {
          if (slug === "qwen3-235b-a22b") throw new Error("power cut");
        },
      },
    });
    expect(interrupted).toMatchObject({ updated: 1, failed: 1 });
    expect((await hfSources("deepseek-v3")).length).toBe(7);
    expect(await hfSources("qwen3-235b-a22b")).toEqual([]);
    expect(await db.ingestRun.findUniqueOrThrow({ where: { id: stale.id } })).toMatchObject({ status: "failed", message: expect.stringMatching(/^interrupted/) });

    const rerun = await run(V3_AND_QWEN);
    expect(rerun).toMatchObject({ updated: 1, unchanged: 1, failed: 0 });
    expect((await hfSources("qwen3-235b-a22b")).length).toBeGreaterThan(0);
  });

  it("writes nothing in a dry run but reports what would change", async () => {
    const fieldSources = await db.fieldSource.count();
    const runs = await db.ingestRun.count();
    const report = await run(V3_AND_QWEN, { dryRun: true });
    expect(report).toMatchObject({ dryRun: true, runId: null, updated: 2, disagreements: 1 });
    expect(await db.fieldSource.count()).toBe(fieldSources);
    expect(await db.ingestRun.count()).toBe(runs);
  });

  it("refuses a unit slip in safetensors and writes the rest of the model", async () => {
    server.setInfo("deepseek-ai/DeepSeek-V3", { id: "deepseek-ai/DeepSeek-V3", safetensors: { parameters: { BF16: 671_000_000 }, total: 671_000_000 } });
    const report = await run({ repos: ["deepseek-ai/DeepSeek-V3"] });
    expect(report.refused).toEqual([
      { item: "deepseek-ai/DeepSeek-V3", field: "totalParams", value: 671_000_000, reason: "671M is 1,000x off the curated value 671B: an absurd ratio (a unit slip?)" },
    ]);
    const fields = (await hfSources("deepseek-v3")).map((s) => s.field);
    expect(fields).not.toContain("totalParams");
    expect(fields).toContain("routedExperts");
  });

  it("refuses config values the rules reject (experts on a dense model) and keeps the rest", async () => {
    // A made-up config that says Llama 3.1 8B has experts: the curated model is dense.
    server.script("/meta-llama/Llama-3.1-8B/resolve/main/config.json", { json: { model_type: "mixtral", num_local_experts: 8, num_experts_per_tok: 2, max_position_embeddings: 131072 } });
    server.setInfo("meta-llama/Llama-3.1-8B", { id: "meta-llama/Llama-3.1-8B" });
    const report = await run({ repos: ["meta-llama/Llama-3.1-8B"] });
    expect(report.failed).toBe(0);
    expect(report.refused.map((r) => r.field).sort()).toEqual(["expertsPerToken", "routedExperts"]);
    expect((await hfSources("llama-3.1-8b")).map((s) => [s.field, s.value])).toEqual([
      ["architecture", "moe"],
      ["hfRepoId", "meta-llama/Llama-3.1-8B"],
      ["maxPositionEmbeddings", 131072],
    ]);
    expect(report.disagreementList.map((d) => [d.field, d.inUse.value, d.other.value])).toEqual([["architecture", "dense", "moe"]]);
  });

  it("lists an organization's text-generation repos above the size floor, page by page", async () => {
    await server.close();
    server = await startHfServer({ pageSize: 2 });
    const report = await run({ orgs: ["deepseek-ai"] }, { minParams: 1_000_000_000 });
    expect(report.notes[0]).toBe("--org deepseek-ai: 4 listed, 2 kept, 2 without safetensors size (skipped)");
    expect(server.requests.some((r) => r.path.includes("cursor=2"))).toBe(true);
    expect(report.updated).toBe(1); // DeepSeek-V3
    expect(report.candidates.map((c) => c.item)).toEqual(["deepseek-ai/DeepSeek-V3.2"]);
  });

  it("reports unknown repos as candidates and creates them only with --create and every required value", async () => {
    await writeLicense(db, { id: "mit", name: "MIT License", category: "permissive", url: "https://opensource.org/license/mit" });
    // A model-info answer in the Hub's shape (made up for the test; the config is the recorded one).
    server.setInfo("deepseek-ai/DeepSeek-R1", {
      id: "deepseek-ai/DeepSeek-R1", author: "deepseek-ai", createdAt: "2025-01-20T03:46:07.000Z", private: false, gated: false, pipeline_tag: "text-generation",
      tags: ["transformers", "license:mit"], cardData: { license: "mit" }, downloads: 500_000, likes: 12_000,
      safetensors: { parameters: { BF16: 3_918_786_560, F8_E4M3: 680_571_043_840, F32: 41_555_600 }, total: 684_531_386_000 },
    });
    const repos = { repos: ["deepseek-ai/DeepSeek-R1", "openai/gpt-oss-20b"] };
    const plain = await run(repos);
    expect(plain.candidates.map((c) => [c.item, c.reason])).toEqual([
      ["deepseek-ai/DeepSeek-R1", "no model has this repo id"],
      ["openai/gpt-oss-20b", "no model has this repo id"],
    ]);
    expect(await db.model.count({ where: { slug: "deepseek-r1" } })).toBe(0);

    const created = await run(repos, { create: true });
    expect(created).toMatchObject({ created: 1 });
    expect(created.candidates.map((c) => [c.item, c.reason])).toEqual([["openai/gpt-oss-20b", 'pipeline "unknown" is not text generation: not created']]);
    const r1 = await db.model.findUniqueOrThrow({ where: { slug: "deepseek-r1" }, include: { developers: { include: { organization: true } } } });
    expect(r1).toMatchObject({
      name: "DeepSeek-R1", variant: "reasoning", architecture: "moe", routedExperts: 256, expertsPerToken: 8, sharedExperts: 1, maxPositionEmbeddings: 163840,
      licenseId: "mit", totalParams: 684_531_386_000n, hfRepoId: "deepseek-ai/DeepSeek-R1", openWeights: true,
    });
    expect(r1.releaseDate.toISOString().slice(0, 10)).toBe("2025-01-20");
    expect(r1.developers.map((d) => d.organization.slug)).toEqual(["deepseek"]);
    expect(await db.adoptionSnapshot.findMany({ where: { modelId: r1.id }, select: { downloads: true, likes: true, sourceKind: true, repoId: true } })).toEqual([
      { downloads: 500_000, likes: 12_000, sourceKind: "huggingface", repoId: "deepseek-ai/DeepSeek-R1" },
    ]);
    // Adoption figures are not part of the revision log.
    expect(await db.revision.count({ where: { modelId: r1.id, field: { in: ["downloads", "likes"] } } })).toBe(0);
    // Created once: the next run matches it and finds nothing to change (adoption figures included).
    expect(await run(repos, { create: true })).toMatchObject({ created: 0, updated: 0, unchanged: 1, adoptionUpdated: 0 });
  });
});

describe("Hugging Face ingest from recorded answers (--from-dir)", () => {
  const takenAt = new Date("2025-01-22T00:00:00Z");
  const recorded = (dir = "tests/fixtures/hf", at = takenAt) => new HfRecordedSource(path.resolve(dir), at);

  it("reads every recorded answer and changes nothing on a second run", async () => {
    const first = await ingestHf(db, { source: recorded(), targets: { recorded: true }, today: TODAY });
    expect(first).toMatchObject({ total: 31, updated: 2, failed: 0 }); // DeepSeek-V3 and Qwen3-235B-A22B
    expect(first.candidates.map((c) => c.item)).toContain("google-bert/bert-base-uncased");
    expect(first.candidates.find((c) => c.item === "meta-llama/Meta-Llama-3.1-8B")).toBeDefined();
    const second = await ingestHf(db, { source: recorded(), targets: { recorded: true }, today: TODAY });
    expect(second).toMatchObject({ updated: 0, unchanged: 2, adoptionUpdated: 0 });
  });

  it("dates adoption figures, keeps newer ones, and logs no revision for them", async () => {
    const info = (downloads: number) => ({ id: "deepseek-ai/DeepSeek-V3", downloads, likes: 4000 });
    const src = (downloads: number, at: Date) => ({
      description: "test",
      fetch: async (id: string) => ({ requestedId: id, info: { json: info(downloads), takenAt: at }, config: { state: "not-recorded" as const } }),
      listOrganization: async () => ({ entries: [], truncated: false }),
      listNewest: async () => [],
      listRecorded: async () => ["deepseek-ai/DeepSeek-V3"],
    });
    const go = (downloads: number, at: Date) => ingestHf(db, { source: src(downloads, at), targets: { recorded: true }, today: TODAY });
    expect((await go(100, takenAt)).adoptionUpdated).toBe(1);
    expect((await go(100, takenAt)).adoptionUpdated).toBe(0);
    // Another figure the same day replaces that day's snapshot; every other day adds one: a history.
    expect((await go(120, new Date(takenAt.getTime() + 3600_000))).adoptionUpdated).toBe(1);
    expect((await go(200, new Date("2025-02-01T00:00:00Z"))).adoptionUpdated).toBe(1);
    const history = await db.adoptionSnapshot.findMany({ where: { model: { slug: "deepseek-v3" } }, orderBy: { takenOn: "asc" }, select: { takenOn: true, downloads: true, likes: true, sourceUrl: true } });
    expect(history).toEqual([
      { takenOn: new Date(`${takenAt.toISOString().slice(0, 10)}T00:00:00Z`), downloads: 120, likes: 4000, sourceUrl: "https://huggingface.co/deepseek-ai/DeepSeek-V3" },
      { takenOn: new Date("2025-02-01T00:00:00Z"), downloads: 200, likes: 4000, sourceUrl: "https://huggingface.co/deepseek-ai/DeepSeek-V3" },
    ]);
    expect(await db.revision.count({ where: { ingestRunId: { not: null }, model: { slug: "deepseek-v3" }, sourceKind: "huggingface" } })).toBe(0);
  });
});
