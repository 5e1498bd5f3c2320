import { z } from "zod";
import { isCountryCode } from "@/lib/domain/countries";
import { countTextSchema } from "@/lib/domain/counts";
import { LICENSE_CATEGORIES } from "@/lib/domain/licenses";
import { ARCHITECTURES } from "@/lib/domain/model-fields";
import { OPEN_WEIGHTS_CHOICES, ORDERS, SORT_FIELDS, type ModelQuery, type Order, type SortField } from "@/lib/domain/model-query";

// The shape lives in lib/domain, so that pure logic (lib/domain/model-filter.ts) can take a query.
export { OPEN_WEIGHTS_CHOICES, ORDERS, SORT_FIELDS, type ModelQuery, type Order, type SortField };

/**
 * The filter, sort and page state of a model list: the one parser of `/models`, `/api/v1/models`,
 * `/api/v1/models.csv` and the dashboard, and the one builder of their URLs. The API refuses a bad
 * parameter (400 naming it); pages drop it and say so.
 */
export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;
/**
 * Bounded offset: pages reach the first 10,000 rows of an order, no deeper. An OFFSET reads every row
 * before the page, so at 100,000 models a page near the end (or past it) took 120 ms of database time
 * on every cache miss, and page numbers are easy to vary. Deeper rows are one reversed order or one
 * narrower filter away, and the CSV export has every row.
 */
export const MAX_PAGED_ROWS = 10_000;
export const lastPagedPage = (pageSize: number) => Math.ceil(MAX_PAGED_ROWS / pageSize);

export const DEFAULT_QUERY: ModelQuery = {
  openWeights: "true", country: [], excludeCountry: [], architecture: null, license: [], org: [], q: null, releasedFrom: null, releasedTo: null,
  minTotalParams: null, maxTotalParams: null, minActiveParams: null, maxActiveParams: null, minContext: null,
  benchmark: null, minScore: null, sort: "releaseDate", order: "desc", page: 1, pageSize: DEFAULT_PAGE_SIZE,
};

/** Names sort A to Z by default; numbers and dates largest or newest first; relevance best first. */
export function defaultOrder(sort: SortField): Order {
  return sort === "name" ? "asc" : "desc";
}

/** A search (`q`) is ranked by relevance unless another sort is asked for; anything else newest first. */
export function defaultSort(query: Pick<ModelQuery, "q">): SortField {
  return query.q ? "relevance" : DEFAULT_QUERY.sort;
}

const list = <T extends string>(item: z.ZodType<T, string>, allowed: string) =>
  z
    .string()
    .transform((s) => [...new Set(s.split(",").map((x) => x.trim()).filter(Boolean))])
    .pipe(z.array(item, { message: allowed }).max(50, "at most 50 values"));

/** The one count reader (lib/domain/counts.ts), bounded by what the database column holds. */
const countSchema = (what: string, max: number) =>
  countTextSchema.refine((n) => n <= max, `must be at most ${max} (a ${what})`);
/** Parameter counts are stored as 64-bit integers; any count a reader can type fits. */
const MAX_PARAM_COUNT = Number.MAX_SAFE_INTEGER;
/** Context windows are 32-bit integers in the database: a larger bound could match nothing anyway. */
const MAX_TOKEN_COUNT = 2_000_000_000;

const dateSchema = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s), "must be a date as YYYY-MM-DD");

const countryItem = z
  .string()
  .transform((s) => s.toUpperCase())
  .refine(isCountryCode, "each value must be an ISO 3166-1 alpha-2 country code, e.g. US,CN");

