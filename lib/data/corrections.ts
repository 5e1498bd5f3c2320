import "server-only";
import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/db";
import type { CorrectionStatus } from "@/lib/domain/correction-fields";
import { formatFieldValue } from "@/lib/domain/field-display";
import { fieldLabel, isModelField, MODEL_FIELD_REGISTRY, MODEL_FIELDS, type ModelField, type ModelValues } from "@/lib/domain/model-fields";
import { checkModelRules, todayUtc } from "@/lib/domain/model-rules";
import type { SourceKind } from "@/lib/domain/sources";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import {
  CORRECTION_LIMITS,
  FIELD_VALUE_SCHEMAS,
  parseCorrectionInput,
  type CorrectionFieldErrors,
  type CorrectionFormInput,
} from "@/lib/schemas/correction";
import { slugSchema } from "@/lib/schemas/common";
import { modelSelect, rowToValues, writeModel, WriteRejectedError, type FieldInputs, type FieldValue } from "./write-path";

/**
 * Corrections: proposals from the public form, the moderators' decisions, and the public history of
 * accepted changes. Accepting goes through `writeModel` like every ingester (source kind "correction",
 * which outranks every other source; docs/decisions/003-precedence.md and 006-corrections.md).
 */

// The same shape the write path reads, so its rowToValues applies.
const currentSelect = modelSelect;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
/** Modalities are a set (their registry tolerance); developers keep their order (the first is the primary developer). */
function sameValue(field: ModelField, a: unknown, b: unknown): boolean {
  if (MODEL_FIELD_REGISTRY[field].tolerance.kind === "set" && Array.isArray(a) && Array.isArray(b)) {
    return same([...new Set(a.map(String))].sort(), [...new Set(b.map(String))].sort());
  }
  return same(a, b);
}
const jsonOrDbNull = (v: unknown) => (v === null || v === undefined ? Prisma.DbNull : (v as Prisma.InputJsonValue));

// ---------------------------------------------------------------------------------------------------------
// The form

export interface CorrectionFormData {
  slug: string;
  name: string;
  current: ModelValues;
  /** Each field's value in use, as people read it. */
  currentDisplay: Record<ModelField, string>;
  licenses: { id: string; name: string }[];
}

export async function getCorrectionFormData(slug: string): Promise<CorrectionFormData | null> {
  if (!slugSchema.safeParse(slug).success) return null;
  const db = getDb();
  const row = await db.model.findUnique({ where: { slug }, select: currentSelect });
  if (!row) return null;
  const current = rowToValues(row);
  const licenses = await db.license.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
  const currentDisplay = Object.fromEntries(MODEL_FIELDS.map((f) => [f, formatFieldValue(f, current[f])])) as Record<ModelField, string>;
  return { slug: row.slug, name: row.name, current, currentDisplay, licenses };
}

// ---------------------------------------------------------------------------------------------------------
// Submitting

export type CreateCorrectionsResult =
  | { ok: true; submissionId: string; fields: ModelField[] }
  | { ok: false; fieldErrors: CorrectionFieldErrors; message: string | null };

export interface SubmissionContext {
  /** Keyed hash of the client's address (lib/auth/client-key.ts). */
  clientKey: string;
  now?: Date;
  /** YYYY-MM-DD, for the "not in the future" rule; tests pin it. */
  today?: string;
}

/**
 * Validates a submission from the public form and, only if all of it is valid, stores one Correction per
 * proposed field. The checks: each value in its field's type (lib/schemas/correction.ts), references that
 * exist (license, organizations, base model), not equal to the value in use, the write path's rules on
 * the model as it would be, no identical proposal already pending, and the rate limits. Nothing is stored
 * on any error.
 */
