import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml, YAMLParseError } from "yaml";
import { z } from "zod";
import { checkModelRules } from "@/lib/domain/model-rules";
import { MODEL_FIELD_REGISTRY, MODEL_FIELDS, type ModelField, type ModelValues } from "@/lib/domain/model-fields";
import {
  curatedFileSchema,
  curatedLicenseSchema,
  curatedModelSchema,
  curatedOrganizationSchema,
  type CuratedLicense,
  type CuratedModel,
  type CuratedOrganization,
} from "@/lib/schemas/curated";

/** One problem in the dataset, named down to the file, the record and the field. */
export interface DatasetError {
  file: string;
  record: string;
  field: string;
  message: string;
}

export function formatDatasetError(e: DatasetError): string {
  return `${e.file} › ${e.record} › ${e.field}: ${e.message}`;
}

export interface CuratedModelRecord {
  slug: string;
  file: string;
  values: ModelValues;
  /** The source URL of every field. */
  sources: Record<ModelField, string>;
  notes: string | null;
  /** YYYY-MM-DD: when the record's values were last checked against their sources (null: not recorded). */
  checked: string | null;
}

export interface CuratedDataset {
  licenses: CuratedLicense[];
  /** Each with the file that defines it. */
  organizations: (CuratedOrganization & { file: string })[];
  models: CuratedModelRecord[];
  errors: DatasetError[];
}

/** YAML keys are short for people; the write path uses the field names of the data model. */
/** A curated record's values, field by field under each field's YAML key (the field registry); absent is null. */
function toValues(m: CuratedModel): ModelValues {
  const record = m as unknown as Record<string, unknown>;
  return Object.fromEntries(MODEL_FIELDS.map((f) => [f, record[MODEL_FIELD_REGISTRY[f].yamlKey] ?? null])) as unknown as ModelValues;
}

/** The source URL of each field: its own key under `sources`, else `default`. */
function toSources(m: CuratedModel): Record<ModelField, string> {
  const sources = m.sources as Record<string, string | undefined>;
  return Object.fromEntries(MODEL_FIELDS.map((f) => [f, sources[MODEL_FIELD_REGISTRY[f].yamlKey] ?? m.sources.default!])) as Record<ModelField, string>;
}

function zodErrors(file: string, error: z.ZodError, data: unknown, prefix: PropertyKey[] = []): DatasetError[] {
  return error.issues.map((issue) => {
    const [list, index, ...rest] = [...prefix, ...issue.path];
    let record = "(file)";
    if (typeof list === "string" && typeof index === "number") {
      const item = (data as Record<string, unknown[]>)[list]?.[index] as { slug?: unknown; id?: unknown } | undefined;
      const name = item?.slug ?? item?.id;
      record = `${list}[${index}]${typeof name === "string" ? ` ${name}` : ""}`;
    }
    const field = rest.length ? rest.join(".") : typeof list === "string" && index === undefined ? list : "(record)";
    return { file, record, field, message: issue.message };
  });
}

/** Reads and validates every `*.yaml` file in `dir`. Returns the records and every error found (never throws on bad data). */
export async function loadCuratedDataset(dir: string, today: string): Promise<CuratedDataset> {
  const names = (await readdir(dir)).filter((n) => n.endsWith(".yaml") || n.endsWith(".yml")).sort();
  const dataset: CuratedDataset = { licenses: [], organizations: [], models: [], errors: [] };
  const { errors } = dataset;

  for (const name of names) {
    const file = path.join(path.basename(dir), name);
    let raw: unknown;
    try {
      raw = parseYaml(await readFile(path.join(dir, name), "utf8"));
    } catch (e) {
      const message = e instanceof YAMLParseError ? e.message : String(e);
      errors.push({ file, record: "(file)", field: "(yaml)", message });
      continue;
    }
    const parsed = curatedFileSchema.safeParse(raw ?? {});
    if (!parsed.success) {
      errors.push(...zodErrors(file, parsed.error, raw));
      continue;
    }
    // Each record is parsed on its own so that one bad record does not hide the errors of the next.
    const lists = parsed.data;
    const each = <S extends z.ZodType>(list: "licenses" | "organizations" | "models", schema: S, take: (v: z.infer<S>) => void) =>
      (lists[list] ?? []).forEach((item, index) => {
        const r = schema.safeParse(item);
        if (r.success) take(r.data);
        else errors.push(...zodErrors(file, r.error, { [list]: lists[list] }, [list, index]));
      });
    each("licenses", curatedLicenseSchema, (l) => dataset.licenses.push(l));
    each("organizations", curatedOrganizationSchema, (o) => dataset.organizations.push({ ...o, file }));
    each("models", curatedModelSchema, (m) =>
      dataset.models.push({ slug: m.slug, file, values: toValues(m), sources: toSources(m), notes: m.notes ?? null, checked: m.checked ?? null }));
  }

  checkCrossReferences(dataset, today);
  return dataset;
}

function firstSeen<T>(items: T[], key: (t: T) => string, onDuplicate: (item: T, k: string) => void): Map<string, T> {
  const seen = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    if (seen.has(k)) onDuplicate(item, k);
    else seen.set(k, item);
  }
  return seen;
}

function checkCrossReferences(dataset: CuratedDataset, today: string): void {
  const { errors } = dataset;
  const licenses = firstSeen(dataset.licenses, (l) => l.id, (l) =>
    errors.push({ file: "(dataset)", record: `license ${l.id}`, field: "id", message: "defined twice" }));
  const orgs = firstSeen(dataset.organizations, (o) => o.slug, (o) =>
    errors.push({ file: "(dataset)", record: `organization ${o.slug}`, field: "slug", message: "defined twice" }));
  const models = firstSeen(dataset.models, (m) => m.slug, (m) =>
    errors.push({ file: m.file, record: m.slug, field: "slug", message: "another record already uses this slug" }));
  const repos = new Map<string, string>();

  for (const m of dataset.models) {
    const v = m.values;
    const at = (field: string, message: string) => errors.push({ file: m.file, record: m.slug, field, message });
    for (const violation of checkModelRules(v, today)) at(violation.field, violation.message);
    if (m.checked && m.checked > today) at("checked", `${m.checked} is after today (${today}): a check date is the day the values were checked`);
    if (v.licenseId !== null && !licenses.has(v.licenseId)) at("license", `unknown license id "${v.licenseId}" (add it to a licenses list)`);
    for (const dev of v.developers) if (!orgs.has(dev)) at("developers", `unknown organization "${dev}"`);
    if (v.hfRepoId) {
      const key = v.hfRepoId.toLowerCase();
      const other = repos.get(key);
      if (other) at("hfRepoId", `${v.hfRepoId} is already the repo of ${other}`);
      else repos.set(key, m.slug);
    }
    if (v.baseModel) {
      if (v.baseModel === m.slug) at("baseModel", "a model cannot be its own base");
      else if (!models.has(v.baseModel)) at("baseModel", `unknown base model "${v.baseModel}"`);
    }
  }
  // A base-model chain must end: a cycle would make lineage pages loop.
  for (const m of dataset.models) {
    const seen = new Set([m.slug]);
    let next = m.values.baseModel;
    while (next && models.has(next)) {
      if (seen.has(next)) {
        errors.push({ file: m.file, record: m.slug, field: "baseModel", message: "base models form a cycle" });
        break;
      }
      seen.add(next);
      next = models.get(next)!.values.baseModel;
    }
  }
}
