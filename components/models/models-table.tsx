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

function SortHeader({ field, label, query, view, numeric }: { field: SortField; label: string; query: ModelQuery; view: ParamsView; numeric?: boolean }) {
  const active = query.sort === field;
  const nextOrder = active ? (query.order === "asc" ? "desc" : "asc") : defaultOrder(field);
  const arrow = active ? (query.order === "asc" ? "▲" : "▼") : "";
  return (
    <th scope="col" aria-sort={active ? (query.order === "asc" ? "ascending" : "descending") : undefined} className={`px-3 py-2 font-medium ${numeric ? "text-right" : "text-left"}`}>
      <a href={modelsHref(query, view, { sort: field, order: nextOrder, page: 1 })} className="inline-flex items-center gap-1 hover:underline">
        {label}
        <span aria-hidden className="w-3 text-xs">{arrow}</span>
        <span className="sr-only">{active ? `, sorted ${query.order === "asc" ? "ascending" : "descending"}` : ", sort"}</span>
      </a>
    </th>
  );
}

/**
 * The rankings table: a real <table>, sticky header, model name pinned when scrolling sideways.
 * Its links are plain anchors, not next/link: a Link is a client component, and the 150 of a full page
 * were most of the hydration work that blocked a phone's main thread (Lighthouse TBT); a full load of
 * the next page, served from the response cache, is as quick as a client-side transition.
 */
export function ModelsTable({ models, query, view, selectable = false, caption, benchmarkLabel }: Props) {
  const paramsField = view === "active" ? "activeParams" : "totalParams";
  return (
    <div className="overflow-x-auto rounded border border-zinc-200 dark:border-zinc-800">
      <table className="min-w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 z-10 bg-zinc-50 dark:bg-zinc-900">
          <tr>
            {selectable && (
              <th scope="col" className="px-2 py-2">
                <span className="sr-only">Select to compare</span>
              </th>
            )}
            <SortHeader field="name" label="Model" query={query} view={view} />
            <th scope="col" className="px-3 py-2 text-left font-medium">Developer</th>
            <th scope="col" className="px-3 py-2 text-left font-medium">Country</th>
            <SortHeader field="releaseDate" label="Released" query={query} view={view} numeric />
            <SortHeader field={paramsField} label={view === "active" ? "Active params" : "Total params"} query={query} view={view} numeric />
            <th scope="col" className="px-3 py-2 text-left font-medium">Architecture</th>
            <SortHeader field="contextWindow" label="Context" query={query} view={view} numeric />
            {query.benchmark && <SortHeader field="score" label={benchmarkLabel ?? "Score"} query={query} view={view} numeric />}
            <th scope="col" className="px-3 py-2 text-left font-medium">License</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {models.map((m) => {
            const params = m[paramsField];
            return (
              <tr key={m.slug} className="group hover:bg-zinc-50 dark:hover:bg-zinc-900">
                {selectable && (
                  <td className="px-2 py-2">
                    <input type="checkbox" name="models" value={m.slug} aria-label={`Select ${m.name} to compare`} className="size-4" />
                  </td>
                )}
                <th scope="row" className="sticky left-0 bg-white px-3 py-2 text-left font-medium group-hover:bg-zinc-50 dark:bg-zinc-950 dark:group-hover:bg-zinc-900">
                  <a href={`/models/${m.slug}`} className="text-blue-700 hover:underline dark:text-blue-400">{m.name}</a>
                  {!m.openWeights && <span className="ml-1.5 rounded bg-zinc-200 px-1 text-xs font-normal text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300" title="Closed reference model: API only, weights not published">closed</span>}
                </th>
                <td className="whitespace-nowrap px-3 py-2">
                  <a href={`/orgs/${m.organization.slug}`} className="hover:underline">{m.organization.name}</a>
                </td>
                <td className="px-3 py-2">
                  <a href={`/countries/${m.organization.country}`} className="hover:underline"><CountryLabel code={m.organization.country} /></a>
                </td>
                <td className="tabular whitespace-nowrap px-3 py-2 text-right">{m.releaseDate}</td>
                <td className="tabular px-3 py-2 text-right" title={params ? `${formatExact(params)} parameters` : "not stated"}>{formatParams(params)}</td>
                <td className="px-3 py-2">
                  {m.architecture === "moe" ? (
                    <span title={m.routedExperts ? `${m.routedExperts} routed experts, ${m.expertsPerToken} per token` : undefined}>MoE</span>
                  ) : m.architecture === "dense" ? "Dense" : <span className="text-zinc-600 dark:text-zinc-400">not stated</span>}
                </td>
                <td className="tabular px-3 py-2 text-right" title={m.contextWindow ? `${formatExact(m.contextWindow)} tokens` : "not stated"}>{formatTokens(m.contextWindow)}</td>
                {query.benchmark && <td className="tabular px-3 py-2 text-right" data-score={m.score?.value ?? ""}>{m.score ? m.score.value : "—"}</td>}
                <td className="whitespace-nowrap px-3 py-2">
                  {m.license ? (
                    <>{m.license.name} <span className="text-zinc-600 dark:text-zinc-400">({LICENSE_CATEGORY_LABELS[m.license.category]})</span></>
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
