import "server-only";
import type { ModelField } from "@/lib/domain/model-fields";
import { valueInUse, type SourceKind } from "@/lib/domain/sources";
import type { Tx } from "./write-path";

/** What the ingesters need to know about the database to match, check and create records. */
export interface MatchableModel {
  slug: string;
  name: string;
  hfRepoId: string | null;
  developers: string[];
  architecture: string | null;
  /** Every source's value of the fields that sanity checks compare against. */
  sourceValues: Partial<Record<ModelField, Partial<Record<SourceKind, unknown>>>>;
}

export interface IngestLookup {
  models: MatchableModel[];
  organizations: { slug: string; name: string; country: string }[];
  licenses: { id: string; category: string }[];
}

/** Fields whose values from other sources serve as references for sanity checks (unit slips). */
export const REFERENCE_FIELDS: ModelField[] = ["totalParams", "activeParams", "contextWindow", "maxPositionEmbeddings", "releaseDate", "announcedDate"];

/**
 * Three flat reads joined here, not one nested read: Prisma loads a relation with one bind parameter per
 * parent row, and PostgreSQL takes at most 65,535, so the nested read failed at 100,000 models.
 */
export async function loadIngestLookup(db: Tx): Promise<IngestLookup> {
  const [models, developers, sources, organizations, licenses] = await Promise.all([
    db.model.findMany({ orderBy: { slug: "asc" }, select: { id: true, slug: true, name: true, hfRepoId: true, architecture: true } }),
    db.modelDeveloper.findMany({ orderBy: [{ modelId: "asc" }, { position: "asc" }], select: { modelId: true, organizationId: true } }),
    db.fieldSource.findMany({ where: { field: { in: REFERENCE_FIELDS } }, select: { modelId: true, field: true, sourceKind: true, value: true } }),
    db.organization.findMany({ orderBy: { slug: "asc" }, select: { id: true, slug: true, name: true, country: true } }),
    db.license.findMany({ orderBy: { id: "asc" }, select: { id: true, category: true } }),
  ]);
  const orgSlug = new Map(organizations.map((o) => [o.id, o.slug]));
  const developersOf = new Map<number, string[]>();
  for (const d of developers) {
    const list = developersOf.get(d.modelId) ?? [];
    list.push(orgSlug.get(d.organizationId)!);
    developersOf.set(d.modelId, list);
  }
  const sourceValuesOf = new Map<number, MatchableModel["sourceValues"]>();
  for (const fs of sources) {
    const values = sourceValuesOf.get(fs.modelId) ?? {};
    (values[fs.field as ModelField] ??= {})[fs.sourceKind as SourceKind] = fs.value;
    sourceValuesOf.set(fs.modelId, values);
  }
  return {
    models: models.map((m) => ({
      slug: m.slug, name: m.name, hfRepoId: m.hfRepoId, architecture: m.architecture, developers: developersOf.get(m.id) ?? [], sourceValues: sourceValuesOf.get(m.id) ?? {},
    })),
    organizations: organizations.map((o) => ({ slug: o.slug, name: o.name, country: o.country.trim() })),
    licenses,
  };
}

/**
 * The value a new value is checked against: the highest-precedence value of the field from any source
 * other than `exclude` (a source is not its own reference: a past slip must not vouch for a new one).
 */
export function referenceValue(model: MatchableModel, field: ModelField, exclude: SourceKind): { value: unknown; source: SourceKind } | null {
  const held = (Object.entries(model.sourceValues[field] ?? {}) as [SourceKind, unknown][]).map(([source, value]) => ({ source, value }));
  return valueInUse(field, held.filter((h) => h.source !== exclude));
}

/** The slugs already taken, for creating records. */
export async function listModelSlugs(db: Tx): Promise<Set<string>> {
  return new Set((await db.model.findMany({ select: { slug: true } })).map((m) => m.slug));
}
