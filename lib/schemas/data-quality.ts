import { z } from "zod";
import { MODEL_FIELDS, type ModelField } from "@/lib/domain/model-fields";
import { SOURCE_KINDS, type SourceKind } from "@/lib/domain/sources";

/**
 * The URL of /data-quality: `?field=totalParams&source=huggingface&page=2`. Forgiving: a junk value
 * falls back to its default (all fields, all sources, page 1). Defaults stay out of the URL.
 */
const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

export const dataQualityParamsSchema = z.object({
  field: z.preprocess(first, z.enum(MODEL_FIELDS).optional()).catch(undefined),
  source: z.preprocess(first, z.enum(SOURCE_KINDS).optional()).catch(undefined),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(10_000).default(1)).catch(1),
});
export type DataQualityParams = z.infer<typeof dataQualityParamsSchema>;

export const DATA_QUALITY_PAGE_SIZE = 100;

export function parseDataQualityParams(searchParams: Record<string, string | string[] | undefined>): DataQualityParams {
  return dataQualityParamsSchema.parse(searchParams);
}

/** The address of a view; changing a filter (anything but `page`) starts again at page 1. */
export function dataQualityHref(current: DataQualityParams, change: { field?: ModelField | null; source?: SourceKind | null; page?: number }): string {
  const next = {
    field: change.field === undefined ? current.field : (change.field ?? undefined),
    source: change.source === undefined ? current.source : (change.source ?? undefined),
    page: change.page ?? (change.field !== undefined || change.source !== undefined ? 1 : current.page),
  };
  const q = new URLSearchParams();
  if (next.field) q.set("field", next.field);
  if (next.source) q.set("source", next.source);
  if (next.page > 1) q.set("page", String(next.page));
  const s = q.toString();
  return s ? `/data-quality?${s}` : "/data-quality";
}
