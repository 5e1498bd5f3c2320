import { z } from "zod";
import { isCountryCode } from "@/lib/domain/countries";

// Defined beside the field registry, which holds every model field's value schema.
export { hfRepoIdSchema, isoDateSchema, slugSchema } from "@/lib/domain/text-schemas";

export const countryCodeSchema = z
  .string()
  .refine(isCountryCode, { message: "not an ISO 3166-1 alpha-2 country code (e.g. US, CN, FR)" });

/** http(s) only: a javascript: or data: URL is never a source or evidence. */
export const httpUrlSchema = z
  .url({ protocol: /^https?$/, message: "must be an http or https URL" })
  .max(2000);
