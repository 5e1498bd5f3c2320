import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as benchmarksRoute } from "@/app/api/v1/benchmarks/route";
import { GET as leadersRoute } from "@/app/api/v1/leaders/route";
import { GET as modelRoute } from "@/app/api/v1/models/[slug]/route";
import { GET as modelsRoute } from "@/app/api/v1/models/route";
import { GET as csvRoute } from "@/app/api/v1/models.csv/route";
import { GET as scoresCsvRoute } from "@/app/api/v1/scores.csv/route";
import { GET as statsRoute } from "@/app/api/v1/stats/route";
import { listUnmappedListings, loadScorePoints } from "@/lib/data/measures";
import { findModels } from "@/lib/data/models";
import { loadStatRows } from "@/lib/data/stats";
import { ingestCurated } from "@/lib/ingest/curated/run";
import { ingestLlmfitSnapshot } from "@/lib/ingest/llmfit/run";
import { ingestOpenRouter, parseRecordedDaily } from "@/lib/ingest/openrouter/run";
import { SHIPPED } from "@/lib/ingest/shipped-sources";
import { ingestScores } from "@/lib/ingest/scores/run";
import { parseModelQuery } from "@/lib/schemas/model-query";
import { readFile } from "node:fs/promises";
import { resetDatabase, testClient } from "../support/db-helpers";

// Issue 14 end to end on the real dataset: the shipped scores, usage and adoption loaded into Postgres
// through the ingesters, then read through the API routes.
const TODAY = "2026-12-01";
const db = testClient();
const at = (p: string) => path.resolve(p);
const scoreOptions = {
  benchmarks: at(SHIPPED.benchmarks), epochDir: at(SHIPPED.epochBenchmarks), epochMap: at(SHIPPED.epochModelMap),
  modelsdevDir: at(SHIPPED.modelsdev), cardsDir: at(SHIPPED.cardScores), exclusions: at(SHIPPED.exclusions),
};
const json = async (res: Response) => ({ status: res.status, body: await res.json() });
const req = (url: string) => new NextRequest(`http://atlas.test${url}`);

afterAll(() => db.$disconnect());
beforeAll(async () => {
  await resetDatabase(db);
  await ingestCurated(db, at(SHIPPED.curated), { today: TODAY });
  await ingestScores(db, scoreOptions);
  await ingestOpenRouter(db, { days: parseRecordedDaily(await readFile(at(SHIPPED.openrouter), "utf8")), mapFile: at(SHIPPED.openrouterMap) });
  await ingestLlmfitSnapshot(db, { file: at(SHIPPED.hfAdoption) });
});

