import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db";
import { CLOSE_SPELLING_LIMIT, CLOSE_SPELLING_THRESHOLD, compactQuery, compareRelevance, normalizeSearch, prepareQuery, similarityOf, searchTokens, tierOf, type RankedRow } from "@/lib/domain/search";

/**
 * The SQL side of the search (`q`; the rules are lib/domain/search.ts). Every word is a substring of the
 * model's generated `searchText` (name, family, slug, repo id, normalized: its trigram index serves it) or
 * of its primary developer's; a name spelled close to the whole query matches too (the closest
 * CLOSE_SPELLING_LIMIT, by trigram similarity on the expression index of the normalized name).
 */
export interface PreparedSearch {
  text: string;
  where: Prisma.ModelWhereInput;
  /** The close-spelling matches (ids). */
  close: Set<number>;
  /** Each organization's name and slug, by id (for ranking the primary developer's matches). */
  organizations: Map<number, { name: string; slug: string }>;
}

export async function prepareSearch(text: string): Promise<PreparedSearch> {
  const tokens = searchTokens(text);
  const compact = compactQuery(text);
  const db = getDb();
  // Organizations are few (one per developer): their matches are read here, so that each word's test on
  // the Model table is an index condition (searchText, primaryOrganizationId), not a join per row.
  const [organizations, close] = await Promise.all([
    db.organization.findMany({ select: { id: true, name: true, slug: true, searchText: true } }),
    compact.length === 0
      ? Promise.resolve([] as { id: number }[])
      : db.$queryRaw<{ id: number }[]>`
          SELECT "id" FROM "Model"
          WHERE atlas_search_norm("name") % ${compact} AND similarity(atlas_search_norm("name"), ${compact}) >= ${CLOSE_SPELLING_THRESHOLD}
          ORDER BY similarity(atlas_search_norm("name"), ${compact}) DESC, "id"
          LIMIT ${CLOSE_SPELLING_LIMIT}`,
  ]);
  const closeIds = close.map((r) => r.id);
  const words: Prisma.ModelWhereInput[] = tokens.map((token) => {
    const orgIds = organizations.filter((o) => (o.searchText ?? normalizeSearch(`${o.name} ${o.slug}`)).includes(token)).map((o) => o.id);
    const inText: Prisma.ModelWhereInput = { searchText: { contains: token } };
    return orgIds.length ? { OR: [inText, { primaryOrganizationId: { in: orgIds } }] } : inText;
  });
  const alternatives: Prisma.ModelWhereInput[] = [];
  if (words.length) alternatives.push({ AND: words });
  if (closeIds.length) alternatives.push({ id: { in: closeIds } });
  return {
    text,
    // A query with no letters or digits ("--") matches nothing.
    where: alternatives.length ? { OR: alternatives } : { id: { in: [] } },
    close: new Set(closeIds),
    organizations: new Map(organizations.map((o) => [o.id, { name: o.name, slug: o.slug }])),
  };
}

/** What ranking reads of each match: scalars only (no relation: a search may match most of the table). */
export const rankSelect = { id: true, slug: true, name: true, family: true, hfRepoId: true, releaseDate: true, primaryOrganizationId: true } satisfies Prisma.ModelSelect;
type RankInput = Prisma.ModelGetPayload<{ select: typeof rankSelect }>;

/** The matches in relevance order (best first; `asc` reverses it): lib/domain/search.ts `compareRelevance`. */
export function rankMatches(rows: RankInput[], search: PreparedSearch, order: "asc" | "desc"): number[] {
  // The query's words and trigrams once, each name normalized once: "qwen" ranks 18,842 matches at 100,000 models.
  const query = prepareQuery(search.text);
  const ranked = rows.map((r) => {
    const org = search.organizations.get(r.primaryOrganizationId);
    const name = normalizeSearch(r.name);
    const tier =
      tierOf(query, { name: r.name, slug: r.slug, texts: [r.family, r.hfRepoId, org?.name, org?.slug] }, name) ??
      // The database matched it, the in-memory rules did not quite (trigram similarity of non-ASCII text).
      (search.close.has(r.id) ? "close" : "words");
    const row: RankedRow & { id: number } = { id: r.id, tier, similarity: similarityOf(query, name), releaseDate: r.releaseDate.toISOString().slice(0, 10), slug: r.slug };
    return row;
  });
  ranked.sort(compareRelevance);
  if (order === "asc") ranked.reverse();
  return ranked.map((r) => r.id);
}

/**
 * The one record a query names exactly (its name or slug in the normal form is the query's), or null
 * when none or several do: the header's search box goes straight to it. Served by the expression index
 * (pg_trgm's GIN indexes answer equality) and the slug's unique index.
 */
export async function findExactMatch(text: string): Promise<string | null> {
  const compact = compactQuery(text);
  if (!compact) return null;
  const slug = text.trim().toLowerCase();
  const rows = await getDb().$queryRaw<{ slug: string }[]>`
    SELECT "slug" FROM "Model" WHERE atlas_search_norm("name") = ${compact} OR "slug" = ${slug} LIMIT 2`;
  return rows.length === 1 ? rows[0]!.slug : null;
}
