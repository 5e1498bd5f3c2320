import type { MatchableModel } from "@/lib/data/ingest-lookup";
import type { EpochRecord } from "./parse";
import { normalizeName, similarNames } from "@/lib/domain/naming";

/**
 * Matching Epoch AI rows to our models, without the database: by a Hugging Face repo id in the row's
 * Link, then by name within the row's organizations. Never by name alone: two organizations can use one
 * name. Several models matching is "ambiguous" (reported, not written), never a pick.
 */
export type EpochMatch =
  | { kind: "matched"; slug: string; by: "hf-id" | "name" }
  | { kind: "ambiguous"; slugs: string[]; by: "hf-id" | "name" }
  | { kind: "unmatched"; reason: string; similar: string[] };

const repoName = (id: string) => id.split("/")[1] ?? id;

/** The names a model of ours goes by, normalized: its name, without a parenthesis, without its developer's prefix, its repo name. */
function nameForms(m: MatchableModel): string[] {
  const forms = new Set([normalizeName(m.name), normalizeName(m.name.replace(/\s*\(.*\)\s*$/, ""))]);
  if (m.hfRepoId) forms.add(normalizeName(repoName(m.hfRepoId)));
  for (const f of [...forms]) {
    for (const dev of m.developers) {
      const prefix = normalizeName(dev);
      if (prefix.length >= 3 && f.startsWith(prefix) && f.length > prefix.length + 2) forms.add(f.slice(prefix.length));
    }
  }
  return [...forms].filter(Boolean);
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const VARIANT_WORDS = String.raw`(?:instruct|chat|base|it|hf|preview|v\d+)*`;

/**
 * Epoch names a model, we name its releases: "Llama 3.3 70B" is our "Llama-3.3-70B-Instruct" (its only
 * release), "DeepSeek-V3 (Mar 2025)" our "DeepSeek-V3-0324", "Qwen3-235B-A22B (Jul 2025)" our
 * "...-Instruct-2507". A pattern for our normalized names: Epoch's name, then variant words, and the date
 * as MMDD or YYMM when Epoch gives a month.
 */
function releasePattern(epochName: string): RegExp {
  const dated = /^(.*?)\s*\(([A-Za-z]{3})[a-z]*\.?\s+(\d{4})\)\s*$/.exec(epochName);
  const month = dated ? MONTHS.indexOf(dated[2]!.toLowerCase()) + 1 : 0;
  const base = normalizeName(dated && month ? dated[1]! : epochName);
  if (!dated || !month) return new RegExp(`^${base}${VARIANT_WORDS}$`);
  const mm = String(month).padStart(2, "0");
  const yymm = `${dated[3]!.slice(2)}${mm}`;
  return new RegExp(`^${base}${VARIANT_WORDS}(?:${mm}\\d\\d|${yymm})${VARIANT_WORDS}$`);
}

/** Matches one Epoch record to our models: by repo id in its Link, then by name within its organizations. */
export function matchEpochRecord(r: EpochRecord, models: MatchableModel[], orgSlugs: string[]): EpochMatch {
  const ids = new Set(r.hfRepoIds.map((id) => id.toLowerCase()));
  if (ids.size) {
    const byId = models.filter((m) => m.hfRepoId && ids.has(m.hfRepoId.toLowerCase()));
    if (byId.length === 1) return { kind: "matched", slug: byId[0]!.slug, by: "hf-id" };
    if (byId.length > 1) return { kind: "ambiguous", slugs: byId.map((m) => m.slug), by: "hf-id" };
  }
  if (!orgSlugs.length) {
    return { kind: "unmatched", reason: `none of its organizations (${r.organizations.join(", ") || "none"}) is one of ours`, similar: [] };
  }
  const ours = models.filter((m) => m.developers.some((d) => orgSlugs.includes(d)));
  const n = normalizeName(r.name);
  const byName = ours.filter((m) => nameForms(m).includes(n));
  if (byName.length === 1) return { kind: "matched", slug: byName[0]!.slug, by: "name" };
  if (byName.length > 1) return { kind: "ambiguous", slugs: byName.map((m) => m.slug), by: "name" };
  const pattern = releasePattern(r.name);
  const byRelease = ours.filter((m) => nameForms(m).some((f) => pattern.test(f)));
  if (byRelease.length === 1) return { kind: "matched", slug: byRelease[0]!.slug, by: "name" };
  if (byRelease.length > 1) return { kind: "ambiguous", slugs: byRelease.map((m) => m.slug), by: "name" };
  return { kind: "unmatched", reason: "no model of its organization has this name or repo id", similar: similarNames(r.name, ours) };
}

