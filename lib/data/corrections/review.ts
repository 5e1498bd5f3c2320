// Corrections, the moderators' decisions: accept (through writeModel, source kind "correction") or reject, one moderator at a time.
import "server-only";
import { getDb } from "@/lib/db";
import { fieldLabel, isModelField, type ModelField } from "@/lib/domain/model-fields";
import { todayUtc } from "@/lib/domain/model-rules";
import { Prisma } from "@/lib/generated/prisma/client";
import { formatFieldValue } from "@/lib/domain/field-display";
import { FIELD_VALUE_SCHEMAS } from "@/lib/schemas/correction";
import { rowToValues, writeModel, WriteRejectedError, type FieldInputs, type FieldValue } from "../write-path";
import { currentSelect, sameValue } from "./shared";


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
    select: { id: true, submissionId: true, field: true, proposedValue: true, currentValue: true, evidenceUrl: true, status: true, modelId: true, model: { select: { slug: true, name: true } } },
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
export async function acceptCorrections(
  ids: number[],
  reason: string,
  options: {
    now?: Date;
    today?: string;
    /**
     * The value in use each correction's field had when the moderator looked (by correction id): optimistic
     * concurrency. If the field changed since (another moderator's accept, an ingest), the accept is refused
     * and nothing is overwritten. Without it, the value when the correction was sent is the reference.
     */
    seen?: ReadonlyMap<number, unknown>;
  } = {},
): Promise<ReviewResult> {
  const now = options.now ?? new Date();
  try {
    return await getDb().$transaction(async (tx) => {
      const { rows, ids: unique } = await loadForReview(tx, ids);
      // One accept per model at a time: a second moderator's accept waits here, then sees the first's value.
      await tx.$queryRaw`SELECT "id" FROM "Model" WHERE "id" = ${rows[0]!.modelId} FOR UPDATE`;
      const stored = await tx.model.findUniqueOrThrow({ where: { id: rows[0]!.modelId }, select: currentSelect });
      const currentNow = rowToValues(stored);
      for (const r of rows) {
        if (!isModelField(r.field)) continue;
        const expected = options.seen?.has(r.id) ? options.seen.get(r.id) : r.currentValue;
        if (!sameValue(r.field, currentNow[r.field], expected ?? null)) {
          throw new ReviewRefused(
            `${fieldLabel(r.field)} changed while this was waiting: it is now ${formatFieldValue(r.field, currentNow[r.field])}, not the ${formatFieldValue(r.field, expected ?? null)} you reviewed against (another moderator or a source changed it). Nothing was changed; look at it again.`,
          );
        }
      }
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

export const acceptCorrection = (id: number, reason: string, options?: Parameters<typeof acceptCorrections>[2]) => acceptCorrections([id], reason, options);
export const rejectCorrection = (id: number, reason: string, options?: { now?: Date }) => rejectCorrections([id], reason, options);
