import "server-only";
import { getDb } from "@/lib/db";
import { resolveField, type SourcedValue } from "@/lib/domain/disagreements";
import { MODEL_FIELDS, type ModelField } from "@/lib/domain/model-fields";
import type { SourceKind } from "@/lib/domain/sources";
import type { Tx } from "./write-path";

/**
 * Where sources disagree: per model and field, the value in use (highest precedence) against each other
 * source whose value differs beyond the tolerance of lib/domain/disagreements.ts. Plain objects only.
 */
export interface SourceValue {
  source: SourceKind;
  /** As stored: numbers for counts, YYYY-MM-DD for dates, strings, booleans, string arrays. */
  value: unknown;
  url: string;
  /** ISO date-time the source was read. */
  retrievedAt: string;
}

export interface Disagreement {
  model: { slug: string; name: string };
  field: ModelField;
  inUse: SourceValue;
  other: SourceValue;
  /** Comparable across fields, for "largest first" (see compareFieldValues). */
  magnitude: number;
}

export interface DisagreementFilters {
  field?: ModelField;
  /** Disagreements where this source is either the value in use or the other one. */
  source?: SourceKind;
}

export interface FieldDisagreements {
  field: ModelField;
  inUse: SourceValue;
  /** Sources that disagree with the value in use, largest difference first. */
  disagreeing: (SourceValue & { magnitude: number })[];
}

interface Row {
  field: string;
  sourceKind: string;
  value: unknown;
  sourceUrl: string;
  retrievedAt: Date;
  model: { slug: string; name: string };
}

const plain = (v: SourcedValue): SourceValue => ({ source: v.source, value: v.value, url: v.url, retrievedAt: v.retrievedAt.toISOString() });

/** Groups rows by model and field and resolves each group. */
function resolveRows(rows: Row[]): { model: Row["model"]; field: ModelField; resolved: ReturnType<typeof resolveField> }[] {
  const groups = new Map<string, { model: Row["model"]; field: ModelField; values: SourcedValue[] }>();
  for (const r of rows) {
    if (!(MODEL_FIELDS as readonly string[]).includes(r.field)) continue;
    const key = `${r.model.slug}\u0000${r.field}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { model: r.model, field: r.field as ModelField, values: [] }));
    g.values.push({ source: r.sourceKind as SourceKind, value: r.value, url: r.sourceUrl, retrievedAt: r.retrievedAt });
  }
  return [...groups.values()].filter((g) => g.values.length > 1).map((g) => ({ model: g.model, field: g.field, resolved: resolveField(g.field, g.values) }));
}

const rowSelect = { field: true, sourceKind: true, value: true, sourceUrl: true, retrievedAt: true, model: { select: { slug: true, name: true } } } as const;

/** Every disagreement in the database, largest first, optionally for one field and/or one source. */
export async function findDisagreements(filters: DisagreementFilters = {}, db: Tx = getDb()): Promise<Disagreement[]> {
  // Only models that have a value from a second source can disagree.
  const rows = await db.fieldSource.findMany({
    where: {
      ...(filters.field ? { field: filters.field } : {}),
      model: { fieldSources: { some: { sourceKind: { not: "curated" } } } },
    },
    select: rowSelect,
  });
  const out: Disagreement[] = [];
  for (const { model, field, resolved } of resolveRows(rows)) {
    if (!resolved.inUse) continue;
    for (const other of resolved.disagreeing) {
      if (filters.source && resolved.inUse.source !== filters.source && other.source !== filters.source) continue;
      out.push({ model, field, inUse: plain(resolved.inUse), other: plain(other), magnitude: other.magnitude });
    }
  }
  return out.sort((a, b) => b.magnitude - a.magnitude || a.model.slug.localeCompare(b.model.slug) || a.field.localeCompare(b.field));
}

/**
 * For the model page: each field of the model where another source disagrees with the value in use.
 * Null when there is no such model; an empty list when every source agrees.
 */
export async function getModelDisagreements(slug: string, db: Tx = getDb()): Promise<FieldDisagreements[] | null> {
  const model = await db.model.findUnique({ where: { slug }, select: { id: true, slug: true, name: true } });
  return model ? disagreementsOf(db, model) : null;
}

async function disagreementsOf(db: Tx, model: { id: number; slug: string; name: string }): Promise<FieldDisagreements[]> {
  // Sequential plain queries: inside an ingest's transaction, nested relation reads would be sent concurrently on one connection.
  const rows = await db.fieldSource.findMany({ where: { modelId: model.id }, select: { field: true, sourceKind: true, value: true, sourceUrl: true, retrievedAt: true } });
  return resolveRows(rows.map((r) => ({ ...r, model: { slug: model.slug, name: model.name } })))
    .filter((g) => g.resolved.inUse && g.resolved.disagreeing.length > 0)
    .map((g) => ({
      field: g.field,
      inUse: plain(g.resolved.inUse!),
      disagreeing: g.resolved.disagreeing.map((d) => ({ ...plain(d), magnitude: d.magnitude })),
    }))
    .sort((a, b) => MODEL_FIELDS.indexOf(a.field) - MODEL_FIELDS.indexOf(b.field));
}

/** The disagreements of one model that involve one source (for an ingest run's report and counts). */
export async function findModelDisagreementsWith(db: Tx, slug: string, source: SourceKind): Promise<Disagreement[]> {
  const row = await db.model.findUnique({ where: { slug }, select: { id: true, slug: true, name: true } });
  if (!row) return [];
  const model = { slug: row.slug, name: row.name };
  return (await disagreementsOf(db, row)).flatMap((f) =>
    f.disagreeing
      .filter((d) => d.source === source || f.inUse.source === source)
      .map(({ magnitude, ...other }) => ({ model, field: f.field, inUse: f.inUse, other, magnitude })),
  );
}
