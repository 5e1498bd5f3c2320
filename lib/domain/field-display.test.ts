import { describe, expect, it } from "vitest";
import { FIELD_LABELS, formatDifference, formatFieldValue, formInputText } from "./field-display";
import { MODEL_FIELD_REGISTRY, type ModelField } from "./model-fields";

describe("formatFieldValue", () => {
  it("shows counts in the project's format with the exact value", () => {
    expect(formatFieldValue("totalParams", 671_000_000_000)).toBe("671B (671,000,000,000)");
    expect(formatFieldValue("contextWindow", 131072)).toBe("128K tokens (131,072)");
    expect(formatFieldValue("routedExperts", 256)).toBe("256");
  });
  it("shows other kinds plainly and a missing value as a dash", () => {
    expect(formatFieldValue("openWeights", true)).toBe("yes");
    expect(formatFieldValue("modalities", ["text", "image"])).toBe("text, image");
    expect(formatFieldValue("architecture", "moe")).toBe("MoE");
    expect(formatFieldValue("architecture", "dense")).toBe("Dense");
    expect(formatFieldValue("announcedDate", null)).toBe("—");
    expect(formatFieldValue("name", "<b>x</b>")).toBe("<b>x</b>"); // escaping is React's job, not this one's
  });
  it("reads a value of an unknown field (an old revision) plainly", () => {
    expect(formatFieldValue("retiredField", 12345)).toBe("12,345");
  });
});

describe("formatDifference", () => {
  it("sizes counts in percent or as a factor, dates in days", () => {
    expect(formatDifference("totalParams", 671e9, 684.5e9)).toBe("+2.0%");
    expect(formatDifference("totalParams", 284e9, 284e6)).toBe("÷1000");
    expect(formatDifference("releaseDate", "2024-12-26", "2024-12-24")).toBe("−2 days");
    expect(formatDifference("licenseId", "mit", "apache-2.0")).toBe("");
  });
});

it("labels come from the registry, one per field", () => {
  expect(FIELD_LABELS.hfRepoId).toBe("Hugging Face repository");
  expect(new Set(Object.values(FIELD_LABELS)).size).toBe(Object.keys(FIELD_LABELS).length);
});

describe("formInputText", () => {
  it("gives text each field's form schema reads back as the same value", () => {
    const samples: Partial<Record<ModelField, unknown>> = {
      name: "DeepSeek-V4-Flash", variant: "instruct", developers: ["deepseek", "g42"], releaseDate: "2026-04-20", totalParams: 284000000000,
      architecture: "moe", routedExperts: 256, contextWindow: 1048576, openWeights: true, hfRepoId: "deepseek-ai/DeepSeek-V4-Flash", modalities: ["text", "image"],
    };
    for (const [field, value] of Object.entries(samples) as [ModelField, unknown][]) {
      expect(MODEL_FIELD_REGISTRY[field].text.parse(formInputText(field, value)), field).toEqual(value);
    }
  });
});
