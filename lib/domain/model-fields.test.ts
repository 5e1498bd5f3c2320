import { describe, expect, it } from "vitest";
import { FIELD_GROUPS, MODEL_FIELD_REGISTRY, MODEL_FIELDS, REQUIRED_FIELDS, fieldLabel } from "./model-fields";

describe("MODEL_FIELD_REGISTRY", () => {
  const defs = Object.values(MODEL_FIELD_REGISTRY);
  it("names every user-facing field once, in a known group", () => {
    expect(Object.keys(MODEL_FIELD_REGISTRY).sort()).toEqual([...MODEL_FIELDS].sort());
    for (const spec of defs) expect(FIELD_GROUPS).toContain(spec.group);
    expect(new Set(defs.map((s) => s.label)).size).toBe(MODEL_FIELDS.length);
  });
  it("gives every field its own YAML key, CSV columns and API name", () => {
    expect(new Set(defs.map((d) => d.yamlKey)).size).toBe(MODEL_FIELDS.length);
    expect(new Set(defs.map((d) => d.api.name)).size).toBe(MODEL_FIELDS.length);
    const columns = defs.flatMap((d) => d.csvColumns);
    expect(new Set(columns).size).toBe(columns.length);
    for (const c of columns) expect(c).toMatch(/^[a-z]+(?:_[a-z]+)*$/);
  });
  it("parses form text into the value type, and the value schema accepts what the text schema makes", () => {
    const examples: Partial<Record<keyof typeof MODEL_FIELD_REGISTRY, unknown>> = {
      totalParams: "671B", contextWindow: "131072", architecture: "moe", openWeights: "no", developers: "deepseek, pku", modalities: ["image", "text"],
    };
    for (const [field, text] of Object.entries(examples)) {
      const def = MODEL_FIELD_REGISTRY[field as keyof typeof MODEL_FIELD_REGISTRY];
      const parsed = def.text.safeParse(text);
      expect(parsed.success, field).toBe(true);
      expect(def.value.safeParse(parsed.data).success, field).toBe(true);
    }
  });
  it("labels an unknown field by its name", () => {
    expect(fieldLabel("contextWindow")).toBe("Context window");
    expect(fieldLabel("price")).toBe("price");
  });
});

it("required fields are those that never hold null (architecture and license: open-weights releases only, a rule of lib/domain/model-rules.ts)", () => {
  expect(REQUIRED_FIELDS).toEqual(["name", "family", "variant", "developers", "releaseDate", "openWeights", "modalities"]);
});
