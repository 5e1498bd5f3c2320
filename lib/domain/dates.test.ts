import { describe, expect, it } from "vitest";
import { formatDay, incompleteNote } from "./dates";

describe("dates in prose", () => {
  it("writes the day, the month's short name and the year", () => {
    expect(formatDay("2026-11-30")).toBe("30 Nov 2026");
    expect(formatDay("2025-01-01")).toBe("1 Jan 2025");
    expect(formatDay("2026-11-30", { year: false })).toBe("30 Nov");
  });
  it("notes how far an incomplete period reaches", () => {
    expect(incompleteNote("2026-11-30")).toBe("incomplete: through 30 Nov");
  });
});
