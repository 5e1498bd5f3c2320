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
  expect(Object.keys(doc.paths).sort()).toEqual(["/api/v1/benchmarks", "/api/v1/leaders", "/api/v1/models", "/api/v1/models.csv", "/api/v1/models/{slug}", "/api/v1/scores.csv", "/api/v1/stats"]);
  const params = doc.paths["/api/v1/models"].get.parameters.map((p) => p.name);
  expect(params).toEqual(expect.arrayContaining(["openWeights", "benchmark", "minScore", "sort"]));
  expect(doc.paths["/api/v1/stats"].get.parameters.map((p) => p.name)).toContain("capability");
  expect(doc.paths["/api/v1/stats"].get.parameters.map((p) => p.name)).not.toContain("benchmark");
  expect(doc.paths["/api/v1/scores.csv"].get.responses["200"].description).toContain("measured_by");
});
