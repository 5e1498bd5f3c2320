import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db";
import type { LicenseCategory } from "@/lib/domain/licenses";
import { COLUMN_FIELDS, type Architecture, type ColumnField, type ModelValues } from "@/lib/domain/model-fields";
import type { SummaryInput } from "@/lib/domain/summary";
import { activeFilters, type ModelQuery, type SortField } from "@/lib/schemas/model-query";
import { columnsToValues, dateString, fieldColumnSelect, toNumber } from "./model-columns";
import { prepareSearch, rankMatches, rankSelect, type PreparedSearch } from "./search";
import { perDataVersion } from "./version-memo";

/**
 * The field columns a list shows as they are stored: every field but the relations and the license, which
 * a list item carries as an object.
 */
const LIST_COLUMN_FIELDS = COLUMN_FIELDS.filter((f): f is Exclude<ColumnField, "licenseId"> => f !== "licenseId");
type ListColumns = { [K in (typeof LIST_COLUMN_FIELDS)[number]]: ModelValues[K] };

/** A model release as lists, the API and exports show it: plain values, counts as numbers, dates YYYY-MM-DD. */
export interface ModelListItem extends ListColumns {
  slug: string;
  organization: OrganizationRef;
  developers: OrganizationRef[];
  /** Null only for a closed reference model (no weights, so no license of them). */
  license: { id: string; name: string; category: LicenseCategory } | null;
  baseModel: string | null;
  /** With a query's `benchmark`: the model's best score on it (null: none). */
  score?: { benchmark: string; value: number } | null;
}

export interface OrganizationRef {
  slug: string;
  name: string;
  country: string;
}

const orgSelect = { slug: true, name: true, country: true } as const;

export const listItemSelect = {
  slug: true,
  ...fieldColumnSelect,
  primaryOrganization: { select: orgSelect },
  developers: { select: { organization: { select: orgSelect } }, orderBy: { position: "asc" } },
  license: { select: { id: true, name: true, category: true } },
  baseModel: { select: { slug: true } },
} satisfies Prisma.ModelSelect;

type ListRow = Prisma.ModelGetPayload<{ select: typeof listItemSelect }>;

export { dateString, toNumber };

export function toListItem(r: ListRow): ModelListItem {
  return {
    slug: r.slug,
    ...columnsToValues(r, LIST_COLUMN_FIELDS),
    organization: r.primaryOrganization,
    developers: r.developers.map((d) => d.organization),
    license: r.license && { ...r.license, category: r.license.category as LicenseCategory },
    baseModel: r.baseModel?.slug ?? null,
  };
}

const utcDate = (s: string) => new Date(`${s}T00:00:00Z`);

/**
 * The WHERE of a model query (filters only; sort and page are separate). Async: the search (`q`) reads
 * its close spellings and the matching organizations first (lib/data/search.ts); a caller that also
 * ranks by relevance passes the search it prepared.
 */
export async function modelWhere(q: ModelQuery, search?: PreparedSearch | null): Promise<Prisma.ModelWhereInput> {
  const and: Prisma.ModelWhereInput[] = [];
  if (q.openWeights !== "all") and.push({ openWeights: q.openWeights === "true" });
  if (q.country.length) and.push({ primaryOrganization: { country: { in: q.country } } });
  if (q.excludeCountry.length) and.push({ primaryOrganization: { country: { notIn: q.excludeCountry } } });
  if (q.architecture) and.push({ architecture: q.architecture });
  if (q.license.length) and.push({ license: { category: { in: q.license } } });
  if (q.org.length) and.push({ developers: { some: { organization: { slug: { in: q.org } } } } });
  if (q.q) and.push((search?.text === q.q ? search : await prepareSearch(q.q)).where);
  if (q.releasedFrom) and.push({ releaseDate: { gte: utcDate(q.releasedFrom) } });
  if (q.releasedTo) and.push({ releaseDate: { lte: utcDate(q.releasedTo) } });
  if (q.minTotalParams !== null) and.push({ totalParams: { gte: BigInt(q.minTotalParams) } });
  if (q.maxTotalParams !== null) and.push({ totalParams: { lte: BigInt(q.maxTotalParams) } });
  if (q.minActiveParams !== null) and.push({ activeParams: { gte: BigInt(q.minActiveParams) } });
  if (q.maxActiveParams !== null) and.push({ activeParams: { lte: BigInt(q.maxActiveParams) } });
  if (q.minContext !== null) and.push({ contextWindow: { gte: q.minContext } });
  if (q.benchmark) and.push({ scores: { some: { benchmarkId: q.benchmark, ...(q.minScore !== null ? { value: { gte: q.minScore } } : {}) } } });
  return and.length ? { AND: and } : {};
}

/** The query narrowed to open-weights releases: what every count of releases (summaries, the dashboard) reads. */
export function releasesOnly(q: ModelQuery): ModelQuery {
  return q.openWeights === "true" ? q : { ...q, openWeights: "true" };
}

