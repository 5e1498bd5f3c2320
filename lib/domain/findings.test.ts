import { describe, expect, it } from "vitest";
import { cumulativeReleases, licensesPerYear, moeSharePerHalf, releasesPerQuarter, type StatRow } from "./aggregation";
import { buildStats } from "./dashboard";
import {
  capabilityFinding, contextFinding, cumulativeFinding, licenseFinding, moeFinding, moeTrend, quarterFinding, recordHolder, sizeFinding, usageFinding,
} from "./findings";

let n = 0;
const row = (country: string, releaseDate: string, o: Partial<StatRow> = {}): StatRow => ({
  slug: `m${++n}`, name: `Model ${n}`, family: "f", country, developers: [`org-${country}`], releaseDate, totalParams: 7e9, activeParams: 7e9,
  contextWindow: null, architecture: "dense", licenseCategory: "permissive", ...o,
});
const groups = ["US", "CN", "other"];

describe("the record findings (size and context charts)", () => {
  it("names the country that holds the record and the day its unbroken run began", () => {
    const rows = [
      row("US", "2024-07-23", { name: "Llama 3.1 405B", totalParams: 405e9 }),
      row("CN", "2024-12-26", { name: "DeepSeek-V3", totalParams: 671e9 }),
      row("US", "2025-03-01", { totalParams: 500e9 }), // not a record
      row("CN", "2025-07-11", { name: "Kimi K2", totalParams: 1.04e12 }),
      row("CN", "2026-09-01", { name: "Kimi K3", totalParams: 2.8e12 }),
    ];
    expect(recordHolder(rows, "totalParams")).toMatchObject({ country: "CN", since: "2024-12-26", steps: 3 });
    expect(sizeFinding(rows)).toBe("China has held the record for the largest open-weights model since 26 Dec 2024 (now Kimi K3, 2.8T)");
  });

  it("a record lost and regained counts from the regaining", () => {
    const rows = [row("CN", "2024-01-01", { totalParams: 100e9 }), row("US", "2024-06-01", { totalParams: 200e9 }), row("CN", "2025-01-01", { totalParams: 300e9 })];
    expect(recordHolder(rows, "totalParams")).toMatchObject({ country: "CN", since: "2025-01-01" });
  });

  it("a tie does not take the record; another country can hold it", () => {
    const rows = [row("FR", "2024-01-01", { totalParams: 100e9, name: "Big" }), row("US", "2024-06-01", { totalParams: 100e9 })];
    expect(sizeFinding(rows)).toBe("France has held the record for the largest open-weights model since 1 Jan 2024 (now Big, 100B)");
  });

  it("says so when nothing in view has the measure", () => {
    expect(sizeFinding([])).toBe("No release in this view states its total parameters");
    expect(contextFinding([row("US", "2024-01-01")])).toBe("No release in this view states its context window");
    expect(contextFinding([row("US", "2024-01-01", { contextWindow: 131072, name: "L" })])).toBe("The United States has held the record for the longest context window of an open-weights model since 1 Jan 2024 (now L, 128K tokens)");
  });
});

