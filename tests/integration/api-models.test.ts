import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listModels } from "@/app/api/v1/models/route";
import { GET as modelsCsv } from "@/app/api/v1/models.csv/route";
import { GET as getModel } from "@/app/api/v1/models/[slug]/route";
import { GET as openApi } from "@/app/api/v1/openapi.json/route";
import { readCompleteThrough } from "@/lib/coverage";
import { findSummaryRows, modelsInChunks, type ModelListItem } from "@/lib/data/models";
import { ingestCurated } from "@/lib/ingest/curated/run";
import { parseModelQuery } from "@/lib/schemas/model-query";
import { resetDatabase, testClient } from "../support/db-helpers";

// The public API's filter, sort and paging semantics, against the real dataset in a real Postgres.
const db = testClient();
let allCount = 0;

beforeAll(async () => {
  await resetDatabase(db);
  await ingestCurated(db, path.resolve("data/curated"));
  // Lists hold the open-weights releases; the closed reference models only when asked for (openWeights=all).
  allCount = await db.model.count({ where: { openWeights: true } });
}, 300_000);
afterAll(() => db.$disconnect());

interface Item {
  slug: string; name: string; releaseDate: string; totalParams: number | null; activeParams: number | null; contextWindow: number | null;
  architecture: string; organization: { slug: string; country: string }; developers: { slug: string }[]; license: { category: string }; url: string;
}
interface Page { data: Item[]; page: number; pageSize: number; total: number; completeThrough: string }

async function get(qs: string): Promise<{ status: number; body: Page & { error?: string; details?: { param: string; message: string }[] } }> {
  const res = await listModels(new NextRequest(`http://atlas.test/api/v1/models?${qs}`));
  return { status: res.status, body: await res.json() };
}

async function all(qs: string): Promise<Item[]> {
  const out: Item[] = [];
  for (let page = 1; ; page++) {
    const { body } = await get(`${qs}&pageSize=200&page=${page}`);
    out.push(...body.data);
    if (out.length >= body.total || body.data.length === 0) return out;
  }
}

