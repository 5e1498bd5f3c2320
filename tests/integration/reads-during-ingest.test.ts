import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, describe, expect, it } from "vitest";
import { GET as listModels } from "@/app/api/v1/models/route";
import { GET as stats } from "@/app/api/v1/stats/route";
import { ingestCurated } from "@/lib/ingest/curated/run";
import { resetDatabase, testClient } from "../support/db-helpers";

// Reads while an ingest writes (issue 17): the curated load is one transaction, and what the pages and
// the API read whole is read in one statement and kept per data version (lib/data/version-memo.ts), so a
// reader sees the data before the run or after it, never a part; and the first read after the commit
// already sees the new data. (`npm run bench` measures the same at 100,000 models over HTTP.)
const db = testClient();
afterAll(() => db.$disconnect());

async function counts(): Promise<{ api: number; dashboard: number }> {
  const [a, s] = await Promise.all([listModels(new NextRequest("http://atlas.test/api/v1/models?pageSize=1")), stats(new NextRequest("http://atlas.test/api/v1/stats"))]);
  expect(a.status).toBe(200);
  expect(s.status).toBe(200);
  return { api: ((await a.json()) as { total: number }).total, dashboard: ((await s.json()) as { releases: number }).releases };
}

describe("reads during an ingest", () => {
  it("see the data before the run or after it, never a part of it", async () => {
    await resetDatabase(db);
    await ingestCurated(db, path.resolve("tests/fixtures/curated-small"), { today: "2026-11-29" });
    const before = await counts();
    expect(before.api).toBe(before.dashboard);

    let done = false;
    const load = ingestCurated(db, path.resolve("data/curated")).finally(() => (done = true));
    const seen: { api: number; dashboard: number; during: boolean }[] = [];
    while (!done) seen.push({ ...(await counts()), during: !done });
    const summary = await load;
    const after = await counts();

    expect(summary.created).toBeGreaterThan(500);
    expect(after.api).toBeGreaterThan(before.api);
    expect(after.dashboard).toBe(after.api);
    // Read while the run's transaction was open, and only ever the counts before or after it.
    expect(seen.filter((s) => s.during).length).toBeGreaterThan(2);
    for (const s of seen) {
      expect([before.api, after.api]).toContain(s.api);
      expect([before.dashboard, after.dashboard]).toContain(s.dashboard);
    }
  }, 180_000);
});
