import { z } from "zod";
import { isCountryCode } from "@/lib/domain/countries";
import { parseModelQuery, type ModelQuery, type ParamError, type RawParams } from "./model-query";

/**
 * The dashboard's parameters: the model filters of /models (sort and page are accepted and ignored),
 * `asOf` (the world as it was on that date), `compare` (countries shown beside US and CN) and `period`.
 */
export interface DashboardQuery {
  filters: ModelQuery;
  asOf: string | null;
  compare: string[];
  measure: "totalParams" | "activeParams";
  /** The benchmark of the capability chart (`capability=`, an id of data/benchmarks.yaml); null: the default one. */
  benchmark: string | null;
}

const DASHBOARD_PARAMS = ["asOf", "compare", "params", "capability"] as const;

const asOfSchema = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s), "must be a date as YYYY-MM-DD");

export function parseDashboardQuery(raw: RawParams, today: string): { query: DashboardQuery; errors: ParamError[] } {
  const { query: filters, errors } = parseModelQuery(raw, DASHBOARD_PARAMS);
  const get = (k: string) => {
    const v = raw instanceof URLSearchParams ? raw.get(k) : raw[k];
    return (Array.isArray(v) ? v[0] : v)?.trim() || null;
  };
  let asOf: string | null = null;
  const asOfRaw = get("asOf");
  if (asOfRaw) {
    const r = asOfSchema.safeParse(asOfRaw);
    if (!r.success) errors.push({ param: "asOf", message: "must be a date as YYYY-MM-DD" });
    else if (asOfRaw > today) errors.push({ param: "asOf", message: `must not be in the future (today is ${today})` });
    else asOf = asOfRaw;
  }
  const compare: string[] = [];
  for (const c of (get("compare") ?? "").split(",").map((s) => s.trim().toUpperCase()).filter(Boolean)) {
    if (!isCountryCode(c)) errors.push({ param: "compare", message: "each value must be an ISO 3166-1 alpha-2 country code, e.g. FR,AE" });
    else if (c !== "US" && c !== "CN" && !compare.includes(c)) compare.push(c);
  }
  if (compare.length > 4) errors.push({ param: "compare", message: "at most 4 extra countries" });
  const p = get("params");
  if (p && p !== "total" && p !== "active") errors.push({ param: "params", message: "must be total or active" });
  // Release counts do not depend on scores: the score filters of /models are not the dashboard's.
  for (const param of ["benchmark", "minScore"] as const) {
    if (filters[param] !== null) {
      errors.push({ param, message: "filters /models only; the dashboard's capability chart takes capability=<benchmark id>" });
      filters[param] = null;
    }
  }
  const benchmark = get("capability");
  // The id's shape here; whether such a benchmark exists is the route's question (it asks the database).
  const badBenchmark = benchmark !== null && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(benchmark);
  if (badBenchmark) errors.push({ param: "capability", message: "must be a benchmark id such as gpqa-diamond-epoch (see /api/v1/benchmarks)" });
  return { query: { filters, asOf, compare: compare.slice(0, 4), measure: p === "active" ? "activeParams" : "totalParams", benchmark: badBenchmark ? null : benchmark }, errors };
}
