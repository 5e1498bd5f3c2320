import { expect, it } from "vitest";
import { COUNT_MESSAGE, COUNT_TOO_LARGE_MESSAGE, countTextSchema, parseCount } from "./counts";

it.each([
  ["70000000000", 70_000_000_000],
  ["70e9", 70_000_000_000],
  ["1.5e9", 1_500_000_000],
  ["70B", 70_000_000_000],
  ["70b", 70_000_000_000],
  ["70 B", 70_000_000_000],
  ["1.5T", 1_500_000_000_000],
  ["1.6T", 1_600_000_000_000],
  ["1.04T", 1_040_000_000_000],
  ["500M", 500_000_000],
  ["128K", 128_000],
  [" 8_030_261_248 ", 8_030_261_248],
  ["70,000,000,000", 70_000_000_000],
  ["671 000 000 000", 671_000_000_000],
  ["1,000", 1000],
  ["0", 0],
])("parseCount(%j) = %d", (text, value) => expect(parseCount(text)).toBe(value));

it.each(["", "abc", "-5", "2.5", "1e400", "70BB", "1,2345", "1,000,00", "0x10", "Infinity", "9e99", "7 0B"])("parseCount(%j) is null", (text) =>
  expect(parseCount(text)).toBeNull(),
);

it("refuses every kind of non-count with the one message, and says when a count is too large", () => {
  for (const text of ["lots", "-5", "2.5", "1,2345", "<script>1</script>", "70BB"]) {
    expect(countTextSchema.safeParse(text).error?.issues.map((i) => i.message)).toEqual([COUNT_MESSAGE]);
  }
  for (const text of ["999999999999999999999", "9".repeat(1_000_000), "9e99"]) {
    expect(countTextSchema.safeParse(text).error?.issues.map((i) => i.message)).toEqual([COUNT_TOO_LARGE_MESSAGE]);
  }
  expect(countTextSchema.safeParse(5).error?.issues[0]?.message).toBe("must be text");
  expect(countTextSchema.parse("1.6T")).toBe(1_600_000_000_000);
});