export async function createCorrections(slug: string, input: CorrectionFormInput, context: SubmissionContext): Promise<CreateCorrectionsResult> {
  const db = getDb();
  const now = context.now ?? new Date();
  const today = context.today ?? todayUtc(now);

  const row = slugSchema.safeParse(slug).success ? await db.model.findUnique({ where: { slug }, select: currentSelect }) : null;
  if (!row) {
    return { ok: false, fieldErrors: {}, message: `There is no model “${String(slug).slice(0, 120)}” in the atlas, so there is nothing to correct. Nothing was stored.` };
  }
  const parsed = parseCorrectionInput(input);
  if (!parsed.ok) return parsed;
  const { proposals, evidenceUrl, note, contactEmail } = parsed.data;
  const current = rowToValues(row);
  const fieldErrors: CorrectionFieldErrors = {};
  const proposed = MODEL_FIELDS.filter((f) => proposals[f] !== undefined);

  // References: the same ones the write path (and the database's foreign keys) would refuse.
  if (proposals.licenseId !== undefined) {
    const license = await db.license.findUnique({ where: { id: proposals.licenseId }, select: { id: true } });
    if (!license) fieldErrors.licenseId = `is not a license the atlas knows (“${proposals.licenseId}”): choose one from the list`;
  }
  if (proposals.developers !== undefined) {
    const found = await db.organization.findMany({ where: { slug: { in: proposals.developers } }, select: { slug: true } });
    const missing = proposals.developers.filter((d) => !found.some((o) => o.slug === d));
    if (missing.length) fieldErrors.developers = `names an organization the atlas does not know: ${missing.join(", ")}`;
  }
  if (proposals.baseModel !== undefined) {
    if (proposals.baseModel === slug) {
      fieldErrors.baseModel = "cannot be the model itself";
    } else {
      // Walk the proposed base's own chain: a model may not end up deriving from itself.
      let cursor: string | null = proposals.baseModel;
      for (let depth = 0; cursor && depth < 50; depth++) {
        const base: { slug: string; baseModel: { slug: string } | null } | null = await db.model.findUnique({
          where: { slug: cursor },
          select: { slug: true, baseModel: { select: { slug: true } } },
        });
        if (!base) {
          if (depth === 0) fieldErrors.baseModel = `is not a model in the atlas (“${proposals.baseModel}”)`;
          break;
        }
        if (base.baseModel?.slug === slug) {
          fieldErrors.baseModel = `would make a loop: ${proposals.baseModel} already derives from this model`;
          break;
        }
        cursor = base.baseModel?.slug ?? null;
      }
    }
  }

  for (const field of proposed) {
    if (fieldErrors[field]) continue;
    if (sameValue(field, proposals[field], current[field])) {
      fieldErrors[field] = `is already the current value (${formatFieldValue(field, current[field])}): there is nothing to correct`;
    }
  }

  // The write path's rules, on the model as it would be; only problems this proposal introduces count.
  const before = new Set(checkModelRules(current, today).map((v) => `${v.field}\0${v.message}`));
  const after = checkModelRules({ ...current, ...proposals }, today).filter((v) => !before.has(`${v.field}\0${v.message}`));
  const elsewhere: string[] = [];
  for (const v of after) {
    if (proposals[v.field] !== undefined) fieldErrors[v.field] ??= v.message;
    else elsewhere.push(`${fieldLabel(v.field)}: ${v.message}`);
  }
  if (Object.keys(fieldErrors).length || elsewhere.length) {
    const message = elsewhere.length
      ? `With these values the record would break a rule, so nothing was stored. ${elsewhere.join("; ")}. Propose the related field too if it is also wrong.`
      : null;
    return { ok: false, fieldErrors, message };
  }

  const submissionId = randomUUID();
  const outcome = await db.$transaction(async (tx) => {
    // One submission at a time per client, across every app instance, so the count below is exact.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`atlas-correction-rate:${context.clientKey}`}))`;
    const since = new Date(now.getTime() - 3_600_000);
    const recent = await tx.correction.groupBy({
      by: ["submissionId"],
      where: { clientKey: context.clientKey, createdAt: { gt: since } },
      _min: { createdAt: true },
    });
    if (recent.length >= CORRECTION_LIMITS.perClientPerHour) {
      const oldest = Math.min(...recent.map((r) => r._min.createdAt!.getTime()));
      const minutes = Math.max(1, Math.ceil((oldest + 3_600_000 - now.getTime()) / 60_000));
      return {
        ok: false as const,
        fieldErrors: {},
        message: `You have sent ${CORRECTION_LIMITS.perClientPerHour} corrections in the last hour, the most we take from one sender. Please try again in ${minutes} minute${minutes === 1 ? "" : "s"}; nothing was stored.`,
      };
    }
    const everyone = await tx.correction.groupBy({ by: ["submissionId"], where: { createdAt: { gt: since } } });
    if (everyone.length >= CORRECTION_LIMITS.allClientsPerHour) {
      return {
        ok: false as const,
        fieldErrors: {},
        message: "The atlas is receiving an unusual number of corrections right now. Please try again in an hour; nothing was stored.",
      };
    }
    const duplicates: CorrectionFieldErrors = {};
    for (const field of proposed) {
      const pending = await tx.correction.findFirst({
        where: { modelId: row.id, field, status: "pending", proposedValue: { equals: proposals[field] as Prisma.InputJsonValue } },
        select: { createdAt: true },
      });
      if (pending) duplicates[field] = `is already proposed with this same value and awaiting review (sent ${pending.createdAt.toISOString().slice(0, 10)}); no need to send it again`;
    }
    if (Object.keys(duplicates).length) return { ok: false as const, fieldErrors: duplicates, message: null };

    await tx.correction.createMany({
      data: proposed.map((field) => ({
        submissionId,
        modelId: row.id,
        field,
        currentValue: jsonOrDbNull(current[field]),
        proposedValue: proposals[field] as Prisma.InputJsonValue,
        evidenceUrl,
        note,
        contactEmail,
        clientKey: context.clientKey,
        createdAt: now,
      })),
    });
    return { ok: true as const, submissionId, fields: proposed };
  });
  return outcome;
}

