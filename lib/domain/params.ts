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

function compact(n: number, units: readonly { value: number; suffix: string }[]): string {
  for (const unit of units) {
    if (Math.abs(n) >= unit.value) {
      const scaled = n / unit.value;
      // 999.6B would round to "1000B": move up a unit instead.
      const digits = scaled >= 100 ? 0 : scaled >= 10 ? 1 : 2;
      const text = Number(scaled.toFixed(digits));
      if (text >= 1000 && unit !== units[0]) continue;
      return `${text}${unit.suffix}`;
    }
  }
  return String(n);
}

/** 671000000000 -> "671B"; 1040000000000 -> "1.04T"; 5100000000 -> "5.1B". */
export function formatParams(count: number | null | undefined): string {
  if (count == null) return "—";
  return compact(count, UNITS);
}

/**
 * Context windows in tokens: powers of two are shown the way developers say them (131072 -> "128K",
 * 1048576 -> "1M"); other counts in decimal units (128000 -> "128K", 1000000 -> "1M").
 */
export function formatTokens(count: number | null | undefined): string {
  if (count == null) return "—";
  if (count >= 1024 && Number.isInteger(Math.log2(count))) {
    return count >= 1024 * 1024 ? `${count / (1024 * 1024)}M` : `${count / 1024}K`;
  }
  return compact(count, UNITS.slice(2));
}

/** Exact value with thousands separators, for tooltips and detail pages. */
export function formatExact(count: number): string {
  return count.toLocaleString("en-US");
}
