import { describe, expect, it } from "vitest";
import type { StatRow } from "./aggregation";
import { buildLeaders, capabilityFrontier, gapSentence, topOpenModels, usageShareWeekly, weekOf, type BenchmarkInfo, type ScorePoint, type UsagePoint } from "./measures";

const bench: BenchmarkInfo = { id: "gpqa", name: "GPQA", test: "GPQA", category: "science", unit: "percent", higherIsBetter: true, setting: "One harness.", url: "https://example.org/gpqa" };
const score = (slug: string, country: string, releaseDate: string, value: number, openWeights = true, extra: Partial<ScorePoint> = {}): ScorePoint => ({
  benchmarkId: "gpqa", value, measuredBy: "independent", evaluator: "Epoch AI", setting: "", publishedOn: releaseDate, sourceUrl: "https://example.org/log",
  slug, name: slug.toUpperCase(), country, openWeights, releaseDate, ...extra,
});

describe("capabilityFrontier", () => {
  const scores = [
    score("closed-a", "US", "2024-01-10", 50, false),
    score("closed-b", "US", "2024-09-01", 70, false),
    score("closed-c", "US", "2025-06-01", 85, false),
    score("us-1", "US", "2024-06-01", 40),
    score("us-2", "US", "2025-03-01", 60),
    score("us-2", "US", "2025-03-01", 62, true, { evaluator: "Other", setting: "high" }),
    score("cn-1", "CN", "2024-12-01", 55),
    score("cn-2", "CN", "2025-08-01", 72),
    score("cn-old", "CN", "2025-09-01", 71),
    score("fr-1", "FR", "2025-01-01", 99),
  ];
  const f = capabilityFrontier(scores, bench);

  it("steps each time a group's open models set a new best, one best score per model", () => {
    expect(f.us.map((s) => [s.slug, s.value])).toEqual([["us-1", 40], ["us-2", 62]]);
    expect(f.cn.map((s) => [s.slug, s.value])).toEqual([["cn-1", 55], ["cn-2", 72]]);
    expect(f.closed.map((s) => s.slug)).toEqual(["closed-a", "closed-b", "closed-c"]);
    expect(f.counts).toEqual({ us: 2, cn: 3, closed: 3 });
  });

  it("states the gap: the first closed model at the open best's score, in months", () => {
    const cn = f.gaps.find((g) => g.group === "CN")!;
    expect(cn.closedMatch?.slug).toBe("closed-c"); // 72 first reached by a closed model with 85 (closed-b had 70)
    expect(cn.months).toBe(2);
    const us = f.gaps.find((g) => g.group === "US")!;
    expect([us.closedMatch?.slug, us.months]).toEqual(["closed-b", 6]);
    expect(gapSentence(us, bench)).toBe("The best US open model, US-2 (62%, 2025-03-01), reached the score the closed CLOSED-B had on 2024-09-01: 6 months later.");
  });

  it("says when an open model is ahead of every closed one, and when a group has no score", () => {
    const ahead = capabilityFrontier([score("closed-a", "US", "2024-01-10", 50, false), score("cn-1", "CN", "2024-12-01", 55)], bench);
    expect(gapSentence(ahead.gaps[1]!, bench)).toContain("ahead of every closed model");
    expect(gapSentence(ahead.gaps[0]!, bench)).toBe("No US open-weights model has a score on GPQA in this view.");
  });

  it("takes the lowest as best when lower is better", () => {
    const lower = capabilityFrontier([score("a", "US", "2024-01-01", 30), score("b", "US", "2024-02-01", 20), score("c", "US", "2024-03-01", 25)], { ...bench, higherIsBetter: false });
    expect(lower.us.map((s) => s.value)).toEqual([30, 20]);
  });
});

describe("usage", () => {
  const m = (slug: string, country: string, openWeights = true) => ({ slug, name: slug, country, openWeights, releaseDate: "2026-01-01" });
  const points: UsagePoint[] = [
    { day: "2026-05-25", tokens: 300, model: m("cn-a", "CN") },
    { day: "2026-05-25", tokens: 100, model: m("us-a", "US") },
    { day: "2026-05-26", tokens: 100, model: m("fr-a", "FR") },
    { day: "2026-05-26", tokens: 1000, model: m("closed", "US", false) },
    { day: "2026-05-26", tokens: 500, model: null },
    { day: "2026-06-01", tokens: 50, model: m("us-a", "US") },
  ];

  it("weeks start on Monday", () => {
    expect(weekOf("2026-05-25")).toBe("2026-05-25");
    expect(weekOf("2026-05-31")).toBe("2026-05-25");
    expect(weekOf("2026-06-01")).toBe("2026-06-01");
  });

  it("shares are of open-weights tokens only; closed and unmapped listings count in all tokens", () => {
    const [w1, w2] = usageShareWeekly(points);
    expect(w1).toEqual({ week: "2026-05-25", days: 2, US: 0.2, CN: 0.6, other: 0.2, openTokens: 500, allTokens: 2000 });
    expect(w2).toMatchObject({ week: "2026-06-01", days: 1, US: 1, CN: 0 });
    expect(topOpenModels(points).map((t) => [t.slug, t.tokens])).toEqual([["cn-a", 300], ["us-a", 150], ["fr-a", 100]]);
  });
});

describe("buildLeaders", () => {
  const row = (slug: string, country: string, releaseDate: string, totalParams: number, license: StatRow["licenseCategory"] = "permissive"): StatRow => ({
    slug, name: slug, family: slug, country, developers: [slug], releaseDate, totalParams, activeParams: totalParams, contextWindow: 32768, architecture: "dense", licenseCategory: license,
  });
  const releases = [row("us-big", "US", "2026-03-01", 400e9, "restricted"), row("cn-1", "CN", "2026-04-01", 100e9), row("cn-2", "CN", "2026-05-01", 200e9), row("cn-old", "CN", "2024-01-01", 900e9)];
  const rows = buildLeaders({
    releases,
    scores: [score("us-big", "US", "2026-03-01", 60), score("cn-1", "CN", "2026-04-01", 65), score("closed", "US", "2026-01-01", 90, false), { ...score("old", "US", "2023-01-01", 50), benchmarkId: "old" }, { ...score("old-cn", "CN", "2023-01-01", 40), benchmarkId: "old" }],
    benchmarks: [bench, { ...bench, id: "old", name: "Old" }],
    usage: [], adoption: [], through: "2026-08-31",
    formatCount: (n) => `${n / 1e9}B`, formatTokens: (n) => `${n}`,
  });
  const byId = (id: string) => rows.find((r) => r.id === id)!;

  it("counts the last 12 months' releases and names the largest of the whole view", () => {
    expect(byId("releases")).toMatchObject({ leader: "CN", us: { value: 1 }, cn: { value: 2 }, margin: "+1 releases" });
    expect(byId("largest-total")).toMatchObject({ leader: "CN", cn: { value: 900e9, model: { slug: "cn-old" } }, us: { text: "400B" }, margin: "2.25x" });
  });

  it("scores the best open model per country, leaving the closed reference out, and marks old benchmarks", () => {
    expect(byId("benchmark:gpqa")).toMatchObject({ leader: "CN", us: { value: 60 }, cn: { value: 65, model: { slug: "cn-1" } }, margin: "+5.0 points", current: true });
    expect(byId("benchmark:old")).toMatchObject({ leader: "US", current: false });
    expect(rows.some((r) => r.id === "usage-share" || r.id === "downloads")).toBe(false); // no data, no row
  });
});
