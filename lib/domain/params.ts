/**
 * The one formatter for parameter counts and token counts: 671B, 1.04T, 5.1B, 128K, 1M.
 * Three significant digits, trailing zeros dropped.
 */
const UNITS = [
  { value: 1e12, suffix: "T" },
  { value: 1e9, suffix: "B" },
  { value: 1e6, suffix: "M" },
  { value: 1e3, suffix: "K" },
] as const;

/** Three significant digits, trailing zeros dropped. */
const round3 = (x: number) => Number(x.toFixed(x >= 100 ? 0 : x >= 10 ? 1 : 2));

function compact(n: number, units: readonly { value: number; suffix: string }[]): string {
  for (const [i, unit] of units.entries()) {
    if (Math.abs(n) < unit.value) continue;
    const scaled = round3(n / unit.value);
    // 999.6B rounds to "1000B": say "1T" instead.
    const bigger = units[i - 1];
    if (scaled >= 1000 && bigger) return `${round3(n / bigger.value)}${bigger.suffix}`;
    return `${scaled}${unit.suffix}`;
  }
  return String(n);
}

/** 671000000000 -> "671B"; 1040000000000 -> "1.04T"; 5100000000 -> "5.1B". */
export function formatParams(count: number | null | undefined): string {
  if (count == null) return "—";
  return compact(count, UNITS);
}

/**
 * Context windows in tokens: multiples of 1024 (that are not round decimal counts) are shown the way developers say them (131072 -> "128K",
 * 1048576 -> "1M", 10485760 -> "10M"); other counts in decimal units (128000 -> "128K", 1000000 -> "1M").
 */
export function formatTokens(count: number | null | undefined): string {
  if (count == null) return "—";
  const MI = 1024 * 1024;
  // 128000 is also 125 x 1024: a round decimal count is meant decimally.
  if (count % 1000 !== 0) {
    if (count >= MI && count % MI === 0) return `${count / MI}M`;
    if (count >= 1024 && count < MI && count % 1024 === 0) return `${count / 1024}K`;
  }
  return compact(count, UNITS.slice(2));
}

/** Exact value with thousands separators, for tooltips and detail pages. */
export function formatExact(count: number): string {
  return count.toLocaleString("en-US");
}