// ---------------------------------------------------------------------------------------------------------
// Following a submission (public, by its unguessable id)

export interface SubmissionView {
  submissionId: string;
  model: { slug: string; name: string };
  createdAt: string;
  evidenceUrl: string;
  note: string | null;
  items: {
    id: number;
    field: ModelField;
    label: string;
    proposed: string;
    currentWhenSent: string;
    status: CorrectionStatus;
    reviewReason: string | null;
    reviewedAt: string | null;
  }[];
}

export async function getSubmission(submissionId: string): Promise<SubmissionView | null> {
  const rows = await getDb().correction.findMany({
    where: { submissionId },
    orderBy: { id: "asc" },
    select: {
      id: true, field: true, proposedValue: true, currentValue: true, status: true, reviewReason: true, reviewedAt: true,
      createdAt: true, evidenceUrl: true, note: true, model: { select: { slug: true, name: true } },
    },
  });
  const first = rows[0];
  if (!first) return null;
  return {
    submissionId,
    model: first.model,
    createdAt: first.createdAt.toISOString(),
    evidenceUrl: first.evidenceUrl,
    note: first.note,
    items: rows.map((r) => ({
      id: r.id,
      field: r.field as ModelField,
      label: fieldLabel(r.field),
      proposed: formatFieldValue(r.field, r.proposedValue),
      currentWhenSent: formatFieldValue(r.field, r.currentValue),
      status: r.status as CorrectionStatus,
      reviewReason: r.reviewReason,
      reviewedAt: r.reviewedAt?.toISOString() ?? null,
    })),
  };
}

// ---------------------------------------------------------------------------------------------------------
// The moderators' queue

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
    /** The value in use changed since the proposal was sent. */
    changedSinceSent: boolean;
    /** Every source's value of this field, highest precedence first. */
    sources: SourceValue[];
  }[];
}

const KIND_ORDER: Record<string, number> = { correction: 0, curated: 1, huggingface: 2, epoch: 3 };

async function sourcesFor(db: PrismaClient, pairs: { modelId: number; field: string }[]): Promise<Map<string, SourceValue[]>> {
  const out = new Map<string, SourceValue[]>();
  if (pairs.length === 0) return out;
  const rows = await db.fieldSource.findMany({
    where: { OR: pairs.map((p) => ({ modelId: p.modelId, field: p.field })) },
    select: { modelId: true, field: true, sourceKind: true, value: true, sourceUrl: true, retrievedAt: true },
  });
  rows.sort((a, b) => (KIND_ORDER[a.sourceKind] ?? 9) - (KIND_ORDER[b.sourceKind] ?? 9));
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
      changedSinceSent: !same(now, r.currentValue),
      sources: sources.get(`${r.modelId}\0${r.field}`) ?? [],
    });
  }
  return [...bySubmission.values()];
}

export async function countPendingCorrections(): Promise<number> {
  return getDb().correction.count({ where: { status: "pending" } });
}

export type ReviewResult =
  | { ok: true; decision: "accepted" | "rejected"; model: { slug: string; name: string }; fields: ModelField[]; changed: ModelField[] }
  | { ok: false; message: string };

class ReviewRefused extends Error {}

async function loadForReview(tx: Prisma.TransactionClient, ids: number[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) throw new ReviewRefused("Tick at least one proposed value.");
  const rows = await tx.correction.findMany({
    where: { id: { in: unique } },
    orderBy: { id: "asc" },
    select: { id: true, submissionId: true, field: true, proposedValue: true, evidenceUrl: true, status: true, model: { select: { slug: true, name: true } } },
  });
  if (rows.length !== unique.length) throw new ReviewRefused("Some of these corrections no longer exist (was the model deleted?). Nothing was changed.");
  if (new Set(rows.map((r) => r.submissionId)).size > 1) throw new ReviewRefused("Review one submission at a time. Nothing was changed.");
  if (rows.some((r) => r.status !== "pending")) throw new ReviewRefused("These corrections were already reviewed (perhaps by another moderator). Nothing was changed.");
  return { rows, ids: unique };
}

