import { describe, expect, it } from "vitest";
import { parseRefreshArgs } from "./refresh-cli";

describe("npm run refresh arguments", () => {
  it("default to a 15-minute lock, and take another", () => {
    expect(parseRefreshArgs([])).toEqual({ lockMinutes: 15 });
    expect(parseRefreshArgs(["--lock-minutes", "90"])).toEqual({ lockMinutes: 90 });
    expect(parseRefreshArgs(["--help"])).toBe("help");
  });

  it("refuse what they do not know, saying what is allowed", () => {
    expect(() => parseRefreshArgs(["--dry-run"])).toThrow(/unknown argument --dry-run[\s\S]*Usage:/);
    expect(() => parseRefreshArgs(["--lock-minutes"])).toThrow(/takes a whole number/);
    expect(() => parseRefreshArgs(["--lock-minutes", "0"])).toThrow(/at least 1/);
    expect(() => parseRefreshArgs(["--lock-minutes", "5000"])).toThrow(/at most 1440/);
  });
});
