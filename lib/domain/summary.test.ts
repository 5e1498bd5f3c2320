import { expect, it } from "vitest";
import { formatShare, summarize, type SummaryInput } from "./summary";

const m = (slug: string, releaseDate: string, total: number | null, ctx: number | null, architecture: "dense" | "moe", category: string): SummaryInput => ({
  slug, name: slug, releaseDate, totalParams: total, activeParams: total === null ? null : architecture === "moe" ? total / 10 : total, contextWindow: ctx, architecture, license: { category },
});

it("summarizes a set of releases", () => {
  const items = [
    m("a", "2024-01-01", 70e9, 8192, "dense", "restricted"),
    m("b", "2025-06-01", 671e9, 131072, "moe", "permissive"),
    m("c", "2023-03-01", null, null, "dense", "permissive"),
    m("d", "2025-01-01", 671e9, 131072, "moe", "non-commercial"),
  ];
  const s = summarize(items);
  expect(s.releases).toBe(4);
  expect(s.largestTotal?.slug).toBe("d"); // tie on 671B: the earlier release
  expect(s.largestActive?.slug).toBe("a"); // 70B dense > 67.1B active
  expect(s.longestContext?.slug).toBe("d");
  expect(s.moeShare).toBe(0.5);
  expect(s.permissiveShare).toBe(0.5);
  expect(s.first?.slug).toBe("c");
  expect(s.latest?.slug).toBe("b");
});

it("handles an empty set", () => {
  expect(summarize([])).toMatchObject({ releases: 0, largestTotal: null, moeShare: null, first: null });
  expect(formatShare(null)).toBe("—");
  expect(formatShare(0.456)).toBe("46%");
});
