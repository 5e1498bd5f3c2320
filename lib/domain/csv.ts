/** RFC 4180 CSV: fields with a comma, quote or line break are quoted; quotes doubled. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  let s = Array.isArray(value) ? value.join(";") : String(value);
  // A leading =, +, - or @ makes spreadsheets run the cell as a formula: neutralise it.
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows as CSV lines, each ending in CRLF (so that pieces of one file can be sent one after another). */
export function csvLines(rows: unknown[][]): string {
  return rows.map((r) => r.map(csvField).join(",") + "\r\n").join("");
}
