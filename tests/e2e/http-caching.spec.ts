import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { E2E_DATABASE_FILE } from "../support/e2e-cli";
import { isCacheableRequest, PUBLIC_CACHE_CONTROL } from "@/lib/response-cache";
import { isCorsPath } from "@/lib/security-headers";

// HTTP caching per route class, over every route of app/ (found by walking the folder, so a new route
// cannot be forgotten): public GET responses carry a strong ETag and a Cache-Control a CDN may act on, and
// answer 304 to a matching If-None-Match; admin pages, forms and private pages never do.

/** A value for each dynamic segment, by its folder. A new one fails here until it has a sample. */
const SAMPLES: Record<string, string | null> = {
  "models/[slug]": "deepseek-v3",
  "api/v1/models/[slug]": "deepseek-v3",
  "orgs/[slug]": "deepseek",
  "countries/[code]": "CN",
  "corrections/[submissionId]": "00000000-0000-4000-8000-000000000000",
  "admin/candidates/[id]": "1",
  // A data release exists only after `npm run snapshot`: tests/e2e/snapshots.spec.ts takes one and checks
  // its pages and files (their own SHA-256 ETag, 304, a year's Cache-Control).
  "data/releases/[date]": null,
};

function routes(dir = path.resolve("app"), rel = ""): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) out.push(...routes(path.join(dir, e.name), rel ? `${rel}/${e.name}` : e.name));
    else if (/^(page\.tsx|route\.ts)$/.test(e.name)) out.push(rel);
  }
  return out;
}

/** The route's URL with its samples, or null when a sample says the route is tested elsewhere. */
function urlOf(route: string): string | null {
  const parts = route.split("/").filter(Boolean);
  const filled: string[] = [];
  for (const [i, p] of parts.entries()) {
    if (!p.startsWith("[")) {
      filled.push(p);
      continue;
    }
    const key = parts.slice(0, i + 1).join("/");
    if (!(key in SAMPLES)) throw new Error(`tests/e2e/http-caching.spec.ts: add a sample value for ${key} to SAMPLES`);
    const sample = SAMPLES[key];
    if (sample === null) return null;
    filled.push(sample!);
  }
  return `/${filled.join("/")}`;
}

const ALL = routes()
  .map(urlOf)
  .filter((u): u is string => u !== null)
  .sort();
const PUBLIC = ALL.filter((url) => isCacheableRequest({ method: "GET", url, headers: {} }));
const PRIVATE = ALL.filter((url) => !PUBLIC.includes(url));

test("the walk finds the public pages, the API, the feeds, and the admin and form pages", () => {
  expect(PUBLIC).toEqual(expect.arrayContaining(["/", "/models", "/models/deepseek-v3", "/api/v1/models", "/changes.atom", "/releases.atom", "/data/releases"]));
  expect(PRIVATE).toEqual(expect.arrayContaining(["/admin", "/admin/login", "/admin/candidates", "/models/deepseek-v3/correct", "/corrections/00000000-0000-4000-8000-000000000000"]));
});

test("every public GET has a strong ETag and a public Cache-Control, and a matching If-None-Match gets a bodiless 304", async ({ request }) => {
  test.setTimeout(180_000);
  for (const url of PUBLIC) {
    const first = await request.get(url, { maxRedirects: 0 });
    expect(first.status(), url).toBe(200);
    const tag = first.headers()["etag"];
    expect(tag, url).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(first.headers()["cache-control"], url).toBe(PUBLIC_CACHE_CONTROL);
    // A second request (a cache hit now) has the same tag.
    expect((await request.get(url)).headers()["etag"], url).toBe(tag);
    const again = await request.get(url, { headers: { "if-none-match": tag! } });
    expect(again.status(), url).toBe(304);
    expect(again.headers()["etag"], url).toBe(tag);
    expect(again.headers()["cache-control"], url).toBe(PUBLIC_CACHE_CONTROL);
    expect((await again.body()).length, url).toBe(0);
    if (isCorsPath(url)) expect(again.headers()["access-control-allow-origin"], url).toBe("*");
    // Another tag, or none, gets the whole answer.
    expect((await request.get(url, { headers: { "if-none-match": '"something-else"' } })).status(), url).toBe(200);
  }
});

test("admin pages, forms and private pages are never public and carry no ETag", async ({ request }) => {
  for (const url of PRIVATE) {
    const res = await request.get(url, { maxRedirects: 0 });
    const cacheControl = res.headers()["cache-control"] ?? "";
    expect(cacheControl, url).not.toMatch(/public|s-maxage/);
    expect(res.headers()["etag"], url).toBeUndefined();
    if (res.status() === 200) expect(cacheControl, url).toMatch(/no-store/);
  }
});

test("a write to the data gives every public response a new tag: the old one gets the whole answer", async ({ request }) => {
  const url = "/api/v1/models/deepseek-v3";
  const tag = (await request.get(url)).headers()["etag"]!;
  const { url: databaseUrl } = JSON.parse(readFileSync(E2E_DATABASE_FILE, "utf8")) as { url: string };
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // Any statement on a published table moves the data version (its triggers); this one changes no value.
    await client.query(`UPDATE "Model" SET "notes" = "notes" WHERE "slug" = 'deepseek-v3'`);
  } finally {
    await client.end();
  }
  await expect
    .poll(async () => (await request.get(url, { headers: { "if-none-match": tag } })).status(), { timeout: 5_000 })
    .toBe(200);
  expect((await request.get(url)).headers()["etag"]).not.toBe(tag);
});
