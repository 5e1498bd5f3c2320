/**
 * Facts Epoch AI keeps only in free text: active parameters ("671B total ... 37B activated") in
 * `Parameters notes`, and the license in `Accessibility notes`. Extracted only where stated plainly:
 * hedged ("assumed", "around") or contradictory statements give null, never a guess.
 */

const NUMBER = String.raw`(\d+(?:\.\d+)?)\s*(billion|trillion|million|bn|b|t|m)\b`;
const UNITS: Record<string, number> = { b: 1e9, bn: 1e9, billion: 1e9, t: 1e12, trillion: 1e12, m: 1e6, million: 1e6 };
const toCount = (n: string, unit: string) => Math.round(Number(n) * UNITS[unit.toLowerCase()]!);

/** "37B activated", "32 billion active parameters", "21B parameters activated", "52 billion activation parameters". */
const COUNT_THEN_ACTIVE = new RegExp(
  // Not the label form "1T Activated Parameters 32B", where the count after the label is the active one.
  NUMBER + String.raw`\s*(?:parameters?|params?)?\s*(?:are\s+)?(?:active|activated|activation)\b(?!\s+(?:parameters?|params?)\s*[:=\-–]?\s*\d)`,
  "gi",
);
/** "Active parameters: 10B", "Activated Parameters\t32B", "active parameters - 47B". */
const ACTIVE_LABEL_THEN_COUNT = new RegExp(String.raw`(?:active|activated)\s+(?:parameters?|params?)\s*[:=\-–]?\s*` + NUMBER, "gi");
/** "uses 12.9B parameters per token", "12.9B params used". */
const COUNT_PER_TOKEN = new RegExp(NUMBER + String.raw`\s*(?:parameters?|params?)\s+(?:used\b|per\s+token\b)`, "gi");
/** The naming convention "30B-A3B" (total, then A + active). */
const NAMED_ACTIVE = /\b\d+(?:\.\d+)?B-A(\d+(?:\.\d+)?)B\b/g;

/** Words that make a statement an estimate rather than a fact, just before or after it. */
const HEDGE_AFTER = /^[^.;\n]{0,25}?\b(assum|estimat|approx|roughly|averag)/i;
const HEDGE_BEFORE = /(around|about|approximately|roughly|~|≈|∼|up to|averaging)\s*$/i;

export function extractActiveParams(notes: string | null | undefined): { value: number | null; reason: string | null } {
  if (!notes) return { value: null, reason: null };
  const found = new Set<number>();
  let hedged = false;
  const take = (re: RegExp, count: (m: RegExpExecArray) => number) => {
    for (const m of notes.matchAll(re)) {
      const before = notes.slice(Math.max(0, m.index - 15), m.index);
      const after = notes.slice(m.index + m[0].length);
      if (HEDGE_AFTER.test(after) || HEDGE_BEFORE.test(before)) {
        hedged = true;
        continue;
      }
      found.add(count(m));
    }
  };
  take(COUNT_THEN_ACTIVE, (m) => toCount(m[1]!, m[2]!));
  take(ACTIVE_LABEL_THEN_COUNT, (m) => toCount(m[1]!, m[2]!));
  take(COUNT_PER_TOKEN, (m) => toCount(m[1]!, m[2]!));
  take(NAMED_ACTIVE, (m) => toCount(m[1]!, "b"));
  if (found.size === 1) return { value: [...found][0]!, reason: null };
  if (found.size > 1) return { value: null, reason: `several active counts stated (${[...found].map((n) => n / 1e9 + "B").join(", ")}): left unknown` };
  return { value: null, reason: hedged ? "the active count is stated as an estimate: left unknown" : null };
}

/**
 * Epoch's notes name licenses loosely; each pattern names one license of our table. Order does not matter.
 * Only names that fix one license: "Exaone license" is not here (EXAONE has had several license versions).
 */
const LICENSE_PATTERNS: [string, RegExp][] = [
  ["apache-2.0", /\bapache(?:[\s-]*license)?[\s-]*(?:2(?:\.0)?|v2)\b/i],
  ["mit", /(?<![Mm]odified[\s-])(?<!\()\bMIT(?:\s+licen[cs]e[ds]?)?\b(?!\s*[()])/],
  ["cc-by-nc-sa-4.0", /\bcc[\s-]*by[\s-]*nc[\s-]*sa\b/i],
  ["cc-by-nc-4.0", /\bcc[\s-]*by[\s-]*nc\b(?![\s-]*sa)|creative commons attribution[\s:-]*non[\s-]*commercial(?![\s-]*share)/i],
  ["cc-by-4.0", /\bcc[\s-]*by[\s-]*4\.0\b/i],
  ["llama2", /\bllama[\s-]*2\b[^.]{0,20}licen[cs]e/i],
  ["llama3", /\bllama[\s-]*3\b(?![.\d])[^.]{0,20}licen[cs]e/i],
  ["llama3.1", /\bllama[\s-]*3\.1\b[^.]{0,20}licen[cs]e/i],
  ["llama3.2", /\bllama[\s-]*3\.2\b[^.]{0,20}licen[cs]e/i],
  ["llama3.3", /\bllama[\s-]*3\.3\b[^.]{0,20}licen[cs]e/i],
  ["llama4", /\bllama[\s-]*4\b[^.]{0,20}licen[cs]e/i],
  ["deepseek", /\bdeepseek\s+licen[cs]e/i],
  ["qwen", /\b(?:tongyi\s+qianwen|qwen)\s+licen[cs]e/i],
  ["nvidia-open-model", /\bnvidia[\s-]+open[\s-]+model[\s-]+licen[cs]e/i],
  ["databricks-open-model", /\bdatabricks[\s-]+open[\s-]+model[\s-]+licen[cs]e|databricks\.com\/legal\/open-model-license/i],
  ["mistral-research", /\bmistral\s+research\s+licen[cs]e|\bmrl\s+licen[cs]e/i],
  ["gemma", /\bgemma\s+(?:terms|licen[cs]e)/i],
];

/**
 * The one license Epoch's accessibility notes name for the weights; null when they name none, or more
 * than one (usually code under one license and weights under another: "MIT and deepseek license").
 */
export function extractLicense(notes: string | null | undefined): { id: string | null; reason: string | null } {
  if (!notes) return { id: null, reason: null };
  const ids = LICENSE_PATTERNS.filter(([, re]) => re.test(notes)).map(([id]) => id);
  if (ids.length === 1) return { id: ids[0]!, reason: null };
  if (ids.length > 1) return { id: null, reason: `the notes name several licenses (${ids.join(", ")}): left unknown` };
  return { id: null, reason: null };
}

/** Repo ids in huggingface.co links ("https://huggingface.co/deepseek-ai/DeepSeek-R1"), not spaces, datasets or docs. */
export function extractHfRepoIds(text: string | null | undefined): string[] {
  if (!text) return [];
  const out = new Set<string>();
  for (const m of text.matchAll(/huggingface\.co\/([A-Za-z0-9][\w.-]*)\/([\w.-]+)/g)) {
    const [org, name] = [m[1]!, m[2]!.replace(/[.,;:]+$/, "")];
    if (["spaces", "datasets", "docs", "blog", "papers", "collections", "organizations"].includes(org)) continue;
    out.add(`${org}/${name}`);
  }
  return [...out];
}
