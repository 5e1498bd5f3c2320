import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { findDisagreements, getModelDisagreements } from "@/lib/data/disagreements";
import { writeModel, type FieldInputs, type SourceBatch } from "@/lib/data/write-path";
import { ingestCurated } from "@/lib/ingest/curated/run";
import { resetDatabase, testClient } from "../support/db-helpers";

// Precedence between sources, field by field, and the disagreement queries the pages use.
const TODAY = "2026-11-29";
const db = testClient();
const batch = (kind: SourceBatch["kind"]): SourceBatch => ({ kind, retrievedAt: new Date("2026-11-29T10:00:00Z"), reason: `test (${kind})` });
const write = (slug: string, kind: SourceBatch["kind"], values: Record<string, unknown>) =>
  writeModel(db, slug, Object.fromEntries(Object.entries(values).map(([k, value]) => [k, { value, url: `https://example.org/${kind}` }])) as FieldInputs, batch(kind), { today: TODAY });
const column = async (slug: string, field: "totalParams" | "sharedExperts" | "contextWindow") => (await db.model.findUniqueOrThrow({ where: { slug } }))[field];

afterAll(() => db.$disconnect());
beforeEach(async () => {
  await resetDatabase(db);
  await ingestCurated(db, path.resolve("tests/fixtures/curated-small"), { today: TODAY });
});

describe("precedence", () => {
  it("correction > curated > (for parameter counts) Epoch > Hugging Face", async () => {
    await write("deepseek-v3", "curated", { totalParams: null, activeParams: null });
    expect(await column("deepseek-v3", "totalParams")).toBeNull();
    await write("deepseek-v3", "huggingface", { totalParams: 684_531_386_000 });
    expect(await column("deepseek-v3", "totalParams")).toBe(684_531_386_000n);
    await write("deepseek-v3", "epoch", { totalParams: 671_000_000_000 });
    expect(await column("deepseek-v3", "totalParams")).toBe(671_000_000_000n);
    // Hugging Face again, unchanged: nothing moves.
    expect((await write("deepseek-v3", "huggingface", { totalParams: 684_531_386_000 })).outcome).toBe("unchanged");
    await write("deepseek-v3", "curated", { totalParams: 671_000_000_001 });
    expect(await column("deepseek-v3", "totalParams")).toBe(671_000_000_001n);
    await write("deepseek-v3", "correction", { totalParams: 671_026_419_200 });
    expect(await column("deepseek-v3", "totalParams")).toBe(671_026_419_200n);

    const revisions = await db.revision.findMany({ where: { model: { slug: "deepseek-v3" }, field: "totalParams" }, orderBy: { id: "asc" } });
    expect(revisions.slice(-5).map((r) => [r.sourceKind, r.newValue])).toEqual([
      ["curated", null], ["huggingface", 684_531_386_000], ["epoch", 671_000_000_000], ["curated", 671_000_000_001], ["correction", 671_026_419_200],
    ]);
  });

  it("config.json (Hugging Face) > Epoch for expert counts; Epoch > Hugging Face for context", async () => {
    await write("deepseek-v3", "curated", { sharedExperts: null, contextWindow: null });
    await write("deepseek-v3", "epoch", { sharedExperts: 2, contextWindow: 131072 });
    await write("deepseek-v3", "huggingface", { sharedExperts: 1, contextWindow: 163840 });
    expect(await column("deepseek-v3", "sharedExperts")).toBe(1);
    expect(await column("deepseek-v3", "contextWindow")).toBe(131072);
  });
});

describe("disagreements", () => {
  beforeEach(async () => {
    await write("deepseek-v3", "huggingface", { totalParams: 684_531_386_000, maxPositionEmbeddings: 163840 });
    await write("deepseek-v3", "epoch", { totalParams: 671_000_000_000, announcedDate: "2024-12-24" });
    await write("qwen3-235b-a22b", "huggingface", { totalParams: 235_093_634_560, maxPositionEmbeddings: 32768 });
    await write("llama-3.1-8b", "epoch", { totalParams: 8_000_000_000, licenseId: "apache-2.0" });
  });

  it("lists every disagreement, largest first, and nothing within tolerance or missing", async () => {
    const all = await findDisagreements({}, db);
    expect(all.map((d) => [d.model.slug, d.field, d.inUse.source, d.other.source, Number(d.magnitude.toFixed(4))])).toEqual([
      ["llama-3.1-8b", "licenseId", "curated", "epoch", 1],
      ["qwen3-235b-a22b", "maxPositionEmbeddings", "curated", "huggingface", 0.25],
      ["deepseek-v3", "totalParams", "curated", "huggingface", 0.0202],
      ["deepseek-v3", "announcedDate", "curated", "epoch", 0.0055],
    ]);
    // 8B against 8.03B (0.4%) and 235.09B against 235B (0.04%) are within the 1% tolerance.
    expect(all[0]).toMatchObject({
      model: { slug: "llama-3.1-8b", name: "Llama 3.1 8B" },
      inUse: { source: "curated", value: "llama3.1", url: "https://huggingface.co/meta-llama/Llama-3.1-8B" },
      other: { source: "epoch", value: "apache-2.0", url: "https://example.org/epoch", retrievedAt: "2026-11-29T10:00:00.000Z" },
    });
  });

  it("filters by field and by source", async () => {
    expect((await findDisagreements({ field: "totalParams" }, db)).map((d) => d.model.slug)).toEqual(["deepseek-v3"]);
    expect((await findDisagreements({ source: "epoch" }, db)).map((d) => d.field)).toEqual(["licenseId", "announcedDate"]);
    expect(await findDisagreements({ field: "totalParams", source: "epoch" }, db)).toEqual([]);
  });

  it("gives the model page each disagreeing field with the value in use and the sources that differ", async () => {
    const fields = await getModelDisagreements("deepseek-v3", db);
    expect(fields?.map((f) => [f.field, f.inUse.source, f.inUse.value, f.disagreeing.map((d) => [d.source, d.value])])).toEqual([
      ["announcedDate", "curated", "2024-12-26", [["epoch", "2024-12-24"]]],
      ["totalParams", "curated", 671_000_000_000, [["huggingface", 684_531_386_000]]],
    ]);
    expect(await getModelDisagreements("deepseek-v3-base", db)).toEqual([]);
    expect(await getModelDisagreements("no-such-model", db)).toBeNull();
  });
});
