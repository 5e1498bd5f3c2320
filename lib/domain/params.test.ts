import { describe, expect, it } from "vitest";
import { formatExact, formatParams, formatTokens } from "./params";

describe("formatParams", () => {
  it.each([
    [671_000_000_000, "671B"],
    [1_040_000_000_000, "1.04T"],
    [1_000_000_000_000, "1T"],
    [5_100_000_000, "5.1B"],
    [8_030_261_248, "8.03B"],
    [70_553_706_496, "70.6B"],
    [999_600_000_000, "1T"],
    [270_000_000, "270M"],
    [null, "—"],
  ])("%s -> %s", (n, text) => expect(formatParams(n)).toBe(text));
});

describe("formatTokens", () => {
  it.each([
    [131_072, "128K"],
    [128_000, "128K"],
    [1_048_576, "1M"],
    [1_000_000, "1M"],
    [10_485_760, "10M"],
    [32_768, "32K"],
    [4_096, "4K"],
    [40_960, "40K"],
    [163_840, "160K"],
    [null, "—"],
  ])("%s -> %s", (n, text) => expect(formatTokens(n)).toBe(text));
});

it("formatExact groups thousands", () => expect(formatExact(684_531_386_000)).toBe("684,531,386,000"));
