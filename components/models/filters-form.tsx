import Link from "next/link";
import { countryName } from "@/lib/domain/countries";
import { formatParams, formatTokens } from "@/lib/domain/params";
import { LICENSE_CATEGORIES, LICENSE_CATEGORY_LABELS } from "@/lib/domain/licenses";
import type { OrganizationRef } from "@/lib/data/models";
import { defaultOrder, type ModelQuery } from "@/lib/schemas/model-query";
import type { ParamsView } from "./view-links";

interface Props {
  query: ModelQuery;
  view: ParamsView;
  countries: { code: string; releases: number }[];
  organizations: (OrganizationRef & { releases: number })[];
  /** The tracked benchmarks, for the score filter and sort. */
  benchmarks: { id: string; name: string; unit: string; scores: { open: number; closed: number } }[];
}

const input = "mt-1 w-full rounded border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900";
const label = "block text-xs font-medium text-zinc-700 dark:text-zinc-300";
const countText = (n: number | null) => (n === null ? "" : formatParams(n));

/**
 * The filters: a plain GET form with the API's parameter names, so it works without JavaScript and the
 * resulting address is the shareable view. Submitting starts again at page 1 (no page field).
 */
export function FiltersForm({ query, view, countries, organizations, benchmarks }: Props) {
  return (
    <form method="get" action="/models" className="grid gap-4 rounded border border-zinc-200 p-4 text-sm dark:border-zinc-800 md:grid-cols-2 lg:grid-cols-4" aria-label="Filter models">
      <div className="lg:col-span-2">
        <label htmlFor="f-q" className={label}>Search name or family</label>
        <input id="f-q" name="q" type="search" defaultValue={query.q ?? ""} placeholder="e.g. qwen3, llama" className={input} />
      </div>
      <div>
        <label htmlFor="f-org" className={label}>Organization</label>
        <select id="f-org" name="org" defaultValue={query.org.length > 1 ? query.org : (query.org[0] ?? "")} multiple={query.org.length > 1} className={input}>
          {query.org.length <= 1 && <option value="">Any organization</option>}
          {organizations.map((o) => (
            <option key={o.slug} value={o.slug}>{o.name} ({o.releases})</option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend className={label}>Architecture</legend>
        <div className="mt-1 flex gap-3">
          {[["", "Any"], ["dense", "Dense"], ["moe", "MoE"]].map(([value, text]) => (
            <label key={value} className="inline-flex items-center gap-1">
              <input type="radio" name="architecture" value={value} defaultChecked={(query.architecture ?? "") === value} />
              {text}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="lg:col-span-2">
        <legend className={label}>Country of the developer</legend>
        <div className="mt-1 flex flex-wrap gap-x-3 gap-y-1">
          {countries.map((c) => (
            <label key={c.code} className="inline-flex items-center gap-1 whitespace-nowrap">
              <input type="checkbox" name="country" value={c.code} defaultChecked={query.country.includes(c.code)} />
              {countryName(c.code)} <span className="text-zinc-600 dark:text-zinc-400">({c.releases})</span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend className={label}>License category</legend>
        <div className="mt-1 flex flex-wrap gap-3">
          {LICENSE_CATEGORIES.map((c) => (
            <label key={c} className="inline-flex items-center gap-1">
              <input type="checkbox" name="license" value={c} defaultChecked={query.license.includes(c)} />
              {LICENSE_CATEGORY_LABELS[c]}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid grid-cols-2 gap-2">
        <div>
          <label htmlFor="f-from" className={label}>Released from</label>
          <input id="f-from" name="releasedFrom" type="date" defaultValue={query.releasedFrom ?? ""} className={input} />
        </div>
        <div>
          <label htmlFor="f-to" className={label}>Released to</label>
          <input id="f-to" name="releasedTo" type="date" defaultValue={query.releasedTo ?? ""} className={input} />
        </div>
      </div>
      <div className="grid grid-cols-2 gap-2">
        <div>
          <label htmlFor="f-mintp" className={label}>Min total params</label>
          <input id="f-mintp" name="minTotalParams" defaultValue={countText(query.minTotalParams)} placeholder="e.g. 70B" className={input} />
        </div>
        <div>
          <label htmlFor="f-maxtp" className={label}>Max total params</label>
          <input id="f-maxtp" name="maxTotalParams" defaultValue={countText(query.maxTotalParams)} placeholder="e.g. 1T" className={input} />
        </div>
      </div>
      <div className="grid grid-cols-2 gap-2">
        <div>
          <label htmlFor="f-minap" className={label}>Min active params</label>
          <input id="f-minap" name="minActiveParams" defaultValue={countText(query.minActiveParams)} placeholder="e.g. 10B" className={input} />
        </div>
        <div>
          <label htmlFor="f-maxap" className={label}>Max active params</label>
          <input id="f-maxap" name="maxActiveParams" defaultValue={countText(query.maxActiveParams)} placeholder="e.g. 40B" className={input} />
        </div>
      </div>
      <div>
        <label htmlFor="f-ctx" className={label}>Min context (tokens)</label>
        <input id="f-ctx" name="minContext" defaultValue={query.minContext === null ? "" : formatTokens(query.minContext)} placeholder="e.g. 128K" className={input} />
      </div>
      <div>
        <label htmlFor="f-bench" className={label}>Has a score on</label>
        <select id="f-bench" name="benchmark" defaultValue={query.benchmark ?? ""} className={input}>
          <option value="">Any benchmark or none</option>
          {benchmarks.filter((b) => b.scores.open + b.scores.closed > 0).map((b) => <option key={b.id} value={b.id}>{b.name}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="f-minscore" className={label}>Min score (with a benchmark)</label>
        <input id="f-minscore" name="minScore" inputMode="decimal" defaultValue={query.minScore ?? ""} placeholder="e.g. 60" className={input} />
      </div>
      <div>
        <label htmlFor="f-open" className={label}>Records</label>
        <select id="f-open" name="openWeights" defaultValue={query.openWeights} className={input}>
          <option value="true">Open-weights releases</option>
          <option value="all">Also closed reference models</option>
          <option value="false">Only closed reference models</option>
        </select>
      </div>
      <fieldset>
        <legend className={label}>Parameters shown</legend>
        <div className="mt-1 flex gap-3">
          <label className="inline-flex items-center gap-1"><input type="radio" name="params" value="total" defaultChecked={view === "total"} />Total</label>
          <label className="inline-flex items-center gap-1"><input type="radio" name="params" value="active" defaultChecked={view === "active"} />Active</label>
        </div>
      </fieldset>
      {query.excludeCountry.length > 0 && <input type="hidden" name="excludeCountry" value={query.excludeCountry.join(",")} />}
      {query.sort !== "releaseDate" && <input type="hidden" name="sort" value={query.sort} />}
      {query.order !== defaultOrder(query.sort) && <input type="hidden" name="order" value={query.order} />}
      {query.pageSize !== 50 && <input type="hidden" name="pageSize" value={query.pageSize} />}
      <div className="flex items-end gap-3 md:col-span-2 lg:col-span-4">
        <button type="submit" className="rounded bg-blue-700 px-3 py-1.5 font-medium text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2">
          Apply filters
        </button>
        <Link href="/models" className="text-blue-700 underline dark:text-blue-400">Clear all</Link>
      </div>
    </form>
  );
}
