import { describe, expect, it } from "vitest";
import { checkActiveAgainstTotal, checkIngestedValue } from "./sanity";

const TODAY = "2026-11-29";

describe("checkIngestedValue", () => {
  it("refuses Epoch's DeepSeek-V4-Flash unit slip against the curated 284B", () => {
    expect(checkIngestedValue("totalParams", 284_000_000, { value: 284_000_000_000, source: "curated" }, TODAY)).toBe(
      "284M is 1,000x off the curated value 284B: an absurd ratio (a unit slip?)",
    );
  });
  it("lets a real disagreement through (safetensors 684.5B against 671B)", () => {
    expect(checkIngestedValue("totalParams", 684_531_386_000, { value: 671_000_000_000, source: "curated" }, TODAY)).toBeNull();
  });
  it("refuses implausible counts even without a reference", () => {
    expect(checkIngestedValue("totalParams", 5_000, null, TODAY)).toMatch(/outside the plausible range/);
    expect(checkIngestedValue("activeParams", 2e13, null, TODAY)).toMatch(/outside the plausible range/);
    expect(checkIngestedValue("totalParams", 1.5, null, TODAY)).toMatch(/not an integer/);
  });
  it("refuses future dates and impossible context lengths", () => {
    expect(checkIngestedValue("releaseDate", "2027-01-01", null, TODAY)).toMatch(/in the future/);
    expect(checkIngestedValue("maxPositionEmbeddings", 100, null, TODAY)).toMatch(/outside the plausible range/);
    expect(checkIngestedValue("maxPositionEmbeddings", 10_485_760, { value: 131072, source: "curated" }, TODAY)).toBeNull();
  });
});

describe("checkActiveAgainstTotal", () => {
  it("refuses active above total and a thousandth-sized active", () => {
    expect(checkActiveAgainstTotal(13e9, 284e6)).toMatch(/exceeds total/);
    expect(checkActiveAgainstTotal(1e6, 2e12)).toMatch(/thousandth/);
    expect(checkActiveAgainstTotal(37e9, 671e9)).toBeNull();
  });
});
