import { z } from "zod";
import { hfRepoIdSchema } from "./common";

/**
 * The parts of the Hub's `GET /api/models/{id}` answer the ingester reads (tests/fixtures/hf/MODELINFO.md).
 * Loose: the Hub adds keys all the time. The keys we read are checked; a wrong type there is an error.
 */
const count = z.int().nonnegative();
const isoDateTime = z.iso.datetime({ offset: true, message: "must be an ISO date-time" });

export const hfCardDataSchema = z.looseObject({
  // Model cards write one license or, rarely, a list.
  license: z.union([z.string(), z.array(z.string())]).nullish(),
  license_name: z.string().nullish(),
  license_link: z.string().nullish(),
  // The repo(s) this one was trained or converted from, as the card states them.
  base_model: z.union([z.string(), z.array(z.string())]).nullish(),
});

export const hfModelInfoSchema = z.looseObject({
  id: hfRepoIdSchema,
  /** The Hub's object id: a rename keeps it. */
  _id: z.string().nullish(),
  author: z.string().nullish(),
  createdAt: isoDateTime.nullish(),
  lastModified: isoDateTime.nullish(),
  private: z.boolean().nullish(),
  disabled: z.boolean().nullish(),
  gated: z.union([z.boolean(), z.string()]).nullish(),
  downloads: count.nullish(),
  likes: count.nullish(),
  pipeline_tag: z.string().nullish(),
  library_name: z.string().nullish(),
  tags: z.array(z.string()).nullish(),
  cardData: hfCardDataSchema.nullish(),
  safetensors: z
    .looseObject({
      parameters: z.record(z.string(), count).nullish(),
      total: count,
    })
    .nullish(),
});
export type HfModelInfo = z.infer<typeof hfModelInfoSchema>;

/** One entry of `GET /api/models?author=...` (the list answer). */
export const hfModelListSchema = z.array(
  z.looseObject({
    id: hfRepoIdSchema,
    pipeline_tag: z.string().nullish(),
    safetensors: z.looseObject({ total: count }).nullish(),
  }),
);
export type HfModelListEntry = z.infer<typeof hfModelListSchema>[number];

/** One entry of the newest-first listing discovery reads (`sort=createdAt`, with the properties it expands). */
export const hfNewestListSchema = z.array(
  z.looseObject({
    id: hfRepoIdSchema,
    _id: z.string().nullish(),
    createdAt: isoDateTime.nullish(),
    pipeline_tag: z.string().nullish(),
    library_name: z.string().nullish(),
    tags: z.array(z.string()).nullish(),
    gated: z.union([z.boolean(), z.string()]).nullish(),
    safetensors: z.looseObject({ total: count }).nullish(),
  }),
);

/** A recorded bundle of responses (e.g. tests/fixtures/hf/api/inference-atlas_trimmed_safetensors.json). */
export const hfRecordedBundleSchema = z.looseObject({
  responses: z.array(z.looseObject({ body: z.looseObject({ id: z.string() }) })),
});

/** Zod issues as one line: "safetensors.total: expected number, received string". */
export function formatIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join(".") : "(root)"}: ${i.message}`).join("; ");
}
