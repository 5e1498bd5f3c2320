import { describe, expect, it } from "vitest";
import { creditLines, isSecondarySource, precedenceRules, sourcePrecedence, SOURCE_KINDS, SOURCES, valueInUse } from "./sources";

describe("the source registry", () => {
  it("puts an accepted correction, then curated, first for every field, and every kind somewhere in each order", () => {
    for (const field of ["totalParams", "contextWindow", "releaseDate", "licenseId"] as const) {
      const order = sourcePrecedence(field);
      expect(order.slice(0, 3)).toEqual(["correction", "curated", "moderator"]);
      expect([...order].sort()).toEqual([...SOURCE_KINDS].filter((k) => order.includes(k)).sort());
    }
    expect(sourcePrecedence("totalParams")).toEqual(["correction", "curated", "moderator", "epoch", "modelsdev", "huggingface", "vllm-recipes"]);
    expect(sourcePrecedence("releaseDate")).toEqual(["correction", "curated", "moderator", "huggingface", "epoch", "modelsdev", "vllm-recipes"]);
  });

  it("groups the fields with their own order for the About page", () => {
    const rules = precedenceRules();
    expect(rules.find((r) => r.fields.includes("totalParams"))?.fields).toEqual(["totalParams", "activeParams"]);
    expect(rules.flatMap((r) => r.fields)).toEqual(["totalParams", "activeParams", "contextWindow", "announcedDate"]);
  });

  it("has a credit line for every secondary source", () => {
    const secondary = SOURCE_KINDS.filter((k) => SOURCES[k].role === "secondary");
    expect(secondary).toEqual(["epoch", "modelsdev", "vllm-recipes", "epoch-benchmarks", "openrouter", "llmfit"]);
    expect(creditLines()).toHaveLength(secondary.length);
  });
});

describe("what each source supplies", () => {
  it("puts only the sources of field values in the precedence orders; scores, usage and adoption sources have none", () => {
    const fieldSources = SOURCE_KINDS.filter((k) => (SOURCES[k].supplies as readonly string[]).includes("fields"));
    expect([...sourcePrecedence("totalParams")].sort()).toEqual([...fieldSources].sort());
    for (const k of ["epoch-benchmarks", "openrouter", "llmfit"] as const) expect(sourcePrecedence("releaseDate")).not.toContain(k);
  });
});

describe("valueInUse", () => {
  it("takes the first non-null value by the field's precedence, whatever the input order", () => {
    const held = [
      { source: "huggingface", value: 684_531_386_000 },
      { source: "curated", value: null },
      { source: "epoch", value: 671_000_000_000 },
      { source: "vllm-recipes", value: 671_000_000_000 },
    ];
    expect(valueInUse("totalParams", held)).toEqual({ source: "epoch", value: 671_000_000_000 });
    expect(valueInUse("maxPositionEmbeddings", held)).toEqual({ source: "huggingface", value: 684_531_386_000 });
    expect(valueInUse("totalParams", [{ source: "curated", value: null }])).toBeNull();
    expect(valueInUse("totalParams", [...held, { source: "correction", value: 1 }])).toEqual({ source: "correction", value: 1 });
  });
});

describe("isSecondarySource", () => {
  it("marks aggregators' hosts and their GitHub files, not the developers' own pages", () => {
    expect(isSecondarySource("https://epoch.ai/data/ai-models")).toBe(true);
    expect(isSecondarySource("https://models.dev/")).toBe(true);
    expect(isSecondarySource("https://github.com/anomalyco/models.dev/blob/dev/models/nvidia/x.toml")).toBe(true);
    expect(isSecondarySource("https://github.com/vllm-project/recipes/blob/main/models/Qwen/Qwen3.5-9B.yaml")).toBe(true);
    expect(isSecondarySource("https://github.com/vllm-project/vllm/blob/main/README.md")).toBe(false);
    expect(isSecondarySource("https://huggingface.co/deepseek-ai/DeepSeek-V3")).toBe(false);
    expect(isSecondarySource("not a url")).toBe(false);
  });
});
