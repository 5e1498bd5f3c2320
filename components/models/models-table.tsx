import { CountryLabel } from "@/components/country-label";
import type { ModelListItem } from "@/lib/data/models";
import { formatExact, formatParams, formatTokens } from "@/lib/domain/params";
import { LICENSE_CATEGORY_LABELS } from "@/lib/domain/licenses";
import { defaultOrder, type ModelQuery, type SortField } from "@/lib/schemas/model-query";
import { modelsHref, type ParamsView } from "./view-links";

interface Props {
  models: ModelListItem[];
  query: ModelQuery;
  view: ParamsView;
  /** Show the checkboxes that select rows for /compare. */
  selectable?: boolean;
  caption: string;
  /** The column title of the score shown when the query names a benchmark. */
  benchmarkLabel?: string;
}

/** The one measure a phone shows beside the name: the sorted one, or the parameter count when sorted by name. */
export type PhoneColumn = "releaseDate" | "params" | "contextWindow" | "score";
export function phoneColumn(query: ModelQuery): PhoneColumn {
  switch (query.sort) {
    case "releaseDate":
    case "contextWindow":
      return query.sort;
    case "score":
      return query.benchmark ? "score" : "params";
    default:
      return "params";
  }
}

/** A license's name without its parenthetical terms ("Kimi K3 License (Moonshot AI; ...)" reads "Kimi K3 License"); the full name is the tooltip. */
function shortLicenseName(name: string): string {
  return name.replace(/\s*\([^)]*\)\s*$/, "") || name;
}

function SortHeader({ field, label, query, view, numeric, className = "" }: { field: SortField; label: string; query: ModelQuery; view: ParamsView; numeric?: boolean; className?: string }) {
  const active = query.sort === field;
  const nextOrder = active ? (query.order === "asc" ? "desc" : "asc") : defaultOrder(field);
  const arrow = active ? (query.order === "asc" ? "▲" : "▼") : "";
  return (
    <th scope="col" aria-sort={active ? (query.order === "asc" ? "ascending" : "descending") : undefined} className={`px-2 py-2 font-medium ${numeric ? "text-right" : "text-left"} ${className}`}>
      <a href={modelsHref(query, view, { sort: field, order: nextOrder, page: 1 })} className="inline-flex min-h-6 items-center gap-1 hover:underline">
        {label}
        <span aria-hidden className="w-3 text-xs">{arrow}</span>
        <span className="sr-only">{active ? `, sorted ${query.order === "asc" ? "ascending" : "descending"}` : ", sort"}</span>
      </a>
    </th>
  );
}

/**
 * The rankings table: a real <table>, a rank column that continues across pages, the model name pinned
 * when scrolling sideways.
 *
 * Where it scrolls, and so what its sticky header sticks to (a sticky element sticks to its nearest
 * scrolling ancestor): below `sm` it shows only the name and one measure (`phoneColumn`), fits the screen
 * and does not scroll, so the header sticks to the top of the window; from `xl` (the page is 1,248 px
 * wide) every column fits and it does not scroll either; in between it is a box of at most 80% of the
 * window's height that scrolls both ways, so the header sticks to the top of that box while the name
 * stays pinned on the left.
 *
 * Its links are plain anchors, not next/link: a Link is a client component, and the 150 of a full page
 * were most of the hydration work that blocked a phone's main thread (Lighthouse TBT); a full load of
 * the next page, served from the response cache, is as quick as a client-side transition.
 */
