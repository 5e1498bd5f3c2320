import { expect, it } from "vitest";
import { parseCount } from "./counts";

it.each([
  ["70000000000", 70_000_000_000],
  ["70e9", 70_000_000_000],
  ["70B", 70_000_000_000],
  ["70b", 70_000_000_000],
  ["1.5T", 1_500_000_000_000],
  ["500M", 500_000_000],
  ["128K", 128_000],
  [" 8_030_261_248 ", 8_030_261_248],
  ["0", 0],
])("parseCount(%j) = %d", (text, value) => expect(parseCount(text)).toBe(value));

it.each(["", "abc", "-5", "70 B", "1e400", "70BB", "1,000", "0x10", "Infinity", "9e99"])("parseCount(%j) is null", (text) =>
  expect(parseCount(text)).toBeNull(),
);