/** The query keeps every open-weights release (no filter narrows it): nothing to look up per release. */
export function keepsEveryRelease(q: ModelQuery): boolean {
  return activeFilters(releasesOnly(q)).length === 0;
}

/** Missing values sort last either way; the slug breaks ties so pages never overlap. */
export function modelOrderBy(sort: SortField, order: "asc" | "desc"): Prisma.ModelOrderByWithRelationInput[] {
  const primary: Prisma.ModelOrderByWithRelationInput =
    sort === "name" ? { name: order }
    // Score and relevance orders are not a column's: scoreOrderedIds and relevanceOrderedIds read them;
    // here the newest first breaks nothing.
    : sort === "releaseDate" || sort === "score" || sort === "relevance" ? { releaseDate: order }
    : { [sort]: { sort: order, nulls: "last" } };
  return [primary, { slug: "asc" }];
}

/**
 * The ids of a query's models in the order of their best score on its benchmark (ties by slug): scores
 * are a relation, so the order is read from a grouped query of the Score table, not a column.
 */
async function scoreOrderedIds(q: ModelQuery): Promise<{ id: number; value: number }[]> {
  const groups = await getDb().score.groupBy({ by: ["modelId"], where: { benchmarkId: q.benchmark!, model: await modelWhere(q) }, _max: { value: true } });
  const slugs = new Map((await getDb().model.findMany({ where: { id: { in: groups.map((g) => g.modelId) } }, select: { id: true, slug: true } })).map((m) => [m.id, m.slug]));
  return groups
    .map((g) => ({ id: g.modelId, value: g._max.value! }))
    .sort((a, b) => (q.order === "asc" ? a.value - b.value : b.value - a.value) || slugs.get(a.id)!.localeCompare(slugs.get(b.id)!));
}

/**
 * The ids of a search's matches in relevance order (lib/domain/search.ts): every match's scalars are
 * read and ranked in memory, since the tiers are not a column's order.
 */
async function relevanceOrderedIds(q: ModelQuery): Promise<number[]> {
  const search = await prepareSearch(q.q!);
  const rows = await getDb().model.findMany({ where: await modelWhere(q, search), select: rankSelect });
  return rankMatches(rows, search, q.order);
}

const byRelevance = (q: ModelQuery) => q.sort === "relevance" && q.q !== null;

/** The best score on the query's benchmark of each model (for the column shown beside it). */
async function bestScores(benchmark: string, ids: number[]): Promise<Map<number, number>> {
  const groups = await getDb().score.groupBy({ by: ["modelId"], where: { benchmarkId: benchmark, modelId: { in: ids } }, _max: { value: true } });
  return new Map(groups.map((g) => [g.modelId, g._max.value!]));
}