describe("the shipped scores", () => {
  it("reach at least 150 open-weights models from at least two independent sources, 8 benchmarks with US and Chinese open models, 20 closed reference models", async () => {
    const open = await db.model.count({ where: { openWeights: true, scores: { some: {} } } });
    expect(open).toBeGreaterThanOrEqual(150);
    const kinds = await db.score.groupBy({ by: ["sourceKind"], where: { measuredBy: "independent" }, _count: true });
    expect(kinds.map((k) => k.sourceKind).sort()).toEqual(["epoch-benchmarks", "modelsdev"]);
    const both = await db.$queryRaw<{ n: bigint }[]>`
      SELECT COUNT(*) AS n FROM (
        SELECT s."benchmarkId" FROM "Score" s JOIN "Model" m ON m.id = s."modelId" JOIN "Organization" o ON o.id = m."primaryOrganizationId"
        WHERE m."openWeights" GROUP BY s."benchmarkId"
        HAVING COUNT(*) FILTER (WHERE o.country = 'US') > 0 AND COUNT(*) FILTER (WHERE o.country = 'CN') > 0) b`;
    expect(Number(both[0]!.n)).toBeGreaterThanOrEqual(8);
    expect(await db.model.count({ where: { openWeights: false } })).toBeGreaterThanOrEqual(20);
    expect(await db.model.count({ where: { openWeights: false, scores: { some: {} } } })).toBeGreaterThanOrEqual(20);
  });

  it("give every score a source URL, who measured it and a date", async () => {
    const bad = await db.score.count({ where: { OR: [{ sourceUrl: "" }, { evaluator: "" }] } });
    expect(bad).toBe(0);
    expect(new Set((await db.score.findMany({ select: { measuredBy: true }, distinct: ["measuredBy"] })).map((s) => s.measuredBy))).toEqual(new Set(["independent", "developer"]));
    // A developer's claim on its own card is the developer's; a paper's baseline of another lab's model is independent.
    const v3 = await db.score.findMany({ where: { model: { slug: "deepseek-v3" }, sourceKind: "curated" }, select: { measuredBy: true, evaluator: true } });
    expect(v3.length).toBeGreaterThan(0);
    expect(v3.every((s) => s.measuredBy === "developer" && s.evaluator === "DeepSeek")).toBe(true);
    const baseline = await db.score.findFirst({ where: { model: { slug: "llama-3.1-405b" }, evaluator: { startsWith: "DeepSeek" } }, select: { measuredBy: true } });
    expect(baseline?.measuredBy).toBe("independent");
  });

  it("is idempotent: a second run creates, changes and removes nothing", async () => {
    // Not the data version: each run is a row of the run history, which moves it (/data-quality shows the runs).
    const before = await db.score.findMany({ orderBy: { id: "asc" } });
    const again = await ingestScores(db, scoreOptions);
    expect(again.map((r) => [r.source, r.created, r.updated])).toEqual([["epoch-benchmarks", 0, 0], ["modelsdev", 0, 0], ["curated", 0, 0]]);
    expect(again.every((r) => !r.notes.some((n) => n.includes("no longer holds")))).toBe(true);
    expect(await db.score.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });

  it("hides scores published after asOf", async () => {
    const q = parseModelQuery({}).query;
    const now = await loadScorePoints(q, null);
    const then = await loadScorePoints(q, "2025-06-30");
    expect(then.length).toBeGreaterThan(0);
    expect(then.length).toBeLessThan(now.length);
    expect(then.every((s) => s.publishedOn <= "2025-06-30" && s.releaseDate <= "2025-06-30")).toBe(true);
  });
});

describe("closed reference models", () => {
  it("change no release count, ranking or export unless asked for", async () => {
    const openCount = await db.model.count({ where: { openWeights: true } });
    const closedCount = await db.model.count({ where: { openWeights: false } });
    const q = parseModelQuery({}).query;
    expect((await findModels(q)).total).toBe(openCount);
    expect((await loadStatRows(q, null)).length).toBe(openCount);
    expect((await loadStatRows(q, "2026-06-30")).every((r) => r.slug !== "gpt-5")).toBe(true);
    const stats = await json(await statsRoute(req("/api/v1/stats")));
    expect(stats.body.releases).toBe(openCount);
    const list = await json(await modelsRoute(req("/api/v1/models?pageSize=200&sort=name")));
    expect(list.body.total).toBe(openCount);
    expect(list.body.data.every((m: { openWeights: boolean }) => m.openWeights)).toBe(true);
    const csv = await (await csvRoute(req("/api/v1/models.csv"))).text();
    expect(csv).not.toContain(",gpt-5,");
    expect(csv.split("\r\n").filter((l) => l && !l.startsWith("#")).length - 1).toBe(openCount);
    // Asked for: only them, or both.
    expect((await json(await modelsRoute(req("/api/v1/models?openWeights=false")))).body.total).toBe(closedCount);
    expect((await json(await modelsRoute(req("/api/v1/models?openWeights=all")))).body.total).toBe(openCount + closedCount);
    const bad = await json(await modelsRoute(req("/api/v1/models?openWeights=maybe")));
    expect(bad.status).toBe(400);
    expect(bad.body.details[0]).toMatchObject({ param: "openWeights" });
  });
});

describe("GET /api/v1/leaders", () => {
  it("answers every measure with a leading country and a source", async () => {
    const { status, body } = await json(await leadersRoute(req("/api/v1/leaders")));
    expect(status).toBe(200);
    const ids = body.rows.map((r: { id: string }) => r.id);
    for (const id of ["releases", "largest-total", "largest-active", "longest-context", "permissive-share", "usage-share", "downloads"]) expect(ids).toContain(id);
    expect(ids.filter((id: string) => id.startsWith("benchmark:")).length).toBeGreaterThanOrEqual(8);
    for (const r of body.rows) {
      expect(r.leader, r.id).toBeTruthy();
      expect(r.source.label, r.id).toBeTruthy();
      expect(r.us.text && r.cn.text, r.id).toBeTruthy();
    }
    const releases = body.rows.find((r: { id: string }) => r.id === "releases");
    const counted = await db.model.count({ where: { openWeights: true, primaryOrganization: { country: "CN" }, releaseDate: { gt: new Date("2025-08-31"), lte: new Date("2026-08-31") } } });
    expect(releases.cn.value).toBe(counted);
  });

  it("applies filters and asOf, and refuses a bad one", async () => {
    const filtered = await json(await leadersRoute(req("/api/v1/leaders?architecture=dense")));
    const total = filtered.body.rows.find((r: { id: string }) => r.id === "largest-total");
    expect((await db.model.findUniqueOrThrow({ where: { slug: total.cn.model.slug } })).architecture).toBe("dense");
    const past = await json(await leadersRoute(req("/api/v1/leaders?asOf=2025-01-01")));
    expect(past.body.rows.find((r: { id: string }) => r.id === "largest-total").cn.model.date <= "2025-01-01").toBe(true);
    expect(past.body.rows.some((r: { id: string }) => r.id === "usage-share")).toBe(false); // no usage data before May 2026
    expect((await leadersRoute(req("/api/v1/leaders?asOf=tomorrow"))).status).toBe(400);
  });
});

describe("benchmarks, model scores and the score CSV", () => {
  it("lists benchmarks with score counts; a model carries scores, usage and adoption", async () => {
    const { body } = await json(await benchmarksRoute(req("/api/v1/benchmarks")));
    const gpqa = body.data.find((b: { id: string }) => b.id === "gpqa-diamond-epoch");
    expect(gpqa).toMatchObject({ unit: "percent", higherIsBetter: true });
    expect(gpqa.scores.open).toBeGreaterThan(10);
    expect(gpqa.scores.closed).toBeGreaterThan(10);
    expect((await benchmarksRoute(req("/api/v1/benchmarks?x=1"))).status).toBe(400);

    const model = await json(await modelRoute(req("/api/v1/models/deepseek-v3"), { params: Promise.resolve({ slug: "deepseek-v3" }) }));
    expect(model.body.scores.length).toBeGreaterThan(3);
    for (const s of model.body.scores) expect(Object.keys(s)).toEqual(expect.arrayContaining(["benchmark", "value", "metric", "measuredBy", "date", "sourceUrl"]));
    expect(model.body.adoption).toEqual([]); // DeepSeek-V3 is not in the March snapshot's 514 repos
    const mimo = await json(await modelRoute(req("/api/v1/models/mimo-v2.5"), { params: Promise.resolve({ slug: "mimo-v2.5" }) }));
    expect(mimo.body.usage.weeks.length).toBeGreaterThan(10);
  });

  it("sorts and filters models by a benchmark's score", async () => {
    const { body } = await json(await modelsRoute(req("/api/v1/models?benchmark=swe-bench-verified-reported&minScore=70&sort=score")));
    expect(body.total).toBeGreaterThan(5);
    const values = body.data.map((m: { score: { value: number } }) => m.score.value);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(values.every((v: number) => v >= 70)).toBe(true);
    const asc = await json(await modelsRoute(req("/api/v1/models?benchmark=swe-bench-verified-reported&sort=score&order=asc&pageSize=3")));
    expect(asc.body.data[0].score.value).toBeLessThanOrEqual(asc.body.data[1].score.value);
    const noBenchmark = await json(await modelsRoute(req("/api/v1/models?sort=score")));
    expect(noBenchmark.status).toBe(400);
    expect(noBenchmark.body.details[0]).toMatchObject({ param: "sort" });
  });

  it("exports scores as CSV with who measured each, no credit row among the data", async () => {
    const res = await scoresCsvRoute(req("/api/v1/scores.csv?country=CN"));
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("x-credit")).toContain("Epoch AI");
    const lines = (await res.text()).trim().split("\r\n");
    expect(lines[0]).toBe("model_slug,model_name,country,open_weights,benchmark_id,benchmark_name,unit,value,metric,setting,measured_by,evaluator,published_on,source_kind,source_url");
    expect(lines.length).toBeGreaterThan(100);
    expect(lines.slice(1).every((l) => l.includes(",CN,true,") && /,(independent|developer),/.test(l))).toBe(true);
  });
});

