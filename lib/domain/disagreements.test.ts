import { describe, expect, it } from "vitest";
import { compareFieldValues, PARAM_TOLERANCE, resolveField, type SourcedValue } from "./disagreements";
import { formatDifference } from "./field-display";
import { sourcePrecedence } from "./sources";

const at = new Date("2026-11-29T00:00:00Z");
const v = (source: SourcedValue["source"], value: unknown): SourcedValue => ({ source, value, url: `https://example.org/${source}`, retrievedAt: at });

describe("compareFieldValues", () => {
  it("lets parameter counts differ by up to 1% without calling it a disagreement", () => {
    expect(PARAM_TOLERANCE).toBe(0.01);
    expect(compareFieldValues("totalParams", 117_000_000_000, 116_829_156_672).disagree).toBe(false); // gpt-oss-120b
    expect(compareFieldValues("totalParams", 70_000_000_000, 70_553_706_496).disagree).toBe(false); // 0.79%
    const v3 = compareFieldValues("totalParams", 671_000_000_000, 684_531_386_000); // DeepSeek-V3: safetensors
    expect(v3.disagree).toBe(true);
    expect(v3.magnitude).toBeCloseTo(0.0202, 3);
  });
  it("never treats a missing value as a disagreement", () => {
    expect(compareFieldValues("totalParams", null, 5)).toEqual({ disagree: false, magnitude: 0 });
    expect(compareFieldValues("licenseId", "mit", undefined).disagree).toBe(false);
  });
  it("compares other counts exactly, dates in days, repo ids without case, modalities as sets", () => {
    expect(compareFieldValues("maxPositionEmbeddings", 131072, 131073).disagree).toBe(true);
    expect(compareFieldValues("announcedDate", "2024-12-26", "2024-12-24")).toEqual({ disagree: true, magnitude: 2 / 365 });
    expect(compareFieldValues("releaseDate", "2024-12-26", "2024-12-26").disagree).toBe(false);
    expect(compareFieldValues("hfRepoId", "deepseek-ai/DeepSeek-V3", "deepseek-ai/deepseek-v3").disagree).toBe(false);
    expect(compareFieldValues("modalities", ["text", "image"], ["image", "text"]).disagree).toBe(false);
    expect(compareFieldValues("licenseId", "mit", "apache-2.0")).toEqual({ disagree: true, magnitude: 1 });
  });
});

describe("precedence", () => {
  it("puts an accepted correction first and curated second for every field", () => {
    for (const field of ["totalParams", "routedExperts", "contextWindow", "licenseId"] as const) {
      expect(sourcePrecedence(field).slice(0, 3)).toEqual(["correction", "curated", "moderator"]);
    }
  });
  it("follows the source-specific rules below them", () => {
    // config.json (Hugging Face) for expert counts and positions; the developer's stated count (Epoch) over safetensors sums.
    // models.dev and the vLLM recipes (issue 13) rank below both; vLLM's rounded counts last.
    expect(sourcePrecedence("routedExperts")).toEqual(["correction", "curated", "moderator", "huggingface", "epoch", "modelsdev", "vllm-recipes"]);
    expect(sourcePrecedence("maxPositionEmbeddings")).toEqual(["correction", "curated", "moderator", "huggingface", "epoch", "modelsdev", "vllm-recipes"]);
    expect(sourcePrecedence("totalParams")).toEqual(["correction", "curated", "moderator", "epoch", "modelsdev", "huggingface", "vllm-recipes"]);
    expect(sourcePrecedence("contextWindow")).toEqual(["correction", "curated", "moderator", "epoch", "huggingface", "modelsdev", "vllm-recipes"]);
  });
});

describe("resolveField", () => {
  it("puts the highest-precedence value in use and lists the sources that disagree with it, largest first", () => {
    const r = resolveField("totalParams", [v("huggingface", 684_531_386_000), v("epoch", 671_000_000_000), v("curated", 671_000_000_000)]);
    expect(r.inUse?.source).toBe("curated");
    expect(r.disagreeing.map((d) => d.source)).toEqual(["huggingface"]);
  });
  it("uses Epoch's total over Hugging Face's when nobody curated it", () => {
    const r = resolveField("totalParams", [v("huggingface", 684_531_386_000), v("epoch", 671_000_000_000)]);
    expect(r.inUse).toMatchObject({ source: "epoch", value: 671_000_000_000 });
    expect(r.disagreeing).toHaveLength(1);
  });
  it("ignores null values and agrees with itself", () => {
    expect(resolveField("licenseId", [v("curated", "mit"), v("epoch", null)]).disagreeing).toEqual([]);
    expect(resolveField("licenseId", []).inUse).toBeNull();
  });
});

describe("formatDifference", () => {
  it("says how another value differs from the one in use", () => {
    expect(formatDifference("totalParams", 671_000_000_000, 684_531_386_000)).toBe("+2.0%");
    expect(formatDifference("totalParams", 284_000_000_000, 284_000_000)).toBe("÷1000");
    expect(formatDifference("announcedDate", "2024-12-26", "2024-12-24")).toBe("−2 days");
    expect(formatDifference("licenseId", "mit", "apache-2.0")).toBe("");
  });
});
