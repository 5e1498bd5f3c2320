// Corrections, the public history: every accepted change, for /changes, the Atom feed and the model page.
import "server-only";
import { getDb } from "@/lib/db";
import { formatFieldValue } from "@/lib/domain/field-display";
import { fieldLabel, type ModelField } from "@/lib/domain/model-fields";
import type { SourceKind } from "@/lib/domain/sources";
import { Prisma } from "@/lib/generated/prisma/client";
import { slugSchema } from "@/lib/schemas/common";


export interface ChangeEntry {
  id: number;
  /** ISO timestamp of the change. */
  date: string;
  model: { slug: string; name: string };
  field: ModelField;
  label: string;
  oldValue: unknown;
  newValue: unknown;
  oldDisplay: string;
  newDisplay: string;
  /** The source of the new value: for an accepted correction, its evidence. */
  sourceKind: SourceKind;
  evidenceUrl: string;
  reason: string;
  /** The accepted correction behind the change, when there is one. */
  correctionId: number | null;
}

const changeSelect = {
  id: true, field: true, oldValue: true, newValue: true, sourceKind: true, sourceUrl: true, reason: true, correctionId: true, createdAt: true,
  model: { select: { slug: true, name: true } },
} satisfies Prisma.RevisionSelect;

function toChange(r: Prisma.RevisionGetPayload<{ select: typeof changeSelect }>): ChangeEntry {
  return {
    id: r.id,
    date: r.createdAt.toISOString(),
    model: r.model,
    field: r.field as ModelField,
    label: fieldLabel(r.field),
    oldValue: r.oldValue,
    newValue: r.newValue,
    oldDisplay: formatFieldValue(r.field, r.oldValue),
    newDisplay: formatFieldValue(r.field, r.newValue),
    sourceKind: r.sourceKind as SourceKind,
    evidenceUrl: r.sourceUrl,
    reason: r.reason,
    correctionId: r.correctionId,
  };
}

/** Every change made by an accepted correction, newest first (for /changes and the feed). */
export async function listAcceptedChanges(options: { page?: number; pageSize?: number } = {}): Promise<{ changes: ChangeEntry[]; total: number; page: number; pageCount: number }> {
  const pageSize = Math.min(Math.max(options.pageSize ?? 50, 1), 200);
  const db = getDb();
  const where = { correctionId: { not: null } } satisfies Prisma.RevisionWhereInput;
  const total = await db.revision.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(options.page ?? 1, 1), pageCount);
  const rows = await db.revision.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: changeSelect,
  });
  return { changes: rows.map(toChange), total, page, pageCount };
}

/**
 * The revision history of one model, newest first, for its page: every change of a value in use, with its
 * source (the evidence, for an accepted correction). `only: "corrections"` keeps the accepted corrections.
 */
export async function listModelChanges(slug: string, options: { only?: "corrections"; limit?: number } = {}): Promise<ChangeEntry[]> {
  if (!slugSchema.safeParse(slug).success) return [];
  const rows = await getDb().revision.findMany({
    where: { model: { slug }, ...(options.only === "corrections" ? { correctionId: { not: null } } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(options.limit ?? 500, 2000),
    select: changeSelect,
  });
  return rows.map(toChange);
}
