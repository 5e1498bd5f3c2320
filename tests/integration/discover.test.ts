import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { discoverReleases, type DiscoverOptions } from "@/lib/ingest/discover/run";
import { ingestCurated } from "@/lib/ingest/curated/run";
import { HfHubSource } from "@/lib/ingest/hf/source";
import { writeModel } from "@/lib/data/write-path";
import { resetDatabase, testClient } from "../support/db-helpers";
import { fixtureConfig, startHfServer, type HfTestServer } from "../support/hf-server";

// Discovery end to end: a local stand-in for the Hub (tests/support/hf-server.ts) that the tests fill
// repo by repo, the real database with the small curated fixture, and the real queue.
const TODAY = "2026-11-29";
const db = testClient();
const NEW_REPOS = JSON.parse(readFileSync(path.resolve("tests/fixtures/hf/discovery/new-repos.json"), "utf8")) as Record<string, { _id: string; id: string }>;
const AUTHORS = [
  { author: "deepseek-ai", organization: "deepseek" },
  { author: "Qwen", organization: "alibaba" },
  { author: "meta-llama", organization: "meta" },
];
let server: HfTestServer;

afterAll(() => db.$disconnect());
beforeEach(async () => {
  await resetDatabase(db);
  await ingestCurated(db, path.resolve("tests/fixtures/curated-small"), { today: TODAY });
  server = await startHfServer({ empty: true });
  // What the Hub lists: two known repos (by the curated records' hfRepoId) and the new ones of the fixture.
  server.setInfo("deepseek-ai/DeepSeek-V3", { _id: "known-1", id: "deepseek-ai/DeepSeek-V3", createdAt: "2024-12-25T00:00:00.000Z", pipeline_tag: "text-generation", safetensors: { total: 684531386000 } });
  server.setInfo("Qwen/Qwen3-235B-A22B", { _id: "known-2", id: "Qwen/Qwen3-235B-A22B", createdAt: "2025-04-28T00:00:00.000Z", pipeline_tag: "text-generation", safetensors: { total: 235093634560 } });
  for (const [id, body] of Object.entries(NEW_REPOS)) server.setInfo(id, body);
  for (const id of ["deepseek-ai/DeepSeek-V4-Flash", "Qwen/Qwen3.5-397B-A17B", "meta-llama/Llama-4-Scout-17B-16E-Instruct"]) server.setConfig(id, fixtureConfig(id));
});
afterEach(() => server.close());

const hub = () => new HfHubSource(server.url, { backoffMs: 5, timeoutMs: 300, retries: 2 });
const discover = (extra: Partial<DiscoverOptions> = {}) => discoverReleases(db, { source: hub(), authors: AUTHORS, today: TODAY, exclusionsFile: "tests/fixtures/none.yaml", ...extra });
// In code-point order (the database's collation may differ from one server to another).
const queued = async () => (await db.candidate.findMany()).sort((a, b) => (a.repoId < b.repoId ? -1 : 1));
const NEW_RELEASES = ["Qwen/Qwen3.5-397B-A17B", "deepseek-ai/DeepSeek-V4-Flash", "meta-llama/Llama-4-Scout-17B-16E-Instruct"];

