import { describe, expect, it } from "vitest";
import { emptyReport, formatReport, summaryLine } from "./report";

describe("ingest report", () => {
  const r = {
    ...emptyReport("epoch", false), runId: 7, created: 1, updated: 2, unchanged: 40, disagreements: 3, failed: 1,
    failures: [{ item: "line 9", message: "Parameters: \"lots\" is not a positive number" }],
    candidates: Array.from({ length: 30 }, (_, i) => ({ item: `Model ${i}`, reason: "no model of its organization has this name or repo id", similar: i === 0 ? ["kimi-k2-base"] : [] })),
  };
  it("sums up a run in one line", () => {
    expect(summaryLine(r)).toBe("epoch run #7: 1 created, 2 updated, 40 unchanged, 3 disagreements, 1 failed, 30 unmatched");
    expect(summaryLine({ ...emptyReport("huggingface", true) })).toBe("huggingface (dry run: nothing written): 0 created, 0 updated, 0 unchanged, 0 disagreements, 0 failed");
  });
  it("lists failures and candidates, cut at the limit", () => {
    const lines = formatReport(r, 25);
    expect(lines).toContain("Failed (1):");
    expect(lines).toContain('  line 9: Parameters: "lots" is not a positive number');
    expect(lines).toContain("  Model 0: no model of its organization has this name or repo id (similar: kimi-k2-base)");
    expect(lines).toContain("  … and 5 more (--verbose lists all)");
    expect(lines.at(-1)).toBe(summaryLine(r));
    expect(formatReport(r, Infinity).filter((l) => l.startsWith("  Model "))).toHaveLength(30);
  });
});
