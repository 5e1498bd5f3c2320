// Corrections, the moderators' queue: pending submissions with every source's value, and accepted corrections a source now disagrees with.
import "server-only";
import { getDb } from "@/lib/db";
import { formatFieldValue } from "@/lib/domain/field-display";
import { fieldLabel, isModelField, type ModelField } from "@/lib/domain/model-fields";
import { sourceRank, type SourceKind } from "@/lib/domain/sources";
import { type PrismaClient } from "@/lib/generated/prisma/client";
import { rowToValues } from "../write-path";

import { currentSelect, same } from "./shared";

export interface SourceValue {
  kind: SourceKind;
  value: string;
  url: string;
  retrievedAt: string;
}

export interface PendingSubmission {
  submissionId: string;
  model: { slug: string; name: string };
  createdAt: string;
  evidenceUrl: string;
  note: string | null;
  contactEmail: string | null;
  items: {
    id: number;
    field: ModelField;
    label: string;
    proposed: string;
    currentNow: string;
    currentWhenSent: string;
    /** The value in use now as JSON: the review form sends it back, so an accept can tell the field changed meanwhile. */
    currentJson: string;
    /** The value in use changed since the proposal was sent. */
    changedSinceSent: boolean;
    /** Every source's value of this field, highest precedence first. */
    sources: SourceValue[];
  }[];
}

async function sourcesFor(db: PrismaClient, pairs: { modelId: number; field: string }[]): Promise<Map<string, SourceValue[]>> {
  const out = new Map<string, SourceValue[]>();
  if (pairs.length === 0) return out;
  const rows = await db.fieldSource.findMany({
    where: { OR: pairs.map((p) => ({ modelId: p.modelId, field: p.field })) },
    select: { modelId: true, field: true, sourceKind: true, value: true, sourceUrl: true, retrievedAt: true },
  });
  rows.sort((a, b) => sourceRank(a.field as ModelField, a.sourceKind) - sourceRank(b.field as ModelField, b.sourceKind));
  for (const r of rows) {
    const key = `${r.modelId}\0${r.field}`;
    if (!out.has(key)) out.set(key, []);
    out.get(key)!.push({ kind: r.sourceKind as SourceKind, value: formatFieldValue(r.field, r.value), url: r.sourceUrl, retrievedAt: r.retrievedAt.toISOString() });
  }
  return out;
}

/** Pending submissions, oldest first (a queue), each with the value in use now and every source's value. */
export async function listPendingCorrections(limit = 100): Promise<PendingSubmission[]> {
  const db = getDb();
  const rows = await db.correction.findMany({
    where: { status: "pending" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: limit * 5,
    select: {
      id: true, submissionId: true, field: true, proposedValue: true, currentValue: true, createdAt: true,
      evidenceUrl: true, note: true, contactEmail: true, modelId: true, model: { select: { slug: true, name: true } },
    },
  });
  const models = await db.model.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.modelId))] } }, select: currentSelect });
  const currentById = new Map(models.map((m) => [m.id, rowToValues(m)]));
  const sources = await sourcesFor(db, rows);

  const bySubmission = new Map<string, PendingSubmission>();
  for (const r of rows) {
    if (!isModelField(r.field)) continue;
    let group = bySubmission.get(r.submissionId);
    if (!group) {
      if (bySubmission.size >= limit) continue;
      group = {
        submissionId: r.submissionId, model: r.model, createdAt: r.createdAt.toISOString(), evidenceUrl: r.evidenceUrl,
        note: r.note, contactEmail: r.contactEmail, items: [],
      };
      bySubmission.set(r.submissionId, group);
    }
    const now = currentById.get(r.modelId)?.[r.field] ?? null;
    group.items.push({
      id: r.id,
      field: r.field,
      label: fieldLabel(r.field),
      proposed: formatFieldValue(r.field, r.proposedValue),
      currentNow: formatFieldValue(r.field, now),
      currentWhenSent: formatFieldValue(r.field, r.currentValue),
      currentJson: JSON.stringify(now),
      changedSinceSent: !same(now, r.currentValue),
      sources: sources.get(`${r.modelId}\0${r.field}`) ?? [],
    });
  }
  return [...bySubmission.values()];
}

export async function countPendingCorrections(): Promise<number> {
  return getDb().correction.count({ where: { status: "pending" } });
}

export interface Disagreement {
  model: { slug: string; name: string };
  field: ModelField;
  label: string;
  corrected: SourceValue;
  /** Sources whose value differs from the accepted correction's (which stays in use). */
  others: SourceValue[];
}

/** Accepted corrections that another source now disagrees with (e.g. a later ingest). The correction stays in use. */
export async function listCorrectionDisagreements(limit = 200): Promise<Disagreement[]> {
  const db = getDb();
  const corrected = await db.fieldSource.findMany({
    where: { sourceKind: "correction" },
    orderBy: { retrievedAt: "desc" },
    take: limit,
    select: { modelId: true, field: true, value: true, model: { select: { slug: true, name: true } } },
  });
  const sources = await sourcesFor(db, corrected);
  const out: Disagreement[] = [];
  for (const c of corrected) {
    if (!isModelField(c.field)) continue;
    const all = sources.get(`${c.modelId}\0${c.field}`) ?? [];
    const mine = all.find((s) => s.kind === "correction");
    const display = formatFieldValue(c.field, c.value);
    const others = all.filter((s) => s.kind !== "correction" && s.value !== display);
    if (mine && others.length) out.push({ model: c.model, field: c.field, label: fieldLabel(c.field), corrected: mine, others });
  }
  return out;
}