describe("discovery of new releases", () => {
  it("queues each new release with the values it read and their sources, and filters copies by rule, counted", async () => {
    const report = await discover();
    expect(report).toMatchObject({ created: 3, unchanged: 2, failed: 0, failures: [] });
    expect(report.notes[0]).toMatch(/3 authors, 8 repositories listed: 2 already known, 3 new, 1 filtered as quantized .*, 1 filtered as adapter .*, 1 filtered as not-text-generation/);
    const rows = await queued();
    expect(rows.map((r) => r.repoId)).toEqual(NEW_RELEASES);
    const flash = rows[1]!;
    expect(flash).toMatchObject({ status: "pending", author: "deepseek-ai", organizationSlug: "deepseek", hubId: "69a0c0ffee00000000000001", ingestRunId: report.runId });
    const page = "https://huggingface.co/deepseek-ai/DeepSeek-V4-Flash";
    const config = `${page}/blob/main/config.json`;
    expect(flash.proposed).toMatchObject({
      releaseDate: { value: "2026-04-20", url: page, basis: "hub" },
      totalParams: { value: 284000000000, url: page, basis: "hub" },
      architecture: { value: "moe", url: config, basis: "hub" },
      name: { value: "DeepSeek-V4-Flash", url: page, basis: "repo-name" },
      developers: { value: ["deepseek"], basis: "repo-name" },
    });
    expect(flash.missing).toEqual(expect.arrayContaining(["activeParams", "contextWindow"]));
    expect(flash.missing).not.toContain("architecture");
    // The Hub's license is one the license table does not have yet: said, and left to the moderator.
    expect(flash.missing).toContain("licenseId");
    expect(flash.problems).toEqual([expect.stringMatching(/license mit, which data\/curated\/licenses.yaml does not have/)]);

    // Gated: the model info is public, config.json is not; what could not be read is said, and missing.
    const qwen = rows.find((r) => r.repoId === "Qwen/Qwen3.5-397B-A17B")!;
    expect(qwen.proposed).toMatchObject({ licenseId: { value: "apache-2.0", basis: "hub" }, baseModel: { value: "qwen3-235b-a22b", basis: "hub" }, modalities: { value: ["text", "image"] } });
    const run = await db.ingestRun.findUniqueOrThrow({ where: { id: report.runId! } });
    expect(run).toMatchObject({ source: "huggingface", job: "discover", status: "succeeded", created: 3 });
  });

  it("says what a gated or malformed config.json leaves unknown, and still queues the release", async () => {
    server.script("/Qwen/Qwen3.5-397B-A17B/resolve/main/config.json", { status: 403, body: '{"error":"Access to model Qwen/Qwen3.5-397B-A17B is restricted."}' });
    server.setConfig("deepseek-ai/DeepSeek-V4-Flash", '{"model_type": "deepseek_v4", "n_routed_experts": ');
    await discover();
    const rows = await queued();
    const qwen = rows.find((r) => r.repoId === "Qwen/Qwen3.5-397B-A17B")!;
    expect(qwen.problems).toEqual(expect.arrayContaining([expect.stringMatching(/config\.json is gated/)]));
    expect(qwen.missing).toEqual(expect.arrayContaining(["architecture", "contextWindow"]));
    const flash = rows.find((r) => r.repoId === "deepseek-ai/DeepSeek-V4-Flash")!;
    expect(flash.problems).toEqual(expect.arrayContaining([expect.stringMatching(/config\.json could not be read: .*malformed JSON/)]));
    expect(flash.proposed).not.toHaveProperty("architecture");
    expect(flash.proposed).toHaveProperty("totalParams");
  });

  it("queues each repo once over two runs, and only the repo that appeared in between", async () => {
    await discover();
    const first = await queued();
    const again = await discover();
    expect(again).toMatchObject({ created: 0, unchanged: 5 });
    expect(await queued()).toEqual(first);

    server.setInfo("deepseek-ai/DeepSeek-V4-Pro", { ...NEW_REPOS["deepseek-ai/DeepSeek-V4-Flash"], _id: "69a0c0ffee00000000000009", id: "deepseek-ai/DeepSeek-V4-Pro", createdAt: "2026-04-24T08:00:00.000Z" });
    const third = await discover();
    expect(third.created).toBe(1);
    expect((await queued()).map((r) => r.repoId)).toEqual([...NEW_RELEASES.slice(0, 2), "deepseek-ai/DeepSeek-V4-Pro", ...NEW_RELEASES.slice(2)]);
  });

  it("two runs at once queue each repo once", async () => {
    const [a, b] = await Promise.all([discover(), discover()]);
    expect(a.created + b.created).toBe(3);
    expect((await queued()).map((r) => r.repoId)).toEqual(NEW_RELEASES);
  });

  it("never queues a dismissed (or otherwise decided) repository again", async () => {
    await discover();
    await db.candidate.update({ where: { repoId: "meta-llama/Llama-4-Scout-17B-16E-Instruct" }, data: { status: "dismissed", reviewedAt: new Date(), reviewReason: "already tracked under another name" } });
    const again = await discover();
    expect(again.created).toBe(0);
    expect(await db.candidate.count()).toBe(3);
    expect((await db.candidate.findUniqueOrThrow({ where: { repoId: "meta-llama/Llama-4-Scout-17B-16E-Instruct" } })).status).toBe("dismissed");
  });

  it("follows a renamed repository (same Hub id) instead of queueing it again", async () => {
    await discover();
    server.remove("deepseek-ai/DeepSeek-V4-Flash");
    server.setInfo("deepseek-ai/DeepSeek-V4-Flash-Preview", { ...NEW_REPOS["deepseek-ai/DeepSeek-V4-Flash"], id: "deepseek-ai/DeepSeek-V4-Flash-Preview" });
    const report = await discover();
    expect(report).toMatchObject({ created: 0, updated: 1 });
    const row = await db.candidate.findUniqueOrThrow({ where: { hubId: "69a0c0ffee00000000000001" } });
    expect(row).toMatchObject({ repoId: "deepseek-ai/DeepSeek-V4-Flash-Preview", formerRepoIds: ["deepseek-ai/DeepSeek-V4-Flash"] });
    expect(await db.candidate.count()).toBe(3);
    // A third run sees the new name as known.
    expect(await discover()).toMatchObject({ created: 0, updated: 0 });
  });

  it("knows a record's repository by the name a Hub run found for it (a renamed record's repo is not new)", async () => {
    await writeModel(db, "llama-3.1-8b", { hfRepoId: { value: "meta-llama/Llama-3.1-8B-Renamed", url: "https://huggingface.co/meta-llama/Llama-3.1-8B-Renamed" } }, { kind: "huggingface", retrievedAt: new Date(), reason: "test" }, { today: TODAY });
    server.setInfo("meta-llama/Llama-3.1-8B-Renamed", { _id: "known-3", id: "meta-llama/Llama-3.1-8B-Renamed", createdAt: "2024-07-18T00:00:00.000Z", pipeline_tag: "text-generation", safetensors: { total: 8030261248 } });
    const report = await discover();
    expect(report.created).toBe(3);
    expect((await queued()).map((r) => r.repoId)).not.toContain("meta-llama/Llama-3.1-8B-Renamed");
  });

  it("retries a 429 (Retry-After), reports a timeout, and queues that repo on the next run", async () => {
    server.script("/api/models", { status: 429, headers: { "retry-after": "0" } });
    server.script("/api/models/meta-llama/Llama-4-Scout-17B-16E-Instruct", { hang: true }, { hang: true }, { hang: true });
    const report = await discover();
    expect(report).toMatchObject({ created: 2, failed: 1 });
    expect(report.failures[0]).toMatchObject({ item: "meta-llama/Llama-4-Scout-17B-16E-Instruct", message: expect.stringMatching(/timed out .*not queued; the next run tries again/) });
    expect(await db.candidate.count()).toBe(2);
    const next = await discover();
    expect(next).toMatchObject({ created: 1, failed: 0 });
    expect((await queued()).map((r) => r.repoId)).toEqual(NEW_RELEASES);
  });

  it("a crash midway leaves whole candidates only, and the next run converges", async () => {
    let n = 0;
    await expect(
      discover({
        afterQueue: () => {
          if (++n === 1) throw new Error("killed");
        },
      }),
    ).rejects.toThrow("killed");
    expect(await db.candidate.count()).toBe(1);
    expect(await db.ingestRun.findFirstOrThrow({ where: { job: "discover" } })).toMatchObject({ status: "failed" });
    const next = await discover();
    expect(next.created).toBe(2);
    expect((await queued()).map((r) => r.repoId)).toEqual(NEW_RELEASES);
  });

  it("writes nothing on a dry run", async () => {
    const report = await discover({ dryRun: true });
    expect(report.created).toBe(3);
    expect(await db.candidate.count()).toBe(0);
    expect(await db.ingestRun.count({ where: { job: "discover" } })).toBe(0);
  });
});