describe("usage and adoption", () => {
  it("keeps unmapped listings without a model and lists them", async () => {
    const unmapped = await listUnmappedListings();
    expect(unmapped.length).toBeGreaterThan(10);
    expect(unmapped.map((u) => u.listing)).toContain("anthropic/claude-4.7-opus-20260416");
    expect(unmapped.map((u) => u.listing)).not.toContain("other");
    const mapped = await db.usageDay.count({ where: { listing: "deepseek/deepseek-v4-flash-20260423", model: { slug: "deepseek-v4-flash" } } });
    expect(mapped).toBe(90);
  });

  it("adds an adoption snapshot per run day, never overwriting the history", async () => {
    const first = await db.adoptionSnapshot.count();
    expect(first).toBeGreaterThan(100);
    const again = await ingestLlmfitSnapshot(db, { file: at(SHIPPED.hfAdoption) });
    expect(again.adoptionUpdated).toBe(0);
    const later = await ingestLlmfitSnapshot(db, { file: at(SHIPPED.hfAdoption), takenOn: new Date("2026-04-30T00:00:00Z") });
    expect(later.adoptionUpdated).toBe(first);
    expect(await db.adoptionSnapshot.count()).toBe(first * 2);
    await db.adoptionSnapshot.deleteMany({ where: { takenOn: new Date("2026-04-30T00:00:00Z") } });
  });

  it("refuses a mapping to a record that does not exist, keeping the listing unmapped", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "atlas-or-"));
    const map = path.join(dir, "map.yaml");
    await writeFile(map, "- permaslug: acme/ghost-1\n  model: no-such-model\n");
    const report = await ingestOpenRouter(db, { days: [{ day: "2026-09-01", listing: "acme/ghost-1", tokens: 5n }], mapFile: map });
    expect(report.failures[0]?.message).toContain("no-such-model");
    expect(await db.usageDay.findFirst({ where: { listing: "acme/ghost-1" }, select: { modelId: true } })).toEqual({ modelId: null });
    await db.usageDay.deleteMany({ where: { listing: "acme/ghost-1" } });
    await writeFile(map, "- permaslug: acme/ghost-1:free\n  model: null\n  why: test\n");
    await expect(ingestOpenRouter(db, { days: [], mapFile: map })).rejects.toThrow(/without its :free suffix/);
  });
});
