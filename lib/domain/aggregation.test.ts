import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  bucketEnd, bucketRange, compareGroups, cumulativeReleases, dataThrough, frontier, groupOf, groupsFor, halfOf, isIncomplete, licensesPerYear,
  median, moeSharePerHalf, monthsBetween, nextDay, quarterOf, recentReleases, recordSetters, releasesPerQuarter, thresholdLags, type StatRow,
} from "./aggregation";

let n = 0;
const row = (country: string, releaseDate: string, totalParams: number | null, extra: Partial<StatRow> = {}): StatRow => ({
  slug: `m${++n}`, name: `Model ${n}`, family: "f", country, developers: [`org-${country}`], releaseDate, totalParams, activeParams: totalParams,
  contextWindow: null, architecture: "dense", licenseCategory: "permissive", ...extra,
});

describe("time buckets", () => {
  it("puts dates in quarters and halves", () => {
    expect([quarterOf("2024-01-01"), quarterOf("2024-03-31"), quarterOf("2024-04-01"), quarterOf("2024-12-31")]).toEqual(["2024-Q1", "2024-Q1", "2024-Q2", "2024-Q4"]);
    expect([halfOf("2024-06-30"), halfOf("2024-07-01")]).toEqual(["2024-H1", "2024-H2"]);
  });
  it("lists every bucket in a range, across years", () => {
    expect(bucketRange("2023-Q3", "2024-Q2", 4)).toEqual(["2023-Q3", "2023-Q4", "2024-Q1", "2024-Q2"]);
    expect(bucketRange("2023-H2", "2024-H2", 2)).toEqual(["2023-H2", "2024-H1", "2024-H2"]);
  });
  it("counts whole calendar months either way", () => {
    expect(monthsBetween("2024-01-31", "2024-03-01")).toBe(1);
    expect(monthsBetween("2024-01-15", "2024-03-15")).toBe(2);
    expect(monthsBetween("2023-07-18", "2024-12-26")).toBe(17);
    expect(monthsBetween("2024-12-26", "2023-07-18")).toBe(-17);
  });
});

describe("releases per quarter and cumulative", () => {
  const rows = [row("US", "2024-01-05", 7e9), row("CN", "2024-02-01", 7e9), row("CN", "2024-08-01", 7e9), row("FR", "2024-08-02", 7e9)];
  const groups = groupsFor([]);
  it("counts per quarter with empty quarters kept", () => {
    expect(releasesPerQuarter(rows, groups, [], "2024-09-30")).toEqual([
      { quarter: "2024-Q1", US: 1, CN: 1, other: 0, incomplete: false },
      { quarter: "2024-Q2", US: 0, CN: 0, other: 0, incomplete: false },
      { quarter: "2024-Q3", US: 0, CN: 1, other: 1, incomplete: false },
    ]);
  });
  it("accumulates", () => {
    expect(cumulativeReleases(rows, groups, [], "2024-09-30").at(-1)).toEqual({ quarter: "2024-Q3", US: 1, CN: 2, other: 1, incomplete: false });
  });
  it("gives an added country its own group", () => {
    expect(groupOf("FR", ["FR"])).toBe("FR");
    expect(releasesPerQuarter(rows, groupsFor(["FR"]), ["FR"], "2024-09-30").at(-1)).toEqual({ quarter: "2024-Q3", US: 0, CN: 1, FR: 1, other: 0, incomplete: false });
  });
});

describe("frontier", () => {
  it("steps only on a new record, taking same-day releases largest first", () => {
    const rows = [
      row("US", "2023-07-18", 70e9, { slug: "llama2" }),
      row("US", "2023-09-01", 40e9, { slug: "smaller" }),
      row("US", "2024-04-18", 70e9, { slug: "tie" }),
      row("US", "2024-07-23", 405e9, { slug: "big" }),
      row("US", "2024-07-23", 8e9, { slug: "same-day-small" }),
      row("US", "2025-01-01", null, { slug: "unknown" }),
    ];
    expect(frontier(rows, "totalParams").map((s) => [s.date, s.value, s.slug])).toEqual([
      ["2023-07-18", 70e9, "llama2"],
      ["2024-07-23", 405e9, "big"],
    ]);
  });
});

