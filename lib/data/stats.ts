import "server-only";
import { getDb } from "@/lib/db";
import type { StatRow } from "@/lib/domain/aggregation";
import { buildStats, chartPoints, MAX_CHART_POINTS, type ChartPoint, type DashboardStats } from "@/lib/domain/dashboard";
import { matchesQuery } from "@/lib/domain/model-filter";
import { DEFAULT_QUERY, type ModelQuery } from "@/lib/schemas/model-query";
import { keepsEveryRelease, modelWhere, releasesOnly } from "./models";
import { perDataVersion, perDataVersionKeyed } from "./version-memo";

/** A release as the dashboard aggregates it, with its id (for the revision replay of asOf). */
interface ReleaseRow extends StatRow {
  id: number;
}

/**
 * Every open-weights release with the values in use, in date order (the frontiers walk them once), in
 * one statement: a reader never sees half of a write that commits meanwhile. Read once per data version
 * (docs/decisions/018-dashboard-at-scale.md): at 100,000 models this read is most of a dashboard miss.
 */
const releaseRows = perDataVersion(async (): Promise<ReleaseRow[]> => {
  // The developers are the primary one (the write path makes the first developer primary) unless a
  // release has several: only those few are aggregated (an array_agg per release cost 1.3 s at 100,000).
  const rows = await getDb().$queryRaw<ReleaseRow[]>`
    WITH "several" AS (
      SELECT d."modelId", array_agg(d_org."slug" ORDER BY d."position") AS "developers"
      FROM "ModelDeveloper" d JOIN "Organization" d_org ON d_org."id" = d."organizationId"
      WHERE d."modelId" IN (SELECT "modelId" FROM "ModelDeveloper" GROUP BY "modelId" HAVING count(*) > 1)
      GROUP BY d."modelId"
    )
    SELECT m."id", m."slug", m."name", m."family", to_char(m."releaseDate", 'YYYY-MM-DD') AS "releaseDate",
      m."totalParams"::float8 AS "totalParams", m."activeParams"::float8 AS "activeParams", m."contextWindow", m."architecture",
      l."category" AS "licenseCategory", trim(o."country") AS "country", COALESCE("several"."developers", ARRAY[o."slug"]) AS "developers"
    FROM "Model" m
    JOIN "Organization" o ON o."id" = m."primaryOrganizationId"
    -- Open-weights releases always have a license (Model_open_weights_described_check).
    JOIN "License" l ON l."id" = m."licenseId"
    LEFT JOIN "several" ON "several"."modelId" = m."id"
    WHERE m."openWeights"
    ORDER BY m."releaseDate", m."id"`;
  return rows;
});

/**
 * The releases a query keeps, in date order: all of them, or those whose ids the query's SQL finds (the
 * query is the key: a view's page, its scores and its adoption ask for the same rows).
 */
const releasesMatching = perDataVersionKeyed(
  (query: ModelQuery | null) => JSON.stringify(query),
  async (query: ModelQuery | null): Promise<ReleaseRow[]> => {
    if (!query) return releaseRows();
    const [rows, ids] = await Promise.all([releaseRows(), modelWhere(query).then((where) => getDb().model.findMany({ where, select: { id: true } }))]);
    const keep = new Set(ids.map((r) => r.id));
    return rows.filter((r) => keep.has(r.id));
  },
  64,
);

/** The fields whose history the dashboard replays for `asOf`. */
const REPLAYED = ["releaseDate", "totalParams", "activeParams", "contextWindow", "architecture", "licenseId", "developers"] as const;

/**
 * The rows the dashboard aggregates: the filtered releases with the values in use now, or, with `asOf`,
 * the releases up to that date with each value as it stood at the end of that day, replayed from the
 * revision log. A record first entered after `asOf` counts with its first recorded values
 * (docs/decisions/007-as-of.md). The filters run in SQL (modelWhere) on current values; with asOf, on the
 * replayed values (matchesQuery), but for the search.
 */
