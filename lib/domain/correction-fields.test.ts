import { describe, expect, it } from "vitest";
import { FIELD_GROUPS, FIELD_SPECS, formatAge, formatFieldValue, safeHref } from "./correction-fields";
import { MODEL_FIELDS } from "./model-fields";

describe("FIELD_SPECS", () => {
  it("names every user-facing field once, in a known group", () => {
    expect(Object.keys(FIELD_SPECS).sort()).toEqual([...MODEL_FIELDS].sort());
    for (const spec of Object.values(FIELD_SPECS)) expect(FIELD_GROUPS).toContain(spec.group);
    expect(new Set(Object.values(FIELD_SPECS).map((s) => s.label)).size).toBe(MODEL_FIELDS.length);
  });
});

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
    expect(formatFieldValue("announcedDate", null)).toBe("—");
    expect(formatFieldValue("name", "<b>x</b>")).toBe("<b>x</b>"); // escaping is React's job, not this one's
  });
});

describe("formatAge", () => {
  const now = new Date("2026-11-29T12:00:00Z");
  it.each([
    [0, "just now"],
    [59, "just now"],
    [60, "1 minute ago"],
    [3 * 3600 + 5, "3 hours ago"],
    [86_400, "1 day ago"],
    [5 * 86_400, "5 days ago"],
  ])("%i seconds is %s", (seconds, text) => {
    expect(formatAge(new Date(now.getTime() - seconds * 1000), now)).toBe(text);
  });
});

describe("safeHref", () => {
  it("lets http(s) through and nothing else", () => {
    expect(safeHref("https://arxiv.org/abs/2412.19437")).toBe("https://arxiv.org/abs/2412.19437");
    expect(safeHref("javascript:alert(1)")).toBeUndefined();
    expect(safeHref("JaVaScRiPt:alert(1)")).toBeUndefined();
    expect(safeHref("data:text/html,x")).toBeUndefined();
    expect(safeHref("not a url")).toBeUndefined();
    expect(safeHref(null)).toBeUndefined();
  });
});