describe("quarterFinding", () => {
  const rows = [
    row("CN", "2025-01-10"), row("CN", "2025-01-11"), row("US", "2025-02-01"), // Q1: CN
    row("US", "2025-04-01"), row("US", "2025-04-02"), // Q2: US
    row("CN", "2025-07-01"), // Q3: CN
    row("CN", "2025-10-01"), row("CN", "2025-10-02"), // Q4: CN
    row("US", "2026-01-05"), row("US", "2026-01-06"), row("US", "2026-01-07"), // 2026-Q1, incomplete: not counted
  ];
  it("counts the last four complete quarters, never the incomplete one", () => {
    const q = releasesPerQuarter(rows, groups, [], "2026-01-31");
    expect(q.at(-1)).toMatchObject({ quarter: "2026-Q1", incomplete: true });
    expect(quarterFinding(q)).toBe("China released more open-weights models than the United States in 3 of the last 4 complete quarters");
  });
  it("with fewer complete quarters, says how many", () => {
    expect(quarterFinding(releasesPerQuarter(rows.slice(0, 3), groups, [], "2025-03-31"))).toBe("China released more open-weights models than the United States in the last complete quarter (2025-Q1)");
    expect(quarterFinding(releasesPerQuarter([row("US", "2025-01-02")], groups, [], "2025-06-30"))).toBe("The United States released more open-weights models than China in 1 of the last 2 complete quarters");
  });
  it("is honest about empty, all-incomplete and level views", () => {
    expect(quarterFinding([])).toBe("No open-weights releases in this view");
    expect(quarterFinding(releasesPerQuarter([row("US", "2025-01-02")], groups, [], "2025-02-01"))).toBe("No quarter in this view is complete yet: the counts so far are drawn hatched");
    expect(quarterFinding(releasesPerQuarter([row("US", "2025-01-02"), row("CN", "2025-02-02")], groups, [], "2025-03-31"))).toBe("The United States and China released equally many open-weights models in the last complete quarter (2025-Q1)");
    expect(quarterFinding(releasesPerQuarter([row("US", "2025-01-02"), row("CN", "2025-04-02")], groups, [], "2025-06-30"))).toBe("The United States and China each released more open-weights models than the other in 1 of the last 2 complete quarters");
    expect(quarterFinding(releasesPerQuarter([row("FR", "2025-01-02")], groups, [], "2025-03-31"))).toBe("Neither the United States nor China released an open-weights model in the last complete quarter (2025-Q1) in this view");
  });
  it("says 'each' when one side led every quarter", () => {
    const q = releasesPerQuarter([row("CN", "2025-01-02"), row("CN", "2025-04-02")], groups, [], "2025-06-30");
    expect(quarterFinding(q)).toBe("China released more open-weights models than the United States in each of the last 2 complete quarters");
  });
});

describe("cumulativeFinding", () => {
  it("names the leader in total and the quarter since which it has been ahead", () => {
    const rows = [row("US", "2024-01-01"), row("US", "2024-02-01"), row("CN", "2024-04-01"), row("CN", "2024-05-01"), row("CN", "2024-07-01"), row("CN", "2024-11-01")];
    const c = cumulativeReleases(rows, groups, [], "2024-11-15");
    // 2024-Q2 level (2-2), China ahead from 2024-Q3 on; the incomplete 2024-Q4 counts what is there so far.
    expect(cumulativeFinding(c)).toBe("China has released more open-weights models in total than the United States since 2024-Q3 (4 to 2)");
  });
  it("ahead from the start, level, or empty", () => {
    expect(cumulativeFinding(cumulativeReleases([row("US", "2024-01-01")], groups, [], "2024-06-30"))).toBe("The United States has released more open-weights models in total than China in every quarter in view since 2024-Q1 (1 to 0)");
    expect(cumulativeFinding(cumulativeReleases([row("US", "2024-01-01"), row("CN", "2024-01-02")], groups, [], "2024-03-31"))).toBe("The United States and China have released equally many open-weights models in this view (1 each)");
    expect(cumulativeFinding([])).toBe("No open-weights releases in this view");
  });
});

describe("moeFinding", () => {
  const moe = { architecture: "moe" as const };
  it("finds since when each country's releases are mostly MoE or dense, ignoring the incomplete half", () => {
    const rows = [
      row("CN", "2024-02-01"), row("CN", "2024-03-01"), // 2024-H1 CN 0%
      row("CN", "2024-08-01", moe), row("CN", "2024-09-01"), row("CN", "2024-10-01", moe), // 2024-H2 CN 67%
      row("CN", "2025-02-01", moe), // 2025-H1 CN 100%
      row("CN", "2025-08-01"), // 2025-H2 incomplete, dense: not a decline
      row("US", "2024-02-01"), row("US", "2025-02-01"), row("US", "2025-03-01", moe), row("US", "2025-04-01"),
    ];
    const h = moeSharePerHalf(rows, groups, [], "2025-09-30");
    expect(moeTrend(h, "CN")).toBe("Chinese releases have been mostly MoE since 2024-H2");
    // US: 2024-H1 0%, 2024-H2 no releases (skipped, not a break), 2025-H1 33%.
    expect(moeTrend(h, "US")).toBe("US releases have been mostly dense since 2024-H1");
    expect(moeFinding(h)).toBe("Chinese releases have been mostly MoE since 2024-H2; US releases have been mostly dense since 2024-H1");
  });
  it("all MoE, all dense, evenly split, one half, and nothing", () => {
    const h = moeSharePerHalf([row("CN", "2025-01-01", moe), row("CN", "2025-08-01", moe), row("US", "2025-08-01"), row("US", "2025-09-01", moe)], groups, [], "2025-12-31");
    expect(moeTrend(h, "CN")).toBe("Chinese releases have been all MoE since 2025-H1");
    expect(moeTrend(h, "US")).toBe("US releases were evenly split between MoE and dense in 2025-H2");
    expect(moeTrend(moeSharePerHalf([row("US", "2025-01-01")], groups, [], "2025-12-31"), "CN")).toBe("No Chinese releases in this view");
    expect(moeTrend(moeSharePerHalf([row("US", "2025-01-01"), row("US", "2025-07-01")], groups, [], "2025-12-31"), "US")).toBe("US releases have been all dense since 2025-H1");
    expect(moeFinding([])).toBe("No open-weights releases in this view");
  });
});

