import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { listFilterOptions } from "@/lib/data/models";
import { ingestCurated } from "@/lib/ingest/curated/run";
import { resetDatabase, testClient } from "../support/db-helpers";

// The /models filter form's choices are kept per data version: the same answer while nothing changes,
// a fresh one as soon as anything does (here a model deleted by hand, which no cache is told about).
const db = testClient();
afterAll(() => db.$disconnect());
beforeEach(() => resetDatabase(db));

describe("listFilterOptions", () => {
  it("counts releases per organization and country, and recounts when the data changes", async () => {
    await ingestCurated(db, path.resolve("tests/fixtures/curated-small"), { today: "2026-11-29" });
    const first = await listFilterOptions();
    expect(first.organizations.map((o) => [o.slug, o.releases])).toEqual([["alibaba", 1], ["deepseek", 2], ["meta", 1]]);
    expect(first.countries).toEqual([{ code: "CN", releases: 3 }, { code: "US", releases: 1 }]);
    // Nothing changed: the kept answer, not a new read.
    expect(await listFilterOptions()).toBe(first);

    await db.model.delete({ where: { slug: "llama-3.1-8b" } });
    const second = await listFilterOptions();
    expect(second).not.toBe(first);
    expect(second.organizations.find((o) => o.slug === "meta")?.releases).toBe(0);
    expect(second.countries).toEqual([{ code: "CN", releases: 3 }]);
  });
});
