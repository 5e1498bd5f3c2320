import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { parseCsv } from "../support/csv";

// Issue 15, items 4, 6 and 7 against the production server (scripts/server.ts: Next behind the response
// cache), started without PUBLIC_URL and with TRUST_PROXY=0.

const PUBLIC = "atlas.example.org";

/** Every absolute URL the feed, the OpenAPI document, the API and the CSV write, for one set of request headers. */
async function publicUrls(request: APIRequestContext, headers: Record<string, string>): Promise<Record<string, string[]>> {
  const atom = await (await request.get("/changes.atom", { headers })).text();
  const doc = await (await request.get("/api/v1/openapi.json", { headers })).json();
  const list = await (await request.get("/api/v1/models?country=CN&pageSize=5", { headers })).json();
  const one = await (await request.get("/api/v1/models/deepseek-v3", { headers })).json();
  const csv = parseCsv(await (await request.get("/api/v1/models.csv?country=FR", { headers })).text());
  const urlAt = csv[0]!.indexOf("url");
  return {
    feed: [...atom.matchAll(/<id>([^<]+)<\/id>|<link[^>]*rel="(?:self|alternate)"[^>]*href="([^"]+)"/g)].map((m) => m[1] ?? m[2]!),
    openapi: doc.servers.map((s: { url: string }) => s.url),
    api: [...list.data.map((m: { url: string }) => m.url), one.url],
    csv: csv.slice(1).map((r) => r[urlAt]!),
  };
}

function expectOrigin(found: Record<string, string[]>, origin: string) {
  for (const [output, urls] of Object.entries(found)) {
    expect(urls.length, output).toBeGreaterThan(0);
    for (const u of urls) {
      expect(u, output).not.toMatch(/localhost|127\.0\.0\.1/);
      expect(new URL(u).origin, `${output}: ${u}`).toBe(origin);
    }
  }
}

test("the feed, OpenAPI servers, API url fields and CSV url column follow the Host, never the listening address", async ({ request, baseURL }) => {
  const found = await publicUrls(request, { Host: PUBLIC });
  expectOrigin(found, `http://${PUBLIC}`);
  expect(found.feed).toEqual(expect.arrayContaining([`http://${PUBLIC}/changes`, `http://${PUBLIC}/changes.atom`]));
  expect(found.api).toContain(`http://${PUBLIC}/models/deepseek-v3`);

  // TRUST_PROXY=0: a forwarded host or scheme is the client's own claim and is ignored.
  expectOrigin(await publicUrls(request, { Host: PUBLIC, "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https" }), `http://${PUBLIC}`);

  // The response cache keys by the origin: the answers built for one Host are never served for another.
  const again = await request.get("/api/v1/openapi.json", { headers: { Host: PUBLIC } });
  expect(again.headers()["x-atlas-cache"]).toBe("hit");
  const plain = await (await request.get("/api/v1/openapi.json")).json();
  expect(plain.servers[0].url).toBe(new URL(baseURL!).origin);
});

test("the models CSV round-trips through a CSV parser: a header, then every row a model, credit and coverage in headers", async ({ request }) => {
  const res = await request.get("/api/v1/models.csv");
  expect(res.status()).toBe(200);
  const rows = parseCsv(await res.text());
  const [header, ...data] = rows;
  // Header names unchanged: the columns the OpenAPI document lists.
  const doc = await (await request.get("/api/v1/openapi.json")).json();
  const documented = /with the columns ([^;]+);/.exec(doc.paths["/api/v1/models.csv"].get.responses["200"].description)![1]!.split(", ");
  expect(header).toEqual(documented);
  expect(header!.slice(0, 4)).toEqual(["slug", "name", "family", "variant"]);
  expect(header!.at(-1)).toBe("url");

  const list = await (await request.get("/api/v1/models?pageSize=1")).json();
  expect(data).toHaveLength(list.total);
  for (const row of data) {
    expect(row, row.join(",")).toHaveLength(header!.length);
    expect(row[0], row.join(",")).toMatch(/^[a-z0-9][a-z0-9.-]*$/);
    expect(row[0]!.startsWith("#")).toBe(false);
    expect(row.at(-1)).toMatch(new RegExp(`/models/${row[0]!.replace(/\./g, "\\.")}$`));
  }
  const slugs = new Set(data.map((r) => r[0]));
  expect(slugs.size).toBe(data.length);
  expect(slugs.has("deepseek-v3")).toBe(true);

  // Both CSV exports: the same header names for the credit and the coverage.
  const scores = await request.get("/api/v1/scores.csv?country=CN");
  for (const r of [res, scores]) {
    expect(r.headers()["x-credit"]).toMatch(/^Open Model Atlas\. Secondary sources: .*Epoch AI/);
    expect(r.headers()["x-data-complete-through"]).toBe(list.completeThrough);
  }
  const scoreRows = parseCsv(await scores.text());
  expect(scoreRows.slice(1).every((r) => r.length === scoreRows[0]!.length && !r[0]!.startsWith("#"))).toBe(true);
});

