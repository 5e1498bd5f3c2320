import type { Metadata } from "next";
import Link from "next/link";
import { findDisagreements, type SourceValue } from "@/lib/data/disagreements";
import { listUnmappedListings } from "@/lib/data/measures";
import { getReviewQueue, listSourceStatus } from "@/lib/data/source-status";
import { SourceRuns } from "@/components/data-quality/source-runs";
import { PARAM_TOLERANCE } from "@/lib/domain/disagreements";
import { FIELD_LABELS, formatDifference, formatFieldValue } from "@/lib/domain/field-display";
import { MODEL_FIELDS, type ModelField } from "@/lib/domain/model-fields";
import { creditLines, SOURCE_KINDS, sourceLabel } from "@/lib/domain/sources";
import { loadExclusions } from "@/lib/ingest/exclusions";
import { DATA_QUALITY_PAGE_SIZE, dataQualityHref, parseDataQualityParams, type DataQualityParams } from "@/lib/schemas/data-quality";

export const metadata: Metadata = { title: "Data quality" };
// Rendered per request from the database, never at build time.
export const dynamic = "force-dynamic";

function FilterLinks<T extends string>({ label, items, current, href }: { label: string; items: { value: T | null; text: string }[]; current: T | undefined; href: (v: T | null) => string }) {
  return (
    <nav aria-label={label} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
      <span className="font-medium">{label}:</span>
      {items.map((item) => {
        const active = (item.value ?? undefined) === current;
        return (
          <Link
            key={item.value ?? "all"}
            href={href(item.value)}
            aria-current={active ? "page" : undefined}
            className={active ? "rounded bg-zinc-900 px-1.5 py-0.5 font-medium text-white dark:bg-zinc-100 dark:text-zinc-900" : "text-blue-700 underline dark:text-blue-400"}
          >
            {item.text}
          </Link>
        );
      })}
    </nav>
  );
}

function Value({ field, v }: { field: ModelField; v: SourceValue }) {
  return (
    <>
      <span className="tabular font-medium">
        {formatFieldValue(field, v.value)}
      </span>{" "}
      <a href={v.url} rel="noopener noreferrer" className="text-zinc-600 underline decoration-dotted dark:text-zinc-400" title={`Retrieved ${v.retrievedAt.slice(0, 10)}`}>
        {sourceLabel(v.source)}
      </a>
    </>
  );
}

