import "server-only";
import { MODEL_FIELD_REGISTRY, type ModelField } from "@/lib/domain/model-fields";
import { Prisma } from "@/lib/generated/prisma/client";
import { modelSelect } from "../write-path";

/**
 * Corrections: proposals from the public form, the moderators' decisions, and the public history of
 * accepted changes. Accepting goes through `writeModel` like every ingester (source kind "correction",
 * which outranks every other source; docs/decisions/003-precedence.md and 006-corrections.md).
 */

// The same shape the write path reads, so its rowToValues applies.
export const currentSelect = modelSelect;

export const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
/** Modalities are a set (their registry tolerance); developers keep their order (the first is the primary developer). */
export function sameValue(field: ModelField, a: unknown, b: unknown): boolean {
  if (MODEL_FIELD_REGISTRY[field].tolerance.kind === "set" && Array.isArray(a) && Array.isArray(b)) {
    return same([...new Set(a.map(String))].sort(), [...new Set(b.map(String))].sort());
  }
  return same(a, b);
}
export const jsonOrDbNull = (v: unknown) => (v === null || v === undefined ? Prisma.DbNull : (v as Prisma.InputJsonValue));

