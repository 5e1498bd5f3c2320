import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { MODEL_FIELD_REGISTRY, MODEL_FIELDS } from "@/lib/domain/model-fields";
import { CSV_COLUMNS } from "./models-csv";
import { openApiDocument } from "./openapi";

it("describes every field of the registry in the model object, and names the CSV columns", () => {
  const doc = openApiDocument("https://atlas.test");
  const model = doc.paths["/api/v1/models"].get.responses["200"].content["application/json"].schema.properties.data.items;
  for (const f of MODEL_FIELDS) {
    expect(model.properties, f).toHaveProperty(MODEL_FIELD_REGISTRY[f].api.name);
    expect(model.required).toContain(MODEL_FIELD_REGISTRY[f].api.name);
  }
  expect((model.properties as Record<string, unknown>).contextWindow).toMatchObject({ type: ["integer", "null"], description: expect.stringContaining("tokens") });
  expect(doc.components.schemas.License.properties.category.enum).toEqual(["permissive", "restricted", "non-commercial"]);
  expect(doc.paths["/api/v1/models.csv"].get.responses["200"].description).toContain(CSV_COLUMNS.join(", "));
  expect(CSV_COLUMNS).toEqual(expect.arrayContaining(["slug", "organization", "country", "license_category", "context_window", "url"]));
});

it("documents every route of the public API, with the scoreboard and the scores", () => {
  const doc = openApiDocument("https://atlas.test");
  expect(Object.keys(doc.paths).sort()).toEqual(["/api/v1/benchmarks", "/api/v1/leaders", "/api/v1/models", "/api/v1/models.csv", "/api/v1/models/{slug}", "/api/v1/openapi.json", "/api/v1/scores.csv", "/api/v1/stats", "/changes.atom", "/data/releases/{date}/{file}", "/releases.atom"]);
  expect(doc.servers).toEqual([{ url: "https://atlas.test", description: "This deployment" }]);
  const params = doc.paths["/api/v1/models"].get.parameters.map((p) => p.name);
  expect(params).toEqual(expect.arrayContaining(["openWeights", "benchmark", "minScore", "sort"]));
  expect(doc.paths["/api/v1/stats"].get.parameters.map((p) => p.name)).toContain("capability");
  expect(doc.paths["/api/v1/stats"].get.parameters.map((p) => p.name)).not.toContain("benchmark");
  expect(doc.paths["/api/v1/scores.csv"].get.responses["200"].description).toContain("measured_by");
});

/** Every route.ts under app/, as the path it serves: app/api/v1/models/[slug]/route.ts is /api/v1/models/{slug}. */
function routeFiles(dir = "app"): { file: string; path: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return routeFiles(full);
    if (e.name !== "route.ts") return [];
    const url = "/" + path.relative("app", dir).split(path.sep).filter((s) => !/^\(.*\)$/.test(s)).map((s) => s.replace(/^\[(.+)\]$/, "{$1}")).join("/");
    return [{ file: full, path: url }];
  });
}

/** Route handlers that serve people, not programs: no API document entry, no CORS. */
const PAGE_ROUTES: Record<string, string> = {
  "/search": "the header's search form: a redirect to a model page or to /models?q=",
};

it("documents every route handler of the app, and each one answers GET and the CORS preflight", () => {
  const doc = openApiDocument("https://atlas.test");
  const all = routeFiles();
  for (const r of all.filter((x) => x.path in PAGE_ROUTES)) {
    const source = readFileSync(r.file, "utf8");
    expect(source, r.file).toMatch(/export (async )?function GET\b/);
    expect(source, r.file).not.toContain("@/lib/api/cors");
  }
  const routes = all.filter((r) => !(r.path in PAGE_ROUTES));
  // Found by walking app/: a new route.ts fails here until the document describes it.
  expect(routes.map((r) => r.path)).toEqual(expect.arrayContaining(["/api/v1/models", "/api/v1/stats", "/changes.atom", "/releases.atom"]));
  for (const r of routes) {
    expect(doc.paths, r.file).toHaveProperty([r.path]);
    const source = readFileSync(r.file, "utf8");
    expect(source, r.file).toMatch(/export (async )?function GET\b/);
    expect(source, r.file).toContain('export { OPTIONS } from "@/lib/api/cors"');
    expect(source, r.file).not.toMatch(/export (async )?function (POST|PUT|PATCH|DELETE)\b/);
  }
  expect(Object.keys(doc.paths).sort()).toEqual(routes.map((r) => r.path).sort());
});
