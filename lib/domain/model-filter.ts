import type { StatRow } from "./aggregation";
import type { ModelQuery } from "./model-query";
import { searchTier } from "./search";

/**
 * The filters of a model query as a predicate over plain rows: used where the values are not the
 * database's current ones (the dashboard's `asOf`, which replays the revision log). The SQL version is
 * lib/data/models.ts `modelWhere`; tests/integration/stats.test.ts proves the two agree.
 */
/** StatRows are open-weights releases (lib/data/stats.ts reads no others), so `openWeights` needs no test here. */
export function matchesQuery(r: StatRow, q: ModelQuery): boolean {
  const within = (v: number | null, min: number | null, max: number | null) =>
    (min === null || (v !== null && v >= min)) && (max === null || (v !== null && v <= max));
  if (q.country.length && !q.country.includes(r.country)) return false;
  if (q.excludeCountry.length && q.excludeCountry.includes(r.country)) return false;
  if (q.architecture && r.architecture !== q.architecture) return false;
  if (q.license.length && !q.license.includes(r.licenseCategory)) return false;
  if (q.org.length && !r.developers.some((d) => q.org.includes(d))) return false;
  // The search's rules (lib/domain/search.ts) on what a row carries: name, family, slug and the
  // developers' slugs (lib/data/stats.ts runs the search in SQL, where the repo id and names are).
  if (q.q && searchTier(q.q, { name: r.name, slug: r.slug, texts: [r.family, ...r.developers] }) === null) return false;
  if (q.releasedFrom && r.releaseDate < q.releasedFrom) return false;
  if (q.releasedTo && r.releaseDate > q.releasedTo) return false;
  if (!within(r.totalParams, q.minTotalParams, q.maxTotalParams)) return false;
  if (!within(r.activeParams, q.minActiveParams, q.maxActiveParams)) return false;
  if (!within(r.contextWindow, q.minContext, null)) return false;
  return true;
}