/** Marks the rows reviewed; refuses when another moderator got there first (the row lock serializes them). */
async function markReviewed(tx: Prisma.TransactionClient, ids: number[], status: "accepted" | "rejected", reason: string, now: Date) {
  const updated = await tx.correction.updateMany({
    where: { id: { in: ids }, status: "pending" },
    data: { status, reviewedAt: now, reviewReason: reason === "" ? null : reason },
  });
  if (updated.count !== ids.length) throw new ReviewRefused("These corrections were just reviewed by another moderator. Nothing was changed.");
}

/**
 * Accepts proposed values (one submission, one or several of its fields): marks them accepted and applies
 * them through the write path, in one transaction, as source "correction" with evidence as the source URL,
 * so the revision log links the correction. If the rules refuse the result, nothing changes.
 */
export async function acceptCorrections(ids: number[], reason: string, options: { now?: Date; today?: string } = {}): Promise<ReviewResult> {
  const now = options.now ?? new Date();
  try {
    return await getDb().$transaction(async (tx) => {
      const { rows, ids: unique } = await loadForReview(tx, ids);
      const inputs: FieldInputs = {};
      for (const r of rows) {
        if (!isModelField(r.field)) throw new ReviewRefused(`Unknown field “${r.field}”. Nothing was changed.`);
        // Stored values were checked when sent; check again, the database is not a place to trust blindly.
        const value = FIELD_VALUE_SCHEMAS[r.field].safeParse(r.proposedValue);
        if (!value.success) throw new ReviewRefused(`${fieldLabel(r.field)}: the stored proposal ${value.error.issues[0]?.message ?? "is not valid"}. Nothing was changed.`);
        if (r.field === "licenseId" && !(await tx.license.findUnique({ where: { id: value.data as string }, select: { id: true } }))) {
          throw new ReviewRefused(`License: “${String(value.data)}” is no longer a known license. Nothing was changed.`);
        }
        (inputs as Record<string, { value: FieldValue; url: string }>)[r.field] = { value: value.data as FieldValue, url: r.evidenceUrl };
      }
      await markReviewed(tx, unique, "accepted", reason, now);
      const result = await writeModel(
        tx,
        rows[0]!.model.slug,
        inputs,
        { kind: "correction", retrievedAt: now, reason: `accepted correction ${unique.map((id) => `#${id}`).join(", ")}`, correctionId: unique[0]! },
        { today: options.today ?? todayUtc(now) },
      );
      return { ok: true as const, decision: "accepted" as const, model: rows[0]!.model, fields: rows.map((r) => r.field as ModelField), changed: result.changed };
    });
  } catch (e) {
    if (e instanceof ReviewRefused) return { ok: false, message: e.message };
    if (e instanceof WriteRejectedError) {
      const problems = e.problems.map((p) => `${fieldLabel(p.field)}: ${p.message}`).join("; ");
      return { ok: false, message: `Accepting this would break the record's rules (${problems}). Nothing was changed; accept it together with the related fields, or reject it.` };
    }
    throw e;
  }
}

export async function rejectCorrections(ids: number[], reason: string, options: { now?: Date } = {}): Promise<ReviewResult> {
  const now = options.now ?? new Date();
  if (reason.trim() === "") return { ok: false, message: "A reason is required when rejecting: the person who sent it will read it." };
  try {
    return await getDb().$transaction(async (tx) => {
      const { rows, ids: unique } = await loadForReview(tx, ids);
      await markReviewed(tx, unique, "rejected", reason, now);
      return { ok: true as const, decision: "rejected" as const, model: rows[0]!.model, fields: rows.map((r) => r.field as ModelField), changed: [] };
    });
  } catch (e) {
    if (e instanceof ReviewRefused) return { ok: false, message: e.message };
    throw e;
  }
}

export const acceptCorrection = (id: number, reason: string, options?: { now?: Date; today?: string }) => acceptCorrections([id], reason, options);
export const rejectCorrection = (id: number, reason: string, options?: { now?: Date }) => rejectCorrections([id], reason, options);

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

// ---------------------------------------------------------------------------------------------------------
// Public history

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
