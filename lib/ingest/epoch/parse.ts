import { z } from "zod";
import { countryCodeFromName } from "@/lib/domain/countries";
import type { LicenseCategory } from "@/lib/domain/licenses";
import type { Modality } from "@/lib/domain/model-fields";
import { isoDateSchema } from "@/lib/schemas/common";
import { parseCsv } from "../csv";
import { extractActiveParams, extractHfRepoIds, extractLicense } from "./notes";

/**
 * Epoch AI's "Data on AI Models" CSV (CC BY 4.0) -> one normalized record per row. Columns are mapped by
 * name (their order and set change between snapshots); a column the ingester needs that is missing stops
 * the run with a message naming it. How Epoch codes things: /work/shared/data/README.md, summarized in
 * docs/decisions/005-ingesters.md.
 */
export const EPOCH_URL = "https://epoch.ai/data/ai-models";

/** Our name for a column -> the names Epoch has used for it, newest first. */
export const EPOCH_COLUMNS = {
  model: ["Model", "System"],
  organization: ["Organization"],
  publicationDate: ["Publication date"],
  domain: ["Domain"],
  parameters: ["Parameters"],
  accessibility: ["Model accessibility"],
  country: ["Country (of organization)", "Country (from Organization)"],
  parametersNotes: ["Parameters notes"],
  accessibilityNotes: ["Accessibility notes"],
  link: ["Link"],
  hfDeveloperId: ["Hugging Face developer id"],
  contextWindow: ["Context window"],
} as const;
type Column = keyof typeof EPOCH_COLUMNS;
const REQUIRED: Column[] = ["model", "organization", "publicationDate", "domain", "parameters", "accessibility", "country"];

export class EpochColumnsError extends Error {}

export function mapColumns(header: string[]): Partial<Record<Column, number>> {
  const index = new Map(header.map((h, i) => [h.trim().toLowerCase(), i]));
  const out: Partial<Record<Column, number>> = {};
  for (const [col, names] of Object.entries(EPOCH_COLUMNS) as [Column, readonly string[]][]) {
    const i = names.map((n) => index.get(n.toLowerCase())).find((x) => x !== undefined);
    if (i !== undefined) out[col] = i;
  }
  const missing = REQUIRED.filter((c) => out[c] === undefined);
  if (missing.length) {
    throw new EpochColumnsError(
      `the CSV lacks ${missing.length === 1 ? "a column" : "columns"} the Epoch ingester needs: ` +
        missing.map((c) => `${c} (looked for ${EPOCH_COLUMNS[c].map((n) => `"${n}"`).join(" or ")})`).join("; ") +
        `. Its columns are: ${header.map((h) => `"${h}"`).join(", ")}`,
    );
  }
  return out;
}

/** "Model accessibility" -> whether the weights are open and in which license category. */
export const ACCESSIBILITY: Record<string, { openWeights: boolean; category: LicenseCategory | null }> = {
  "open weights (unrestricted)": { openWeights: true, category: "permissive" },
  "open weights (restricted use)": { openWeights: true, category: "restricted" },
  "open weights (non-commercial)": { openWeights: true, category: "non-commercial" },
  "api access": { openWeights: false, category: null },
  "hosted access (no api)": { openWeights: false, category: null },
  unreleased: { openWeights: false, category: null },
};

export interface EpochCountries {
  /** ISO codes, in the order of the organizations, repeats removed. */
  codes: string[];
  /** One code per organization when the counts line up (Epoch lists one country per organization). */
  perOrganization: (string | null)[] | null;
  multinational: boolean;
  unknown: string[];
}

/** "China,China" -> [CN]; "United States of America,Korea (Republic of)" -> [US, KR]; "Multinational" kept as a flag. */
export function parseCountries(text: string, organizationCount: number): EpochCountries {
  const names = text.split(",").map((s) => s.trim()).filter(Boolean);
  const perOrg: (string | null)[] = [];
  const unknown: string[] = [];
  let multinational = false;
  for (const n of names) {
    if (/^multinational$/i.test(n)) {
      multinational = true;
      perOrg.push(null);
      continue;
    }
    const code = countryCodeFromName(n);
    if (!code) unknown.push(n);
    perOrg.push(code);
  }
  return {
    codes: [...new Set(perOrg.filter((c): c is string => c !== null))],
    perOrganization: names.length === organizationCount ? perOrg : null,
    multinational,
    unknown: [...new Set(unknown)],
  };
}

/** Epoch's Domain -> our input modalities (text first). */
export function modalitiesFromDomain(domains: string[]): Modality[] {
  const out: Modality[] = ["text"];
  const has = (d: string) => domains.some((x) => x.toLowerCase() === d);
  if (has("vision") || has("multimodal")) out.push("image");
  if (has("speech") || has("audio")) out.push("audio");
  if (has("video")) out.push("video");
  return out;
}

