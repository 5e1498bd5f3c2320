import type { Metadata } from "next";
import Link from "next/link";
import { CompareBar } from "@/components/models/compare-bar";
import { FiltersForm } from "@/components/models/filters-form";
import { ModelsTable, phoneColumn, type PhoneColumn } from "@/components/models/models-table";
import { Pagination } from "@/components/models/pagination";
import { impliedView, modelsHref, type ParamsView } from "@/components/models/view-links";
import { listBenchmarks } from "@/lib/data/measures";
import { findModels, listFilterOptions } from "@/lib/data/models";
import { countryName } from "@/lib/domain/countries";
import { formatParams, formatTokens } from "@/lib/domain/params";
import { withQuery } from "@/lib/domain/url";
import { LICENSE_CATEGORY_LABELS } from "@/lib/domain/licenses";
import { activeFilters, FILTER_LABELS, modelQueryToParams, parseModelQuery, type ModelQuery, type QueryParam } from "@/lib/schemas/model-query";

export const metadata: Metadata = { title: "Models" };
// Rendered per request from the database, never at build time.
export const dynamic = "force-dynamic";

/** How a filter in force reads in a sentence ("country: China, United States"). */
function describe(query: ModelQuery, p: QueryParam): string {
  const v = query[p];
  switch (p) {
    case "country":
    case "excludeCountry":
      return (v as string[]).map(countryName).join(", ");
    case "license":
      return query.license.map((c) => LICENSE_CATEGORY_LABELS[c]).join(", ");
    case "architecture":
      return v === "moe" ? "MoE" : "dense";
    case "minContext":
      return formatTokens(v as number);
    case "openWeights":
      return v === "all" ? "included" : "only";
    case "minTotalParams":
    case "maxTotalParams":
    case "minActiveParams":
    case "maxActiveParams":
      return formatParams(v as number);
    default:
      return Array.isArray(v) ? v.join(", ") : String(v);
  }
}

/** A filter in force as the folded filters' summary names it: the value alone where it says what it is ("China", "MoE"). */
function summarize(query: ModelQuery, p: QueryParam): string {
  return p === "country" || p === "architecture" || p === "license" || p === "org" ? describe(query, p) : `${FILTER_LABELS[p]} ${describe(query, p)}`;
}

const MAX_COMPARED = 6;

