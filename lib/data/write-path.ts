import "server-only";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { COLUMN_FIELDS, MODEL_FIELD_REGISTRY, MODEL_FIELDS, REQUIRED_FIELDS, type FieldColumn, type ModelField, type ModelValues } from "@/lib/domain/model-fields";
import { checkModelRules, todayUtc } from "@/lib/domain/model-rules";
import { valueInUse, type SourceKind } from "@/lib/domain/sources";
import { columnsToValues, dateString, fieldColumnSelect, toDate, valuesToColumns } from "./model-columns";

/**
 * The single write path. Curated data, ingesters and accepted corrections all change models through
 * `writeModel`: it keeps every source's value of every field (FieldSource), puts the value of the
 * highest-precedence source in the model's column, and logs each change of a value in use (Revision).
 */
export type Tx = Prisma.TransactionClient | PrismaClient;

export type FieldValue = ModelValues[ModelField];
/**
 * `checkedOn`: YYYY-MM-DD, the day a person checked the value against its source (curated data's
 * `checked`); null or absent: not recorded. `retrievedAt` (the batch's) stays the day the row was written.
 */
export type FieldInputs = { [K in ModelField]?: { value: ModelValues[K] | null; url: string; checkedOn?: string | null } };

export interface SourceBatch {
  kind: SourceKind;
  retrievedAt: Date;
  /** Why the change was made, for the revision log ("curated dataset", "accepted correction #12"). */
  reason: string;
  ingestRunId?: number;
  correctionId?: number;
}

export interface WriteResult {
  outcome: "created" | "updated" | "unchanged";
  /** Fields whose value in use changed. */
  changed: ModelField[];
}

/** A write the rules refuse; nothing of it is stored when the caller's transaction rolls back. */
export class WriteRejectedError extends Error {
  constructor(
    readonly slug: string,
    readonly problems: { field: string; message: string }[],
  ) {
    super(`${slug}: ${problems.map((p) => `${p.field}: ${p.message}`).join("; ")}`);
  }
}

/** The model's columns, developers and sources as the write path reads them (also used to show a record's current values). */
export const modelSelect = {
  id: true, slug: true, notes: true,
  ...fieldColumnSelect,
  baseModel: { select: { slug: true } },
  developers: { select: { position: true, organization: { select: { slug: true } } }, orderBy: { position: "asc" } },
  fieldSources: { select: { id: true, field: true, sourceKind: true, value: true, sourceUrl: true, checkedOn: true } },
} satisfies Prisma.ModelSelect;

type ModelRow = Prisma.ModelGetPayload<{ select: typeof modelSelect }>;
/** A stored model as `writeModel` reads it. */
export type StoredModel = ModelRow;

/**
 * Many stored models as `writeModel` reads them, in one query: a bulk caller reads a batch's models
 * up front and hands each to `writeModel` as `existing`, instead of one read per model. Only valid in
 * the transaction that writes them, and for one write per model (a second write would see the first's
 * row as it was before).
 */
export async function readModels(tx: Tx, slugs: string[]): Promise<Map<string, StoredModel>> {
  const rows = await tx.model.findMany({ where: { slug: { in: slugs } }, select: modelSelect });
  return new Map(rows.map((r) => [r.slug, r]));
}

