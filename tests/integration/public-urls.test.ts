import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as listModels } from "@/app/api/v1/models/route";
import { GET as modelsCsv } from "@/app/api/v1/models.csv/route";
import { GET as getModel } from "@/app/api/v1/models/[slug]/route";
import { GET as openApi } from "@/app/api/v1/openapi.json/route";
import { GET as feed } from "@/app/changes.atom/route";
import { acceptCorrections } from "@/lib/data/corrections/review";
import { createCorrections } from "@/lib/data/corrections/submit";
import { ingestCurated } from "@/lib/ingest/curated/run";
import { readCorrectionForm } from "@/lib/schemas/correction";
import { resetDatabase, testClient } from "../support/db-helpers";

// Every absolute URL the app writes follows the public origin (lib/public-origin.ts): PUBLIC_URL, else
// the request's Host, never the address the server listens on (Next's request URL: localhost:PORT).
const db = testClient();
const TODAY = "2026-11-29";
const LISTENING = "http://localhost:3917";

beforeAll(async () => {
  await resetDatabase(db);
  await ingestCurated(db, path.resolve("tests/fixtures/curated-small"), { today: TODAY });
  // One accepted correction, so the feed has an entry with an id and a link.
  const form = new FormData();
  for (const [k, v] of Object.entries({ "f.contextWindow": "163840", evidenceUrl: "https://arxiv.org/abs/2412.19437", note: "", contactEmail: "", website: "" })) form.append(k, v);
  const sent = await createCorrections("deepseek-v3", readCorrectionForm(form), { clientKey: "c", now: new Date("2026-11-29T12:00:00Z"), today: TODAY });
  expect(sent.ok).toBe(true);
  const ids = (await db.correction.findMany({ select: { id: true } })).map((c) => c.id);
  expect((await acceptCorrections(ids, "", { now: new Date("2026-11-29T12:00:00Z"), today: TODAY })).ok).toBe(true);
}, 300_000);
afterAll(() => db.$disconnect());
afterEach(() => vi.unstubAllEnvs());

const req = (pathAndQuery: string, headers: Record<string, string> = {}) => new NextRequest(`${LISTENING}${pathAndQuery}`, { headers });

/** Every absolute URL each public output writes, by output. */
async function urls(headers: Record<string, string>): Promise<Record<string, string[]>> {
  const atom = await (await feed(req("/changes.atom", headers))).text();
  const doc = await (await openApi(req("/api/v1/openapi.json", headers))).json();
  const list = await (await listModels(req("/api/v1/models?pageSize=5", headers))).json();
  const one = await (await getModel(req("/api/v1/models/deepseek-v3", headers), { params: Promise.resolve({ slug: "deepseek-v3" }) })).json();
  const csv = (await (await modelsCsv(req("/api/v1/models.csv", headers))).text()).trimEnd().split("\r\n");
  const urlColumn = csv[0]!.split(",").indexOf("url");
  return {
    feed: [...atom.matchAll(/<id>([^<]+)<\/id>|href="([^"]+)"/g)].map((m) => m[1] ?? m[2]!).filter((u) => !u.startsWith("https://arxiv.org")),
    openapi: doc.servers.map((s: { url: string }) => s.url),
    list: list.data.map((m: { url: string }) => m.url),
    model: [one.url],
    csv: csv.slice(1).map((line) => line.split(",").at(urlColumn - csv[0]!.split(",").length)!),
  };
}

function expectAllOn(found: Record<string, string[]>, origin: string) {
  for (const [output, list] of Object.entries(found)) {
    expect(list.length, output).toBeGreaterThan(0);
    for (const u of list) {
      expect(u, output).not.toContain("localhost");
      expect(new URL(u).origin, `${output}: ${u}`).toBe(origin);
    }
  }
}

describe("public URLs", () => {
  it("follow the Host header when PUBLIC_URL is unset", async () => {
    vi.stubEnv("PUBLIC_URL", "");
    vi.stubEnv("TRUST_PROXY", "0");
    const found = await urls({ host: "atlas.example.org" });
    expectAllOn(found, "http://atlas.example.org");
    expect(found.feed).toEqual(expect.arrayContaining(["http://atlas.example.org/changes", "http://atlas.example.org/changes.atom", "http://atlas.example.org/models/deepseek-v3"]));
    expect(found.model).toEqual(["http://atlas.example.org/models/deepseek-v3"]);
  });

  it("follow PUBLIC_URL whatever the Host says", async () => {
    vi.stubEnv("PUBLIC_URL", "https://atlas.example.org/");
    expectAllOn(await urls({ host: "internal-name:3917", "x-forwarded-host": "evil.example" }), "https://atlas.example.org");
  });

  it("ignore X-Forwarded-Host with TRUST_PROXY=0 and take it from a trusted proxy", async () => {
    vi.stubEnv("PUBLIC_URL", "");
    vi.stubEnv("TRUST_PROXY", "0");
    expectAllOn(await urls({ host: "atlas.example.org", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" }), "http://atlas.example.org");
    vi.stubEnv("TRUST_PROXY", "1");
    expectAllOn(await urls({ host: "127.0.0.1:3917", "x-forwarded-host": "atlas.example.org", "x-forwarded-proto": "https" }), "https://atlas.example.org");
  });
});
