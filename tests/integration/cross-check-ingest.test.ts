import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { ingestCrossCheck } from "@/lib/ingest/cross-check-run";
import { ingestCurated } from "@/lib/ingest/curated/run";
import { resetDatabase, testClient } from "../support/db-helpers";

// The models.dev and vLLM-recipes ingesters end to end, on the copies the project ships (data/sources) and
// on small folders written here, against the small curated fixture (deepseek-v3, qwen3-235b-a22b, ...).
const TODAY = "2026-12-01";
const db = testClient();
const values = async (slug: string, sourceKind: string) =>
  Object.fromEntries((await db.fieldSource.findMany({ where: { model: { slug }, sourceKind }, select: { field: true, value: true } })).map((f) => [f.field, f.value]));

let scratch: string;
/** A folder laid out like a source, with these files; an exclusion list beside it. */
async function folder(files: Record<string, string>, excluded = "excluded: []\n"): Promise<{ dir: string; exclusions: string }> {
  const dir = await mkdtemp(path.join(scratch, "src-"));
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), text);
  }
  await writeFile(path.join(dir, "excluded.yaml"), excluded);
  return { dir, exclusions: path.join(dir, "excluded.yaml") };
}

afterAll(() => db.$disconnect());
beforeEach(async () => {
  scratch ??= await mkdtemp(path.join(os.tmpdir(), "atlas-crosscheck-"));
  await resetDatabase(db);
  await ingestCurated(db, path.resolve("tests/fixtures/curated-small"), { today: TODAY });
});