export function rowToValues(row: ModelRow): ModelValues {
  return {
    ...columnsToValues(row, COLUMN_FIELDS),
    developers: row.developers.map((d) => d.organization.slug),
    baseModel: row.baseModel?.slug ?? null,
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** A source's value is never null: a missing value has no FieldSource row. */
const sourceJson = (v: FieldValue) => v as Prisma.InputJsonValue;
/** In the revision log, "no value" is SQL NULL. */
const revisionJson = (v: FieldValue | null) => (v === null ? Prisma.DbNull : (v as Prisma.InputJsonValue));

/** A model's values as the Model table's columns (developers and base model resolved to ids by the caller). */
function toColumns(values: ModelValues, orgId: Map<string, number>, baseModelId: number | null) {
  // The registry's column kinds make each value the type of its column; Prisma checks them again.
  const columns = valuesToColumns(values) as Omit<Prisma.ModelUncheckedCreateInput, "slug" | "primaryOrganizationId">;
  return { ...columns, primaryOrganizationId: orgId.get(values.developers[0]!)!, baseModelId };
}

export async function writeModel(
  tx: Tx,
  slug: string,
  inputs: FieldInputs,
  batch: SourceBatch,
  options: {
    notes?: string | null;
    today?: string;
    /** The model as `readModels` read it in this transaction (null: not stored); when absent, it is read here. */
    existing?: StoredModel | null;
  } = {},
): Promise<WriteResult> {
  const existing = options.existing !== undefined ? options.existing : await tx.model.findUnique({ where: { slug }, select: modelSelect });
  if (existing && existing.slug !== slug) throw new Error(`writeModel(${slug}) was handed the stored row of ${existing.slug}`);
  const current: Partial<ModelValues> = existing ? rowToValues(existing) : {};

  // Every source's value of every field, after this write.
  type Held = { id?: number; value: FieldValue; url: string; checkedOn: string | null };
  const bySource = new Map<ModelField, Map<string, Held>>();
  for (const fs of existing?.fieldSources ?? []) {
    const field = fs.field as ModelField;
    if (!bySource.has(field)) bySource.set(field, new Map());
    bySource.get(field)!.set(fs.sourceKind, { id: fs.id, value: fs.value as FieldValue, url: fs.sourceUrl, checkedOn: fs.checkedOn ? dateString(fs.checkedOn) : null });
  }
  const sourceWrites: { field: ModelField; held?: Held; next: { value: FieldValue; url: string; checkedOn: string | null } | null }[] = [];
  for (const field of MODEL_FIELDS) {
    const input = inputs[field];
    if (!input) continue;
    const held = bySource.get(field)?.get(batch.kind);
    const next = input.value === null ? null : { value: input.value as FieldValue, url: input.url, checkedOn: input.checkedOn ?? null };
    if (held && next && same(held.value, next.value) && held.url === next.url && held.checkedOn === next.checkedOn) continue;
    if (!held && !next) continue;
    sourceWrites.push({ field, held, next });
    if (!bySource.has(field)) bySource.set(field, new Map());
    if (next) bySource.get(field)!.set(batch.kind, next);
    else bySource.get(field)!.delete(batch.kind);
  }

  // The value in use: the highest-precedence source that has one (the order may depend on the field).
  const inUse = {} as Record<ModelField, FieldValue | null>;
  const winner = {} as Record<ModelField, { kind: string; url: string } | null>;
  for (const field of MODEL_FIELDS) {
    const held = valueInUse(field, [...(bySource.get(field) ?? new Map<string, Held>()).entries()].map(([source, h]) => ({ source, ...h })));
    inUse[field] = held ? held.value : null;
    winner[field] = held ? { kind: held.source, url: held.url } : null;
  }
  const values = inUse as unknown as ModelValues;

  const problems = REQUIRED_FIELDS.filter((f) => values[f] == null).map((field) => ({ field, message: "is required for a new model" }));
  problems.push(...checkModelRules(values, options.today ?? todayUtc()));
  if (problems.length) throw new WriteRejectedError(slug, problems);

  const changed = MODEL_FIELDS.filter((f) => !same(current[f], values[f]));
  const notesChanged = options.notes !== undefined && options.notes !== (existing?.notes ?? null);
  if (existing && changed.length === 0 && sourceWrites.length === 0 && !notesChanged) {
    return { outcome: "unchanged", changed };
  }

  const orgs = await tx.organization.findMany({ where: { slug: { in: values.developers } }, select: { id: true, slug: true } });
  const orgId = new Map(orgs.map((o) => [o.slug, o.id]));
  const missingOrgs = values.developers.filter((d) => !orgId.has(d));
  if (missingOrgs.length) throw new WriteRejectedError(slug, [{ field: "developers", message: `unknown organization ${missingOrgs.join(", ")}` }]);
  let baseModelId: number | null = null;
  if (values.baseModel) {
    const base = await tx.model.findUnique({ where: { slug: values.baseModel }, select: { id: true } });
    if (!base) throw new WriteRejectedError(slug, [{ field: "baseModel", message: `unknown base model ${values.baseModel}` }]);
    baseModelId = base.id;
  }

  const columns = {
    ...toColumns(values, orgId, baseModelId),
    ...(options.notes !== undefined ? { notes: options.notes } : {}),
  };

  let modelId: number;
  if (existing) {
    modelId = existing.id;
    if (changed.length || notesChanged) {
      await tx.model.update({ where: { id: modelId }, data: { ...columns, updatedAt: new Date() } });
    }
    if (changed.includes("developers")) {
      await tx.modelDeveloper.deleteMany({ where: { modelId } });
    }
  } else {
    modelId = (await tx.model.create({ data: { slug, ...columns }, select: { id: true } })).id;
  }
  if (!existing || changed.includes("developers")) {
    await tx.modelDeveloper.createMany({
      data: values.developers.map((d, position) => ({ modelId, organizationId: orgId.get(d)!, position })),
    });
  }

  const toCreate: Prisma.FieldSourceCreateManyInput[] = [];
  for (const w of sourceWrites) {
    if (w.held?.id !== undefined) {
      if (w.next) {
        await tx.fieldSource.update({ where: { id: w.held.id }, data: { value: sourceJson(w.next.value), sourceUrl: w.next.url, retrievedAt: batch.retrievedAt, checkedOn: w.next.checkedOn ? toDate(w.next.checkedOn) : null } });
      } else {
        await tx.fieldSource.delete({ where: { id: w.held.id } });
      }
    } else if (w.next) {
      toCreate.push({ modelId, field: w.field, sourceKind: batch.kind, value: sourceJson(w.next.value), sourceUrl: w.next.url, retrievedAt: batch.retrievedAt, checkedOn: w.next.checkedOn ? toDate(w.next.checkedOn) : null });
    }
  }
  if (toCreate.length) await tx.fieldSource.createMany({ data: toCreate });

  if (changed.length) {
    await tx.revision.createMany({
      data: changed.map((field) => ({
        modelId,
        field,
        oldValue: revisionJson((current[field] ?? null) as FieldValue | null),
        newValue: revisionJson(values[field] as FieldValue | null),
        // The source of the value now in use (which may outrank this batch).
        sourceKind: winner[field]?.kind ?? batch.kind,
        sourceUrl: winner[field]?.url ?? "",
        reason: batch.reason,
        ingestRunId: batch.ingestRunId ?? null,
        correctionId: batch.correctionId ?? null,
      })),
    });
  }
  return { outcome: existing ? "updated" : "created", changed };
}

export interface LicenseInput { id: string; name: string; category: string; url: string }
export interface OrganizationInput { slug: string; name: string; country: string; kind: string; website: string | null; sourceUrl: string }

/** Licenses and organizations: reference rows with their own source; returns whether anything changed. */
export async function writeLicense(tx: Tx, l: LicenseInput): Promise<boolean> {
  const existing = await tx.license.findUnique({ where: { id: l.id } });
  if (existing && existing.name === l.name && existing.category === l.category && existing.url === l.url) return false;
  await tx.license.upsert({ where: { id: l.id }, create: l, update: l });
  return true;
}

export async function writeOrganization(tx: Tx, o: OrganizationInput, retrievedAt: Date): Promise<boolean> {
  const existing = await tx.organization.findUnique({ where: { slug: o.slug } });
  if (
    existing && existing.name === o.name && existing.country === o.country && existing.kind === o.kind &&
    existing.website === o.website && existing.sourceUrl === o.sourceUrl
  ) return false;
  await tx.organization.upsert({ where: { slug: o.slug }, create: { ...o, retrievedAt }, update: { ...o, retrievedAt } });
  return true;
}

/** Hugging Face adoption figures of one model, and when and where they were taken. */
export interface AdoptionInput {
  downloads: number | null;
  likes: number | null;
  takenAt: Date;
  url: string;
  /** The repository the figures are of (defaults to the record's hfRepoId). */
  repoId?: string;
}

/**
 * Adoption figures change daily, so each run adds a dated snapshot (AdoptionSnapshot, a history: one row
 * per model, source and day) instead of overwriting a column or logging revisions
 * (docs/decisions/014-scores-usage-adoption.md). A second run on the same day replaces that day's row;
 * the same figures write nothing. Returns whether anything was written.
 */
export async function writeAdoption(tx: Tx, slug: string, a: AdoptionInput, sourceKind: "huggingface" | "llmfit" = "huggingface"): Promise<boolean> {
  if (a.downloads == null && a.likes == null) return false;
  const m = await tx.model.findUnique({ where: { slug }, select: { id: true, hfRepoId: true } });
  if (!m) throw new Error(`${slug}: no such model`);
  const takenOn = new Date(`${a.takenAt.toISOString().slice(0, 10)}T00:00:00Z`);
  const key = { modelId_sourceKind_takenOn: { modelId: m.id, sourceKind, takenOn } };
  const held = await tx.adoptionSnapshot.findUnique({ where: key, select: { downloads: true, likes: true, sourceUrl: true } });
  if (held && held.downloads === a.downloads && held.likes === a.likes && held.sourceUrl === a.url) return false;
  const row = { repoId: a.repoId ?? m.hfRepoId ?? "", downloads: a.downloads, likes: a.likes, sourceUrl: a.url };
  await tx.adoptionSnapshot.upsert({ where: key, create: { modelId: m.id, sourceKind, takenOn, ...row }, update: row });
  return true;
}

export interface NewModel {
  slug: string;
  inputs: FieldInputs;
  notes?: string | null;
}

/**
 * Creates many models at once, for bulk loads: the same rows `writeModel` would write for a model that
 * does not exist yet (the columns, one FieldSource per value, one Revision per value), in a handful of
 * statements for the whole batch instead of seven per model. Every model is checked against the same
 * rules first; one bad model rejects the batch. A base model may be in the same batch.
 *
 * The rows go in as raw `INSERT ... SELECT FROM unnest(array parameters)`, one statement per table:
 * Prisma's createMany spends most of a bulk load's time building its statements (JSON columns above
 * all), several times what PostgreSQL needs to store the rows. Clock columns take one client time per
 * call, as Prisma's `@default(now())` does per statement.
 */
export async function createModels(tx: Tx, models: NewModel[], batch: SourceBatch, options: { today?: string } = {}): Promise<number> {
  if (models.length === 0) return 0;
  const today = options.today ?? todayUtc();
  const prepared = models.map((m) => {
    const values = Object.fromEntries(MODEL_FIELDS.map((f) => [f, m.inputs[f]?.value ?? null])) as unknown as ModelValues;
    const problems = REQUIRED_FIELDS.filter((f) => values[f] == null).map((field) => ({ field, message: "is required for a new model" }));
    problems.push(...checkModelRules(values, today));
    if (problems.length) throw new WriteRejectedError(m.slug, problems);
    return { ...m, values };
  });

  const orgSlugs = [...new Set(prepared.flatMap((m) => m.values.developers))];
  const orgs = await tx.organization.findMany({ where: { slug: { in: orgSlugs } }, select: { id: true, slug: true } });
  const orgId = new Map(orgs.map((o) => [o.slug, o.id]));
  for (const m of prepared) {
    const missing = m.values.developers.filter((d) => !orgId.has(d));
    if (missing.length) throw new WriteRejectedError(m.slug, [{ field: "developers", message: `unknown organization ${missing.join(", ")}` }]);
  }

  const now = new Date().toISOString();
  // Every field column from the registry, as one array parameter each: dates as Prisma sends them
  // (YYYY-MM-DD of the UTC date), counts as decimal strings (exact past 2^53), lists as JSON (unnest
  // would flatten an array of arrays). Column names come from the registry, never from input.
  const day = (s: string | null) => (s ? dateString(toDate(s)) : null);
  const big = (n: number | null) => (n == null ? null : BigInt(n).toString());
  const SQL_TYPE: Record<FieldColumn, string> = { text: "text", date: "date", bigint: "bigint", int: "int", boolean: "boolean", "text[]": "jsonb" };
  const fields = COLUMN_FIELDS.map((field, i) => {
    const kind = MODEL_FIELD_REGISTRY[field].column;
    const values = prepared.map((m) => {
      const v = m.values[field] as unknown;
      if (v == null) return null;
      return kind === "date" ? day(v as string) : kind === "bigint" ? big(v as number) : kind === "text[]" ? JSON.stringify(v) : v;
    });
    const u = Prisma.raw(`u.c${i}`);
    return {
      column: Prisma.raw(`"${field}"`),
      alias: Prisma.raw(`c${i}`),
      param: Prisma.sql`${values}::${Prisma.raw(`${SQL_TYPE[kind]}[]`)}`,
      // A list comes back from its JSON as a text[] in its order.
      pick: kind === "text[]" ? Prisma.sql`CASE WHEN ${u} IS NULL THEN NULL ELSE ARRAY(SELECT e.v FROM jsonb_array_elements_text(${u}) WITH ORDINALITY AS e(v, i) ORDER BY e.i) END` : u,
    };
  });
  const list = (pick: (f: (typeof fields)[number]) => Prisma.Sql) => Prisma.join(fields.map(pick));
  const created = await tx.$queryRaw<{ id: number; slug: string }[]>`
    INSERT INTO "Model" ("slug", ${list((f) => f.column)}, "primaryOrganizationId", "notes", "createdAt", "updatedAt")
    SELECT u.slug, ${list((f) => f.pick)}, u.org, u.notes, ${now}::timestamptz, ${now}::timestamptz
    FROM unnest(
      ${prepared.map((m) => m.slug)}::text[], ${list((f) => f.param)},
      ${prepared.map((m) => orgId.get(m.values.developers[0]!)!)}::int[], ${prepared.map((m) => m.notes ?? null)}::text[]
    ) WITH ORDINALITY AS u(slug, ${list((f) => f.alias)}, org, notes, ord)
    ORDER BY u.ord
    RETURNING "id", "slug"`;
  const idOf = new Map(created.map((c) => [c.slug, c.id]));

  // Base models: in this batch or already stored.
  const withBase = prepared.filter((m) => m.values.baseModel);
  if (withBase.length) {
    const outside = [...new Set(withBase.map((m) => m.values.baseModel!).filter((b) => !idOf.has(b)))];
    const stored = await tx.model.findMany({ where: { slug: { in: outside } }, select: { id: true, slug: true } });
    for (const b of stored) idOf.set(b.slug, b.id);
    const pairs = withBase.map((m) => {
      const baseId = idOf.get(m.values.baseModel!);
      if (baseId === undefined) throw new WriteRejectedError(m.slug, [{ field: "baseModel", message: `unknown base model ${m.values.baseModel}` }]);
      return [idOf.get(m.slug)!, baseId] as const;
    });
    await tx.$executeRaw`
      UPDATE "Model" AS m SET "baseModelId" = u.base
      FROM unnest(${pairs.map((p) => p[0])}::int[], ${pairs.map((p) => p[1])}::int[]) AS u(id, base)
      WHERE m."id" = u.id`;
  }

  const developers = { model: [] as number[], org: [] as number[], position: [] as number[] };
  for (const m of prepared) {
    m.values.developers.forEach((d, position) => {
      developers.model.push(idOf.get(m.slug)!);
      developers.org.push(orgId.get(d)!);
      developers.position.push(position);
    });
  }
  await tx.$executeRaw`
    INSERT INTO "ModelDeveloper" ("modelId", "organizationId", "position")
    SELECT * FROM unnest(${developers.model}::int[], ${developers.org}::int[], ${developers.position}::int[])`;

  // One source and one revision per value given (not null), in field order; the value as JSON text.
  const rows = { model: [] as number[], field: [] as string[], value: [] as string[], url: [] as string[], checked: [] as (string | null)[] };
  for (const m of prepared) {
    const modelId = idOf.get(m.slug)!;
    for (const field of MODEL_FIELDS) {
      const input = m.inputs[field];
      if (!input || input.value === null) continue;
      rows.model.push(modelId);
      rows.field.push(field);
      rows.value.push(JSON.stringify(input.value));
      rows.url.push(input.url);
      rows.checked.push(input.checkedOn ?? null);
    }
  }
  if (rows.model.length) {
    await tx.$executeRaw`
      INSERT INTO "FieldSource" ("modelId", "field", "sourceKind", "value", "sourceUrl", "retrievedAt", "checkedOn")
      SELECT u.model, u.field, ${batch.kind}::text, u.value, u.url, ${batch.retrievedAt.toISOString()}::timestamptz, u.checked
      FROM unnest(${rows.model}::int[], ${rows.field}::text[], ${rows.value}::jsonb[], ${rows.url}::text[], ${rows.checked}::date[]) WITH ORDINALITY AS u(model, field, value, url, checked, ord)
      ORDER BY u.ord`;
    await tx.$executeRaw`
      INSERT INTO "Revision" ("modelId", "field", "oldValue", "newValue", "sourceKind", "sourceUrl", "reason", "ingestRunId", "correctionId", "createdAt")
      SELECT u.model, u.field, NULL::jsonb, u.value, ${batch.kind}::text, u.url, ${batch.reason}::text, ${batch.ingestRunId ?? null}::int, ${batch.correctionId ?? null}::int,
        ${now}::timestamptz
      FROM unnest(${rows.model}::int[], ${rows.field}::text[], ${rows.value}::jsonb[], ${rows.url}::text[]) WITH ORDINALITY AS u(model, field, value, url, ord)
      ORDER BY u.ord`;
  }
  return created.length;
}

/** Every stored model's slug: tells a bulk load which of its models are new. */
export async function listModelSlugs(tx: Tx): Promise<Set<string>> {
  return new Set((await tx.model.findMany({ select: { slug: true } })).map((r) => r.slug));
}

// ---- Scores, usage (issue 14): each source's set replaces what it held, row by row, so a re-run with
// the same data writes nothing (and leaves the data version, and every cache, alone).

export interface BenchmarkInput {
  id: string;
  name: string;
  test: string;
  category: string;
  unit: string;
  higherIsBetter: boolean;
  setting: string;
  description: string;
  url: string;
}

/** The Benchmark table follows data/benchmarks.yaml: entries upserted in order; an entry no longer listed goes once it has no scores. */
export async function syncBenchmarks(tx: Tx, benchmarks: BenchmarkInput[]): Promise<number> {
  const held = new Map((await tx.benchmark.findMany()).map((b) => [b.id, b]));
  let changed = 0;
  for (const [position, b] of benchmarks.entries()) {
    const row = { ...b, position };
    const h = held.get(b.id);
    if (h && (Object.keys(row) as (keyof typeof row)[]).every((k) => h[k] === row[k])) continue;
    await tx.benchmark.upsert({ where: { id: b.id }, create: row, update: row });
    changed++;
  }
  const listed = new Set(benchmarks.map((b) => b.id));
  const gone = [...held.keys()].filter((id) => !listed.has(id));
  if (gone.length) await tx.benchmark.deleteMany({ where: { id: { in: gone }, scores: { none: {} } } });
  return changed;
}

export interface ScoreRow {
  slug: string;
  benchmarkId: string;
  value: number;
  metric: string;
  setting: string;
  measuredBy: "independent" | "developer";
  evaluator: string;
  publishedOn: string;
  sourceUrl: string;
}

const scoreKey = (modelId: number, s: { benchmarkId: string; evaluator: string; setting: string }) => `${modelId}\u0000${s.benchmarkId}\u0000${s.evaluator}\u0000${s.setting}`;

/**
 * Replaces the scores one source holds with `rows` (unique by model, benchmark, evaluator and setting):
 * new ones created, changed ones updated, ones the source no longer has deleted. Returns the counts.
 */
export async function replaceScores(tx: Tx, batch: SourceBatch, rows: ScoreRow[]): Promise<{ created: number; updated: number; unchanged: number; deleted: number }> {
  const ids = new Map((await tx.model.findMany({ where: { slug: { in: [...new Set(rows.map((r) => r.slug))] } }, select: { id: true, slug: true } })).map((m) => [m.slug, m.id]));
  const held = new Map((await tx.score.findMany({ where: { sourceKind: batch.kind } })).map((s) => [scoreKey(s.modelId, s), s]));
  const counts = { created: 0, updated: 0, unchanged: 0, deleted: 0 };
  const keep = new Set<string>();
  const create: Prisma.ScoreCreateManyInput[] = [];
  for (const r of rows) {
    const modelId = ids.get(r.slug);
    if (modelId === undefined) throw new Error(`${r.slug}: no such model`);
    const key = scoreKey(modelId, r);
    if (keep.has(key)) throw new Error(`${r.slug}: two ${r.benchmarkId} scores by ${r.evaluator} with the setting "${r.setting}"`);
    keep.add(key);
    const data = { value: r.value, metric: r.metric, measuredBy: r.measuredBy, publishedOn: toDate(r.publishedOn), sourceUrl: r.sourceUrl };
    const h = held.get(key);
    if (!h) {
      create.push({ modelId, benchmarkId: r.benchmarkId, evaluator: r.evaluator, setting: r.setting, ...data, sourceKind: batch.kind, retrievedAt: batch.retrievedAt, ingestRunId: batch.ingestRunId ?? null });
      counts.created++;
    } else if (h.value !== data.value || h.metric !== data.metric || h.measuredBy !== data.measuredBy || dateString(h.publishedOn) !== r.publishedOn || h.sourceUrl !== data.sourceUrl) {
      await tx.score.update({ where: { id: h.id }, data: { ...data, retrievedAt: batch.retrievedAt, ingestRunId: batch.ingestRunId ?? null } });
      counts.updated++;
    } else counts.unchanged++;
  }
  if (create.length) await tx.score.createMany({ data: create });
  const gone = [...held].filter(([k]) => !keep.has(k)).map(([, s]) => s.id);
  if (gone.length) counts.deleted = (await tx.score.deleteMany({ where: { id: { in: gone } } })).count;
  return counts;
}

export interface UsageRow {
  day: string;
  listing: string;
  /** The record the listing is mapped to, or null (listed on /data-quality as not mapped). */
  slug: string | null;
  tokens: bigint;
  sourceUrl: string;
}

/**
 * Writes one router's daily token counts: each (day, listing) row is created or, when its tokens or
 * mapping changed, updated. Days the source no longer holds are kept: a later file holds a later window,
 * and usage already published does not cease to have happened.
 */
export async function writeUsage(tx: Tx, batch: SourceBatch, rows: UsageRow[]): Promise<{ created: number; updated: number; unchanged: number }> {
  const ids = new Map((await tx.model.findMany({ where: { slug: { in: [...new Set(rows.flatMap((r) => (r.slug ? [r.slug] : [])))] } }, select: { id: true, slug: true } })).map((m) => [m.slug, m.id]));
  const days = [...new Set(rows.map((r) => r.day))].map(toDate);
  const held = new Map((await tx.usageDay.findMany({ where: { sourceKind: batch.kind, day: { in: days } } })).map((u) => [`${dateString(u.day)}\u0000${u.listing}`, u]));
  const counts = { created: 0, updated: 0, unchanged: 0 };
  const create: Prisma.UsageDayCreateManyInput[] = [];
  for (const r of rows) {
    const modelId = r.slug === null ? null : ids.get(r.slug);
    if (modelId === undefined) throw new Error(`${r.slug}: no such model`);
    const h = held.get(`${r.day}\u0000${r.listing}`);
    if (!h) {
      create.push({ day: toDate(r.day), listing: r.listing, modelId, tokens: r.tokens, sourceKind: batch.kind, sourceUrl: r.sourceUrl, retrievedAt: batch.retrievedAt });
      counts.created++;
    } else if (h.tokens !== r.tokens || h.modelId !== modelId || h.sourceUrl !== r.sourceUrl) {
      await tx.usageDay.update({ where: { id: h.id }, data: { tokens: r.tokens, modelId, sourceUrl: r.sourceUrl, retrievedAt: batch.retrievedAt } });
      counts.updated++;
    } else counts.unchanged++;
  }
  if (create.length) await tx.usageDay.createMany({ data: create });
  return counts;
}
