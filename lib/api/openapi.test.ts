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
