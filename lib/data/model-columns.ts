import "server-only";
import { COLUMN_FIELDS, MODEL_FIELD_REGISTRY, type ColumnField, type FieldColumn, type ModelValues } from "@/lib/domain/model-fields";

/**
 * The Model table's field columns, read and written by the field registry (lib/domain/model-fields.ts):
 * every field that is not a relation has a column of its own name, so a new field needs no edit here.
 */

/** `select` of every field column. */
export const fieldColumnSelect = Object.fromEntries(COLUMN_FIELDS.map((f) => [f, true])) as { [K in ColumnField]: true };

export const dateString = (d: Date) => d.toISOString().slice(0, 10);
export const toNumber = (b: bigint | null) => (b == null ? null : Number(b));
export const toDate = (s: string) => new Date(`${s}T00:00:00Z`);

/** A column's value as the app holds it: dates as YYYY-MM-DD, 64-bit counts as numbers. */
function fromColumn(kind: FieldColumn, v: unknown): unknown {
  if (v == null) return null;
  if (kind === "date") return dateString(v as Date);
  if (kind === "bigint") return Number(v as bigint);
  return v;
}

/** A value as its column takes it: dates as Date, counts as bigint (exact past 2^53). */
function toColumn(kind: FieldColumn, v: unknown): unknown {
  if (v == null) return null;
  if (kind === "date") return toDate(v as string);
  if (kind === "bigint") return BigInt(v as number);
  return v;
}

/** The given field columns of a row, as values. */
export function columnsToValues<F extends ColumnField>(row: { [K in F]: unknown }, fields: readonly F[]): { [K in F]: ModelValues[K] } {
  return Object.fromEntries(fields.map((f) => [f, fromColumn(MODEL_FIELD_REGISTRY[f].column, row[f])])) as { [K in F]: ModelValues[K] };
}

/** Every field column of a model, as Prisma writes it. */
export function valuesToColumns(values: ModelValues): Record<ColumnField, unknown> {
  return Object.fromEntries(COLUMN_FIELDS.map((f) => [f, toColumn(MODEL_FIELD_REGISTRY[f].column, values[f])])) as Record<ColumnField, unknown>;
}
