import { z } from "zod";
import { LICENSE_CATEGORIES } from "@/lib/domain/licenses";
import { MODEL_FIELD_REGISTRY, MODEL_FIELDS, ORGANIZATION_KINDS, type ModelField, type ModelFieldRegistry } from "@/lib/domain/model-fields";
import { countryCodeSchema, httpUrlSchema, isoDateSchema, slugSchema } from "./common";

/** The shape of one file under data/curated/ (see data/README.md). Strict: a misspelt key is an error. */
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

type Registry = ModelFieldRegistry;
/** A field in a curated file: its registry value schema under its YAML key, optional (or null) where the field may be missing. */
type CuratedFieldSchema<K extends ModelField> = Registry[K]["required"] extends true ? Registry[K]["value"] : z.ZodOptional<z.ZodNullable<Registry[K]["value"]>>;
type CuratedFieldShape = { [K in ModelField as Registry[K]["yamlKey"]]: CuratedFieldSchema<K> };

// The same value schemas as the corrections form and the write path's re-checks: a curated value is held
// to what a moderator could accept.
const curatedFieldShape = Object.fromEntries(
  MODEL_FIELDS.map((f) => {
    const { yamlKey, value, required } = MODEL_FIELD_REGISTRY[f];
    return [yamlKey, required ? value : value.nullish()];
  }),
) as unknown as CuratedFieldShape;

export const curatedModelSchema = z.strictObject({
  slug: slugSchema,
  ...curatedFieldShape,
  sources: z
    .partialRecord(z.enum(SOURCE_KEYS), httpUrlSchema)
    .refine((s) => s.default !== undefined, { message: "needs a `default` source URL" }),
  notes: z.string().max(2000).nullish(),
  /**
   * YYYY-MM-DD: the day a person last checked this record's values against their sources. Optional:
   * absent, the model page says the check date is not recorded (never the day the database was loaded).
   */
  checked: isoDateSchema.refine((d) => !/^\d{4}-/.test(d) || d >= "2020-01-01", "is before 2020: not a check date of this dataset").optional(),
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