describe("models.dev ingest", () => {
  const shipped = { source: "modelsdev" as const, dir: path.resolve("data/sources/modelsdev"), exclusions: path.resolve("data/excluded.yaml"), today: TODAY };

  it("keeps the shipped files' values beside the curated ones, and a second run changes nothing", async () => {
    const report = await ingestCrossCheck(db, shipped);
    expect(report.failed).toBe(0);
    // DeepSeek-V3's own file (models/deepseek/deepseek-v3.toml) links deepseek-ai/DeepSeek-V3.
    expect(await values("deepseek-v3", "modelsdev")).toEqual({ releaseDate: "2024-12-26", contextWindow: 131072, totalParams: 671_000_000_000, activeParams: 37_000_000_000 });
    const fs = await db.fieldSource.findFirstOrThrow({ where: { model: { slug: "deepseek-v3" }, sourceKind: "modelsdev", field: "totalParams" } });
    expect(fs.sourceUrl).toMatch(/^https:\/\/github\.com\/anomalyco\/models\.dev\/blob\/[0-9a-f]{40}\/models\/deepseek\/deepseek-v3\.toml$/);
    // The curated value stays in use.
    const v3 = await db.model.findUniqueOrThrow({ where: { slug: "deepseek-v3" } });
    expect(v3.contextWindow).toBe(131072);
    expect(await db.ingestRun.findUniqueOrThrow({ where: { id: report.runId! } })).toMatchObject({ source: "modelsdev", status: "succeeded" });

    const before = await db.fieldSource.findMany({ orderBy: { id: "asc" } });
    const second = await ingestCrossCheck(db, shipped);
    expect(second).toMatchObject({ created: 0, updated: 0, failed: 0 });
    expect(await db.fieldSource.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });

  it("matches a listing without a weights link by data/excluded.yaml, lists unmatched files as candidates and creates nothing", async () => {
    const toml = (name: string, extra = "") => `name = "${name}"\nrelease_date = "2025-04-29"\nopen_weights = true\n${extra}\n[limit]\ncontext = 32_768\n`;
    const src = await folder(
      {
        "models/somehost/qwen3-235b.toml": toml("Qwen3 235B"),
        "models/alibaba/qwen9-unknown.toml": toml("Qwen9", '[[weights]]\nurl = "https://huggingface.co/Qwen/Qwen9-1T"\n'),
        "models/somehost/tts.toml": toml("Some TTS"),
        "models/somehost/closed.toml": `name = "Closed"\nopen_weights = false\n`,
      },
      "excluded:\n  - { source: modelsdev, path: models/somehost/qwen3-235b.toml, rule: same-release, slug: qwen3-235b-a22b, why: a host's listing }\n" +
        "  - { source: modelsdev, path: models/somehost/tts.toml, rule: not-a-language-model, why: text to speech }\n",
    );
    const report = await ingestCrossCheck(db, { source: "modelsdev", ...src, today: TODAY });
    expect(await values("qwen3-235b-a22b", "modelsdev")).toEqual({ releaseDate: "2025-04-29", contextWindow: 32768 });
    expect(report.candidates.map((c) => [c.item, c.reason])).toEqual([
      ["models/alibaba/qwen9-unknown.toml", "no model has the repo id Qwen/Qwen9-1T: curate it (data/curated) or list it in data/excluded.yaml"],
    ]);
    expect(report.notes.at(-1)).toBe("3 files: 1 matched to 1 models, 1 unmatched, 1 excluded by data/excluded.yaml (1 not-a-language-model)");
    expect(report.disagreementList.map((d) => [d.model.slug, d.field, d.other.value])).toContainEqual(["qwen3-235b-a22b", "contextWindow", 32768]);
    expect(await db.model.count()).toBe(4);
  });

  it("refuses a unit slip and a non-day date, and writes the rest", async () => {
    const src = await folder({
      "models/deepseek/v3.toml": `name = "DeepSeek V3"\nrelease_date = "2024-12"\nopen_weights = true\n[parameters]\ntotal = 1_469_680\n[[weights]]\nurl = "https://huggingface.co/deepseek-ai/DeepSeek-V3"\n[limit]\ncontext = 131_072\n`,
    });
    const report = await ingestCrossCheck(db, { source: "modelsdev", ...src, today: TODAY });
    expect(report.refused.map((r) => [r.field, r.value])).toEqual([["totalParams", 1469680]]);
    expect(report.notes).toContain('models/deepseek/v3.toml: release_date "2024-12" is not a day: not taken');
    expect(await values("deepseek-v3", "modelsdev")).toEqual({ contextWindow: 131072 });
  });

  it("drops this source's earlier value when a later run's value is refused, rather than keeping a stale one", async () => {
    const file = (total: string) => `name = "DeepSeek V3"\nopen_weights = true\n[parameters]\ntotal = ${total}\n[[weights]]\nurl = "https://huggingface.co/deepseek-ai/DeepSeek-V3"\n`;
    const good = await folder({ "models/deepseek/v3.toml": file("671_000_000_000") });
    await ingestCrossCheck(db, { source: "modelsdev", ...good, today: TODAY });
    expect(await values("deepseek-v3", "modelsdev")).toEqual({ totalParams: 671_000_000_000 });
    const slip = await folder({ "models/deepseek/v3.toml": file("671_000_000") });
    const report = await ingestCrossCheck(db, { source: "modelsdev", ...slip, today: TODAY });
    expect(report.refused.map((r) => [r.field, r.value])).toEqual([["totalParams", 671_000_000]]);
    expect(await values("deepseek-v3", "modelsdev")).toEqual({});
  });

  it("holds back two files that claim one model with different values", async () => {
    const file = (ctx: number) => `name = "DeepSeek V3"\nopen_weights = true\n[[weights]]\nurl = "https://huggingface.co/deepseek-ai/DeepSeek-V3"\n[limit]\ncontext = ${ctx}\n`;
    const src = await folder({ "models/a/v3.toml": file(131072), "models/b/v3.toml": file(65536) });
    const report = await ingestCrossCheck(db, { source: "modelsdev", ...src, today: TODAY });
    expect(report.candidates.map((c) => c.reason)).toEqual(["all claim deepseek-v3 but disagree (contextWindow: 131072 vs 65536): none written"]);
    expect(await values("deepseek-v3", "modelsdev")).toEqual({});
  });

  it("writes the file that links the model's repo over a host's listing of the same release", async () => {
    const file = (ctx: number, link: boolean) => `name = "DeepSeek V3"\nopen_weights = true\n${link ? '[[weights]]\nurl = "https://huggingface.co/deepseek-ai/DeepSeek-V3"\n' : ""}[limit]\ncontext = ${ctx}\n`;
    const src = await folder(
      { "models/deepseek/v3.toml": file(131072, true), "models/somehost/v3.toml": file(65536, false) },
      "excluded:\n  - { source: modelsdev, path: models/somehost/v3.toml, rule: same-release, slug: deepseek-v3, why: a host's listing }\n",
    );
    const report = await ingestCrossCheck(db, { source: "modelsdev", ...src, today: TODAY });
    expect(report.candidates).toEqual([]);
    expect(await values("deepseek-v3", "modelsdev")).toEqual({ contextWindow: 131072 });
    expect(report.notes).toContain("deepseek-v3: written from the file that links its repo; hosts' listings of it not written: models/somehost/v3.toml");
  });

  it("says what is wrong with a folder that is not a copy of models.dev, and with a bad exclusion list", async () => {
    await expect(ingestCrossCheck(db, { source: "modelsdev", dir: scratch + "/none", exclusions: "/nonexistent.yaml", today: TODAY })).rejects.toThrow(/cannot read .*none\/models .*models\/<lab>\/<model>\.toml/);
    const src = await folder({ "models/a/x.toml": 'name = "X"\n' }, "excluded:\n  - { source: modelsdev, path: models/a/x.toml, rule: same-release, why: oops }\n");
    await expect(ingestCrossCheck(db, { source: "modelsdev", ...src, today: TODAY })).rejects.toThrow(/excluded\.0\.slug: same-release names the record it is/);
    expect(await db.fieldSource.count({ where: { sourceKind: "modelsdev" } })).toBe(0);
  });
});

describe("vLLM recipes ingest", () => {
  it("keeps the shipped recipes' rounded counts, architecture and context beside the curated values", async () => {
    const report = await ingestCrossCheck(db, { source: "vllm-recipes", dir: path.resolve("data/sources/vllm-recipes"), exclusions: path.resolve("data/excluded.yaml"), today: TODAY });
    expect(report.failed).toBe(0);
    expect(await values("deepseek-v3", "vllm-recipes")).toEqual({ totalParams: 671_000_000_000, activeParams: 37_000_000_000, architecture: "moe", contextWindow: 163840 });
    // No date is ever taken from a recipe (date_added is when the recipe was written).
    expect(await db.fieldSource.count({ where: { sourceKind: "vllm-recipes", field: { in: ["releaseDate", "announcedDate"] } } })).toBe(0);
    expect(report.disagreementList.map((d) => [d.model.slug, d.field, d.inUse.value, d.other.value])).toContainEqual(["deepseek-v3", "contextWindow", 131072, 163840]);
  });

  it("notes a count it cannot read and takes the rest of the recipe", async () => {
    const src = await folder({
      "models/deepseek-ai/DeepSeek-V3.yaml": 'meta:\n  title: DeepSeek-V3\nmodel:\n  model_id: deepseek-ai/DeepSeek-V3\n  architecture: moe\n  parameter_count: "Undisclosed"\n  context_length: 131072\n',
    });
    const report = await ingestCrossCheck(db, { source: "vllm-recipes", ...src, today: TODAY });
    expect(report.notes).toContain('models/deepseek-ai/DeepSeek-V3.yaml: parameter_count "Undisclosed" is not a count: not taken');
    expect(await values("deepseek-v3", "vllm-recipes")).toEqual({ architecture: "moe", contextWindow: 131072 });
  });
});
