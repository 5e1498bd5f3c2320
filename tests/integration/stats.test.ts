import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as stats } from "@/app/api/v1/stats/route";
import { readCompleteThrough } from "@/lib/coverage";
import { bucketEnd, quarterOf } from "@/lib/domain/aggregation";
import { writeModel } from "@/lib/data/write-path";
import { loadStatRows } from "@/lib/data/stats";
import { ingestCurated } from "@/lib/ingest/curated/run";
import { parseModelQuery } from "@/lib/schemas/model-query";
import { resetDatabase, testClient } from "../support/db-helpers";

const db = testClient();
afterAll(() => db.$disconnect());

async function get(qs: string) {
  const res = await stats(new NextRequest(`http://atlas.test/api/v1/stats?${qs}`));
  return { status: res.status, body: await res.json() };
}

describe("GET /api/v1/stats on a small seeded database", () => {
  beforeAll(async () => {
    await resetDatabase(db);
    await ingestCurated(db, path.resolve("tests/fixtures/curated-small"), { today: "2026-11-29" });
    // The dataset was entered on 2025-01-01; then DeepSeek-V3's total was corrected today.
    await db.$executeRawUnsafe(`UPDATE "Revision" SET "createdAt" = TIMESTAMPTZ '2025-01-01 12:00:00+00'`);
    await writeModel(db, "deepseek-v3", { totalParams: { value: 685_000_000_000, url: "https://example.org/evidence" } }, { kind: "correction", retrievedAt: new Date(), reason: "test correction" });
  });

  it("counts and ranks per country group", async () => {
    const { status, body } = await get("");
    expect(status).toBe(200);
    expect(body.releases).toBe(4);
    expect(body.groups).toEqual(["US", "CN", "other"]);
    const all = body.comparison.all;
    expect(all.US).toMatchObject({ releases: 1, moeReleases: 0, largestTotal: { slug: "llama-3.1-8b" }, developers: 1 });
    expect(all.CN).toMatchObject({ releases: 3, moeReleases: 3, moeShare: 1, largestTotal: { slug: "deepseek-v3", totalParams: 685_000_000_000 }, developers: 2 });
    expect(all.CN.permissiveShare).toBeCloseTo(1 / 3);
    expect(body.thresholds).toEqual([
      expect.objectContaining({ threshold: 100e9, us: null, cn: expect.objectContaining({ slug: "deepseek-v3" }), leader: "CN", lagMonths: null }),
      expect.objectContaining({ threshold: 400e9, cn: expect.objectContaining({ slug: "deepseek-v3" }) }),
      expect.objectContaining({ threshold: 1e12, us: null, cn: null, leader: null }),
    ]);
    expect(body.charts.releasesPerQuarter[0]).toEqual({ quarter: "2024-Q3", US: 1, CN: 0, other: 0, incomplete: false });
    expect(body.charts.frontiers.totalParams.CN.map((s: { slug: string }) => s.slug)).toEqual(["deepseek-v3"]);
  });

  it("shows the world as of a date: later releases left out, values as they stood then", async () => {
    // Mid-2025: the correction to 685B (made today) had not happened; DeepSeek-V3 and its base tie at 671B.
    const before = await get("asOf=2025-06-01");
    expect(before.body.releases).toBe(4);
    expect(before.body.comparison.all.CN.largestTotal).toMatchObject({ totalParams: 671_000_000_000 });
    expect(before.body.asOf).toBe("2025-06-01");
    // Before DeepSeek-V3 and Qwen3 came out: only Llama 3.1 8B.
    const earlier = await get("asOf=2024-12-01");
    expect(earlier.body.releases).toBe(1);
    expect(earlier.body.comparison.all.CN.releases).toBe(0);
    // Filters apply to the values as they stood: nothing was above 680B then, DeepSeek-V3 is now.
    expect((await get("asOf=2025-06-01&minTotalParams=680B")).body.releases).toBe(0);
    expect((await get("minTotalParams=680B")).body.releases).toBe(1);
  });

  it("says how far the data reaches, and ends the 12-month windows there rather than today", async () => {
    const completeThrough = await readCompleteThrough();
    const { body } = await get("");
    expect(body).toMatchObject({ completeThrough, dataThrough: completeThrough });
    expect(body.recent.CN.window.to).toBe(completeThrough);
    // The fixture's releases end in April 2025, the data reaches the sweep date: the quarters run on to the
    // sweep's quarter as zeros, and only the last one, which the sweep does not reach the end of, is flagged.
    const quarters = body.charts.releasesPerQuarter as { quarter: string; incomplete: boolean }[];
    const partial = bucketEnd(quarterOf(completeThrough)) > completeThrough; // false only on a quarter's last day
    expect(quarters.filter((q) => q.incomplete)).toEqual(partial ? [{ quarter: quarterOf(completeThrough), US: 0, CN: 0, other: 0, incomplete: true }] : []);
    expect(quarters.at(-1)!.quarter).toBe(quarterOf(completeThrough));
    // As of 10 May 2025 the windows end then, and 2025-Q2 (Qwen3, 29 April) is a part of a quarter.
    const asOf = (await get("asOf=2025-05-10")).body;
    expect(asOf).toMatchObject({ asOf: "2025-05-10", completeThrough, dataThrough: "2025-05-10" });
    expect(asOf.recent.CN).toEqual({ last12: 3, prior12: 0, window: { from: "2024-05-10", to: "2025-05-10", priorFrom: "2023-05-10" } });
    expect(asOf.charts.releasesPerQuarter.at(-1)).toEqual({ quarter: "2025-Q2", US: 0, CN: 1, other: 0, incomplete: true });
    expect(asOf.charts.moeSharePerHalf.at(-1)).toMatchObject({ half: "2025-H1", incomplete: true });
    expect(asOf.charts.licensesPerYear.map((y: { year: string; incomplete: boolean }) => [y.year, y.incomplete])).toEqual([["2024", false], ["2025", true]]);
  });

  it("honours the model filters and adds countries", async () => {
    const { body } = await get("architecture=dense&compare=FR");
    expect(body.groups).toEqual(["US", "CN", "FR", "other"]);
    expect(body.releases).toBe(1);
  });

  it.each([
    ["asOf=2025-13-01", "asOf"],
    ["asOf=2999-01-01", "asOf"],
    ["compare=XX", "compare"],
    ["architecture=big", "architecture"],
    ["params=both", "params"],
  ])("answers %s with a 400 naming %s", async (qs, param) => {
    const { status, body } = await get(qs);
    expect(status).toBe(400);
    expect(body.details[0].param).toBe(param);
  });
});

describe("asOf filtering agrees with the SQL filters", () => {
  beforeAll(async () => {
    await resetDatabase(db);
    await ingestCurated(db, path.resolve("data/curated"));
  }, 300_000);

  it.each([
    "", "country=CN&architecture=moe", "excludeCountry=US,CN&license=permissive", "org=nvidia", "q=qwen", "minTotalParams=100B&maxActiveParams=40B",
    "releasedFrom=2024-01-01&releasedTo=2024-12-31&minContext=128K", "license=non-commercial,restricted&architecture=dense",
  ])("%s", async (qs) => {
    const { query } = parseModelQuery(new URLSearchParams(qs));
    const sql = (await loadStatRows(query, null)).map((r) => r.slug).sort();
    const replayed = (await loadStatRows(query, new Date().toISOString().slice(0, 10))).map((r) => r.slug).sort();
    expect(replayed).toEqual(sql);
    expect(sql.length).toBeGreaterThan(0);
  });
});