describe("thresholds and lags", () => {
  const rows = [
    row("US", "2023-07-18", 70e9),
    row("US", "2024-07-23", 405e9, { slug: "llama-405b" }),
    row("CN", "2024-05-06", 236e9, { slug: "deepseek-v2" }),
    row("CN", "2024-12-26", 671e9, { slug: "deepseek-v3" }),
    row("CN", "2025-07-11", 1e12, { slug: "kimi-k2" }),
  ];
  it("finds each country's first crossing and who led by how many months", () => {
    const [t100, t400, t1t] = thresholdLags(rows, "totalParams", [100e9, 400e9, 1e12]);
    expect(t100).toMatchObject({ us: { slug: "llama-405b" }, cn: { slug: "deepseek-v2" }, leader: "CN", lagMonths: 2 });
    expect(t400).toMatchObject({ us: { slug: "llama-405b" }, cn: { slug: "deepseek-v3" }, leader: "US", lagMonths: 5 });
    expect(t1t).toMatchObject({ us: null, cn: { slug: "kimi-k2" }, leader: "CN", lagMonths: null });
  });
});

describe("shares and comparisons", () => {
  const rows = [
    row("US", "2024-03-01", 10e9, { architecture: "moe", licenseCategory: "restricted" }),
    row("US", "2024-09-01", 30e9),
    row("US", "2025-02-01", 20e9, { developers: ["a", "b"] }),
    row("CN", "2024-03-01", 100e9, { architecture: "moe", contextWindow: 131072 }),
  ];
  const groups = groupsFor([]);
  it("computes MoE share per half-year, null where nothing was released", () => {
    const halves = moeSharePerHalf(rows, groups, [], "2025-06-30");
    expect(halves.map((h) => [h.half, h.US, h.CN])).toEqual([
      ["2024-H1", 1, 1],
      ["2024-H2", 0, null],
      ["2025-H1", 0, null],
    ]);
  });
  it("counts license categories per year and group", () => {
    const years = licensesPerYear(rows, groups, [], "2025-12-31");
    expect(years[0]).toMatchObject({ year: "2024", "US:permissive": 1, "US:restricted": 1, "CN:permissive": 1 });
  });
  it("compares groups for a year and for the whole period", () => {
    const all = compareGroups(rows, groups, [], null);
    expect(all.US).toMatchObject({ releases: 3, moeReleases: 1, medianTotalParams: 20e9, developers: 3 });
    expect(all.US!.moeShare).toBeCloseTo(1 / 3);
    expect(all.US!.largestTotal?.totalParams).toBe(30e9);
    expect(all.CN!.longestContext?.contextWindow).toBe(131072);
    expect(all.other).toMatchObject({ releases: 0, moeShare: null, medianTotalParams: null, largestTotal: null });
    expect(compareGroups(rows, groups, [], "2025").US).toMatchObject({ releases: 1 });
  });
  it("takes the median of an even count as the mean of the middle two", () => {
    expect(median([1, 4, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
  });
  it("counts releases in the last 12 months and the year before", () => {
    const recent = recentReleases(rows, groups, [], "2025-03-01");
    expect(recent.US).toMatchObject({ last12: 2, prior12: 1 });
    // 2024-03-01 is exactly a year before: it belongs to the year before (windows are (from, to]).
    expect(recent.CN).toMatchObject({ last12: 0, prior12: 1 });
  });
});

describe("how far the data reaches", () => {
  it("finds the last day of a quarter, a half-year and a year, leap years included", () => {
    expect(["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4", "2024-H1", "2024-H2", "2026"].map(bucketEnd)).toEqual([
      "2026-03-31", "2026-06-30", "2026-09-30", "2026-12-31", "2024-06-30", "2024-12-31", "2026-12-31",
    ]);
    expect(bucketEnd("2024-Q1")).toBe("2024-03-31");
    expect(nextDay("2024-02-28")).toBe("2024-02-29");
    expect(nextDay("2025-12-31")).toBe("2026-01-01");
  });
  it("calls a bucket incomplete when the data stops before its last day", () => {
    expect(isIncomplete("2026-Q4", "2026-11-30")).toBe(true);
    expect(isIncomplete("2026-Q3", "2026-11-30")).toBe(false);
    expect(isIncomplete("2026-Q4", "2026-12-31")).toBe(false); // its last day is covered: complete
    expect(isIncomplete("2026-H2", "2026-11-30")).toBe(true);
    expect(isIncomplete("2026-H1", "2026-11-30")).toBe(false);
    expect(isIncomplete("2026", "2026-11-30")).toBe(true);
    expect(isIncomplete("2025", "2026-11-30")).toBe(false);
  });
  it("ends where the data ends: the as-of date, but never after the sweep", () => {
    expect(dataThrough("2026-12-01", "2026-11-30")).toBe("2026-11-30");
    expect(dataThrough("2025-06-01", "2026-11-30")).toBe("2025-06-01");
    expect(dataThrough("2026-11-30", "2026-11-30")).toBe("2026-11-30");
  });

  const groups = groupsFor([]);
  const rows = [
    row("US", "2026-08-15", 7e9),
    row("CN", "2026-10-02", 7e9, { architecture: "moe" }),
    row("CN", "2026-11-30", 7e9),
    row("US", "2025-12-01", 7e9),
    row("US", "2025-11-30", 7e9),
    row("CN", "2024-12-01", 7e9),
    row("CN", "2024-11-30", 7e9),
  ];
  it("flags the quarter the data does not reach the end of, and only it", () => {
    const quarters = releasesPerQuarter(rows, groups, [], "2026-11-30");
    expect(quarters.at(-1)).toEqual({ quarter: "2026-Q4", US: 0, CN: 2, other: 0, incomplete: true });
    expect(quarters.filter((q) => q.incomplete).map((q) => q.quarter)).toEqual(["2026-Q4"]);
    expect(cumulativeReleases(rows, groups, [], "2026-11-30").at(-1)).toEqual({ quarter: "2026-Q4", US: 3, CN: 4, other: 0, incomplete: true });
    // Once the sweep reaches 31 December the quarter is whole.
    expect(releasesPerQuarter(rows, groups, [], "2026-12-31").at(-1)!.incomplete).toBe(false);
  });
  it("reaches the quarter, half and year the data reaches, with zeros where nothing was released yet", () => {
    const early = [row("US", "2026-05-02", 7e9), row("CN", "2026-06-10", 7e9)];
    expect(releasesPerQuarter(early, groups, [], "2026-11-30")).toEqual([
      { quarter: "2026-Q2", US: 1, CN: 1, other: 0, incomplete: false },
      { quarter: "2026-Q3", US: 0, CN: 0, other: 0, incomplete: false },
      { quarter: "2026-Q4", US: 0, CN: 0, other: 0, incomplete: true },
    ]);
    expect(moeSharePerHalf(early, groups, [], "2026-11-30").map((h) => [h.half, h.US, h.incomplete])).toEqual([["2026-H1", 0, false], ["2026-H2", null, true]]);
    expect(licensesPerYear([row("US", "2025-05-02", 7e9)], groups, [], "2026-11-30").map((y) => [y.year, y["US:permissive"], y.incomplete])).toEqual([
      ["2025", 1, false], ["2026", 0, true],
    ]);
    expect(releasesPerQuarter([], groups, [], "2026-11-30")).toEqual([]);
  });
  it("flags the half-year and the year the same way", () => {
    expect(moeSharePerHalf(rows, groups, [], "2026-11-30").map((h) => [h.half, h.incomplete])).toEqual([
      ["2024-H2", false], ["2025-H1", false], ["2025-H2", false], ["2026-H1", false], ["2026-H2", true],
    ]);
    expect(licensesPerYear(rows, groups, [], "2026-11-30").map((y) => [y.year, y.incomplete])).toEqual([
      ["2024", false], ["2025", false], ["2026", true],
    ]);
  });
  it("counts the last 12 months up to the sweep date, and the 12 before", () => {
    const recent = recentReleases(rows, groups, [], "2026-11-30");
    // (2025-11-30, 2026-11-30]: 2025-12-01 is in, 2025-11-30 belongs to the year before.
    expect(recent.US).toMatchObject({ last12: 2, prior12: 1, window: { from: "2025-11-30", to: "2026-11-30", priorFrom: "2024-11-30" } });
    expect(recent.CN).toMatchObject({ last12: 2, prior12: 1 });
  });
});

describe("chart points", () => {
  it("plots every release up to the limit, and beyond it a sample that keeps every record", async () => {
    const { chartPoints } = await import("./dashboard");
    const rows = Array.from({ length: 50 }, (_, i) => row(i % 2 ? "US" : "CN", `2024-${String(Math.floor(i / 28) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`, i >= 48 ? 1e12 : 5e9, { slug: `s${String(i).padStart(2, "0")}` }));
    expect(chartPoints(rows, [])).toHaveLength(50);
    const sample = chartPoints(rows, [], 10);
    expect(sample.length).toBeLessThanOrEqual(10);
    const slugs = new Set(sample.map((p) => p.slug));
    expect(slugs.has("s49") && slugs.has("s48")).toBe(true); // the largest of each group
  });
});

describe("record setters at scale (one walk over date-ordered rows)", () => {
  // The definition the walk replaced: sort by date, then largest, then slug; step on every new maximum.
  const bySorting = (rows: StatRow[], m: "totalParams" | "contextWindow") =>
    rows
      .filter((r) => r[m] !== null)
      .sort((a, b) => a.releaseDate.localeCompare(b.releaseDate) || b[m]! - a[m]! || a.slug.localeCompare(b.slug))
      .reduce<StatRow[]>((steps, r) => (steps.length === 0 || r[m]! > steps.at(-1)![m]! ? [...steps, r] : steps), []);

  it("names the same releases as sorting does, in any input order, with same-day ties and missing values", () => {
    const arbRow = fc.record({
      day: fc.integer({ min: 1, max: 6 }),
      total: fc.option(fc.constantFrom(1e9, 7e9, 7e9, 70e9, 400e9), { nil: null }),
      context: fc.option(fc.constantFrom(4096, 32768, 131072), { nil: null }),
      slug: fc.constantFrom("a-1", "a1", "b", "b-2", "c.3", "qwen3-8b", "qwen38b"),
    });
    fc.assert(
      fc.property(fc.array(arbRow, { maxLength: 40 }), fc.boolean(), (specs, dateOrder) => {
        let rows = specs.map((s, i) => row(i % 2 ? "US" : "CN", `2025-01-0${s.day}`, s.total, { slug: `${s.slug}-${i % 3}`, contextWindow: s.context }));
        if (dateOrder) rows = [...rows].sort((a, b) => (a.releaseDate < b.releaseDate ? -1 : a.releaseDate > b.releaseDate ? 1 : 0));
        for (const m of ["totalParams", "contextWindow"] as const) {
          expect(recordSetters(rows, m).map((r) => [r.slug, r.releaseDate, r[m]])).toEqual(bySorting(rows, m).map((r) => [r.slug, r.releaseDate, r[m]]));
        }
      }),
      { numRuns: 500 },
    );
  });
});
