import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listModels } from "@/app/api/v1/models/route";
import { findModels, modelsInChunks } from "@/lib/data/models";
import { loadStatRows } from "@/lib/data/stats";
import { normalizeSearch } from "@/lib/domain/search";
import { ingestCurated } from "@/lib/ingest/curated/run";
import { parseModelQuery } from "@/lib/schemas/model-query";
import { resetDatabase, testClient } from "../support/db-helpers";

// The search (`q`) on the real dataset in a real Postgres: what a new user types finds what they meant.
const db = testClient();

beforeAll(async () => {
  await resetDatabase(db);
  await ingestCurated(db, path.resolve("data/curated"));
}, 300_000);
afterAll(() => db.$disconnect());

const search = async (qs: string) => {
  const { query, errors } = parseModelQuery(new URLSearchParams(qs));
  expect(errors).toEqual([]);
  return findModels(query);
};
const first = async (q: string) => (await search(`q=${encodeURIComponent(q)}`)).data[0]?.slug;

describe("search", () => {
  it.each([
    ["deepseek r1", ["deepseek-r1"]],
    ["deepseek v3", ["deepseek-v3"]],
    ["qwen3 235b", ["qwen3-235b-a22b"]],
    ["gpt oss", ["gpt-oss-20b", "gpt-oss-120b"]],
    ["llama 3.1 405b", ["llama-3.1-405b"]],
    ["mixtral 8x7b", ["mixtral-8x7b-v0.1", "mixtral-8x7b-instruct-v0.1"]],
    // Case, spaces and punctuation do not matter.
    ["DeepSeek-R1", ["deepseek-r1"]],
    ["deepseekr1", ["deepseek-r1"]],
    ["LLAMA-3.1_405B", ["llama-3.1-405b"]],
    // Close spelling.
    ["deepsek r1", ["deepseek-r1"]],
  ])("%s finds the intended model first", async (q, intended) => {
    expect(intended).toContain(await first(q));
  });

  it("the API ranks the same way, and says so in its order", async () => {
    const res = await listModels(new NextRequest("http://atlas.test/api/v1/models?q=deepseek%20r1"));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.data[0].slug).toBe("deepseek-r1");
    // Every word must match: the rest are DeepSeek-R1's relatives, then close spellings.
    expect(body.data.slice(0, 5).map((m: { slug: string }) => m.slug)).toEqual(expect.arrayContaining(["deepseek-r1-0528", "deepseek-r1-zero"]));
  });

  it("every word must match, in the name, family, slug, repo id or the developer's name", async () => {
    const { data } = await search("q=qwen3%20235b&pageSize=200");
    // The close-spelling tier may follow; the words tier holds exactly the records with both words.
    const words = data.filter((m) => normalizeSearch(`${m.name} ${m.slug} ${m.hfRepoId ?? ""}`).includes("qwen3") && normalizeSearch(m.name).includes("235b"));
    expect(data.slice(0, words.length)).toEqual(words);
    expect(words.length).toBeGreaterThanOrEqual(3);
    // The organization's name: "mistral" is the developer of Mixtral, whose names do not say Mistral.
    const { data: mistral } = await search("q=mistral%20mixtral&pageSize=200");
    expect(mistral.map((m) => m.slug)).toContain("mixtral-8x7b-v0.1");
    // The repo id: meta-llama/Llama-3.1-405B.
    expect(await first("meta-llama llama-3.1-405b")).toBe("llama-3.1-405b");
  });

  it("an explicit sort overrides relevance, and the filters still apply", async () => {
    const byDate = await search("q=deepseek%20r1&sort=releaseDate");
    const dates = byDate.data.map((m) => m.releaseDate);
    expect(dates).toEqual([...dates].sort().reverse());
    const relevance = await search("q=deepseek%20r1");
    expect(byDate.total).toBe(relevance.total);
    const dense = await search("q=deepseek%20r1&architecture=dense");
    expect(dense.data.every((m) => m.architecture === "dense")).toBe(true);
    expect(dense.data.map((m) => m.slug)).not.toContain("deepseek-r1");
  });

  it("matches nothing for a query of punctuation only, and nothing for gibberish", async () => {
    expect((await search("q=---")).total).toBe(0);
    expect((await search("q=zzqxjv%20wwkq")).total).toBe(0);
  });

  it("the export has the same rows in the same order as the pages", async () => {
    const { query } = parseModelQuery(new URLSearchParams("q=qwen&pageSize=200"));
    const page = await findModels(query);
    const exported: string[] = [];
    for await (const chunk of modelsInChunks(query, { chunkSize: 7 })) exported.push(...chunk.map((m) => m.slug));
    expect(exported.slice(0, page.data.length)).toEqual(page.data.map((m) => m.slug));
    expect(exported.length).toBe(page.total);
  });

  it("the dashboard's rows (now and asOf) hold the same matches as the list", async () => {
    const { query } = parseModelQuery(new URLSearchParams("q=deepseek%20r1"));
    const listed = new Set<string>();
    for await (const chunk of modelsInChunks(query)) for (const m of chunk) listed.add(m.slug);
    const now = await loadStatRows(query, null);
    expect(new Set(now.map((r) => r.slug))).toEqual(listed);
    const later = await loadStatRows(query, "2099-01-01");
    expect(new Set(later.map((r) => r.slug))).toEqual(listed);
  });

  it("the database's normal form is the TypeScript one", async () => {
    const samples = ["DeepSeek-R1", "Llama 3.1 Tülu 3 405B", "meta-llama/Meta-Llama-3.1-405B", "a[b]c\\d^e~f{g}|h@i_j`k", "Qwen3-235B-A22B", "  x.y  "];
    const rows = await db.$queryRaw<{ n: string }[]>`SELECT atlas_search_norm(s) AS n FROM unnest(${samples}::text[]) WITH ORDINALITY AS t(s, i) ORDER BY i`;
    expect(rows.map((r) => r.n)).toEqual(samples.map(normalizeSearch));
    const stored = await db.model.findUniqueOrThrow({ where: { slug: "deepseek-r1" }, select: { searchText: true } });
    expect(stored.searchText).toBe("deepseekr1 deepseekr1 deepseekr1 deepseekaideepseekr1");
  });
});
