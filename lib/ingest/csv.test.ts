import { describe, expect, it } from "vitest";
import { CsvError, parseCsv } from "./csv";

describe("parseCsv", () => {
  it("reads quoted fields with commas, doubled quotes and line breaks, and says where each row starts", () => {
    const rows = parseCsv('\uFEFFa,b,c\r\n1,"x, y","say ""hi"""\n2,"two\nlines",\n\n3,,z');
    expect(rows).toEqual([
      { line: 1, cells: ["a", "b", "c"] },
      { line: 2, cells: ["1", "x, y", 'say "hi"'] },
      { line: 3, cells: ["2", "two\nlines", ""] },
      { line: 6, cells: ["3", "", "z"] },
    ]);
  });
  it("refuses a quoted field that never ends", () => {
    expect(() => parseCsv('a,b\n1,"open')).toThrow(CsvError);
    expect(() => parseCsv('a,b\n1,"open')).toThrow(/line 2: a quoted field is never closed/);
  });
});