/** Each parameter: how it is read, and what the OpenAPI document says of it. */
export const QUERY_PARAMS = {
  country: { schema: list(countryItem, "ISO 3166-1 alpha-2 codes, e.g. US,CN"), doc: "Country of the primary developer: comma-separated ISO 3166-1 alpha-2 codes, e.g. US,CN." },
  excludeCountry: { schema: list(countryItem, "ISO 3166-1 alpha-2 codes"), doc: "Leave out these countries of the primary developer, e.g. US,CN for everyone else." },
  architecture: { schema: z.enum(ARCHITECTURES, { message: `must be one of ${ARCHITECTURES.join(", ")}` }), doc: "dense or moe." },
  license: {
    schema: list(z.enum(LICENSE_CATEGORIES, { message: `each value must be one of ${LICENSE_CATEGORIES.join(", ")}` }), LICENSE_CATEGORIES.join(", ")),
    doc: `License categories, comma-separated: ${LICENSE_CATEGORIES.join(", ")}.`,
  },
  org: { schema: list(z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, "each value must be an organization slug such as deepseek or meta"), "organization slugs"), doc: "Organization slugs (any developer of the release), comma-separated." },
  q: {
    // Control characters (a NUL above all, which Postgres refuses in text) cannot be part of a name.
    schema: z.string().trim().min(1, "must not be empty").max(100, "at most 100 characters").regex(/^[^\u0000-\u001f\u007f]*$/, "must not contain control characters"),
    doc:
      "Search, as people type: case-, space- and punctuation-insensitive (\"deepseek r1\" finds DeepSeek-R1, \"llama 3.1 405b\" Llama-3.1-405B). Every word must appear in the model's name, family, slug or Hugging Face repo id or in its primary developer's name or slug; names spelled close to the whole query (trigram similarity, e.g. \"deepsek r1\") match too. Results are ranked by relevance unless `sort` is given: exact name or slug, then names that start with the query, then all words, then close spellings.",
  },
  releasedFrom: { schema: dateSchema, doc: "Weights released on or after this date (YYYY-MM-DD)." },
  releasedTo: { schema: dateSchema, doc: "Weights released on or before this date (YYYY-MM-DD)." },
  minTotalParams: { schema: countSchema("parameter count", MAX_PARAM_COUNT), doc: "Minimum total parameters; 70000000000, 70,000,000,000, 70e9 and 70B are all accepted." },
  maxTotalParams: { schema: countSchema("parameter count", MAX_PARAM_COUNT), doc: "Maximum total parameters." },
  minActiveParams: { schema: countSchema("parameter count", MAX_PARAM_COUNT), doc: "Minimum active parameters (per token)." },
  maxActiveParams: { schema: countSchema("parameter count", MAX_PARAM_COUNT), doc: "Maximum active parameters (per token)." },
  minContext: { schema: countSchema("token count", MAX_TOKEN_COUNT), doc: "Minimum context window in tokens; 131072 and 128K are accepted." },
  openWeights: {
    schema: z.enum(OPEN_WEIGHTS_CHOICES, { message: `must be one of ${OPEN_WEIGHTS_CHOICES.join(", ")}` }),
    doc: "true (the default): open-weights releases only; false: only the closed reference models (API-only models kept as the reference line of capability comparisons, never counted as releases); all: both.",
  },
  benchmark: {
    schema: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be a benchmark id such as swe-bench-verified-reported (see /api/v1/benchmarks)"),
    doc: "Only models with a score on this benchmark (an id from /api/v1/benchmarks); each result carries its best score on it. Needed by sort=score and minScore.",
  },
  minScore: {
    schema: z.coerce.number({ message: "must be a number" }).finite("must be a number").min(-1_000_000, "is out of range").max(1_000_000, "is out of range"),
    doc: "With benchmark: only models whose best score on it is at least this (percent for percent benchmarks, e.g. 60).",
  },
  sort: { schema: z.enum(SORT_FIELDS, { message: `must be one of ${SORT_FIELDS.join(", ")}` }), doc: `Sort by ${SORT_FIELDS.join(", ")} (default releaseDate; relevance, best match first, when q is given). relevance without q is releaseDate. Missing values always sort last.` },
  order: { schema: z.enum(ORDERS, { message: "must be asc or desc" }), doc: "asc or desc (default desc; asc for name)." },
  page: { schema: z.coerce.number({ message: "must be a whole number from 1" }).int("must be a whole number from 1").min(1, "must be a whole number from 1").max(1_000_000, "is too large"), doc: `Page number, from 1; pages reach the first ${MAX_PAGED_ROWS} rows of an order (page x pageSize at most ${MAX_PAGED_ROWS} rounded up to a whole page; the CSV export has every row).` },
  pageSize: { schema: z.coerce.number({ message: `must be a whole number from 1 to ${MAX_PAGE_SIZE}` }).int(`must be a whole number from 1 to ${MAX_PAGE_SIZE}`).min(1, `must be a whole number from 1 to ${MAX_PAGE_SIZE}`).max(MAX_PAGE_SIZE, `must be a whole number from 1 to ${MAX_PAGE_SIZE}`), doc: `Results per page, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).` },
} satisfies Record<keyof ModelQuery, { schema: z.ZodType; doc: string }>;

export type QueryParam = keyof typeof QUERY_PARAMS;
export const QUERY_PARAM_NAMES = Object.keys(QUERY_PARAMS) as QueryParam[];

export interface ParamError {
  param: string;
  message: string;
}

export type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

function entries(raw: RawParams): [string, string][] {
  if (raw instanceof URLSearchParams) return [...raw.entries()];
  // Only strings: whatever shape a framework hands over for odd keys, nothing else reaches the schemas.
  return Object.entries(raw).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === "string").map((x) => [k, x] as [string, string]));
}

/**
 * Reads the query. Repeated parameters (from a GET form with checkboxes) join like a comma list; an
 * empty value means unset. `allowed` names extra parameters a page accepts (e.g. `params`); anything else
 * unknown is an error, so a typo (`contry=CN`) is never silently ignored by the API. `paged: false` (an
 * export of every row) leaves the page out of the depth bound.
 */
