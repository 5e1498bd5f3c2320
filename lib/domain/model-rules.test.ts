import { describe, expect, it } from "vitest";
import { NULL_MODEL_VALUES, type ModelValues } from "./model-fields";
import { checkModelRules } from "./model-rules";

const TODAY = "2026-11-29";
const moe: ModelValues = {
  ...NULL_MODEL_VALUES,
  name: "DeepSeek-V4-Flash", family: "DeepSeek-V4", variant: "instruct", developers: ["deepseek"],
  announcedDate: "2026-04-24", releaseDate: "2026-04-24", totalParams: 284_000_000_000, activeParams: 13_000_000_000,
  architecture: "moe", routedExperts: 256, expertsPerToken: 6, sharedExperts: 1, contextWindow: 1_048_576,
  maxPositionEmbeddings: 1_048_576, licenseId: "mit", openWeights: true, hfRepoId: "deepseek-ai/DeepSeek-V4-Flash",
  baseModel: null, modalities: ["text"],
};
const dense: ModelValues = { ...moe, architecture: "dense", routedExperts: null, expertsPerToken: null, sharedExperts: null, activeParams: 284_000_000_000 };
const fieldsOf = (m: ModelValues) => checkModelRules(m, TODAY).map((v) => v.field);

describe("checkModelRules", () => {
  it("accepts consistent MoE and dense records", () => {
    expect(checkModelRules(moe, TODAY)).toEqual([]);
    expect(checkModelRules(dense, TODAY)).toEqual([]);
  });
  it("catches a unit slip (284,000,000 for 284B) through active > total and the MoE floor", () => {
    const violations = checkModelRules({ ...moe, totalParams: 284_000_000 }, TODAY);
    expect(violations.map((v) => v.field)).toContain("activeParams");
    expect(violations.map((v) => v.field)).toContain("totalParams");
  });
  it("rejects counts outside 10M..10T", () => {
    expect(fieldsOf({ ...dense, totalParams: 5_000_000, activeParams: 5_000_000 })).toEqual(["totalParams", "activeParams"]);
    expect(fieldsOf({ ...moe, totalParams: 20_000_000_000_000 })).toEqual(["totalParams"]);
  });
  it("requires experts for MoE and none for dense", () => {
    expect(fieldsOf({ ...moe, routedExperts: null, expertsPerToken: null })).toEqual(["routedExperts", "expertsPerToken"]);
    expect(fieldsOf({ ...moe, expertsPerToken: 300 })).toEqual(["expertsPerToken"]);
    expect(fieldsOf({ ...dense, routedExperts: 8 })).toEqual(["routedExperts"]);
  });
  it("requires active = total for dense models", () => {
    expect(fieldsOf({ ...dense, activeParams: 100_000_000_000 })).toEqual(["activeParams"]);
  });
  it("rejects future dates and weights more than a year before the announcement", () => {
    expect(fieldsOf({ ...moe, releaseDate: "2027-01-01", announcedDate: "2027-01-01" })).toEqual(["announcedDate", "releaseDate"]);
    expect(fieldsOf({ ...moe, releaseDate: "2024-01-01", announcedDate: "2025-06-01" })).toEqual(["releaseDate"]);
    expect(fieldsOf({ ...moe, releaseDate: "2025-01-01", announcedDate: "2024-06-01" })).toEqual([]);
  });
  it("rejects implausible context windows and repeated developers", () => {
    expect(fieldsOf({ ...moe, contextWindow: 100 })).toEqual(["contextWindow"]);
    expect(fieldsOf({ ...moe, developers: ["a", "a"] })).toEqual(["developers"]);
    expect(fieldsOf({ ...moe, developers: [] })).toEqual(["developers"]);
  });
});
