import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { GET as releasesFeed, OPTIONS } from "@/app/releases.atom/route";
import { listNewReleases } from "@/lib/data/new-releases";
import { ingestCurated } from "@/lib/ingest/curated/run";
import { resetDatabase, testClient } from "../support/db-helpers";

// /releases.atom (issue 16): the newest open-weights records as the atlas listed them, with their key values.
const db = testClient();
afterAll(() => db.$disconnect());
beforeEach(async () => {
  await resetDatabase(db);
  await ingestCurated(db, path.resolve("tests/fixtures/curated-small"), { today: "2026-11-29" });
});

const feed = async () => {
  const res = await releasesFeed(new NextRequest("http://localhost:3917/releases.atom", { headers: { host: "atlas.example.org" } }));
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
  return res.text();
};

/** Each entry's elements, in document order (text only: the feed carries no markup). */
function entries(xml: string): Record<string, string>[] {
  return [...xml.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map((m) => ({
    ...Object.fromEntries([...m[1]!.matchAll(/<(id|title|updated|published|summary)[^>]*>([^<]*)<\/\1>/g)].map((t) => [t[1]!, t[2]!])),
    link: /<link rel="alternate" type="text\/html" href="([^"]+)"\/>/.exec(m[1]!)![1]!,
  }));
}

describe("the feed of new releases", () => {
  it("lists the newest listed first, then the newest weights, each with its key values, a stable id, published = the weights' date", async () => {
    // Llama 3.1 8B listed a day after the others, which were loaded together.
    await db.$executeRaw`UPDATE "Model" SET "createdAt" = "createdAt" + interval '1 day' WHERE "slug" = 'llama-3.1-8b'`;
    const listed = (await db.model.findUniqueOrThrow({ where: { slug: "llama-3.1-8b" }, select: { createdAt: true } })).createdAt.toISOString();
    const xml = await feed();
    const all = entries(xml);
    expect(all.map((e) => e.link)).toEqual([
      "http://atlas.example.org/models/llama-3.1-8b",
      "http://atlas.example.org/models/qwen3-235b-a22b",
      // Same listing, same weights date: the later record first.
      "http://atlas.example.org/models/deepseek-v3",
      "http://atlas.example.org/models/deepseek-v3-base",
    ]);
    expect(all[0]).toEqual({
      id: "http://atlas.example.org/models/llama-3.1-8b",
      title: "Llama 3.1 8B by Meta, United States: 8.03B total, 128K context",
      link: "http://atlas.example.org/models/llama-3.1-8b",
      updated: listed,
      published: "2024-07-23T00:00:00Z",
      summary:
        "Developer: Meta. Country: United States. Weights released: 2024-07-23. Total parameters: 8.03B. Active parameters: 8.03B (dense: all of them). " +
        `Context window: 128K tokens. License: Llama 3.1 Community License (Restricted). Listed in the atlas on ${listed.slice(0, 10)}.`,
    });
    expect(all[1]!.title).toBe("Qwen3-235B-A22B by Alibaba Cloud (Qwen), China: 235B total, 22B active, 128K context");
    expect(all[1]!.summary).toContain("License: Apache License 2.0 (Permissive).");
    // The feed's date is its newest entry's.
    expect(xml).toContain(`  <updated>${listed}</updated>\n  <author>`);
    expect(xml).toContain('<link rel="self" type="application/atom+xml" href="http://atlas.example.org/releases.atom"/>');
    // Stable: the same ids on the next fetch, whatever else changed.
    await db.model.update({ where: { slug: "qwen3-235b-a22b" }, data: { contextWindow: 262_144 } });
    expect(entries(await feed()).map((e) => e.id)).toEqual(all.map((e) => e.id));
    expect((await OPTIONS()).status).toBe(204);
  });

  it("holds open-weights records only, and the latest 50 of them", async () => {
    // 60 more open releases listed after the curated ones, one a minute, and a closed (API-only) reference record.
    await db.$executeRawUnsafe(`
      INSERT INTO "Model" ("slug","name","family","variant","primaryOrganizationId","releaseDate","totalParams","activeParams",
        "architecture","licenseId","openWeights","modalities","createdAt")
      SELECT 'synthetic-' || n, 'Synthetic ' || n, 'Synthetic', 'base', (SELECT min("id") FROM "Organization"), DATE '2025-01-01' + n, 7000000000, 7000000000,
        'dense', 'apache-2.0', true, ARRAY['text'], now() + n * interval '1 minute'
      FROM generate_series(1, 60) AS n`);
    await db.$executeRawUnsafe(`
      INSERT INTO "Model" ("slug","name","family","variant","primaryOrganizationId","releaseDate","openWeights","modalities","createdAt")
      SELECT 'closed-reference', 'Closed Reference', 'Closed', 'other', min("id"), DATE '2026-11-01', false, ARRAY['text'], now() + interval '2 hours' FROM "Organization"`);
    const all = entries(await feed());
    expect(all).toHaveLength(50);
    expect(all.map((e) => e.link)).not.toContain("http://atlas.example.org/models/closed-reference");
    expect(all[0]!.link).toBe("http://atlas.example.org/models/synthetic-60");
    expect(all.at(-1)!.link).toBe("http://atlas.example.org/models/synthetic-11");
    expect((await listNewReleases({ limit: 3 })).map((r) => r.slug)).toEqual(["synthetic-60", "synthetic-59", "synthetic-58"]);
    await expect(listNewReleases({ limit: 51 })).rejects.toThrow();
  });

  it("is a valid empty feed when the atlas has no release", async () => {
    await resetDatabase(db);
    const xml = await feed();
    expect(entries(xml)).toEqual([]);
    expect(xml).toContain("<updated>1970-01-01T00:00:00.000Z</updated>");
    expect(xml.trimEnd().endsWith("</feed>")).toBe(true);
  });
});
