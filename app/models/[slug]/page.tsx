import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CiteThis } from "@/components/citation/cite-this";
import { CountryLabel } from "@/components/country-label";
import { ModelMeasuresSection } from "@/components/model/model-measures";
import { originOfHeaders } from "@/lib/api/origin";
import { getModelMeasures } from "@/lib/data/measures";
import { getModelBySlug, type SourcedValue } from "@/lib/data/model-detail";
import { getCitationContext } from "@/lib/data/releases";
import { compareFieldValues } from "@/lib/domain/disagreements";
import { FIELD_LABELS, formatDifference, formatFieldValue } from "@/lib/domain/field-display";
import { licenseText, NO_WEIGHTS_TEXT } from "@/lib/domain/licenses";
import { fieldLabel } from "@/lib/domain/model-fields";
import { todayUtc } from "@/lib/domain/model-rules";
import { releasePath } from "@/lib/domain/releases";
import { sourceLabel } from "@/lib/domain/sources";
import { slugSchema } from "@/lib/schemas/common";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

async function load(slug: string) {
  return slugSchema.safeParse(slug).success ? getModelBySlug(slug) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const model = await load((await params).slug);
  return { title: model ? model.name : "Model not found" };
}

/**
 * A value's source and its date. A curated value's date is the day a person checked it against its source
 * (the record's `checked`), or says that day is not recorded: the day the dataset was loaded is not a check.
 * Other sources were read by a program on the day shown (an ingest, an accepted correction).
 */
function SourceLink({ source }: { source: SourcedValue }) {
  const date =
    source.kind !== "curated" ? <span className="whitespace-nowrap">{source.retrievedAt.slice(0, 10)}</span>
    : source.checkedOn ? <>checked <span className="whitespace-nowrap">{source.checkedOn}</span></>
    : null;
  return (
    <span className="text-xs text-zinc-600 dark:text-zinc-400" data-source-date={source.kind === "curated" ? (source.checkedOn ?? "not recorded") : undefined}>
      <a href={source.url} rel="nofollow noopener" className="underline">source</a> ({sourceLabel(source.kind)}
      {source.secondary ? ", secondary" : ""}
      {date ? <>, {date}</> : "; check date not recorded"})
    </span>
  );
}

