// Corrections, submitting: validate a proposal, apply the per-client rate limit, store it pending.
import "server-only";
import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/db";
import { formatFieldValue } from "@/lib/domain/field-display";
import { fieldLabel, MODEL_FIELDS, type ModelField } from "@/lib/domain/model-fields";
import { checkModelRules, todayUtc } from "@/lib/domain/model-rules";
import { Prisma } from "@/lib/generated/prisma/client";
import { CORRECTION_LIMITS, parseCorrectionInput, type CorrectionFieldErrors, type CorrectionFormInput } from "@/lib/schemas/correction";
import { slugSchema } from "@/lib/schemas/common";
import { rowToValues } from "../write-path";

import { currentSelect, jsonOrDbNull, sameValue } from "./shared";

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
  if (proposals.licenseId != null) {
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