const PUBLIC_GETS = ["/api/v1/models", "/api/v1/models?country=XX", "/api/v1/models/deepseek-v3", "/api/v1/models.csv?country=FR", "/api/v1/stats", "/api/v1/leaders", "/api/v1/benchmarks", "/api/v1/scores.csv?country=FR", "/api/v1/openapi.json", "/changes.atom"];
const CLOSED = ["/admin", "/admin/login", "/models/deepseek-v3/correct", "/", "/models", "/docs/api"];

test("CORS is open on the public read-only GET endpoints, with a preflight answer, and absent on admin, forms and actions", async ({ request }) => {
  for (const url of PUBLIC_GETS) {
    const res = await request.get(url, { headers: { Origin: "https://notebook.example" } });
    expect([200, 400], url).toContain(res.status());
    expect(res.headers()["access-control-allow-origin"], url).toBe("*");
    expect(res.headers()["access-control-allow-credentials"], url).toBeUndefined();
    const preflight = await request.fetch(url, {
      method: "OPTIONS",
      headers: { Origin: "https://notebook.example", "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "accept" },
    });
    expect(preflight.status(), `OPTIONS ${url}`).toBe(204);
    expect(preflight.headers()["access-control-allow-origin"], `OPTIONS ${url}`).toBe("*");
    expect(preflight.headers()["access-control-allow-methods"], `OPTIONS ${url}`).toContain("GET");
    expect(preflight.headers()["access-control-allow-headers"]?.toLowerCase(), `OPTIONS ${url}`).toContain("accept");
  }
  for (const url of CLOSED) {
    const res = await request.get(url, { headers: { Origin: "https://notebook.example" }, maxRedirects: 0 });
    expect(res.headers()["access-control-allow-origin"], url).toBeUndefined();
    const preflight = await request.fetch(url, { method: "OPTIONS", headers: { Origin: "https://notebook.example", "Access-Control-Request-Method": "POST" }, maxRedirects: 0 });
    expect(preflight.headers()["access-control-allow-origin"], `OPTIONS ${url}`).toBeUndefined();
  }
  // A form post and a server action (a POST with Next-Action) get no CORS header either.
  const posts: Record<string, string>[] = [{ "Content-Type": "application/x-www-form-urlencoded" }, { "Next-Action": "0".repeat(42), "Content-Type": "text/plain;charset=UTF-8" }];
  for (const headers of posts) {
    const post = await request.post("/models/deepseek-v3/correct", { headers: { Origin: "https://notebook.example", ...headers }, data: "a=1", maxRedirects: 0 });
    expect(post.headers()["access-control-allow-origin"]).toBeUndefined();
    const login = await request.post("/admin/login", { headers: { Origin: "https://notebook.example", ...headers }, data: "a=1", maxRedirects: 0 });
    expect(login.headers()["access-control-allow-origin"]).toBeUndefined();
  }
});

test("a page of another origin can read the API in a browser, and cannot read the admin pages", async ({ page, baseURL }) => {
  // A notebook's page on an origin of its own: a server of the test's on another port of the same
  // loopback address (no Content-Security-Policy of ours, and no private-network rule comes into it).
  const notebook = http.createServer((_req, res) => res.writeHead(200, { "Content-Type": "text/html" }).end("<!doctype html><title>notebook</title>"));
  await new Promise<void>((resolve) => notebook.listen(0, "127.0.0.1", resolve));
  try {
    await page.goto(`http://127.0.0.1:${(notebook.address() as AddressInfo).port}/`);
    const result = await page.evaluate(async (api) => {
      const res = await fetch(`${api}/api/v1/models.csv?country=FR`);
      const admin = await fetch(`${api}/admin/login`).then(() => "read", () => "blocked");
      return { status: res.status, credit: res.headers.get("x-credit"), through: res.headers.get("x-data-complete-through"), firstLine: (await res.text()).split("\r\n")[0], admin };
    }, baseURL!);
    expect(result.status).toBe(200);
    expect(result.credit).toContain("Open Model Atlas");
    expect(result.through).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(result.firstLine).toMatch(/^slug,name,/);
    expect(result.admin).toBe("blocked");
  } finally {
    notebook.close();
  }
});

test("the API documentation page renders every path of the OpenAPI document, and is linked from the footer and the dashboard", async ({ page, request }) => {
  const doc = await (await request.get("/api/v1/openapi.json")).json();
  const paths = Object.keys(doc.paths);
  expect(paths).toEqual(expect.arrayContaining(["/api/v1/models", "/api/v1/stats", "/api/v1/openapi.json", "/changes.atom"]));
  const requests: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto("/docs/api");
  await expect(page.getByRole("heading", { level: 1, name: "API documentation" })).toBeVisible();
  for (const p of paths) {
    const section = page.locator(`section[data-api-path="${p}"]`);
    await expect(section.getByRole("heading", { name: `GET ${p}` }), p).toBeVisible();
    await expect(section, p).toContainText(doc.paths[p].get.summary.slice(0, 40));
    for (const param of doc.paths[p].get.parameters ?? []) await expect(section.locator("td", { hasText: new RegExp(`^${param.name}`) }).first(), `${p} ${param.name}`).toBeVisible();
  }
  // Parameter docs and response fields, e.g. the model list's url and the CSV's headers.
  const models = page.locator('section[data-api-path="/api/v1/models"]');
  await expect(models.locator("tr", { hasText: "minContext" })).toContainText(doc.paths["/api/v1/models"].get.parameters.find((x: { name: string }) => x.name === "minContext").description);
  await expect(models.locator("td", { hasText: /^data\[\]\.url/ })).toBeVisible();
  await expect(page.locator('section[data-api-path="/api/v1/models.csv"]')).toContainText("X-Data-Complete-Through");
  // Server-rendered, nothing from another origin.
  expect(requests.filter((u) => !u.startsWith(new URL(page.url()).origin))).toEqual([]);

  await page.goto("/about");
  await page.getByRole("navigation", { name: "Data and site" }).getByRole("link", { name: "API documentation" }).click();
  await expect(page).toHaveURL(/\/docs\/api$/);
  await page.goto("/");
  await expect(page.getByRole("link", { name: "API docs" }).first()).toHaveAttribute("href", /^\/docs\/api#api-v1-/);
});

test("a curated value shows the day it was checked, or says the check date is not recorded", async ({ page }) => {
  await page.goto("/models/tiny-aya-base");
  const checked = page.locator("[data-source-date]");
  expect(await checked.count()).toBeGreaterThan(3);
  for (const text of await checked.allInnerTexts()) expect(text).toMatch(/^source \(Curated(, secondary)?, checked 2026-12-01\)$/);

  await page.goto("/models/deepseek-v3");
  const unknown = page.locator("[data-source-date]");
  expect(await unknown.count()).toBeGreaterThan(3);
  for (const text of await unknown.allInnerTexts()) expect(text).toMatch(/^source \(Curated(, secondary)?; check date not recorded\)$/);
  // Never the load day shown as if it were a check.
  await expect(page.locator("[data-source-date]").filter({ hasText: /\d{4}-\d{2}-\d{2}/ })).toHaveCount(0);
});