export function ModelsTable({ models, query, view, selectable = false, caption, benchmarkLabel }: Props) {
  const paramsField = view === "active" ? "activeParams" : "totalParams";
  const phone = phoneColumn(query);
  // Hidden below sm unless it is the phone's one measure.
  const col = (c: PhoneColumn | "other") => (c === phone ? "" : "hidden sm:table-cell");
  const firstRank = (query.page - 1) * query.pageSize + 1;
  return (
    <div className="rounded border border-zinc-200 sm:max-xl:max-h-[80vh] sm:max-xl:overflow-auto dark:border-zinc-800" data-rankings>
      <table className="min-w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 z-10 bg-zinc-50 shadow-[0_1px_0_#e4e4e7] dark:bg-zinc-900 dark:shadow-[0_1px_0_#27272a]">
          <tr>
            {selectable && (
              <th scope="col" className="px-2 py-2">
                <span className="sr-only">Select to compare</span>
              </th>
            )}
            <th scope="col" className="px-2 py-2 text-right font-medium"><abbr title="Rank in this order" className="no-underline">#</abbr></th>
            <SortHeader field="name" label="Model" query={query} view={view} className="sm:min-w-52" />
            <th scope="col" className={`px-2 py-2 text-left font-medium ${col("other")}`}>Developer</th>
            <th scope="col" className={`px-2 py-2 text-left font-medium ${col("other")}`}>Country</th>
            <SortHeader field="releaseDate" label="Released" query={query} view={view} numeric className={col("releaseDate")} />
            <SortHeader field={paramsField} label={view === "active" ? "Active params" : "Total params"} query={query} view={view} numeric className={col("params")} />
            <th scope="col" className={`px-2 py-2 text-left font-medium ${col("other")}`}>Architecture</th>
            <SortHeader field="contextWindow" label="Context" query={query} view={view} numeric className={col("contextWindow")} />
            {query.benchmark && <SortHeader field="score" label={benchmarkLabel ?? "Score"} query={query} view={view} numeric className={col("score")} />}
            <th scope="col" className={`px-2 py-2 text-left font-medium ${col("other")}`}>License</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {models.map((m, i) => {
            const params = m[paramsField];
            return (
              <tr key={m.slug} className="group hover:bg-zinc-50 dark:hover:bg-zinc-900">
                {selectable && (
                  <td className="px-2 py-1.5">
                    <input type="checkbox" name="models" value={m.slug} aria-label={`Select ${m.name} to compare`} className="block size-6 sm:size-4" />
                  </td>
                )}
                <td className="tabular px-2 py-2 text-right text-zinc-600 dark:text-zinc-400" data-col="rank">{firstRank + i}</td>
                <th scope="row" className="sticky left-0 bg-white px-2 py-2 text-left font-medium [overflow-wrap:anywhere] group-hover:bg-zinc-50 sm:[overflow-wrap:normal] dark:bg-zinc-950 dark:group-hover:bg-zinc-900">
                  <a href={`/models/${m.slug}`} className="inline-block min-w-6 py-0.5 text-blue-700 hover:underline dark:text-blue-400">{m.name}</a>
                  {!m.openWeights && <span className="ml-1.5 rounded bg-zinc-200 px-1 text-xs font-normal text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300" title="Closed reference model: API only, weights not published">closed</span>}
                </th>
                <td className={`min-w-32 px-2 py-2 ${col("other")}`} data-col="developer">
                  <a href={`/orgs/${m.organization.slug}`} className="inline-block py-0.5 hover:underline">{m.organization.name}</a>
                </td>
                <td className={`px-2 py-2 ${col("other")}`} data-col="country">
                  <a href={`/countries/${m.organization.country}`} className="inline-block py-0.5 hover:underline"><CountryLabel code={m.organization.country} /></a>
                </td>
                <td className={`tabular whitespace-nowrap px-2 py-2 text-right ${col("releaseDate")}`} data-col="releaseDate">{m.releaseDate}</td>
                <td className={`tabular whitespace-nowrap px-2 py-2 text-right ${col("params")}`} data-col="params" title={params ? `${formatExact(params)} parameters` : "not stated"}>{formatParams(params)}</td>
                <td className={`px-2 py-2 ${col("other")}`} data-col="architecture">
                  {m.architecture === "moe" ? (
                    <span title={m.routedExperts ? `${m.routedExperts} routed experts, ${m.expertsPerToken} per token` : undefined}>MoE</span>
                  ) : m.architecture === "dense" ? "Dense" : <span className="text-zinc-600 dark:text-zinc-400">not stated</span>}
                </td>
                <td className={`tabular whitespace-nowrap px-2 py-2 text-right ${col("contextWindow")}`} data-col="contextWindow" title={m.contextWindow ? `${formatExact(m.contextWindow)} tokens` : "not stated"}>{formatTokens(m.contextWindow)}</td>
                {query.benchmark && <td className={`tabular whitespace-nowrap px-2 py-2 text-right ${col("score")}`} data-col="score" data-score={m.score?.value ?? ""}>{m.score ? m.score.value : "—"}</td>}
                <td className={`min-w-32 px-2 py-2 ${col("other")}`} data-col="license">
                  {m.license ? (
                    <span title={m.license.name}>{shortLicenseName(m.license.name)} <span className="whitespace-nowrap text-zinc-600 dark:text-zinc-400">({LICENSE_CATEGORY_LABELS[m.license.category]})</span></span>
                  ) : <span className="text-zinc-600 dark:text-zinc-400">closed model</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