export async function findModels(q: ModelQuery): Promise<{ data: ModelListItem[]; total: number }> {
  const db = getDb();
  if (byRelevance(q)) {
    const ordered = await relevanceOrderedIds(q);
    const page = ordered.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
    const rows = await db.model.findMany({ where: { id: { in: page } }, select: { id: true, ...listItemSelect } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    const items = page.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
    if (!q.benchmark) return { data: items.map(toListItem), total: ordered.length };
    const scores = await bestScores(q.benchmark, page);
    return { data: items.map((r) => ({ ...toListItem(r), score: scores.has(r.id) ? { benchmark: q.benchmark!, value: scores.get(r.id)! } : null })), total: ordered.length };
  }
  if (q.sort === "score" && q.benchmark) {
    const ordered = await scoreOrderedIds(q);
    const page = ordered.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
    const rows = await db.model.findMany({ where: { id: { in: page.map((p) => p.id) } }, select: { id: true, ...listItemSelect } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    const data = page.flatMap((p) => (byId.has(p.id) ? [{ ...toListItem(byId.get(p.id)!), score: { benchmark: q.benchmark!, value: p.value } }] : []));
    return { data, total: ordered.length };
  }
  const where = await modelWhere(q);
  const [rows, total] = await Promise.all([
    db.model.findMany({ where, orderBy: modelOrderBy(q.sort, q.order), skip: (q.page - 1) * q.pageSize, take: q.pageSize, select: { id: true, ...listItemSelect } }),
    db.model.count({ where }),
  ]);
  if (!q.benchmark) return { data: rows.map(toListItem), total };
  const scores = await bestScores(q.benchmark, rows.map((r) => r.id));
  return { data: rows.map((r) => ({ ...toListItem(r), score: scores.has(r.id) ? { benchmark: q.benchmark!, value: scores.get(r.id)! } : null })), total };
}

/**
 * Rows per query when a whole result is read: Prisma loads relations with one bind parameter per parent
 * row, and PostgreSQL takes at most 65,535, so the CSV of 100,000 models failed in one query.
 */
const CHUNK = 5_000;

/** The ids of every row of a query, in its order (one narrow query), a chunk at a time. */
async function* idChunks(q: ModelQuery, chunkSize: number): AsyncGenerator<number[]> {
  const ids =
    byRelevance(q) ? await relevanceOrderedIds(q)
    : q.sort === "score" && q.benchmark ? (await scoreOrderedIds(q)).map((r) => r.id)
    : (await getDb().model.findMany({ where: await modelWhere(q), orderBy: modelOrderBy(q.sort, q.order), select: { id: true } })).map((r) => r.id);
  for (let i = 0; i < ids.length; i += chunkSize) yield ids.slice(i, i + chunkSize);
}

/**
 * Every row of a query (exports: no paging), a chunk at a time, in the query's order: a caller can send
 * each chunk on before the next is read, so an export of 100,000 models never sits in memory whole.
 * `chunkSize` is for tests of the chunking.
 */
export async function* modelsInChunks(q: ModelQuery, { chunkSize = CHUNK }: { chunkSize?: number } = {}): AsyncGenerator<ModelListItem[]> {
  for await (const ids of idChunks(q, chunkSize)) {
    const rows = await getDb().model.findMany({ where: { id: { in: ids } }, select: { id: true, ...listItemSelect } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    yield ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [toListItem(row)] : [];
    });
  }
}

/** What the summary cards of an organization or country need, for every matching row (no relations but the license's category). */
export async function findSummaryRows(q: ModelQuery): Promise<SummaryInput[]> {
  const out: SummaryInput[] = [];
  // Summaries count releases: open weights only, whatever the list beside them shows.
  for await (const ids of idChunks(releasesOnly(q), CHUNK)) {
    const rows = await getDb().model.findMany({
      where: { id: { in: ids } },
      select: { slug: true, name: true, releaseDate: true, totalParams: true, activeParams: true, contextWindow: true, architecture: true, license: { select: { category: true } } },
    });
    for (const r of rows) {
      out.push({
        slug: r.slug, name: r.name, releaseDate: dateString(r.releaseDate), totalParams: toNumber(r.totalParams), activeParams: toNumber(r.activeParams),
        // Open-weights records always have both (Model_open_weights_described_check).
        contextWindow: r.contextWindow, architecture: r.architecture as Architecture, license: r.license!,
      });
    }
  }
  return out;
}

export async function findModelsBySlugs(slugs: string[]): Promise<ModelListItem[]> {
  const rows = await getDb().model.findMany({ where: { slug: { in: slugs } }, select: listItemSelect });
  const bySlug = new Map(rows.map((r) => [r.slug, toListItem(r)]));
  return slugs.flatMap((s) => bySlug.get(s) ?? []);
}

export interface FilterOptions {
  /** Every organization, by name, with the releases it developed or co-developed. */
  organizations: (OrganizationRef & { releases: number })[];
  /** Countries of primary developers with their releases, most first. */
  countries: { code: string; releases: number }[];
}

/**
 * The choices of the /models filter form. Counting every organization's releases reads the link tables
 * (about 40 ms at 100,000 models) and the answer only changes with the data, so it is computed once per
 * data version: a cache miss of /models then costs one indexed read of DataVersion instead.
 */
export const listFilterOptions: () => Promise<FilterOptions> = perDataVersion(() => loadFilterOptions());

/** The filter form's choices read afresh (the benchmark EXPLAINs this). */
export async function loadFilterOptions(): Promise<FilterOptions> {
  const rows = await getDb().organization.findMany({
    orderBy: { name: "asc" },
    select: { ...orgSelect, _count: { select: { developed: true, primaryOf: true } } },
  });
  const byCountry = new Map<string, number>();
  for (const r of rows) byCountry.set(r.country, (byCountry.get(r.country) ?? 0) + r._count.primaryOf);
  return {
    organizations: rows.map((r) => ({ slug: r.slug, name: r.name, country: r.country, releases: r._count.developed })),
    countries: [...byCountry]
      .filter(([, n]) => n > 0)
      .map(([code, releases]) => ({ code, releases }))
      .sort((a, b) => b.releases - a.releases || a.code.localeCompare(b.code)),
  };
}

/** Every license of the table, by name: the choices of the corrections and candidate forms. */
export async function listLicenses(): Promise<{ id: string; name: string }[]> {
  return getDb().license.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
}

export interface OrganizationDetail extends OrganizationRef {
  kind: string;
  website: string | null;
  sourceUrl: string;
  retrievedAt: string;
}

export async function getOrganizationBySlug(slug: string): Promise<OrganizationDetail | null> {
  const o = await getDb().organization.findUnique({
    where: { slug },
    select: { slug: true, name: true, country: true, kind: true, website: true, sourceUrl: true, retrievedAt: true },
  });
  return o ? { ...o, retrievedAt: o.retrievedAt.toISOString() } : null;
}

export async function listOrganizationsInCountry(country: string): Promise<OrganizationRef[]> {
  return getDb().organization.findMany({ where: { country }, orderBy: { name: "asc" }, select: orgSelect });
}
