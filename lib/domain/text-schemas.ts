import { z } from "zod";
import { formatExact } from "./params";

/**
 * The text shapes a model field's value takes (slugs, repo ids, dates, plain text). They live in
 * lib/domain because the field registry (model-fields.ts) holds each field's value schema; lib/schemas
 * re-exports them for everything else that enters.
 */

export const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, "use lowercase letters, digits, dots and dashes (e.g. deepseek-v3, qwen2.5-72b)")
  .max(120);

export const isoDateSchema = z.iso.date({ message: "must be a date as YYYY-MM-DD" });

export const hfRepoIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][\w.-]*\/[\w.-]+$/, "must be a Hugging Face repo id like org/name");

// C0/C1 controls (NUL, escape, ...), bidirectional overrides and isolates (which can make text read
// differently from what it stores), the byte-order mark, and line/paragraph separators.
export const CONTROL_SINGLE_LINE = /[\p{Cc}\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u2028\u2029]/u;
const CONTROL_MULTILINE = /(?![\n\r\t])[\p{Cc}]|[\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u2028\u2029]/u;
// Complete tags and the usual openers of markup; "x<y" or "a < b" are plain text and pass.
const HTML_LIKE = /<\/?[a-z][\w-]*(?:\s[^<>]*)?\/?>|<!--|<!\[CDATA\[|<(?:script|iframe|svg|img|style|object|embed|link|meta)\b/i;

export const CONTROL_MESSAGE = "contains control or invisible formatting characters: type plain text";
const HTML_MESSAGE = "looks like HTML markup: write plain text (it is shown as typed, never as HTML)";

/** Plain text: trimmed, bounded, no control characters, no markup. */
export function plainTextSchema(max: number, options: { multiline?: boolean } = {}) {
  return z
    .string({ message: "must be text" })
    .trim()
    .max(max, `is too long: at most ${formatExact(max)} characters`)
    .refine((s) => !(options.multiline ? CONTROL_MULTILINE : CONTROL_SINGLE_LINE).test(s), CONTROL_MESSAGE)
    .refine((s) => !HTML_LIKE.test(s), HTML_MESSAGE);
}
