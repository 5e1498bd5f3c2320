import { z } from "zod";
import { isCountryCode } from "@/lib/domain/countries";

export const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, "use lowercase letters, digits, dots and dashes (e.g. deepseek-v3, qwen2.5-72b)")
  .max(120);

export const countryCodeSchema = z
  .string()
  .refine(isCountryCode, { message: "not an ISO 3166-1 alpha-2 country code (e.g. US, CN, FR)" });

/** http(s) only: a javascript: or data: URL is never a source or evidence. */
export const httpUrlSchema = z
  .url({ protocol: /^https?$/, message: "must be an http or https URL" })
  .max(2000);

export const isoDateSchema = z.iso.date({ message: "must be a date as YYYY-MM-DD" });

export const hfRepoIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][\w.-]*\/[\w.-]+$/, "must be a Hugging Face repo id like org/name");
