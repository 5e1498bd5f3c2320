import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BackupRefusedError, checkBackupFile, insertStatement, orderRows, orderTables, quoteIdent, readGroups, sqlLiteral } from "./backup";

// The pure pieces of lib/backup.ts; tests/integration/backup.test.ts runs the whole thing on real databases.
describe("sqlLiteral", () => {
  it("writes plain text between single quotes, doubling quotes", () => {
    expect(sqlLiteral("it's")).toBe("'it''s'");
    expect(sqlLiteral("")).toBe("''");
    expect(sqlLiteral("NULL")).toBe("'NULL'");
    expect(sqlLiteral(null)).toBe("NULL");
    expect(sqlLiteral("🦙 Llama “3”")).toBe("'🦙 Llama “3”'");
  });
  it("escapes backslashes and control characters in an E'' literal, so that it stays on one line", () => {
    expect(sqlLiteral("a\\b")).toBe("E'a\\\\b'");
    expect(sqlLiteral("line 1\nline 2\r\n\tit's")).toBe("E'line 1\\nline 2\\r\\n\\tit''s'");
    expect(sqlLiteral("\x01\x1f\x7f")).toBe("E'\\x01\\x1f\\x7f'");
    expect(sqlLiteral("x\ny").includes("\n")).toBe(false);
  });
});

describe("quoteIdent", () => {
  it("quotes names and doubles quotes; refuses a line break", () => {
    expect(quoteIdent("Model")).toBe('"Model"');
    expect(quoteIdent('a"b')).toBe('"a""b"');
    expect(() => quoteIdent("a\nb")).toThrow(/line break/);
  });
});

describe("orderTables", () => {
  it("puts each table after the ones it references, ties by name, ignoring self-references", () => {
    const fks = [
      { table: "Revision", references: "Model" },
      { table: "Revision", references: "Correction" },
      { table: "Correction", references: "Model" },
      { table: "Model", references: "Model" },
      { table: "Model", references: "Organization" },
    ];
    expect(orderTables(["Revision", "Model", "Correction", "Organization", "DataVersion"], fks)).toEqual(["DataVersion", "Organization", "Model", "Correction", "Revision"]);
  });
  it("refuses a cycle between tables", () => {
    expect(() => orderTables(["A", "B"], [{ table: "A", references: "B" }, { table: "B", references: "A" }])).toThrow(/A, B form a cycle/);
  });
});

describe("orderRows", () => {
  // [id, baseId]: the foreign key (column 1) references column 0.
  const fk = [{ columns: [1], references: [0] }];
  it("puts each row after the row it references, otherwise in the order read", () => {
    const rows = [["1", "3"], ["2", null], ["3", "2"], ["4", "4"], ["5", "1"]];
    const { ordered, cycle } = orderRows(rows, fk);
    expect(cycle).toEqual([]);
    expect(ordered.map((r) => r[0])).toEqual(["2", "4", "3", "1", "5"]);
  });
  it("returns rows in a loop (and those that reference them) apart, to be written in one statement", () => {
    const { ordered, cycle } = orderRows([["1", "2"], ["2", "1"], ["3", "1"], ["4", null]], fk);
    expect(ordered.map((r) => r[0])).toEqual(["4"]);
    expect(cycle.map((r) => r[0])).toEqual(["1", "2", "3"]);
  });
  it("leaves a table without self-references as it is", () => {
    const rows = [["2"], ["1"]];
    expect(orderRows(rows, []).ordered).toBe(rows);
  });
});

describe("insertStatement", () => {
  it("writes one row a line, with the column list and OVERRIDING SYSTEM VALUE for identity columns", () => {
    const table = { name: "T", columns: ["id", "note"], overriding: true, orderBy: ["id"], selfReferences: [] };
    expect(insertStatement(table, [["1", "a\nb"], ["2", null]])).toBe(`INSERT INTO "T" ("id", "note") OVERRIDING SYSTEM VALUE VALUES\n('1', E'a\\nb'),\n('2', NULL);`);
  });
});

describe("backup files", () => {
  let dir = "";
  afterAll(() => rm(dir, { recursive: true, force: true }));
  const file = async (name: string, text: string) => {
    dir ||= await mkdtemp(path.join(os.tmpdir(), "atlas-backup-unit-"));
    const f = path.join(dir, name);
    await writeFile(f, text);
    return f;
  };
  const whole = "-- Open Model Atlas database backup, format 1\n-- a comment\n--@ begin\nBEGIN;\n--@ rows \"T\" 2\nINSERT INTO \"T\" VALUES\n('a'),\r\n('b');\n--@ commit\nCOMMIT;\n--@ end\n";

  it("are read as groups, one per marker, with the marker's line", async () => {
    const groups = [];
    for await (const g of readGroups(await file("ok.sql", whole))) groups.push(g);
    expect(groups.map((g) => [g.kind, g.arg, g.line])).toEqual([["begin", "", 3], ["rows", '"T" 2', 5], ["commit", "", 9], ["end", "", 11]]);
    expect(groups[1]!.sql).toBe("INSERT INTO \"T\" VALUES\n('a'),\n('b');");
  });
  it("are refused when they are not a backup, or cut short", async () => {
    await expect(checkBackupFile(await file("ok2.sql", whole))).resolves.toBeUndefined();
    await expect(checkBackupFile(await file("other.sql", "SELECT 1;\n"))).rejects.toThrow(/is not an Open Model Atlas backup/);
    await expect(checkBackupFile(await file("cut.sql", whole.slice(0, 80)))).rejects.toThrow(/is incomplete/);
    await expect(checkBackupFile(path.join(os.tmpdir(), "atlas-no-such-backup.sql"))).rejects.toBeInstanceOf(BackupRefusedError);
  });
});
