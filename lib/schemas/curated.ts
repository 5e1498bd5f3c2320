import { z } from "zod";
import { LICENSE_CATEGORIES } from "@/lib/domain/licenses";
import { ARCHITECTURES, MODALITIES, MODEL_FIELD_REGISTRY, MODEL_FIELDS, ORGANIZATION_KINDS, VARIANTS } from "@/lib/domain/model-fields";
import { countryCodeSchema, hfRepoIdSchema, httpUrlSchema, isoDateSchema, slugSchema } from "./common";

/** The shape of one file under data/curated/ (see data/README.md). Strict: a misspelt key is an error. */
const count = z.int().positive();

export const curatedLicenseSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, "lowercase id like apache-2.0"),
  name: z.string().min(2).max(200),
  category: z.enum(LICENSE_CATEGORIES),
  url: httpUrlSchema,
});

export const curatedOrganizationSchema = z.strictObject({
  slug: slugSchema,
  name: z.string().min(1).max(200),
  country: countryCodeSchema,
  kind: z.enum(ORGANIZATION_KINDS),
  website: httpUrlSchema.nullish(),
  source: httpUrlSchema,
});

/** `default` and every field's YAML key (from the field registry): a source URL per field, or the default. */
const SOURCE_KEYS = ["default", ...MODEL_FIELDS.map((f) => MODEL_FIELD_REGISTRY[f].yamlKey)] as [string, ...string[]];

export const curatedModelSchema = z.strictObject({
  slug: slugSchema,
  name: z.string().min(1).max(200),
  family: z.string().min(1).max(200),
  variant: z.enum(VARIANTS),
  developers: z.array(slugSchema).min(1),
  announced: isoDateSchema.nullish(),
  released: isoDateSchema,
  totalParams: count.nullish(),
  activeParams: count.nullish(),
  architecture: z.enum(ARCHITECTURES),
  routedExperts: count.nullish(),
  expertsPerToken: count.nullish(),
  sharedExperts: z.int().nonnegative().nullish(),
  contextWindow: count.nullish(),
  maxPositionEmbeddings: count.nullish(),
  license: z.string().min(1),
  openWeights: z.boolean(),
  hfRepoId: hfRepoIdSchema.nullish(),
  baseModel: slugSchema.nullish(),
  modalities: z.array(z.enum(MODALITIES)).min(1),
  sources: z
    .partialRecord(z.enum(SOURCE_KEYS), httpUrlSchema)
    .refine((s) => s.default !== undefined, { message: "needs a `default` source URL" }),
  notes: z.string().max(2000).nullish(),
});

/** The file's outline; its records are parsed one by one with the schemas above. */
export const curatedFileSchema = z.strictObject({
  licenses: z.array(z.unknown()).optional(),
  organizations: z.array(z.unknown()).optional(),
  models: z.array(z.unknown()).optional(),
});

export type CuratedLicense = z.infer<typeof curatedLicenseSchema>;
export type CuratedOrganization = z.infer<typeof curatedOrganizationSchema>;
export type CuratedModel = z.infer<typeof curatedModelSchema>;
