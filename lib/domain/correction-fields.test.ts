import { describe, expect, it } from "vitest";
import { formatAge, safeHref } from "./correction-fields";

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