export interface EpochRecord {
  /** Line of the CSV the row starts on. */
  line: number;
  name: string;
  organizations: string[];
  countries: EpochCountries;
  publicationDate: string | null;
  domains: string[];
  isLanguage: boolean;
  /** Null when "Model accessibility" is blank or unknown. */
  openWeights: boolean | null;
  licenseCategory: LicenseCategory | null;
  /** Epoch's Parameters: the TOTAL count. */
  totalParams: number | null;
  /** From Parameters notes, where stated plainly. */
  activeParams: number | null;
  /** From Accessibility notes, when they name exactly one license. */
  licenseId: string | null;
  hfRepoIds: string[];
  hfDeveloperId: string | null;
  contextWindow: number | null;
  /**
   * What Parameters notes say of the architecture: "moe" when they mention experts, sparsity or an active
   * count, "dense" only when they say dense and nothing of the former, else null (most rows: unknown).
   */
  architecture: "dense" | "moe" | null;
  /** What could not be read; the rest of the record stands. */
  problems: string[];
}

const count = z
  .string()
  .trim()
  .transform((s, ctx) => {
    if (s === "") return null;
    const n = Number(s.replace(/,/g, ""));
    if (!Number.isFinite(n) || n <= 0) {
      ctx.addIssue({ code: "custom", message: `"${s}" is not a positive number` });
      return z.NEVER;
    }
    return Math.round(n);
  });

const rowSchema = z.object({
  model: z.string().trim().min(1, "the model has no name"),
  organization: z.string(),
  publicationDate: z.string().trim().pipe(z.union([z.literal(""), isoDateSchema])),
  domain: z.string(),
  parameters: count,
  accessibility: z.string().trim(),
  country: z.string(),
  parametersNotes: z.string(),
  accessibilityNotes: z.string(),
  link: z.string(),
  hfDeveloperId: z.string().trim(),
  contextWindow: count,
});

export interface EpochFile {
  records: EpochRecord[];
  /** Rows that could not be read at all, with their line. */
  errors: { line: number; message: string }[];
}

export function parseEpochCsv(text: string): EpochFile {
  const rows = parseCsv(text);
  const header = rows[0];
  if (!header) throw new EpochColumnsError("the CSV is empty");
  const cols = mapColumns(header.cells);
  const records: EpochRecord[] = [];
  const errors: EpochFile["errors"] = [];
  for (const row of rows.slice(1)) {
    // A column this snapshot lacks (an optional one) reads as blank.
    const raw = Object.fromEntries((Object.keys(EPOCH_COLUMNS) as Column[]).map((c) => [c, cols[c] === undefined ? "" : (row.cells[cols[c]] ?? "")]));
    const parsed = rowSchema.safeParse(raw);
    if (!parsed.success) {
      const name = (raw.model ?? "").trim() || "(no name)";
      errors.push({ line: row.line, message: `${name}: ${parsed.error.issues.map((i) => `${String(i.path[0] ?? "")}: ${i.message}`).join("; ")}` });
      continue;
    }
    records.push(toRecord(row.line, parsed.data));
  }
  return { records, errors };
}

function toRecord(line: number, r: z.infer<typeof rowSchema>): EpochRecord {
  const problems: string[] = [];
  const organizations = r.organization.split(",").map((s) => s.trim()).filter(Boolean);
  const countries = parseCountries(r.country, organizations.length);
  if (countries.unknown.length) problems.push(`unknown countr${countries.unknown.length === 1 ? "y" : "ies"} ${countries.unknown.map((c) => `"${c}"`).join(", ")}`);
  const domains = r.domain.split(",").map((s) => s.trim()).filter(Boolean);
  const access = ACCESSIBILITY[r.accessibility.toLowerCase()];
  if (r.accessibility && !access) problems.push(`unknown Model accessibility "${r.accessibility}"`);
  const active = extractActiveParams(r.parametersNotes);
  if (active.reason) problems.push(`active parameters: ${active.reason}`);
  const license = extractLicense(r.accessibilityNotes);
  if (license.reason) problems.push(`license: ${license.reason}`);
  return {
    line,
    name: r.model,
    organizations,
    countries,
    publicationDate: r.publicationDate || null,
    domains,
    isLanguage: domains.some((d) => d.toLowerCase() === "language"),
    openWeights: access?.openWeights ?? null,
    licenseCategory: access?.category ?? null,
    totalParams: r.parameters,
    activeParams: active.value,
    licenseId: license.id,
    hfRepoIds: extractHfRepoIds(r.link),
    hfDeveloperId: r.hfDeveloperId || null,
    contextWindow: r.contextWindow,
    architecture: /expert|\bmoe\b|sparse|activ/i.test(r.parametersNotes) || active.value != null ? "moe" : /\bdense\b/i.test(r.parametersNotes) ? "dense" : null,
    problems,
  };
}

/** Our scope (data/README.md): language models with open weights released from 2023 on. */
export const EPOCH_SCOPE_FROM = "2023-01-01";

export function epochScope(r: EpochRecord): "kept" | "not a language model" | "weights not open" | "accessibility unknown" | "before 2023" {
  if (!r.isLanguage) return "not a language model";
  if (r.openWeights === null) return "accessibility unknown";
  if (!r.openWeights) return "weights not open";
  if (!r.publicationDate || r.publicationDate < EPOCH_SCOPE_FROM) return "before 2023";
  return "kept";
}
