import type { LicenseCategory } from "./licenses";
import type { Architecture } from "./model-fields";

/**
 * The filter, sort and page state of a model list, as plain data. lib/schemas/model-query.ts parses it
 * from a URL and builds URLs from it; pure logic here (model-filter.ts) and lib/data take it.
 */
/**
 * `score`: the model's best score on the query's `benchmark` (which it then needs). `relevance`: how well
 * the record matches the search `q` (lib/domain/search.ts), the default order of a query with `q`.
 */
export const SORT_FIELDS = ["releaseDate", "totalParams", "activeParams", "contextWindow", "name", "score", "relevance"] as const;
export type SortField = (typeof SORT_FIELDS)[number];
export const ORDERS = ["asc", "desc"] as const;
export type Order = (typeof ORDERS)[number];

/**
 * Which records a query reads: open-weights releases (the default: every count, ranking and export), the
 * closed reference models (API-only models kept as the reference line of capability comparisons), or both.
 */
export const OPEN_WEIGHTS_CHOICES = ["true", "false", "all"] as const;
export type OpenWeightsChoice = (typeof OPEN_WEIGHTS_CHOICES)[number];

export interface ModelQuery {
  openWeights: OpenWeightsChoice;
  country: string[];
  excludeCountry: string[];
  architecture: Architecture | null;
  license: LicenseCategory[];
  org: string[];
  q: string | null;
  releasedFrom: string | null;
  releasedTo: string | null;
  minTotalParams: number | null;
  maxTotalParams: number | null;
  minActiveParams: number | null;
  maxActiveParams: number | null;
  minContext: number | null;
  /** Only models with a score on this benchmark (an id of data/benchmarks.yaml); their best score is shown. */
  benchmark: string | null;
  /** With `benchmark`: only models whose best score on it is at least this. */
  minScore: number | null;
  sort: SortField;
  order: Order;
  page: number;
  pageSize: number;
}