export async function loadStatRows(query: ModelQuery, asOf: string | null): Promise<StatRow[]> {
  if (!asOf) {
    return releasesMatching(keepsEveryRelease(query) ? null : releasesOnly(query));
  }

  const db = getDb();
  const endOfDay = new Date(`${asOf}T00:00:00Z`);
  endOfDay.setUTCDate(endOfDay.getUTCDate() + 1);
  // Only fields that really changed after asOf differ from their current value. For each of them, the
  // first revision after asOf holds the value as it stood: its old value, or, when it is the record's
  // creation (entered after asOf), its new value, the first recorded one.
  const [rows, revisions, licenses, orgs] = await Promise.all([
    // The search reads no replayed field (names, repo ids and the primary developer's name are not in the
    // revision log's replay but for the developers), so it runs in SQL, the same as without asOf; the
    // other filters read replayed values and run below.
    releasesMatching(query.q ? { ...DEFAULT_QUERY, openWeights: "all", q: query.q } : null),
    db.$queryRaw<{ modelId: number; field: string; oldValue: unknown; newValue: unknown }[]>`
      SELECT DISTINCT ON (r."modelId", r."field") r."modelId", r."field", r."oldValue", r."newValue"
      FROM "Revision" r
      WHERE r."createdAt" >= ${endOfDay} AND r."field" = ANY(${[...REPLAYED]})
        AND EXISTS (
          SELECT 1 FROM "Revision" c
          WHERE c."modelId" = r."modelId" AND c."field" = r."field" AND c."createdAt" >= ${endOfDay} AND c."oldValue" IS NOT NULL
        )
      ORDER BY r."modelId", r."field", r."createdAt", r."id"`,
    db.license.findMany({ select: { id: true, category: true } }),
    db.organization.findMany({ select: { slug: true, country: true } }),
  ]);
  const categoryOf = new Map(licenses.map((l) => [l.id, l.category as StatRow["licenseCategory"]]));
  const countryOfSlug = new Map(orgs.map((o) => [o.slug, o.country.trim()]));
  const asOfValue = new Map<string, unknown>(revisions.map((r) => [`${r.modelId}:${r.field}`, r.oldValue ?? r.newValue]));

  const out: StatRow[] = [];
  for (const row of rows) {
    const value = <T,>(field: (typeof REPLAYED)[number], current: T): T => {
      const key = `${row.id}:${field}`;
      return asOfValue.has(key) ? (asOfValue.get(key) as T) : current;
    };
    const developers = value("developers", row.developers);
    const licenseId = value<string | null>("licenseId", null);
    // A release row as it stands now (its id rides along, as on the rows without asOf), with the replayed values.
    const stat: StatRow = {
      ...row,
      releaseDate: value("releaseDate", row.releaseDate),
      totalParams: value("totalParams", row.totalParams),
      activeParams: value("activeParams", row.activeParams),
      contextWindow: value("contextWindow", row.contextWindow),
      architecture: value("architecture", row.architecture),
      licenseCategory: (licenseId && categoryOf.get(licenseId)) || row.licenseCategory,
      developers,
      country: countryOfSlug.get(developers[0] ?? "") ?? row.country,
    };
    if (stat.releaseDate <= asOf && matchesQuery(stat, { ...query, q: null })) out.push(stat);
  }
  return out;
}

export interface DashboardView {
  stats: DashboardStats;
  /** The scatter charts' points (a sample beyond MAX_CHART_POINTS). */
  points: ChartPoint[];
  /** Releases in view (the points may be a sample of them). */
  releases: number;
}

/**
 * The dashboard's aggregates of a view, for the page and /api/v1/stats: computed once per data version
 * and view (they read every release in view: about 0.4 s at 100,000; docs/decisions/018).
 */
export const loadDashboardView = perDataVersionKeyed(
  (filters: ModelQuery, asOf: string | null, options: { extra: readonly string[]; asOf: string; completeThrough: string }) => JSON.stringify([filters, asOf, options]),
  async (filters: ModelQuery, asOf: string | null, options: { extra: readonly string[]; asOf: string; completeThrough: string }): Promise<DashboardView> => {
    const rows = await loadStatRows(filters, asOf);
    const stats = buildStats(rows, options);
    return { stats, points: chartPoints(rows, options.extra, MAX_CHART_POINTS, stats.charts.frontiers), releases: rows.length };
  },
  32,
);