describe("GET /api/v1/models", () => {
  it("returns the contract shape with counts as JSON numbers and absolute page URLs", async () => {
    const { status, body } = await get("");
    expect(status).toBe(200);
    expect(body).toMatchObject({ page: 1, pageSize: 50, total: allCount, completeThrough: await readCompleteThrough() });
    expect(body.completeThrough).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(body.data).toHaveLength(50);
    const v3 = (await get("q=DeepSeek-V3&architecture=moe")).body.data.find((m) => m.slug === "deepseek-v3")!;
    expect(v3).toMatchObject({
      slug: "deepseek-v3", organization: { slug: "deepseek", country: "CN" }, totalParams: 671_000_000_000, activeParams: 37_000_000_000,
      architecture: "moe", routedExperts: 256, expertsPerToken: 8, hfRepoId: "deepseek-ai/DeepSeek-V3", url: "http://atlas.test/models/deepseek-v3",
    });
    expect(v3).toHaveProperty("license.category");
    expect(v3).toHaveProperty("baseModel");
    expect(v3).toHaveProperty("announcedDate");
  });

  it("filters by country and architecture together", async () => {
    const rows = await all("country=CN&architecture=moe");
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.every((m) => m.organization.country === "CN" && m.architecture === "moe")).toBe(true);
    expect(rows.map((m) => m.slug)).toContain("kimi-k2-instruct");
  });

  it("excludeCountry leaves out the named countries and partitions the whole", async () => {
    const us = (await get("country=US")).body.total;
    const cn = (await get("country=cn")).body.total;
    const rest = await all("excludeCountry=US,CN");
    expect(rest.every((m) => !["US", "CN"].includes(m.organization.country))).toBe(true);
    expect(us + cn + rest.length).toBe(allCount);
  });

  it("filters by license category list and organization (any developer)", async () => {
    const rows = await all("license=non-commercial,restricted");
    expect(rows.every((m) => m.license.category !== "permissive")).toBe(true);
    const nvidia = await all("org=nvidia");
    expect(nvidia.every((m) => m.developers.some((d) => d.slug === "nvidia"))).toBe(true);
    // Mistral NeMo lists NVIDIA as second developer: it is an NVIDIA release too.
    expect(nvidia.some((m) => m.organization.slug === "mistral")).toBe(true);
  });

  it("treats parameter bounds as inclusive and accepts 70B, 70e9 and digits alike", async () => {
    const a = await get("minTotalParams=671B&maxTotalParams=671000000000");
    const b = await get("minTotalParams=6.71e11&maxTotalParams=671e9");
    expect(a.body.total).toBe(b.body.total);
    expect(a.body.data.map((m) => m.slug)).toContain("deepseek-v3");
    expect(a.body.data.every((m) => m.totalParams === 671e9)).toBe(true);
    const active = await all("minActiveParams=30B&maxActiveParams=40B");
    expect(active.every((m) => m.activeParams! >= 30e9 && m.activeParams! <= 40e9)).toBe(true);
  });

  it("filters by release date range (inclusive) and minimum context", async () => {
    const rows = await all("releasedFrom=2025-01-20&releasedTo=2025-01-20");
    expect(rows.map((m) => m.slug)).toContain("deepseek-r1");
    expect(rows.every((m) => m.releaseDate === "2025-01-20")).toBe(true);
    const long = await all("minContext=1M");
    expect(long.length).toBeGreaterThan(0);
    expect(long.every((m) => m.contextWindow! >= 1_000_000)).toBe(true);
  });

  it("searches names case-insensitively", async () => {
    const rows = await all("q=qwq");
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((m) => /qwq/i.test(m.name) || /qwq/i.test(m.slug))).toBe(true);
  });

  it.each(["totalParams", "activeParams", "contextWindow", "releaseDate", "name"])("sorts by %s both ways, missing values last", async (sort) => {
    for (const order of ["asc", "desc"] as const) {
      const rows = await all(`sort=${sort}&order=${order}&country=US`);
      const values = rows.map((m) => (m as unknown as Record<string, unknown>)[sort] as number | string | null);
      const present = values.filter((v) => v !== null);
      expect(values.slice(0, present.length)).toEqual(present); // nulls only at the end
      const sorted = [...present].sort((x, y) => (typeof x === "number" ? (x as number) - (y as number) : String(x).localeCompare(String(y), "en", { sensitivity: "variant" })));
      if (sort !== "name") expect(present).toEqual(order === "asc" ? sorted : sorted.reverse());
    }
  });

  it("pages without overlap or gaps, with a stable order", async () => {
    const pages = [];
    for (let page = 1; page <= 4; page++) pages.push((await get(`sort=totalParams&pageSize=7&page=${page}`)).body.data.map((m) => m.slug));
    const flat = pages.flat();
    expect(new Set(flat).size).toBe(28);
    const once = (await get("sort=totalParams&pageSize=28")).body.data.map((m) => m.slug);
    expect(flat).toEqual(once);
    // Past the last row but within the paged bound: an empty page, not an error.
    const beyond = await get("page=150");
    expect(beyond.status).toBe(200);
    expect(beyond.body).toMatchObject({ data: [], total: allCount });
  });

  it.each([
    ["country=XX", "country"],
    ["architecture=sparse", "architecture"],
    ["pageSize=201", "pageSize"],
    ["pageSize=0", "pageSize"],
    ["page=-1", "page"],
    ["page=201", "page"],
    ["minTotalParams=seventy", "minTotalParams"],
    ["releasedTo=2025-02-30", "releasedTo"],
    ["sort=params", "sort"],
    ["order=random", "order"],
    ["contry=CN", "contry"],
  ])("answers %s with a 400 naming %s", async (qs, param) => {
    const { status, body } = await get(qs);
    expect(status).toBe(400);
    expect(body.details?.[0]?.param).toBe(param);
    expect(body.error).toContain(param);
  });

  it("returns an empty page, not an error, when nothing matches", async () => {
    const { status, body } = await get("country=CN&architecture=dense&minTotalParams=400B");
    expect(status).toBe(200);
    expect(body).toMatchObject({ data: [], total: 0 });
  });
});

