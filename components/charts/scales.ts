// The charts' scales, computed rather than left to recharts' "auto": a log axis from the power of ten
// below the smallest value to the power above the largest (so the record holder and the smallest release
// are drawn inside the plot, with a tick above the maximum), and linear ticks that small multiples share.

/** Powers of ten around the values, with room: 2.8T -> up to 10T, 1T -> up to 10T, 0.5B -> from 100M, 1,024 -> from 100. */
export function logTicks(values: number[], fallback: [number, number] = [1e9, 1e12]): number[] {
  const v = values.filter((x) => Number.isFinite(x) && x > 0);
  // At least a twentieth of a decade between a point and the plot's edge: 1,024 tokens gets a 100 tick below it.
  const lo = v.length ? Math.floor(Math.log10(Math.min(...v)) - 0.05) : Math.round(Math.log10(fallback[0]));
  const hi = v.length ? Math.ceil(Math.log10(Math.max(...v)) + 0.05) : Math.round(Math.log10(fallback[1]));
  return Array.from({ length: hi - lo + 1 }, (_, i) => 10 ** (lo + i));
}

/** A step of 1, 2 or 5 times a power of ten that covers `span` in at most `count` steps. */
function niceStep(span: number, count: number): number {
  const raw = span / count;
  const p = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw - 1e-9)!;
}

/** Ticks from 0 to a round number at or above `max` (counts: whole numbers), e.g. 117 -> 0, 50, 100, 150. */
export function zeroBasedTicks(max: number, count = 4, integer = true): number[] {
  if (!(max > 0)) return [0, 1];
  const step = Math.max(integer ? 1 : 0, niceStep(max, count));
  const top = Math.ceil(max / step - 1e-9) * step;
  return Array.from({ length: Math.round(top / step) + 1 }, (_, i) => Number((i * step).toFixed(10)));
}

/** Ticks that enclose [lo, hi] with room on both sides, clamped to [min, max] (percent scores: 0-100). */
export function paddedTicks(lo: number, hi: number, clamp: [number, number] = [-Infinity, Infinity], count = 5): number[] {
  const span = Math.max(hi - lo, 1);
  const step = niceStep(span, count);
  const from = Math.max(clamp[0], Math.floor((lo - step / 2) / step) * step);
  const to = Math.min(clamp[1], Math.ceil((hi + step / 2) / step) * step);
  return Array.from({ length: Math.round((to - from) / step) + 1 }, (_, i) => Number((from + i * step).toFixed(10)));
}
