// Corrections, the form: what the "Suggest a correction" page shows for a model.
import "server-only";
import { getDb } from "@/lib/db";
import { formatFieldValue } from "@/lib/domain/field-display";
import { MODEL_FIELDS, type ModelField, type ModelValues } from "@/lib/domain/model-fields";
import { slugSchema } from "@/lib/schemas/common";
import { listLicenses } from "../models";
import { rowToValues } from "../write-path";

import { currentSelect } from "./shared";

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
  const licenses = await listLicenses();
  const currentDisplay = Object.fromEntries(MODEL_FIELDS.map((f) => [f, formatFieldValue(f, current[f])])) as Record<ModelField, string>;
  return { slug: row.slug, name: row.name, current, currentDisplay, licenses };
}