export default async function ModelsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await searchParams;
  // The page is forgiving: a bad parameter is dropped and named, the rest still applies.
  const { query, errors } = parseModelQuery(raw, ["params"]);
  const view: ParamsView = raw.params === "active" || raw.params === "total" ? raw.params : impliedView(query);
  const [{ data, total }, { countries, organizations }, benchmarks] = await Promise.all([findModels(query), listFilterOptions(), listBenchmarks()]);
  const benchmark = query.benchmark ? benchmarks.find((b) => b.id === query.benchmark) : undefined;
  const filters = activeFilters(query);
  const apiParams = modelQueryToParams(query);
  const from = total === 0 ? 0 : (query.page - 1) * query.pageSize + 1;
  const to = Math.min(total, query.page * query.pageSize);
  // A phone shows one measure beside the name (components/models/models-table.tsx): the sorted one.
  const shown = phoneColumn(query);
  const phoneChoices: [PhoneColumn, string, ModelQuery["sort"]][] = [
    ["releaseDate", "Released", "releaseDate"],
    ["params", view === "active" ? "Active params" : "Total params", view === "active" ? "activeParams" : "totalParams"],
    ["contextWindow", "Context", "contextWindow"],
    ...(benchmark ? [["score", "Score", "score"] as [PhoneColumn, string, ModelQuery["sort"]]] : []),
  ];

  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Open-weights model releases</h1>
      <p className="mt-1 max-w-3xl text-sm text-zinc-600 dark:text-zinc-400">
        Parameters are integer counts as the developer states them (total = all weights; active = weights used per token).
        Country is the headquarters of the primary developer. Context is the longest input the developer states, in tokens.
      </p>

      {errors.length > 0 && (
        <div role="status" className="mt-4 rounded border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100">
          <p className="font-medium">Some parameters in the address were ignored:</p>
          <ul className="ml-5 list-disc">
            {errors.map((e) => <li key={e.param}><code>{e.param}</code> {e.message}</li>)}
          </ul>
        </div>
      )}

      {query.openWeights !== "true" && (
        <p role="note" className="mt-4 rounded border border-zinc-300 bg-zinc-50 p-3 text-sm dark:border-zinc-700 dark:bg-zinc-900">
          {query.openWeights === "all" ? "Closed reference models are included, marked “closed”." : "Only closed reference models are shown."} They are API-only models (no public weights)
          kept as the reference line of capability comparisons; they are never counted as releases. <a href={modelsHref({ ...query, openWeights: "true", page: 1 }, view)} className="text-blue-700 underline dark:text-blue-400">Open-weights releases only</a>.
        </p>
      )}
      {query.benchmark && !benchmark && (
        <p role="status" className="mt-4 rounded border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100">
          No benchmark “{query.benchmark}” is tracked: see <a href="/api/v1/benchmarks" className="underline">the tracked benchmarks</a>.
        </p>
      )}

      <a href="#results" className="sr-only focus:not-sr-only focus:absolute focus:z-40 focus:rounded focus:bg-white focus:p-2 focus:text-blue-700 focus:underline dark:focus:bg-zinc-900 dark:focus:text-blue-400">
        Skip to results
      </a>

      {/*
        The filters start folded, on every screen, and their summary says what is in force. Folded on a
        phone is what the first screen needs (open, the form put the first result 1,310 px down); a
        <details> cannot be open on wide screens and closed on narrow ones with CSS, and opening it from a
        script after the page shows would shift the table down on every desktop load (and not at all
        after a client-side navigation). Folded everywhere works without JavaScript, never shifts, and
        takes the form's 30 tab stops out of the way to the results; the filters in force are also named
        above the table.
      */}
      <details className="mt-4" data-filters>
        <summary className="cursor-pointer py-1 text-sm font-medium">
          {filters.length ? `Filters: ${filters.map((p) => summarize(query, p)).join(", ")} (${filters.length} in force)` : "Filters (none in force)"}
        </summary>
        <div className="mt-2">
          <FiltersForm query={query} view={view} countries={countries} organizations={organizations} benchmarks={benchmarks} />
        </div>
      </details>

      <div className="mt-4 flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <p aria-live="polite">
          <strong className="tabular">{total}</strong> {total === 1 ? "release" : "releases"}
          {total > 0 && <span className="text-zinc-600 dark:text-zinc-400"> · showing {from}–{to}</span>}
          {filters.length > 0 && (
            <span className="text-zinc-600 dark:text-zinc-400"> · {filters.map((p) => `${FILTER_LABELS[p]}: ${describe(query, p)}`).join(" · ")}</span>
          )}
        </p>
        <p className="flex flex-wrap gap-x-3 gap-y-1">
          <span>Parameters: </span>
          {view === "total" ? <strong>Total</strong> : <Link href={modelsHref(query, "total")} className="text-blue-700 underline dark:text-blue-400">Total</Link>}
          {view === "active" ? <strong>Active</strong> : <Link href={modelsHref(query, "active")} className="text-blue-700 underline dark:text-blue-400">Active</Link>}
          <span aria-hidden>|</span>
          <a href={withQuery("/api/v1/models.csv", apiParams)} className="text-blue-700 underline dark:text-blue-400" download>Download CSV</a>
          <a href={withQuery("/api/v1/models", apiParams)} className="text-blue-700 underline dark:text-blue-400">JSON</a>
        </p>
      </div>

      {total > 0 && (
        <p className="mt-2 flex flex-wrap items-center gap-x-3 text-sm sm:hidden">
          <span>Beside the name:</span>
          {phoneChoices.map(([c, label, sort]) =>
            c === shown ? <strong key={c}>{label}</strong> : (
              <a key={c} href={modelsHref(query, view, { sort, order: "desc", page: 1 })} className="inline-block py-0.5 text-blue-700 underline dark:text-blue-400">{label}</a>
            ),
          )}
        </p>
      )}

      {total === 0 ? (
        <div id="results" tabIndex={-1} className="mt-4 rounded border border-zinc-200 p-4 outline-none dark:border-zinc-800">
          <p className="font-medium">No releases match these filters.</p>
          {filters.length > 0 ? (
            <p className="mt-1 text-sm">
              Loosen:{" "}
              {filters.map((p, i) => (
                <span key={p}>
                  {i > 0 && " · "}
                  <Link href={modelsHref(query, view, { [p]: Array.isArray(query[p]) ? [] : null, page: 1 })} className="text-blue-700 underline dark:text-blue-400">
                    {FILTER_LABELS[p]} ({describe(query, p)})
                  </Link>
                </span>
              ))}
            </p>
          ) : (
            <p className="mt-1 text-sm">The database has no models yet: load the curated dataset with <code>npm run ingest -- curated</code>.</p>
          )}
        </div>
      ) : (
        <form id="results" tabIndex={-1} method="get" action="/compare" className="group/compare mt-3 outline-none has-checked:pb-16" aria-label="Results">
          <CompareBar max={MAX_COMPARED} />
          <ModelsTable models={data} query={query} view={view} selectable benchmarkLabel={benchmark ? `${benchmark.name}${benchmark.unit === "percent" ? " (%)" : ""}` : undefined} caption={`${query.openWeights === "true" ? "Open-weights model releases" : query.openWeights === "all" ? "Open-weights releases and closed reference models" : "Closed reference models"}, ${total} matching, sorted by ${query.sort} ${query.order === "asc" ? "ascending" : "descending"}`} />
          <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">Tick 2 to {MAX_COMPARED} rows to compare them.</p>
          <Pagination query={query} view={view} total={total} />
        </form>
      )}
    </>
  );
}
