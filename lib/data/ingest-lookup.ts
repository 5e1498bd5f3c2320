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

export async function loadIngestLookup(db: Tx): Promise<IngestLookup> {
  const [models, organizations, licenses] = await Promise.all([
    db.model.findMany({
      orderBy: { slug: "asc" },
      select: {
        slug: true,
        name: true,
        hfRepoId: true,
        architecture: true,
        developers: { select: { organization: { select: { slug: true } } }, orderBy: { position: "asc" } },
        fieldSources: { where: { field: { in: REFERENCE_FIELDS } }, select: { field: true, sourceKind: true, value: true } },
      },
    }),
    db.organization.findMany({ orderBy: { slug: "asc" }, select: { slug: true, name: true, country: true } }),
    db.license.findMany({ orderBy: { id: "asc" }, select: { id: true, category: true } }),
  ]);
  return {
    models: models.map((m) => {
      const sourceValues: MatchableModel["sourceValues"] = {};
      for (const fs of m.fieldSources) {
        const field = fs.field as ModelField;
        (sourceValues[field] ??= {})[fs.sourceKind as SourceKind] = fs.value;
      }
      return { slug: m.slug, name: m.name, hfRepoId: m.hfRepoId, architecture: m.architecture, developers: m.developers.map((d) => d.organization.slug), sourceValues };
    }),
    organizations: organizations.map((o) => ({ ...o, country: o.country.trim() })),
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
