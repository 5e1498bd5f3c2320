import { describe, expect, it } from "vitest";
import { logTicks, paddedTicks, zeroBasedTicks } from "./scales";

describe("chart scales", () => {
  it("a log axis reaches a power of ten above the record and below the smallest value", () => {
    expect(logTicks([2.8e12, 1.6e12, 7e9, 1.5e9])).toEqual([1e9, 1e10, 1e11, 1e12, 1e13]);
    expect(logTicks([1e12, 1e9])).toEqual([1e8, 1e9, 1e10, 1e11, 1e12, 1e13]);
    expect(logTicks([5e8, 4.05e11])).toEqual([1e8, 1e9, 1e10, 1e11, 1e12]);
    expect(logTicks([2048, 10485760])).toEqual([1e3, 1e4, 1e5, 1e6, 1e7, 1e8]);
    expect(logTicks([1024, 131072])).toEqual([1e2, 1e3, 1e4, 1e5, 1e6]);
    expect(logTicks([1.1e9, 9.9e11])).toEqual([1e8, 1e9, 1e10, 1e11, 1e12, 1e13]);
    expect(logTicks([])).toEqual([1e9, 1e10, 1e11, 1e12]);
  });
  it("zero-based ticks end at a round number at or above the maximum", () => {
    expect(zeroBasedTicks(117)).toEqual([0, 50, 100, 150]);
    expect(zeroBasedTicks(80)).toEqual([0, 20, 40, 60, 80]);
    expect(zeroBasedTicks(3)).toEqual([0, 1, 2, 3]);
    expect(zeroBasedTicks(0)).toEqual([0, 1]);
  });
  it("padded ticks leave room above and below, within the clamp", () => {
    const t = paddedTicks(31.5, 88, [0, 100]);
    expect(t[0]!).toBeLessThan(31.5);
    expect(t.at(-1)!).toBeGreaterThan(88);
    expect(t.at(-1)!).toBeLessThanOrEqual(100);
    expect(paddedTicks(90, 99, [0, 100]).at(-1)).toBe(100);
  });
});
