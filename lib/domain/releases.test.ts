import { describe, expect, it } from "vitest";
import {
  buildManifest, checksumsText, citationText, formatBytes, isReleaseFileName, jsonRecords, manifestText, RELEASE_FILES, releaseMediaType, sameFiles, sortByKeys,
} from "./releases";

describe("data releases", () => {
  it("writes SHA256SUMS as sha256sum does: hash, two spaces, name", () => {
    expect(checksumsText([{ name: "models.csv", sha256: "a".repeat(64) }, { name: "manifest.json", sha256: "b".repeat(64) }]))
      .toBe(`${"a".repeat(64)}  models.csv\n${"b".repeat(64)}  manifest.json\n`);
  });

  it("builds the same manifest text from the same input, with every file's rows, bytes and checksum", () => {
    const input = {
      date: "2026-12-05", dataVersion: 7, dataChangedAt: "2026-12-04T10:00:00.000Z", completeThrough: "2026-11-30", origin: null,
      files: RELEASE_FILES.map((name, i) => ({ name, rows: i, bytes: 10 * i, sha256: String(i).repeat(64) })),
      credit: ["Epoch AI (CC BY 4.0)"], licenses: [{ source: "Epoch AI", license: "CC BY 4.0", url: "https://epoch.ai" }],
    };
    const text = manifestText(buildManifest(input));
    expect(text).toBe(manifestText(buildManifest(structuredClone(input))));
    expect(text.endsWith("}\n")).toBe(true);
    const parsed = JSON.parse(text);
    expect(parsed).toMatchObject({ date: "2026-12-05", dataVersion: 7, completeThrough: "2026-11-30", credit: ["Epoch AI (CC BY 4.0)"] });
    expect(parsed.files.map((f: { name: string }) => f.name)).toEqual([...RELEASE_FILES]);
    expect(parsed.files[2]).toMatchObject({ name: "scores.csv", rows: 2, bytes: 20, mediaType: "text/csv; charset=utf-8" });
    expect(parsed.verify).toContain("sha256sum -c SHA256SUMS");
  });

  it("compares releases by their files' checksums, in any order", () => {
    const a = [{ name: "x.csv", sha256: "1" }, { name: "y.csv", sha256: "2" }];
    expect(sameFiles(a, [...a].reverse())).toBe(true);
    expect(sameFiles(a, [{ name: "x.csv", sha256: "1" }, { name: "y.csv", sha256: "3" }])).toBe(false);
    expect(sameFiles(a, a.slice(0, 1))).toBe(false);
  });

  it("sorts in code-point order, the same on every machine whatever the locale", () => {
    const rows = ["b", "B", "a-b", "a.b", "ä", "a"].map((s) => ({ s }));
    expect(sortByKeys(rows, (r) => [r.s]).map((r) => r.s)).toEqual(["B", "a", "a-b", "a.b", "b", "ä"]);
    expect(sortByKeys([{ a: "x", b: "2" }, { a: "x", b: "1" }, { a: "w", b: "9" }], (r) => [r.a, r.b])).toEqual([{ a: "w", b: "9" }, { a: "x", b: "1" }, { a: "x", b: "2" }]);
  });

  it("writes JSON records one per line, a valid array", () => {
    expect(jsonRecords([{ a: 1 }, { b: "x" }])).toBe('[\n{"a":1},\n{"b":"x"}\n]\n');
    expect(JSON.parse(jsonRecords([{ a: 1 }, { b: "x" }]))).toEqual([{ a: 1 }, { b: "x" }]);
    expect(jsonRecords([])).toBe("[]\n");
  });

  it("names only its files, and serves each with its type", () => {
    expect(RELEASE_FILES.every(isReleaseFileName)).toBe(true);
    expect(isReleaseFileName("manifest.json") && isReleaseFileName("SHA256SUMS")).toBe(true);
    expect(isReleaseFileName("../etc/passwd") || isReleaseFileName("models.xlsx")).toBe(false);
    expect(releaseMediaType("sources.json")).toBe("application/json");
    expect(releaseMediaType("SHA256SUMS")).toBe("text/plain; charset=utf-8");
  });

  it("formats sizes and citations", () => {
    expect([812, 34_500, 1_840_000, 2_000_000_000].map(formatBytes)).toEqual(["812 B", "34.5 kB", "1.84 MB", "2.00 GB"]);
    expect(citationText({ what: "DeepSeek-R1 (model record)", dataVersion: 12, dataDate: "2026-12-04", url: "https://atlas.example.org/models/deepseek-r1", retrieved: "2026-12-05" }))
      .toBe("Open Model Atlas, DeepSeek-R1 (model record), data version 12 (2026-12-04), https://atlas.example.org/models/deepseek-r1, retrieved 2026-12-05");
  });
});
