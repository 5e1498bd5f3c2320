import "server-only";
import { getDb } from "@/lib/db";
import { MODEL_FIELDS, type ModelField } from "@/lib/domain/model-fields";
import { isSecondarySource, sourceRank, valueInUse, type SourceKind } from "@/lib/domain/sources";
import { listItemSelect, toListItem, type ModelListItem, type OrganizationRef } from "./models";

export interface SourcedValue {
  kind: SourceKind;
  value: unknown;
  url: string;
  retrievedAt: string;
  /** YYYY-MM-DD: when a person checked the value against its source (curated data's `checked`); null: not recorded. */
  checkedOn: string | null;
  /** An aggregator (Epoch AI, models.dev) rather than the developer's own statement. */
  secondary: boolean;
}

export interface FieldProvenance {
  field: ModelField;
  /** The source of the value in use; null when no source has a value. */
  inUse: SourcedValue | null;
  /** Every other source's value, highest precedence first (they may agree or disagree). */
  others: SourcedValue[];
}

export interface RevisionEntry {
  id: number;
  field: string;
  oldValue: unknown;
  newValue: unknown;
  sourceKind: SourceKind;
  sourceUrl: string;
  reason: string;
  createdAt: string;
  correctionId: number | null;
}

export interface ModelDetail extends ModelListItem {
  notes: string | null;
  baseModelInfo: { slug: string; name: string; organization: OrganizationRef } | null;
  derivatives: { slug: string; name: string; organization: OrganizationRef }[];
  provenance: FieldProvenance[];
  revisions: RevisionEntry[];
}

const orgSelect = { slug: true, name: true, country: true } as const;

export async function getModelBySlug(slug: string): Promise<ModelDetail | null> {
  const row = await getDb().model.findUnique({
    where: { slug },
    select: {
      ...listItemSelect,
      notes: true,
      baseModel: { select: { slug: true, name: true, primaryOrganization: { select: orgSelect } } },
      derivatives: { select: { slug: true, name: true, primaryOrganization: { select: orgSelect } }, orderBy: { releaseDate: "asc" } },
      fieldSources: { select: { field: true, sourceKind: true, value: true, sourceUrl: true, retrievedAt: true, checkedOn: true } },
      revisions: { orderBy: [{ createdAt: "desc" }, { id: "desc" }] },
    },
  });
  if (!row) return null;

  const provenance: FieldProvenance[] = MODEL_FIELDS.map((field) => {
    const values = row.fieldSources
      .filter((f) => f.field === field)
      .sort((a, b) => sourceRank(field, a.sourceKind) - sourceRank(field, b.sourceKind))
      .map((f): SourcedValue => ({
        kind: f.sourceKind as SourceKind,
        value: f.value,
        url: f.sourceUrl,
        retrievedAt: f.retrievedAt.toISOString(),
        checkedOn: f.checkedOn ? f.checkedOn.toISOString().slice(0, 10) : null,
        secondary: isSecondarySource(f.sourceUrl),
      }));
    const inUse = valueInUse(field, values.map((v) => ({ source: v.kind, value: v.value, v })))?.v ?? null;
    return { field, inUse, others: values.filter((v) => v !== inUse) };
  });

  return {
    ...toListItem({ ...row, baseModel: row.baseModel ? { slug: row.baseModel.slug } : null }),
    notes: row.notes,
    baseModelInfo: row.baseModel ? { slug: row.baseModel.slug, name: row.baseModel.name, organization: row.baseModel.primaryOrganization } : null,
    derivatives: row.derivatives.map((d) => ({ slug: d.slug, name: d.name, organization: d.primaryOrganization })),
    provenance,
    revisions: row.revisions.map((r) => ({
      id: r.id,
      field: r.field,
      oldValue: r.oldValue,
      newValue: r.newValue,
      sourceKind: r.sourceKind as SourceKind,
      sourceUrl: r.sourceUrl,
      reason: r.reason,
      createdAt: r.createdAt.toISOString(),
      correctionId: r.correctionId,
    })),
  };
}