describe("GET /api/v1/models/{slug}", () => {
  const call = (slug: string) => getModel(new NextRequest(`http://atlas.test/api/v1/models/${slug}`), { params: Promise.resolve({ slug }) });

  it("returns every field with its source and the revision history", async () => {
    const res = await call("deepseek-v3");
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ slug: "deepseek-v3", baseModel: "deepseek-v3-base" });
    const total = body.provenance.find((p: { field: string }) => p.field === "totalParams");
    expect(total.inUse).toMatchObject({ kind: "curated", value: 671_000_000_000, secondary: false });
    expect(total.inUse.url).toMatch(/^https:\/\//);
    expect(body.revisions.length).toBeGreaterThan(0);
  });

  it("is a 404 for an unknown or malformed slug", async () => {
    expect((await call("no-such-model")).status).toBe(404);
    expect((await call("../etc/passwd")).status).toBe(404);
  });
});

describe("GET /api/v1/models.csv", () => {
  it("exports every row of the filtered, sorted view with a header; the credit and coverage in headers, not rows", async () => {
    // page is accepted and ignored, even beyond the pages' bound of 10,000 rows.
    const res = await modelsCsv(new NextRequest("http://atlas.test/api/v1/models.csv?country=CN&architecture=moe&sort=totalParams&page=2001&pageSize=5"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("x-credit")).toMatch(/^Open Model Atlas\. Secondary sources: .*Epoch AI/);
    expect(res.headers.get("x-data-complete-through")).toBe(await readCompleteThrough());
    const lines = (await res.text()).trimEnd().split("\r\n");
    expect(lines[0]).toMatch(/^slug,name,family,variant,organization,/);
    expect(lines.some((l) => l.startsWith("#"))).toBe(false);
    const rows = lines.slice(1);
    expect(rows.length).toBe((await get("country=CN&architecture=moe")).body.total);
    const first = (await get("country=CN&architecture=moe&sort=totalParams&pageSize=1")).body.data[0]!;
    expect(rows[0]!.startsWith(`${first.slug},`)).toBe(true);
  });

  it("refuses a bad parameter with a 400", async () => {
    expect((await modelsCsv(new NextRequest("http://atlas.test/api/v1/models.csv?license=open"))).status).toBe(400);
  });
});

it("publishes an OpenAPI document naming every parameter", async () => {
  const doc = await (await openApi(new NextRequest("http://atlas.test/api/v1/openapi.json"))).json();
  expect(doc.openapi).toBe("3.1.0");
  const names = doc.paths["/api/v1/models"].get.parameters.map((p: { name: string }) => p.name);
  expect(names).toEqual(expect.arrayContaining(["country", "architecture", "license", "org", "q", "releasedFrom", "releasedTo", "minTotalParams", "maxTotalParams", "minActiveParams", "maxActiveParams", "minContext", "sort", "order", "page", "pageSize"]));
  // How far the data reaches is part of the contract of the list and of the aggregates.
  const list = doc.paths["/api/v1/models"].get.responses["200"].content["application/json"].schema;
  expect(list.required).toContain("completeThrough");
  expect(list.properties.completeThrough).toMatchObject({ type: "string", format: "date" });
  const stats = doc.paths["/api/v1/stats"].get;
  expect(stats.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(["asOf", "compare", "params", "country"]));
  const statsSchema = stats.responses["200"].content["application/json"].schema;
  expect(statsSchema.required).toEqual(expect.arrayContaining(["completeThrough", "dataThrough"]));
  expect(statsSchema.properties.charts.properties.releasesPerQuarter.items.required).toContain("incomplete");
});

describe("reading a whole result in chunks", () => {
  // At 100,000 models one query for every row broke PostgreSQL's bind-parameter limit; whole results are
  // now read in chunks of ids. Small chunks here prove the order and the rows survive the chunking.
  it("modelsInChunks returns the same rows in the same order as paging through the API", async () => {
    for (const qs of ["sort=totalParams", "country=CN&sort=name", "license=permissive&sort=contextWindow&order=asc"]) {
      const { query } = parseModelQuery(new URLSearchParams(qs));
      const chunked: ModelListItem[] = [];
      for await (const chunk of modelsInChunks(query, { chunkSize: 37 })) {
        expect(chunk.length).toBeLessThanOrEqual(37);
        chunked.push(...chunk);
      }
      expect(chunked.map((m) => m.slug)).toEqual((await all(qs)).map((m) => m.slug));
      expect(chunked[0]).toMatchObject({ developers: expect.any(Array), license: { category: expect.any(String) } });
      const summary = await findSummaryRows(query);
      expect(summary.map((m) => m.slug).sort()).toEqual(chunked.map((m) => m.slug).sort());
    }
  });
});
