import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COVERAGE_FILE, coverageProblems, readCompleteThrough, readCoverage } from "./coverage";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "atlas-coverage-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function file(name: string, text: string): Promise<string> {
  const p = path.join(dir, name);
  await writeFile(p, text);
  return p;
}

describe("data/coverage.yaml", () => {
  it("the committed file is valid and not in the future", async () => {
    const coverage = await readCoverage(COVERAGE_FILE);
    expect(coverage.completeThrough).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(coverageProblems(coverage, new Date().toISOString().slice(0, 10))).toEqual([]);
  });

  it("reads the date", async () => {
    const p = await file("ok.yaml", "# swept\ncompleteThrough: 2026-11-30\n");
    expect(await readCoverage(p)).toEqual({ completeThrough: "2026-11-30" });
    expect(await readCompleteThrough(p)).toBe("2026-11-30");
  });

  it.each([
    ["missing.yaml", null, /missing\.yaml: cannot be read \(ENOENT\)/],
    ["empty.yaml", "", /empty\.yaml: \(file\): .*completeThrough: YYYY-MM-DD/],
    ["no-key.yaml", "through: 2026-11-30\n", /no-key\.yaml: .*completeThrough/],
    ["bad-date.yaml", "completeThrough: 2026-11-31\n", /bad-date\.yaml: completeThrough: must be a date as YYYY-MM-DD/],
    ["number.yaml", "completeThrough: 20261130\n", /number\.yaml: completeThrough: must be a date as YYYY-MM-DD/],
    ["broken.yaml", "completeThrough: [2026\n", /broken\.yaml: not valid YAML/],
  ])("refuses %s with an error naming the file", async (name, text, message) => {
    const p = text === null ? path.join(dir, name) : await file(name, text);
    await expect(readCoverage(p)).rejects.toThrow(message);
  });

  it("finds a date in the future, and allows today", () => {
    expect(coverageProblems({ completeThrough: "2026-12-02" }, "2026-12-01")).toEqual([
      "data/coverage.yaml: completeThrough 2026-12-02 is in the future (today is 2026-12-01): set it to the last day the sweep covered",
    ]);
    expect(coverageProblems({ completeThrough: "2026-12-01" }, "2026-12-01")).toEqual([]);
  });
});
