import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db";
import type { StatRow } from "@/lib/domain/aggregation";
import { matchesQuery } from "@/lib/domain/model-filter";
import { DEFAULT_QUERY, type ModelQuery } from "@/lib/schemas/model-query";
import { dateString, modelWhere, releasesOnly, toNumber } from "./models";

// Scalars only: joining organizations, licenses and developers per row costs more than reading those
// three small tables once and joining in memory (10x at 10,000 models).
const statSelect = {
  id: true, slug: true, name: true, family: true, releaseDate: true, totalParams: true, activeParams: true, contextWindow: true,
  architecture: true, licenseId: true, primaryOrganizationId: true,
} satisfies Prisma.ModelSelect;

type StatDbRow = Prisma.ModelGetPayload<{ select: typeof statSelect }>;

interface Lookups {
  categoryOf: Map<string, StatRow["licenseCategory"]>;
  countryOfOrg: Map<number, string>;
  countryOfSlug: Map<string, string>;
  developersOf: Map<number, string[]>;
}

async function loadLookups(): Promise<Lookups> {
  const db = getDb();
  const [licenses, orgs, developers] = await Promise.all([
    db.license.findMany({ select: { id: true, category: true } }),
    db.organization.findMany({ select: { id: true, slug: true, country: true } }),
    db.modelDeveloper.findMany({ select: { modelId: true, organizationId: true, position: true }, orderBy: [{ modelId: "asc" }, { position: "asc" }] }),
  ]);
  const slugOfOrg = new Map(orgs.map((o) => [o.id, o.slug]));
  const developersOf = new Map<number, string[]>();
  for (const d of developers) {
    const list = developersOf.get(d.modelId) ?? [];
    list.push(slugOfOrg.get(d.organizationId)!);
    developersOf.set(d.modelId, list);
  }
  return {
    categoryOf: new Map(licenses.map((l) => [l.id, l.category as StatRow["licenseCategory"]])),
    countryOfOrg: new Map(orgs.map((o) => [o.id, o.country])),
    countryOfSlug: new Map(orgs.map((o) => [o.slug, o.country])),
    developersOf,
  };
}

function toStatRow(r: StatDbRow, l: Lookups): StatRow {
  return {
    slug: r.slug,
    name: r.name,
    family: r.family,
    country: l.countryOfOrg.get(r.primaryOrganizationId)!,
    developers: l.developersOf.get(r.id) ?? [],
    releaseDate: dateString(r.releaseDate),
    totalParams: toNumber(r.totalParams),
    activeParams: toNumber(r.activeParams),
    contextWindow: r.contextWindow,
    architecture: r.architecture as StatRow["architecture"],
    // Stat rows are open-weights releases (releasesOnly), which always have a license.
    licenseCategory: l.categoryOf.get(r.licenseId!)!,
  };
}

/** The fields whose history the dashboard replays for `asOf`. */
const REPLAYED = ["releaseDate", "totalParams", "activeParams", "contextWindow", "architecture", "licenseId", "developers"] as const;

/**
 * The rows the dashboard aggregates: the filtered releases with the values in use now, or, with `asOf`,
 * the releases up to that date with each value as it stood at the end of that day, replayed from the
 * revision log. A record first entered after `asOf` counts with its first recorded values
 * (docs/decisions/007-as-of.md).
 */
export async function loadStatRows(query: ModelQuery, asOf: string | null): Promise<StatRow[]> {
  const db = getDb();
  if (!asOf) {
    const [rows, lookups] = await Promise.all([db.model.findMany({ where: await modelWhere(releasesOnly(query)), select: statSelect }), loadLookups()]);
    return rows.map((r) => toStatRow(r, lookups));
  }

  const endOfDay = new Date(`${asOf}T00:00:00Z`);
  endOfDay.setUTCDate(endOfDay.getUTCDate() + 1);
  // Only fields that really changed after asOf differ from their current value. For each of them, the
  // first revision after asOf holds the value as it stood: its old value, or, when it is the record's
  // creation (entered after asOf), its new value, the first recorded one.
  const [rows, revisions, lookups] = await Promise.all([
    // The search reads no replayed field (names, repo ids and the primary developer's name are not in the
    // revision log's replay but for the developers), so it runs in SQL, the same as without asOf; the
    // other filters read replayed values and run below.
    db.model.findMany({ where: { openWeights: true, ...(query.q ? await modelWhere({ ...DEFAULT_QUERY, openWeights: "all", q: query.q }) : {}) }, select: statSelect }),
    db.$queryRaw<{ modelId: number; field: string; oldValue: unknown; newValue: unknown }[]>`
      SELECT DISTINCT ON (r."modelId", r."field") r."modelId", r."field", r."oldValue", r."newValue"
      FROM "Revision" r
      WHERE r."createdAt" >= ${endOfDay} AND r."field" = ANY(${[...REPLAYED]})
        AND EXISTS (
          SELECT 1 FROM "Revision" c
          WHERE c."modelId" = r."modelId" AND c."field" = r."field" AND c."createdAt" >= ${endOfDay} AND c."oldValue" IS NOT NULL
        )
      ORDER BY r."modelId", r."field", r."createdAt", r."id"`,
    loadLookups(),
  ]);
  const asOfValue = new Map<string, unknown>(revisions.map((r) => [`${r.modelId}:${r.field}`, r.oldValue ?? r.newValue]));

  const out: StatRow[] = [];
  for (const row of rows) {
    const value = <T,>(field: (typeof REPLAYED)[number], current: T): T => {
      const key = `${row.id}:${field}`;
      return asOfValue.has(key) ? (asOfValue.get(key) as T) : current;
    };
    const base = toStatRow(row, lookups);
    const developers = value("developers", base.developers);
    const licenseId = value<string | null>("licenseId", null);
    const stat: StatRow = {
      ...base,
      releaseDate: value("releaseDate", base.releaseDate),
      totalParams: value("totalParams", base.totalParams),
      activeParams: value("activeParams", base.activeParams),
      contextWindow: value("contextWindow", base.contextWindow),
      architecture: value("architecture", base.architecture),
      licenseCategory: (licenseId && lookups.categoryOf.get(licenseId)) || base.licenseCategory,
      developers,
      country: lookups.countryOfSlug.get(developers[0] ?? "") ?? base.country,
    };
    if (stat.releaseDate <= asOf && matchesQuery(stat, { ...query, q: null })) out.push(stat);
  }
  return out;
}
