import { describe, expect, it } from "vitest";
import { UsageError } from "./ingest-cli";
import { parseSnapshotArgs } from "./snapshot-cli";

describe("parseSnapshotArgs", () => {
  const today = "2026-12-05";
  it("defaults to today and no folder", () => {
    expect(parseSnapshotArgs([], today)).toEqual({ date: today, out: null });
    expect(parseSnapshotArgs(["--date", "2026-12-01", "--out", "releases"], today)).toEqual({ date: "2026-12-01", out: "releases" });
    expect(parseSnapshotArgs(["--date=2026-12-05"], today)).toEqual({ date: today, out: null });
  });
  it("refuses a bad or future date, unknown options and stray arguments, with the usage", () => {
    expect(() => parseSnapshotArgs(["--date", "2026-13-01"], today)).toThrow(/--date: must be a date as YYYY-MM-DD/);
    expect(() => parseSnapshotArgs(["--date", "2026-12-06"], today)).toThrow(/must not be in the future \(today is 2026-12-05/);
    expect(() => parseSnapshotArgs(["--date"], today)).toThrow(/--date takes exactly one value/);
    expect(() => parseSnapshotArgs(["--force"], today)).toThrow(/unknown option --force/);
    expect(() => parseSnapshotArgs(["2026-12-01"], today)).toThrow(/name the date with --date/);
    expect(() => parseSnapshotArgs(["--bad"], today)).toThrow(UsageError);
    expect(() => parseSnapshotArgs(["--help"], today)).toThrow(/npm run snapshot/);
  });
});
