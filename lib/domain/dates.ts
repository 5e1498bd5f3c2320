// Dates in prose ("Data complete through 30 Nov 2026"). Tables and the API keep ISO dates (sortable,
// unambiguous); a sentence reads better with the month's name, spelt out here rather than by the
// runtime's locale so that server and browser always write the same thing.
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2026-11-30" -> "30 Nov 2026"; without the year, "30 Nov". */
export function formatDay(date: string, options: { year?: boolean } = {}): string {
  const [y, m, d] = date.split("-");
  const day = `${Number(d)} ${MONTHS[Number(m) - 1]}`;
  return options.year === false ? day : `${day} ${y}`;
}

/** The note on a period the data does not cover to its end (the charts' label and legend, the tables). */
export function incompleteNote(through: string): string {
  return `incomplete: through ${formatDay(through, { year: false })}`;
}
