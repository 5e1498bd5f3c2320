import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db";
import type { StatRow } from "@/lib/domain/aggregation";
import { matchesQuery } from "@/lib/domain/model-filter";
import type { ModelQuery } from "@/lib/schemas/model-query";
import { dateString, modelWhere, toNumber } from "./models";

const statSelect = {
  slug: true, name: true, family: true, releaseDate: true, totalParams: true, activeParams: true, contextWindow: true, architecture: true,
  license: { select: { category: true } },
  primaryOrganization: { select: { country: true } },
  developers: { select: { organization: { select: { slug: true } } }, orderBy: { position: "asc" } },
} satisfies Prisma.ModelSelect;

type StatDbRow = Prisma.ModelGetPayload<{ select: typeof statSelect }>;

function toStatRow(r: StatDbRow): StatRow {
  return {
    slug: r.slug,
    name: r.name,
    family: r.family,
    country: r.primaryOrganization.country,
    developers: r.developers.map((d) => d.organization.slug),
    releaseDate: dateString(r.releaseDate),
    totalParams: toNumber(r.totalParams),
    activeParams: toNumber(r.activeParams),
    contextWindow: r.contextWindow,
    architecture: r.architecture as StatRow["architecture"],
    licenseCategory: r.license.category as StatRow["licenseCategory"],
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
    const rows = await db.model.findMany({ where: modelWhere(query), select: statSelect });
    return rows.map(toStatRow);
  }

  const endOfDay = new Date(`${asOf}T00:00:00Z`);
  endOfDay.setUTCDate(endOfDay.getUTCDate() + 1);
  const [rows, revisions, licenses, orgs] = await Promise.all([
    db.model.findMany({ select: { ...statSelect, id: true } }),
    db.revision.findMany({
      where: { field: { in: [...REPLAYED] } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { modelId: true, field: true, oldValue: true, newValue: true, createdAt: true },
    }),
    db.license.findMany({ select: { id: true, category: true } }),
    db.organization.findMany({ select: { slug: true, country: true } }),
  ]);
  const categoryOf = new Map(licenses.map((l) => [l.id, l.category as StatRow["licenseCategory"]]));
  const countryOf = new Map(orgs.map((o) => [o.slug, o.country]));

  // Per model and field: the last value set by the end of asOf, else the value before the first later change.
  const asOfValue = new Map<string, unknown>();
  const decided = new Set<string>();
  for (const r of revisions) {
    const key = `${r.modelId}:${r.field}`;
    if (r.createdAt < endOfDay) {
      asOfValue.set(key, r.newValue);
      decided.add(key);
    } else if (!decided.has(key)) {
      asOfValue.set(key, r.oldValue ?? r.newValue);
      decided.add(key);
    }
  }

  const out: StatRow[] = [];
  for (const row of rows) {
    const value = <T,>(field: (typeof REPLAYED)[number], current: T): T => {
      const key = `${row.id}:${field}`;
      return asOfValue.has(key) ? (asOfValue.get(key) as T) : current;
    };
    const base = toStatRow(row);
    const developers = value("developers", base.developers);
    const licenseId = value<string | null>("licenseId", null);
    const stat: StatRow = {
      ...base,
      releaseDate: value("releaseDate", base.releaseDate),
      totalParams: value("totalParams", base.totalParams),
      activeParams: value("activeParams", base.activeParams),
      contextWindow: value("contextWindow", base.contextWindow),
      architecture: value("architecture", base.architecture),
      licenseCategory: (licenseId && categoryOf.get(licenseId)) || base.licenseCategory,
      developers,
      country: countryOf.get(developers[0] ?? "") ?? base.country,
    };
    if (stat.releaseDate <= asOf && matchesQuery(stat, query)) out.push(stat);
  }
  return out;
}
