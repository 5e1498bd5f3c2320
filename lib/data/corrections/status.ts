// Corrections, following a submission: the public status page, found by its unguessable id.
import "server-only";
import { getDb } from "@/lib/db";
import type { CorrectionStatus } from "@/lib/domain/correction-fields";
import { formatFieldValue } from "@/lib/domain/field-display";
import { fieldLabel, type ModelField } from "@/lib/domain/model-fields";


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