export default async function DataQualityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params: DataQualityParams = parseDataQualityParams(await searchParams);
  // One query for the source filter; the field filter and its counts are taken from it.
  const [bySource, exclusions, unmapped, sourceStatus, queue] = await Promise.all([
    findDisagreements({ source: params.source }), loadExclusions(), listUnmappedListings(), listSourceStatus(), getReviewQueue(),
  ]);
  const pending = exclusions.pending();
  const counts = new Map<ModelField, number>();
  for (const d of bySource) counts.set(d.field, (counts.get(d.field) ?? 0) + 1);
  const rows = params.field ? bySource.filter((d) => d.field === params.field) : bySource;
  const pages = Math.max(1, Math.ceil(rows.length / DATA_QUALITY_PAGE_SIZE));
  const page = Math.min(params.page, pages);
  const shown = rows.slice((page - 1) * DATA_QUALITY_PAGE_SIZE, page * DATA_QUALITY_PAGE_SIZE);

  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Where sources disagree</h1>
      <div className="mt-2 max-w-3xl space-y-2 text-sm text-zinc-700 dark:text-zinc-300">
        <p>
          Every source&apos;s value of every field is kept. The value in use comes from the highest-ranked source that has one: an accepted correction,
          then the curated dataset, then the other sources in each field&apos;s order (<Link href="/about" className="text-blue-700 underline dark:text-blue-400">About</Link> lists
          them). Below, each value in use next to another source that says otherwise, largest difference first.
        </p>
        <p>
          Parameter counts within {PARAM_TOLERANCE * 100}% of each other are not listed (rounding, not disagreement); a source that does not state a
          value never disagrees. Hugging Face totals are safetensors sums, which count every dtype and packed formats. Secondary sources:{" "}
          {creditLines().join("; ")}. <a href="#not-yet" className="text-blue-700 underline dark:text-blue-400">{pending.length} releases</a> found
          by the last sweep are not in the data yet (below). <a href="#last-runs" className="text-blue-700 underline dark:text-blue-400">When each source last ran</a> and
          the review queue of discovered releases are below too.
        </p>
      </div>

      <div className="mt-4 space-y-2">
        <FilterLinks
          label="Field"
          current={params.field}
          href={(field) => dataQualityHref(params, { field })}
          items={[
            { value: null, text: `All (${bySource.length})` },
            ...MODEL_FIELDS.filter((f) => counts.has(f) || f === params.field).map((f) => ({ value: f, text: `${FIELD_LABELS[f]} (${counts.get(f) ?? 0})` })),
          ]}
        />
        <FilterLinks
          label="Source"
          current={params.source}
          href={(source) => dataQualityHref(params, { source })}
          items={[{ value: null, text: "All" }, ...SOURCE_KINDS.map((s) => ({ value: s, text: sourceLabel(s) }))]}
        />
      </div>

      {rows.length === 0 ? (
        <p className="mt-6 rounded border border-zinc-200 p-4 dark:border-zinc-800">
          No disagreements{params.field || params.source ? " for this filter" : ""}. Sources are compared once an ingester has run:{" "}
          <code>npm run ingest -- hf</code> and <code>npm run ingest -- epoch data/sources/epoch/notable_ai_models_2026-02.csv</code>.
        </p>
      ) : (
        <>
          <p className="mt-4 text-sm text-zinc-600 dark:text-zinc-400">
            {rows.length} disagreement{rows.length === 1 ? "" : "s"}
            {pages > 1 ? `, page ${page} of ${pages}` : ""}.
          </p>
          <div className="mt-2 overflow-x-auto rounded border border-zinc-200 dark:border-zinc-800">
            <table className="min-w-full text-sm">
              <caption className="sr-only">Values in use and the other sources that disagree with them, largest difference first</caption>
              <thead className="sticky top-0 bg-zinc-50 text-left dark:bg-zinc-900">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">Model</th>
                  <th scope="col" className="px-3 py-2 font-medium">Field</th>
                  <th scope="col" className="px-3 py-2 font-medium">In use</th>
                  <th scope="col" className="px-3 py-2 font-medium">Other source says</th>
                  <th scope="col" aria-sort="descending" className="px-3 py-2 text-right font-medium">Difference</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
                {shown.map((d) => (
                  <tr key={`${d.model.slug}-${d.field}-${d.other.source}`} className="hover:bg-zinc-50 dark:hover:bg-zinc-900">
                    <th scope="row" className="px-3 py-2 text-left font-medium">
                      <Link href={`/models/${d.model.slug}`} className="underline decoration-zinc-400 hover:decoration-current">
                        {d.model.name}
                      </Link>
                    </th>
                    <td className="px-3 py-2">{FIELD_LABELS[d.field]}</td>
                    <td className="px-3 py-2"><Value field={d.field} v={d.inUse} /></td>
                    <td className="px-3 py-2"><Value field={d.field} v={d.other} /></td>
                    <td className="tabular px-3 py-2 text-right">{formatDifference(d.field, d.inUse.value, d.other.value) || "differs"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {pages > 1 && (
            <nav aria-label="Pages" className="mt-3 flex gap-4 text-sm">
              {page > 1 && <Link href={dataQualityHref(params, { page: page - 1 })} className="text-blue-700 underline dark:text-blue-400">Previous</Link>}
              {page < pages && <Link href={dataQualityHref(params, { page: page + 1 })} className="text-blue-700 underline dark:text-blue-400">Next</Link>}
            </nav>
          )}
        </>
      )}
    
      <SourceRuns sources={sourceStatus} queue={queue} />

      <section aria-labelledby="not-yet" className="mt-10">
        <h2 id="not-yet" className="text-lg font-semibold">Found, not yet in the data ({pending.length})</h2>
        <p className="mt-2 max-w-3xl text-sm text-zinc-700 dark:text-zinc-300">
          Releases with public weights that the last sweep found but could not yet enter, because a value every record needs (the day the
          weights were published, the license of that exact release, or the expert layout of a mixture of experts) had no source. Counts
          that include the months they fall in are short by these. From <code>data/excluded.yaml</code>, where every other entry of the
          cross-check sources that is not a record is listed with its reason.
        </p>
        {pending.length === 0 ? (
          <p className="mt-3 rounded border border-zinc-200 p-4 text-sm dark:border-zinc-800">None: every release the last sweep found is in the data.</p>
        ) : (
          // A list, not a table: each reason is a sentence or two, which a second column squeezes off a phone's screen.
          <ul aria-label="Releases found by the last sweep and not yet in the data" className="mt-3 divide-y divide-zinc-200 rounded border border-zinc-200 text-sm dark:divide-zinc-800 dark:border-zinc-800">
            {pending.map((e, i) => (
              <li key={`${i}:${e.path ?? e.repo ?? e.name}`} className="px-3 py-2">
                <p className="font-medium break-words">{e.name ?? e.repo ?? e.path}</p>
                <p className="mt-0.5 text-zinc-700 dark:text-zinc-300">{e.why}</p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="unmapped-usage" className="mt-10">
        <h2 id="unmapped-usage" className="text-lg font-semibold">Usage listings not mapped to a record ({unmapped.length})</h2>
        <p className="mt-2 max-w-3xl text-sm text-zinc-700 dark:text-zinc-300">
          OpenRouter listings of its daily top models that <code>data/mappings/openrouter.yaml</code> does not map to a record of the atlas: closed models
          without a reference record, embedding models, stealth models, releases not entered yet. Their tokens are kept but count in no country&apos;s share:
          the usage shares are of the mapped open-weights listings only. Each is left unmapped on purpose (the file says why) or waits for a mapping; none is guessed.
        </p>
        {unmapped.length === 0 ? (
          <p className="mt-3 rounded border border-zinc-200 p-4 text-sm dark:border-zinc-800">None: every listing in the usage data is mapped.</p>
        ) : (
          <div className="mt-3 overflow-x-auto">
            <table className="min-w-full text-sm" data-unmapped-usage>
              <caption className="sr-only">OpenRouter listings not mapped to a record, most tokens first</caption>
              <thead className="bg-zinc-50 text-left dark:bg-zinc-900"><tr><th scope="col" className="px-3 py-2 font-medium">Listing</th><th scope="col" className="px-3 py-2 text-right font-medium">Tokens</th><th scope="col" className="px-3 py-2 text-right font-medium">Days</th><th scope="col" className="px-3 py-2 font-medium">Last day</th></tr></thead>
              <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
                {unmapped.map((u) => (
                  <tr key={u.listing}><td className="px-3 py-1.5 break-all">{u.listing}</td><td className="tabular px-3 py-1.5 text-right">{u.tokens.toLocaleString("en-US")}</td><td className="tabular px-3 py-1.5 text-right">{u.days}</td><td className="tabular whitespace-nowrap px-3 py-1.5">{u.lastDay}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