describe("licenseFinding", () => {
  it("compares the permissive shares of the latest complete year", () => {
    const rows = [
      row("CN", "2024-03-01"), row("CN", "2024-04-01"), row("CN", "2024-05-01", { licenseCategory: "restricted" }), row("US", "2024-06-01", { licenseCategory: "restricted" }), row("US", "2024-07-01"),
      row("US", "2025-01-01", { licenseCategory: "non-commercial" }), // 2025 incomplete: not read
    ];
    expect(licenseFinding(licensesPerYear(rows, groups, [], "2025-03-01"))).toBe("In 2024, 67% of Chinese releases had a permissive license, against 50% of US releases");
  });
  it("a view with only an incomplete year says 'so far'; a missing side says so", () => {
    expect(licenseFinding(licensesPerYear([row("US", "2025-01-01")], groups, [], "2025-03-01"))).toBe("In 2025 so far, 100% of US releases had a permissive license (no Chinese releases)");
    expect(licenseFinding(licensesPerYear([row("FR", "2025-01-01")], groups, [], "2025-03-01"))).toBe("No US or Chinese open-weights releases in this view");
    expect(licenseFinding(licensesPerYear([row("US", "2024-01-01"), row("CN", "2024-01-01")], groups, [], "2025-03-01"))).toBe("In 2024, 100% of both US and Chinese releases had a permissive license");
  });
});

describe("capabilityFinding and usageFinding (moved from the page, same behaviour)", () => {
  const benchmark = { id: "b", name: "GPQA Diamond", test: "t", category: "c", unit: "percent", higherIsBetter: true, setting: "s", url: "u" };
  const step = (value: number) => ({ date: "2025-01-01", value, slug: "s", name: "n", measuredBy: "independent" as const, evaluator: "e", sourceUrl: "u" });
  it("states who leads", () => {
    expect(capabilityFinding({ benchmark, us: [step(70)], cn: [step(60), step(80)] })).toMatch(/^On GPQA Diamond, the best Chinese open-weights model leads \(80/);
    expect(capabilityFinding({ benchmark, us: [], cn: [] })).toBe("No open-weights model has a GPQA Diamond score in this view");
    expect(capabilityFinding({ benchmark, us: [step(1)], cn: [] })).toBe("On GPQA Diamond, only US open-weights models have scores in this view");
  });
  it("reads the latest full week", () => {
    expect(usageFinding([{ week: "2026-08-10", days: 7, US: 0.2, CN: 0.7 }, { week: "2026-08-17", days: 3, US: 0.9, CN: 0.1 }])).toBe("Chinese models carried 70% of OpenRouter's open-weights tokens in the week of 2026-08-10");
    expect(usageFinding([])).toBe("Usage of open-weights models: no data in this view");
  });
});

describe("buildStats carries the findings", () => {
  it("one per release chart, none a question", () => {
    const stats = buildStats([row("CN", "2025-01-01", { totalParams: 1e12, contextWindow: 128000 }), row("US", "2025-05-01")], { extra: [], asOf: "2025-12-01", completeThrough: "2025-11-30" });
    expect(Object.keys(stats.findings).sort()).toEqual(["context", "cumulative", "licenses", "moe-share", "releases-per-quarter", "size"]);
    for (const title of Object.values(stats.findings)) expect(title).not.toMatch(/\?$/);
    expect(stats.findings.size).toMatch(/^China has held the record/);
  });
});
