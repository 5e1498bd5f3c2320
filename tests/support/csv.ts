/**
 * A strict RFC 4180 reader for the tests, written apart from the app's writer (lib/domain/csv.ts) so a
 * round trip through it checks the file, not the writer against itself. Like pandas.read_csv's defaults:
 * no comment character, the first line is the header. Throws on a quote in an unquoted field or text
 * after a closing quote.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  let quoted = false;
  let afterQuote = false;
  const endField = () => {
    row.push(field);
    field = "";
    afterQuote = false;
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') {
        quoted = false;
        afterQuote = true;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === ",") {
      endField();
    } else if (c === "\r" || c === "\n") {
      endField();
      rows.push(row);
      row = [];
      if (c === "\r" && text[i + 1] === "\n") i++;
    } else if (c === '"') {
      if (field !== "" || afterQuote) throw new Error(`quote inside an unquoted field at offset ${i}`);
      quoted = true;
    } else {
      if (afterQuote) throw new Error(`text after a closing quote at offset ${i}`);
      field += c;
    }
    i++;
  }
  if (quoted) throw new Error("unterminated quoted field");
  if (field !== "" || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}
