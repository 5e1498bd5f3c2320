import { describe, expect, it } from "vitest";
import { defaultBackupFile, parseBackupArgs, parseRestoreArgs } from "./backup-cli";
import { UsageError } from "./ingest-cli";

describe("db:backup and db:restore arguments", () => {
  it("take an optional file to write, and one file to restore, with --force before or after it", () => {
    expect(parseBackupArgs([])).toEqual({ file: undefined, force: false });
    expect(parseBackupArgs(["out.sql", "--force"])).toEqual({ file: "out.sql", force: true });
    expect(parseRestoreArgs(["b.sql"])).toEqual({ file: "b.sql", force: false });
    expect(parseRestoreArgs(["--force", "b.sql"])).toEqual({ file: "b.sql", force: true });
  });
  it.each([
    [() => parseRestoreArgs([]), /name the one backup file to restore/],
    [() => parseRestoreArgs(["a.sql", "b.sql"]), /name the one backup file/],
    [() => parseBackupArgs(["a.sql", "b.sql"]), /name at most one file/],
    [() => parseBackupArgs(["--forse"]), /unknown option --forse/],
    [() => parseRestoreArgs(["b.sql", "--force=yes"]), /--force: takes no value/],
    [() => parseRestoreArgs(["-"]), /cannot start with -/],
  ])("refuses bad arguments with the usage (%#)", (parse, message) => {
    expect(parse).toThrow(UsageError);
    expect(parse).toThrow(message);
    expect(parse).toThrow(/Usage:\n  npm run db:backup/);
  });
  it("names the default file by the time, sortable and without colons", () => {
    expect(defaultBackupFile(new Date("2026-12-06T10:15:30.123Z"))).toBe(".data/backups/atlas-2026-12-06T10-15-30Z.sql");
  });
});