export default async function ModelPage({ params }: Props) {
  const slug = (await params).slug;
  const [model, measures, cite] = await Promise.all([load(slug), slugSchema.safeParse(slug).success ? getModelMeasures(slug, null) : null, getCitationContext()]);
  if (!model || !measures) notFound();
  // Absolute URLs on the public origin (PUBLIC_URL, or the request's Host): never the address the app listens on.
  const origin = originOfHeaders(await headers());
  // The values set when the record was created are its first state, not changes: summarize them in one line.
  const firstAt = model.revisions.at(-1)?.createdAt;
  const changes = model.revisions.filter((r) => !(r.createdAt === firstAt && r.oldValue === null));
  const initial = model.revisions.length - changes.length;

  return (
    <article>
      <p className="text-sm"><Link href="/models" className="text-blue-700 underline dark:text-blue-400">All models</Link></p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">{model.name}</h1>
      <p className="mt-1 text-zinc-700 dark:text-zinc-300">
        {!model.openWeights && <><span className="rounded bg-zinc-200 px-1.5 py-0.5 text-xs font-medium text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">closed</span> A closed reference model (API only, weights not published), kept as the reference line of capability comparisons and never counted as a release.{" "}</>}
        {model.architecture === "moe" ? "Mixture-of-Experts" : model.architecture === "dense" ? "Dense" : "Architecture not stated:"} {model.variant} model by{" "}
        {model.developers.map((d, i) => (
          <span key={d.slug}>
            {i > 0 && (i === model.developers.length - 1 ? " and " : ", ")}
            <Link href={`/orgs/${d.slug}`} className="text-blue-700 underline dark:text-blue-400">{d.name}</Link> <CountryLabel code={d.country} parens />
          </span>
        ))}
        , {model.openWeights ? "weights released" : "released (API only)"} <span className="whitespace-nowrap">{model.releaseDate}</span>. License: {licenseText(model.license)}.
      </p>
      <p className="mt-3 flex flex-wrap gap-4 text-sm">
        <Link href={`/models/${model.slug}/correct`} className="rounded border border-zinc-300 px-3 py-1 font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">Suggest a correction</Link>
        <Link href={`/compare?models=${model.slug}${model.baseModel ? `,${model.baseModel}` : ""}`} className="text-blue-700 underline dark:text-blue-400">Compare{model.baseModel ? " with its base model" : ""}</Link>
        <a href={`/api/v1/models/${model.slug}`} className="text-blue-700 underline dark:text-blue-400">JSON</a>
        {model.hfRepoId && <a href={`https://huggingface.co/${model.hfRepoId}`} rel="nofollow noopener" className="text-blue-700 underline dark:text-blue-400">Hugging Face</a>}
      </p>
      <CiteThis what={`${model.name} (model record)`} dataVersion={cite.dataVersion} dataDate={cite.dataDate} url={`${origin}/models/${model.slug}`} today={todayUtc()}
        stable={cite.latest && { ...cite.latest, url: `${origin}${releasePath(cite.latest.date)}` }} />

      <h2 className="mt-6 text-lg font-semibold">Every value and its source</h2>
      <div className="mt-2 overflow-x-auto">
        <table className="min-w-full text-sm">
          <caption className="sr-only">Fields of {model.name} with the value in use, its source, and other sources</caption>
          <thead className="bg-zinc-50 text-left dark:bg-zinc-900">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">Field</th>
              <th scope="col" className="px-3 py-2 font-medium">Value</th>
              {/* On a phone the sources go under the value (the four columns were 438 px in a 358 px box). */}
              <th scope="col" className="hidden px-3 py-2 font-medium sm:table-cell">Source</th>
              <th scope="col" className="hidden px-3 py-2 font-medium sm:table-cell">Other sources</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {model.provenance.map(({ field, inUse, others }) => {
              const disagreeing = others.filter((o) => compareFieldValues(field, inUse?.value, o.value).disagree);
              // A source line never breaks inside its date ("2026-12-" / "01").
              const sourceCell = inUse ? <span className="whitespace-nowrap"><SourceLink source={inUse} /></span> : <span className="text-xs text-zinc-600 dark:text-zinc-400">not stated</span>;
              const othersCell = disagreeing.length === 0 ? (
                others.length ? <span className="text-zinc-600 dark:text-zinc-400">{others.length} other source{others.length > 1 ? "s" : ""} agree{others.length > 1 ? "" : "s"}</span> : null
              ) : (
                <ul>
                  {disagreeing.map((o) => (
                    <li key={o.kind}>
                      <span aria-label="disagrees" title="A lower-precedence source disagrees">≠</span> {formatFieldValue(field, o.value)}{" "}
                      <span className="text-zinc-600 dark:text-zinc-400">{formatDifference(field, inUse?.value, o.value)}</span> <span className="whitespace-nowrap"><SourceLink source={o} /></span>
                    </li>
                  ))}
                </ul>
              );
              return (
                <tr key={field} data-field={field}>
                  <th scope="row" className="px-2 py-2 text-left font-medium sm:px-3">{FIELD_LABELS[field]}</th>
                  <td className="tabular px-2 py-2 [overflow-wrap:anywhere] sm:px-3">
                    {field === "baseModel" && model.baseModelInfo ? (
                      <Link href={`/models/${model.baseModelInfo.slug}`} className="text-blue-700 underline dark:text-blue-400">{model.baseModelInfo.name}</Link>
                    ) : field === "developers" ? (
                      model.developers.map((d) => d.name).join(", ")
                    ) : field === "hfRepoId" && model.hfRepoId ? (
                      <a href={`https://huggingface.co/${model.hfRepoId}`} rel="nofollow noopener" className="text-blue-700 underline dark:text-blue-400">{model.hfRepoId}</a>
                    ) : field === "licenseId" ? (
                      model.license ? `${model.license.name} (${model.license.id})` : NO_WEIGHTS_TEXT
                    ) : (
                      formatFieldValue(field, inUse?.value)
                    )}
                    <div className="mt-0.5 sm:hidden">{sourceCell}</div>
                    {othersCell && <div className="mt-0.5 text-xs sm:hidden">{othersCell}</div>}
                  </td>
                  <td className="hidden px-3 py-2 sm:table-cell">{sourceCell}</td>
                  <td className="hidden px-3 py-2 text-xs sm:table-cell">{othersCell}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {model.notes && (
        <>
          <h2 className="mt-6 text-lg font-semibold">Notes</h2>
          <p className="mt-1 max-w-3xl whitespace-pre-line text-sm">{model.notes}</p>
        </>
      )}

      <ModelMeasuresSection name={model.name} measures={measures} />

      <h2 className="mt-6 text-lg font-semibold">Lineage</h2>
      <p className="mt-1 text-sm">
        {model.baseModelInfo ? (
          <>Derived from <Link href={`/models/${model.baseModelInfo.slug}`} className="text-blue-700 underline dark:text-blue-400">{model.baseModelInfo.name}</Link> by {model.baseModelInfo.organization.name} <CountryLabel code={model.baseModelInfo.organization.country} parens />.</>
        ) : "No base model recorded."}
      </p>
      {model.derivatives.length > 0 && (
        <>
          <p className="mt-2 text-sm">Derived from this model:</p>
          <ul className="ml-5 list-disc text-sm">
            {model.derivatives.map((d) => (
              <li key={d.slug}><Link href={`/models/${d.slug}`} className="text-blue-700 underline dark:text-blue-400">{d.name}</Link> by {d.organization.name} <CountryLabel code={d.organization.country} parens /></li>
            ))}
          </ul>
        </>
      )}

      <h2 className="mt-6 text-lg font-semibold">Revision history</h2>
      {firstAt && <p className="mt-1 text-sm">Record created {firstAt.slice(0, 10)} with {initial} values ({model.revisions.at(-1)?.reason}).</p>}
      {changes.length === 0 ? (
        <p className="mt-1 text-sm">No changes since.</p>
      ) : (
        <div className="mt-2 overflow-x-auto">
          <table className="min-w-full text-sm">
            <caption className="sr-only">Every change of a value of {model.name}, newest first</caption>
            <thead className="bg-zinc-50 text-left dark:bg-zinc-900">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">When</th>
                <th scope="col" className="px-3 py-2 font-medium">Field</th>
                <th scope="col" className="px-3 py-2 font-medium">Old</th>
                <th scope="col" className="px-3 py-2 font-medium">New</th>
                <th scope="col" className="px-3 py-2 font-medium">Source</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
              {changes.map((r) => (
                <tr key={r.id}>
                  <td className="tabular whitespace-nowrap px-3 py-2">{r.createdAt.slice(0, 10)}</td>
                  <td className="px-3 py-2">{fieldLabel(r.field)}</td>
                  <td className="tabular px-3 py-2">{formatFieldValue(r.field, r.oldValue)}</td>
                  <td className="tabular px-3 py-2">{formatFieldValue(r.field, r.newValue)}</td>
                  <td className="px-3 py-2 text-xs">{r.reason} · <a href={r.sourceUrl} rel="nofollow noopener" className="underline">{sourceLabel(r.sourceKind)}</a></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </article>
  );
}
