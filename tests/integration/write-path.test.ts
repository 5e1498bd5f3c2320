import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { writeModel } from "@/lib/data/write-path";
import { CuratedDatasetInvalidError, ingestCurated } from "@/lib/ingest/curated/run";
import { resetDatabase, testClient } from "../support/db-helpers";

const FIXTURE = path.resolve("tests/fixtures/curated-small");
const TODAY = "2026-11-29";
const db = testClient();

afterAll(() => db.$disconnect());
beforeEach(() => resetDatabase(db));

async function copyFixture(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "atlas-curated-"));
  await cp(FIXTURE, dir, { recursive: true });
  return dir;
}

describe("curated ingest through the write path", () => {
  it("stores every field with its source and logs each as a revision", async () => {
    const summary = await ingestCurated(db, FIXTURE, { today: TODAY });
    expect(summary).toMatchObject({ created: 4, updated: 0, unchanged: 0 });

    const v3 = await db.model.findUniqueOrThrow({
      where: { slug: "deepseek-v3" },
      include: { fieldSources: true, revisions: true, baseModel: true, primaryOrganization: true },
    });
    expect(v3.totalParams).toBe(671_000_000_000n);
    expect(v3.baseModel?.slug).toBe("deepseek-v3-base");
    expect(v3.primaryOrganization.country).toBe("CN");
    const total = v3.fieldSources.find((f) => f.field === "totalParams");
    expect(total).toMatchObject({ sourceKind: "curated", value: 671_000_000_000, sourceUrl: "https://arxiv.org/abs/2412.19437" });
    const context = v3.fieldSources.find((f) => f.field === "contextWindow");
    expect(context?.sourceUrl).toBe("https://huggingface.co/deepseek-ai/DeepSeek-V3");
    // hfRepoId, name, ... and every other non-empty field has a source row.
    expect(v3.fieldSources.length).toBe(19);
    expect(v3.revisions.length).toBe(19);
    expect(v3.revisions.every((r) => r.oldValue === null && r.ingestRunId === summary.runId)).toBe(true);

    const run = await db.ingestRun.findUniqueOrThrow({ where: { id: summary.runId } });
    expect(run).toMatchObject({ status: "succeeded", created: 4 });
  });

  it("changes nothing on a second run and says so", async () => {
    await ingestCurated(db, FIXTURE, { today: TODAY });
    const revisionsBefore = await db.revision.count();
    const second = await ingestCurated(db, FIXTURE, { today: TODAY });
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: 4, licensesChanged: 0, organizationsChanged: 0 });
    expect(await db.revision.count()).toBe(revisionsBefore);
  });

  it("records a changed value as one revision with old and new", async () => {
    const dir = await copyFixture();
    await ingestCurated(db, dir, { today: TODAY });
    const file = path.join(dir, "models.yaml");
    await writeFile(file, (await readFile(file, "utf8")).replace("maxPositionEmbeddings: 40960", "maxPositionEmbeddings: 32768"));
    const second = await ingestCurated(db, dir, { today: TODAY });
    expect(second).toMatchObject({ updated: 1, unchanged: 3 });
    const revisions = await db.revision.findMany({ where: { model: { slug: "qwen3-235b-a22b" }, ingestRunId: second.runId } });
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({ field: "maxPositionEmbeddings", oldValue: 40960, newValue: 32768, sourceKind: "curated" });
  });

  it("refuses a dataset with a bad record and writes nothing of it", async () => {
    const dir = await copyFixture();
    const file = path.join(dir, "models.yaml");
    await writeFile(file, (await readFile(file, "utf8")).replace("activeParams: 22000000000", "activeParams: 922000000000"));
    await expect(ingestCurated(db, dir, { today: TODAY })).rejects.toThrow(CuratedDatasetInvalidError);
    await expect(ingestCurated(db, dir, { today: TODAY })).rejects.toThrow(/models\.yaml › qwen3-235b-a22b › activeParams: active \(922000000000\) exceeds total/);
    expect(await db.model.count()).toBe(0);
    const runs = await db.ingestRun.findMany();
    expect(runs.every((r) => r.status === "failed" && r.message?.includes("nothing was written"))).toBe(true);
  });

  it("keeps a higher-precedence value when a lower source disagrees, and keeps both values", async () => {
    await ingestCurated(db, FIXTURE, { today: TODAY });
    const batch = { retrievedAt: new Date(), reason: "test" };
    await writeModel(db, "deepseek-v3", { contextWindow: { value: 163840, url: "https://example.org/evidence" } }, { ...batch, kind: "correction" }, { today: TODAY });
    await writeModel(db, "deepseek-v3", { contextWindow: { value: 65536, url: "https://huggingface.co/x" } }, { ...batch, kind: "huggingface" }, { today: TODAY });
    // Curated again (a re-run): the correction still wins.
    await ingestCurated(db, FIXTURE, { today: TODAY });
    const model = await db.model.findUniqueOrThrow({ where: { slug: "deepseek-v3" }, include: { fieldSources: { where: { field: "contextWindow" } } } });
    expect(model.contextWindow).toBe(163840);
    expect(model.fieldSources.map((f) => [f.sourceKind, f.value]).sort()).toEqual([
      ["correction", 163840],
      ["curated", 131072],
      ["huggingface", 65536],
    ]);
  });

  it("rejects a write that breaks the rules and leaves the model as it was", async () => {
    await ingestCurated(db, FIXTURE, { today: TODAY });
    await expect(
      writeModel(db, "llama-3.1-8b", { architecture: { value: "moe", url: "https://example.org" } }, { kind: "correction", retrievedAt: new Date(), reason: "test" }, { today: TODAY }),
    ).rejects.toThrow(/routedExperts: an MoE model needs its routed expert count/);
    const model = await db.model.findUniqueOrThrow({ where: { slug: "llama-3.1-8b" } });
    expect(model.architecture).toBe("dense");
    expect(await db.fieldSource.count({ where: { sourceKind: "correction" } })).toBe(0);
  });
});
