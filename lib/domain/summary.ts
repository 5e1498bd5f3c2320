/** Headline numbers of a set of releases (an organization, a country). Pure: unit-tested. */
export interface SummaryInput {
  slug: string;
  name: string;
  releaseDate: string;
  totalParams: number | null;
  activeParams: number | null;
  contextWindow: number | null;
  architecture: "dense" | "moe";
  license: { category: string };
}

export interface Summary<T> {
  releases: number;
  largestTotal: T | null;
  largestActive: T | null;
  longestContext: T | null;
  /** Shares in 0..1; null for an empty set. */
  moeShare: number | null;
  permissiveShare: number | null;
  first: T | null;
  latest: T | null;
}

/** The item with the largest value; the earliest release wins a tie (it got there first). */
export function maxBy<T extends { releaseDate: string }>(items: T[], value: (t: T) => number | null): T | null {
  let best: T | null = null;
  for (const item of items) {
    const v = value(item);
    if (v === null) continue;
    const b = best ? value(best)! : -Infinity;
    if (v > b || (v === b && best && item.releaseDate < best.releaseDate)) best = item;
  }
  return best;
}

export function summarize<T extends SummaryInput>(items: T[]): Summary<T> {
  const n = items.length;
  const byDate = [...items].sort((a, b) => a.releaseDate.localeCompare(b.releaseDate) || a.slug.localeCompare(b.slug));
  return {
    releases: n,
    largestTotal: maxBy(items, (m) => m.totalParams),
    largestActive: maxBy(items, (m) => m.activeParams),
    longestContext: maxBy(items, (m) => m.contextWindow),
    moeShare: n ? items.filter((m) => m.architecture === "moe").length / n : null,
    permissiveShare: n ? items.filter((m) => m.license.category === "permissive").length / n : null,
    first: byDate[0] ?? null,
    latest: byDate.at(-1) ?? null,
  };
}

export function formatShare(share: number | null): string {
  return share === null ? "—" : `${Math.round(share * 100)}%`;
}
