import { describe, expect, it } from "vitest";
import type { StatRow } from "./aggregation";
import { buildStats } from "./dashboard";

let n = 0;
const row = (country: string, releaseDate: string): StatRow => ({
  slug: `d${++n}`, name: `Model ${n}`, family: "f", country, developers: [`org-${country}`], releaseDate, totalParams: 7e9, activeParams: 7e9,
  contextWindow: null, architecture: "dense", licenseCategory: "permissive",
});

// A dataset swept through 30 November, read on 1 December: what the dashboard says about the last year.
const rows = [row("US", "2025-11-15"), row("US", "2025-12-01"), row("US", "2026-06-01"), row("CN", "2026-11-30"), row("CN", "2025-06-01")];

describe("buildStats and the date the data is complete through", () => {
  it("ends the 12-month windows at completeThrough, not at today", () => {
    const stats = buildStats(rows, { extra: [], asOf: "2026-12-01", completeThrough: "2026-11-30" });
    expect(stats).toMatchObject({ asOf: "2026-12-01", completeThrough: "2026-11-30", dataThrough: "2026-11-30" });
    expect(stats.recent.US).toEqual({ last12: 2, prior12: 1, window: { from: "2025-11-30", to: "2026-11-30", priorFrom: "2024-11-30" } });
    expect(stats.recent.CN).toMatchObject({ last12: 1, prior12: 1 });
  });

  it("with an earlier as-of date, ends them there", () => {
    const stats = buildStats(rows.filter((r) => r.releaseDate <= "2026-06-30"), { extra: [], asOf: "2026-06-30", completeThrough: "2026-11-30" });
    expect(stats.dataThrough).toBe("2026-06-30");
    expect(stats.recent.US!.window).toEqual({ from: "2025-06-30", to: "2026-06-30", priorFrom: "2024-06-30" });
    expect(stats.recent.US).toMatchObject({ last12: 3, prior12: 0 });
    // 2026-Q2 ends on the as-of date: complete.
    expect(stats.charts.releasesPerQuarter.at(-1)).toMatchObject({ quarter: "2026-Q2", incomplete: false });
  });

  it("flags the periods the data does not reach the end of, in every chart", () => {
    const { charts } = buildStats(rows, { extra: [], asOf: "2026-12-01", completeThrough: "2026-11-30" });
    const flagged = (list: Record<string, unknown>[], key: string) => list.filter((r) => r.incomplete === true).map((r) => r[key]);
    expect(flagged(charts.releasesPerQuarter, "quarter")).toEqual(["2026-Q4"]);
    expect(flagged(charts.cumulative, "quarter")).toEqual(["2026-Q4"]);
    expect(flagged(charts.moeSharePerHalf, "half")).toEqual(["2026-H2"]);
    expect(flagged(charts.licensesPerYear, "year")).toEqual(["2026"]);
    expect(charts.releasesPerQuarter.every((r) => typeof r.incomplete === "boolean")).toBe(true);
  });
});
