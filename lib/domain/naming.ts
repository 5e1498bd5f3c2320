import type { Variant } from "./model-fields";

/** For matching names across sources: lowercase letters and digits only ("Llama 3.1-405B" -> "llama31405b"). */
export function normalizeName(s: string): string {
  return s.normalize("NFKD").toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** A slug from a name: lowercase, dots kept, anything else a dash ("Qwen2.5 72B" -> "qwen2.5-72b"). */
export function slugFromName(s: string): string {
  return s
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, "-")
    .replace(/\.{2,}/g, ".")
    .replace(/(^[-.]+|[-.]+$)/g, "")
    .replace(/-?\.-?/g, ".");
}

/**
 * The variant a release's name declares, for records created from an ingested source (curators review
 * them): words in the name only; "other" when the name says none of them.
 */
export function variantFromName(name: string): Variant {
  if (/\bcoder\b|\bcode\b/i.test(name)) return "coder";
  if (/thinking|reasoning|\br1\b|\bqwq\b/i.test(name)) return "reasoning";
  if (/instruct|\bchat\b|-it\b/i.test(name)) return "instruct";
  if (/\bbase\b/i.test(name)) return "base";
  return "other";
}

/** Models whose normalized name starts with the other's (Epoch's "Kimi K2" and our "Kimi K2 Instruct"). */
export function similarNames(name: string, candidates: { slug: string; name: string }[]): string[] {
  const n = normalizeName(name);
  if (n.length < 3) return [];
  return candidates
    .filter((c) => {
      const m = normalizeName(c.name);
      return m !== n && (m.startsWith(n) || n.startsWith(m));
    })
    .map((c) => c.slug)
    .slice(0, 5);
}