export function parseModelQuery(raw: RawParams, allowed: readonly string[] = [], options: { paged?: boolean } = {}): { query: ModelQuery; errors: ParamError[] } {
  const values = new Map<string, string[]>();
  for (const [k, v] of entries(raw)) values.set(k, [...(values.get(k) ?? []), v]);
  const query: ModelQuery = { ...DEFAULT_QUERY };
  const errors: ParamError[] = [];
  let orderGiven = false;
  let sortGiven = false;

  for (const [name, vs] of values) {
    // Own keys only: `toString` or `__proto__` in a query string must not reach the prototype.
    if (!Object.hasOwn(QUERY_PARAMS, name)) {
      if (!allowed.includes(name)) errors.push({ param: name, message: `is not a known parameter; allowed: ${[...QUERY_PARAM_NAMES, ...allowed].join(", ")}` });
      continue;
    }
    const param = name as QueryParam;
    const isList = ["country", "excludeCountry", "license", "org"].includes(param);
    const nonEmpty = vs.map((v) => v.trim()).filter((v) => v !== "");
    if (nonEmpty.length === 0) continue;
    if (!isList && nonEmpty.length > 1) {
      errors.push({ param, message: "is given more than once" });
      continue;
    }
    const parsed = QUERY_PARAMS[param].schema.safeParse(isList ? nonEmpty.join(",") : nonEmpty[0]);
    if (!parsed.success) {
      errors.push({ param, message: parsed.error.issues[0]?.message ?? "is invalid" });
      continue;
    }
    (query as unknown as Record<string, unknown>)[param] = parsed.data;
    if (param === "order") orderGiven = true;
    if (param === "sort") sortGiven = true;
  }
  // Relevance ranks a search: it is the order of a query with q unless another is given, and means
  // nothing without one (the newest first then, silently: a form keeps its sort when q is cleared).
  if (!sortGiven || (query.sort === "relevance" && !query.q)) query.sort = defaultSort(query);
  if (!orderGiven) query.order = defaultOrder(query.sort);

  const range = (min: QueryParam, max: QueryParam) => {
    const lo = query[min] as number | string | null;
    const hi = query[max] as number | string | null;
    if (lo !== null && hi !== null && lo > hi) {
      errors.push({ param: max, message: `must not be below ${min} (${lo})` });
      (query as unknown as Record<string, unknown>)[max] = null;
    }
  };
  range("releasedFrom", "releasedTo");
  range("minTotalParams", "maxTotalParams");
  range("minActiveParams", "maxActiveParams");
  if (!query.benchmark) {
    if (query.sort === "score") {
      errors.push({ param: "sort", message: "score needs a benchmark=<id> to sort by (see /api/v1/benchmarks)" });
      query.sort = defaultSort(query);
      query.order = defaultOrder(query.sort);
    }
    if (query.minScore !== null) {
      errors.push({ param: "minScore", message: "needs a benchmark=<id> to apply to" });
      query.minScore = null;
    }
  }
  if (options.paged !== false && query.page > lastPagedPage(query.pageSize)) {
    errors.push({
      param: "page",
      message: `must be at most ${lastPagedPage(query.pageSize)} with pageSize ${query.pageSize}: pages reach the first ${MAX_PAGED_ROWS.toLocaleString("en-US")} rows of an order; narrow the filters, reverse the order, or download the CSV for every row`,
    });
    query.page = DEFAULT_QUERY.page;
  }
  return { query, errors };
}

/** The URL form of a query: defaults left out, so a shared link stays short and stable. A caller that
 * changes a filter or the sort sets `page: 1` (a new filter starts at the first page). */
export function modelQueryToParams(query: ModelQuery): URLSearchParams {
  const out = new URLSearchParams();
  for (const name of QUERY_PARAM_NAMES) {
    const value = query[name];
    if (name === "order") {
      if (value !== defaultOrder(query.sort)) out.set(name, String(value));
      continue;
    }
    if (name === "sort") {
      if (value !== defaultSort(query)) out.set(name, String(value));
      continue;
    }
    if (value === null || value === DEFAULT_QUERY[name]) continue;
    if (Array.isArray(value)) {
      if (value.length) out.set(name, value.join(","));
    } else {
      out.set(name, String(value));
    }
  }
  return out;
}

/** The filters in force, for empty states and notices ("Loosen: minimum total parameters"). */
export const FILTER_LABELS: Partial<Record<QueryParam, string>> = {
  country: "country", excludeCountry: "excluded countries", architecture: "architecture", license: "license category",
  org: "organization", q: "search", releasedFrom: "released from", releasedTo: "released to",
  minTotalParams: "minimum total parameters", maxTotalParams: "maximum total parameters",
  minActiveParams: "minimum active parameters", maxActiveParams: "maximum active parameters", minContext: "minimum context",
  benchmark: "has a score on the benchmark", minScore: "minimum score", openWeights: "closed reference models",
};

export function activeFilters(query: ModelQuery): QueryParam[] {
  return (Object.keys(FILTER_LABELS) as QueryParam[]).filter((p) => {
    const v = query[p];
    return Array.isArray(v) ? v.length > 0 : v !== null && v !== DEFAULT_QUERY[p];
  });
}
