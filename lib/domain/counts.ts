/**
 * Reads a count the way people write it: "70000000000", "70e9", "70B", "1.5T", "500M", "128K", "70b".
 * Returns null for anything else (the caller says what is allowed).
 */
const SUFFIX: Record<string, number> = { K: 1e3, M: 1e6, B: 1e9, T: 1e12 };

export function parseCount(text: string): number | null {
  const s = text.trim().replace(/_/g, "");
  const m = /^(\d+(?:\.\d+)?)(?:e(\d{1,2}))?([KMBT])?$/i.exec(s);
  if (!m) return null;
  const [, num, exp, suffix] = m;
  let value = Number(num);
  if (exp) value *= 10 ** Number(exp);
  if (suffix) value *= SUFFIX[suffix.toUpperCase()]!;
  value = Math.round(value);
  return Number.isSafeInteger(value) ? value : null;
}
