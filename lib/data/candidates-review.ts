// The moderators' decisions on discovered repositories (issue 16): accept (a new record through the write
// path), merge (into an existing record), dismiss (remembered). One moderator at a time: each decision
// claims the pending row in its transaction, so a second moderator's decision is refused, not applied twice.
import "server-only";
import { getDb } from "@/lib/db";
import { fieldLabel, isModelField, type ModelField } from "@/lib/domain/model-fields";
import { todayUtc } from "@/lib/domain/model-rules";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CandidateDecision } from "@/lib/schemas/candidate";
import { readProposals } from "./candidates";
import { writeModel, WriteRejectedError, type FieldInputs } from "./write-path";

export type CandidateReviewResult =
  | { ok: true; decision: "accepted" | "merged" | "dismissed"; repoId: string; model: { slug: string } | null }
  | { ok: false; message: string; fieldErrors?: Record<string, string> };

class Refused extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
  }
}

/** Marks the candidate decided; refuses when it is not pending any more (another moderator decided first). */
async function claim(tx: Prisma.TransactionClient, id: number, status: "accepted" | "merged" | "dismissed", reason: string, now: Date) {
  const row = await tx.candidate.findUnique({ where: { id }, select: { id: true, repoId: true, status: true, proposed: true } });
  if (!row) throw new Refused("This candidate no longer exists. Nothing was changed.");
  const updated = await tx.candidate.updateMany({ where: { id, status: "pending" }, data: { status, reviewedAt: now, reviewReason: reason === "" ? null : reason } });
  if (updated.count !== 1) throw new Refused(`This candidate was already decided (${row.status}), perhaps by another moderator. Nothing was changed.`);
  return row;
}

const repoUrl = (repoId: string) => `https://huggingface.co/${repoId}`;

export async function decideCandidate(id: number, decision: CandidateDecision, options: { now?: Date; today?: string } = {}): Promise<CandidateReviewResult> {
  const now = options.now ?? new Date();
  const today = options.today ?? todayUtc(now);
  try {
    return await getDb().$transaction(async (tx) => {
      if (decision.decision === "dismiss") {
        const row = await claim(tx, id, "dismissed", decision.reason, now);
        return { ok: true as const, decision: "dismissed" as const, repoId: row.repoId, model: null };
      }

      if (decision.decision === "merge") {
        const target = await tx.model.findUnique({ where: { slug: decision.into }, select: { id: true, slug: true, hfRepoId: true } });
        if (!target) throw new Refused(`There is no record ${decision.into}. Nothing was changed.`, { mergeInto: "names no record: use the id in the record's address" });
        const row = await claim(tx, id, "merged", decision.reason, now);
        await tx.candidate.update({ where: { id }, data: { modelId: target.id } });
        // A record without a repository gets this one; a record that has one keeps it (the candidate remembers the link).
        if (!target.hfRepoId) {
          await writeModel(tx, target.slug, { hfRepoId: { value: row.repoId, url: repoUrl(row.repoId) } }, { kind: "moderator", retrievedAt: now, reason: `merged candidate #${id} (${row.repoId})` }, { today });
        }
        return { ok: true as const, decision: "merged" as const, repoId: row.repoId, model: { slug: target.slug } };
      }

      if (await tx.model.findUnique({ where: { slug: decision.slug }, select: { id: true } })) {
        throw new Refused(`The id ${decision.slug} is taken by a record. Choose another id, or merge into that record.`, { slug: "is taken by a record" });
      }
      const row = await claim(tx, id, "accepted", decision.reason, now);
      const batch = (kind: "moderator" | "huggingface") => ({ kind, retrievedAt: now, reason: `accepted candidate #${id} (${row.repoId})` });
      await writeModel(tx, decision.slug, decision.values as FieldInputs, batch("moderator"), { today, notes: decision.reason === "" ? null : decision.reason });
      // What the Hub itself said stays beside the moderator's value (safetensors totals, createdAt), for the
      // fields the moderator kept: a field the moderator emptied is not brought back by the Hub's value.
      const hub: FieldInputs = {};
      for (const [field, p] of Object.entries(readProposals(row.proposed)) as [ModelField, { value: unknown; url: string; basis: string }][]) {
        if (p.basis === "hub" && isModelField(field) && decision.values[field]) (hub as Record<string, unknown>)[field] = { value: p.value, url: p.url };
      }
      if (Object.keys(hub).length) await writeModel(tx, decision.slug, hub, batch("huggingface"), { today });
      const model = await tx.model.findUniqueOrThrow({ where: { slug: decision.slug }, select: { id: true } });
      await tx.candidate.update({ where: { id }, data: { modelId: model.id } });
      return { ok: true as const, decision: "accepted" as const, repoId: row.repoId, model: { slug: decision.slug } };
    });
  } catch (e) {
    if (e instanceof Refused) return { ok: false, message: e.message, ...(e.fieldErrors ? { fieldErrors: e.fieldErrors } : {}) };
    if (e instanceof WriteRejectedError) {
      const fieldErrors = Object.fromEntries(e.problems.map((p) => [p.field, p.message]));
      const list = e.problems.map((p) => `${isModelField(p.field) ? fieldLabel(p.field) : p.field} ${p.message}`).join("; ");
      return { ok: false, message: `The record would break its rules: ${list}. Nothing was changed.`, fieldErrors };
    }
    throw e;
  }
}
