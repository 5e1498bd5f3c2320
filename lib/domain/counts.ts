import { z } from "zod";

/**
 * The one reader of counts as people write them (parameter counts, token counts, expert counts), used by
 * the URL filters, the corrections form and the command line, so that a count typed in one place is
 * read the same everywhere:
 * - plain digits: "70000000000"
 * - digits grouped by three with commas, underscores or (narrow) spaces: "70,000,000,000", "8_030_261_248"
 * - a power of ten: "70e9", "1.5e9"
 * - a unit K, M, B or T, any case, a space allowed before it: "70B", "1.6T", "500M", "128K", "671 b"
 * Anything else (a sign, a bare fraction, hex, words) is refused with COUNT_MESSAGE.
 */
export const COUNT_MESSAGE = "must be a whole number like 70000000000, 70,000,000,000, 70e9 or 70B (units K, M, B, T)";

/** A count written correctly but beyond what a number can hold exactly: no field allows anything near it. */
export const COUNT_TOO_LARGE_MESSAGE = "is far too large to be plausible";

const UNIT: Record<string, number> = { K: 1e3, M: 1e6, B: 1e9, T: 1e12 };

// Groups of three only after the first group, so "1,2345" (a typo or a decimal comma) is refused.
const COUNT = /^(\d{1,3}(?:[,_ \u202f]\d{3})+|\d+)(?:\.(\d+))?(?:e(\d{1,2}))?(?: ?([KMBT]))?$/i;
/** Longer than any count that fits (a megabyte of digits is refused without reading it). */
const MAX_LENGTH = 40;

type CountReading = { ok: true; value: number } | { ok: false; message: string };

function readCount(text: string): CountReading {
  const s = text.trim();
  const m = s.length <= MAX_LENGTH ? COUNT.exec(s) : null;
  // A fraction needs a unit or an exponent to become a whole number ("1.5T"); "2.5" alone is no count.
  if (!m || (m[2] !== undefined && !m[3] && !m[4])) {
    return /^\d{41,}$/.test(s) ? { ok: false, message: COUNT_TOO_LARGE_MESSAGE } : { ok: false, message: COUNT_MESSAGE };
  }
  const [, whole, fraction, exponent, unit] = m;
  let value = Number(`${whole!.replace(/[,_ \u202f]/g, "")}${fraction ? `.${fraction}` : ""}`);
  if (exponent) value *= 10 ** Number(exponent);
  if (unit) value *= UNIT[unit.toUpperCase()]!;
  // Rounding absorbs binary fractions (1.04 x 1e12 is 1040000000000.0002).
  value = Math.round(value);
  return Number.isSafeInteger(value) ? { ok: true, value } : { ok: false, message: COUNT_TOO_LARGE_MESSAGE };
}

/** The count, or null when the text is not one (callers that explain use countTextSchema). */
export function parseCount(text: string): number | null {
  const r = readCount(text);
  return r.ok ? r.value : null;
}

/** Text to a count, as a zod schema: an issue with COUNT_MESSAGE (or COUNT_TOO_LARGE_MESSAGE) otherwise. */
export const countTextSchema = z.string({ message: "must be text" }).transform((raw, ctx) => {
  const r = readCount(raw);
  if (r.ok) return r.value;
  ctx.issues.push({ code: "custom", message: r.message, input: raw });
  return z.NEVER;
});
