import { describe, expect, it } from "vitest";
import { dataQualityHref, parseDataQualityParams } from "./data-quality";

describe("/data-quality URL", () => {
  it("reads field, source and page", () => {
    expect(parseDataQualityParams({ field: "totalParams", source: "huggingface", page: "3" })).toEqual({ field: "totalParams", source: "huggingface", page: 3 });
  });
  it("forgives junk, repeats and absence", () => {
    expect(parseDataQualityParams({ field: "bogus", source: "wikipedia", page: "-2" })).toEqual({ field: undefined, source: undefined, page: 1 });
    expect(parseDataQualityParams({ field: ["licenseId", "totalParams"], page: "x" })).toEqual({ field: "licenseId", source: undefined, page: 1 });
    expect(parseDataQualityParams({})).toEqual({ field: undefined, source: undefined, page: 1 });
  });
  it("builds addresses without defaults, and a new filter starts at page 1", () => {
    const current = { field: "totalParams" as const, source: undefined, page: 3 };
    expect(dataQualityHref(current, { page: 4 })).toBe("/data-quality?field=totalParams&page=4");
    expect(dataQualityHref(current, { source: "epoch" })).toBe("/data-quality?field=totalParams&source=epoch");
    expect(dataQualityHref(current, { field: null })).toBe("/data-quality");
  });
});
