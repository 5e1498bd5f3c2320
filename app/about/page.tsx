import type { Metadata } from "next";
import Link from "next/link";
import { FIELD_LABELS } from "@/lib/domain/field-display";
import { DEFAULT_PRECEDENCE, precedenceRules, SOURCE_KINDS, SOURCES, sourceLabel, type SourceInfo } from "@/lib/domain/sources";

export const metadata: Metadata = { title: "About and methodology" };

const h2 = "mt-8 text-lg font-semibold";
const p = "mt-2 max-w-3xl";

export default function AboutPage() {
  return (
    <article className="text-zinc-800 dark:text-zinc-200">
      <h1 className="text-2xl font-semibold tracking-tight text-zinc-900 dark:text-zinc-100">About and methodology</h1>
      <p className={p}>
        Open Model Atlas records one entry per open-weights language-model release, so that claims such as “China now leads
        open-weights AI” can be checked against the releases themselves. Every value carries its source and the date it was taken;
        every change is logged.
      </p>

      <h2 className={h2}>What counts as open weights</h2>
      <p className={p}>
        A release is listed when its weights can be downloaded by the public, gated (click-through or approval) or not. Models
        available only through an API or a hosted product are not listed. Base, instruct, reasoning and coder variants are separate
        entries when their weights were published separately; quantized copies, merges and community fine-tunes are not listed.
      </p>

      <h2 className={h2}>Country</h2>
      <p className={p}>
        The country of a release is the headquarters country of its developing organization (ISO 3166-1 alpha-2). When several
        organizations developed a release, all are recorded and the first is the primary developer, whose country the rankings use.
        A fine-tune keeps its own developer’s country and records its base model, whose origin is shown on its page.
      </p>

      <h2 className={h2}>Parameters</h2>
      <p className={p}>
        Integer counts as the developer states them. <strong>Total</strong> parameters are all weights; <strong>active</strong> parameters
        are the weights used for each token (for a dense model, active equals total; for a Mixture-of-Experts model, the shared parts
        plus the experts chosen per token). Counts are shown as 671B or 1.04T, with the exact value on hover and on the model page.
        Total and active are never mixed on one axis or in one column without saying which. Hugging Face’s safetensors totals count
        every stored tensor (including packed and auxiliary ones) and are kept as a separate source, not as the truth.
      </p>

      <h2 className={h2}>Architecture</h2>
      <p className={p}>
        Dense or Mixture-of-Experts (MoE). For MoE: routed experts per layer, experts chosen per token, and always-active shared
        experts, as in the release’s config.json where it states them.
      </p>

      <h2 className={h2}>Context window</h2>
      <p className={p}>
        The longest input the developer states the release supports, in tokens. The config’s <code>max_position_embeddings</code> is
        kept beside it, since it often differs (Qwen3-235B-A22B: 40,960 in the config, 128K with YaRN as stated by the developer).
        128K means 131,072 when the developer means 2<sup>17</sup>, 128,000 when the developer says 128,000.
      </p>

      <h2 className={h2}>License</h2>
      <p className={p}>
        The license published with that exact release (licenses differ between sizes of one family and change over time), by SPDX id
        where one exists, else a named custom license, each in one category: <strong>permissive</strong> (no use or scale limits beyond
        attribution), <strong>restricted</strong> (an acceptable-use policy, user caps or other limits), <strong>non-commercial</strong>.
      </p>

      <h2 className={h2}>Dates</h2>
      <p className={p}>The announcement date and the date the weights became downloadable are separate fields; rankings and filters use the weights date.</p>
      <p className={p}>
        The dataset is swept for new releases up to a stated day, shown on the dashboard as “Data complete through” that day and
        returned by the API as <code>completeThrough</code>. Releases after it may not be listed yet, so counts never treat those days
        as days without releases: “the last 12 months” end on that day (or on an earlier as-of date), and a quarter, half-year or
        year that ends after it is drawn hatched and marked incomplete rather than as a low bar.
      </p>

      <h2 className={h2}>Capability, usage and adoption</h2>
      <p className={p}>
        A benchmark here is one comparable series: a test together with what makes its scores comparable. GPQA Diamond as Epoch AI runs it
        for every model with one harness, and GPQA Diamond as each developer reports it, are two benchmarks, and no chart or ranking puts
        them on one scale. Every score says who measured it: an independent evaluator (Epoch AI, a leaderboard, Artificial Analysis, a
        paper&apos;s baseline of another lab&apos;s model) or the developer&apos;s own claim (its model card, report or announcement), with its
        setting, date and source. A model&apos;s several scores on one benchmark are all kept; charts and rankings take its best.
      </p>
      <p className={p}>
        Closed (API-only) models are in the data only as reference records, marked “closed”: they are the reference line of the
        capability chart (does the best open model match the closed frontier, and how many months later?). They are never counted as
        releases and appear in lists and exports only when asked for (<code>openWeights=all</code> or <code>false</code>).
      </p>
      <p className={p}>
        Usage is OpenRouter&apos;s daily token counts of its top listings: one router&apos;s traffic, not the whole market. Listings are mapped to
        records by hand; a listing that is not mapped counts in no country&apos;s share and is listed on the data-quality page. Adoption is
        Hugging Face downloads (the 30 days before each snapshot) and likes, kept as dated snapshots.
      </p>

      <h2 className={h2}>Sources and precedence</h2>
      <p className={p}>
        Every source’s value is kept; the value in use is the first source in a fixed order that has one. Where sources disagree, the
        model page shows it, and <Link href="/data-quality" className="text-blue-700 underline dark:text-blue-400">data quality</Link> lists
        every disagreement. Secondary sources (aggregators) are cited only where no primary source was found, and marked as such.
      </p>
      <ul className="mt-2 ml-5 list-disc">
        {SOURCE_KINDS.map((kind) => (
          <li key={kind}>
            <strong>{SOURCES[kind].label}</strong> ({SOURCES[kind].role}): {SOURCES[kind].description}
          </li>
        ))}
      </ul>
      <p className={p}>Order for most fields: {DEFAULT_PRECEDENCE.map(sourceLabel).join(" › ")}.</p>
      <ul className="mt-2 ml-5 list-disc">
        {precedenceRules().map((rule) => (
          <li key={rule.order.join()}>
            {rule.fields.map((f) => FIELD_LABELS[f]).join(", ")}: {rule.order.map(sourceLabel).join(" › ")}
          </li>
        ))}
      </ul>

      <h2 className={h2}>Credits</h2>
      <ul className="mt-2 ml-5 list-disc">
        {SOURCE_KINDS.filter((kind) => SOURCES[kind].credit).map((kind) => {
          const s: SourceInfo = SOURCES[kind];
          return (
            <li key={kind}>
              {s.credit}
              {s.homeUrl ? <> (<a className="underline" href={s.homeUrl}>{s.homeUrl.replace(/^https:\/\//, "")}</a>)</> : null}.
            </li>
          );
        })}
      </ul>

      <h2 className={h2}>Data access</h2>
      <p className={p}>
        Every table can be exported: the <Link href="/models" className="text-blue-700 underline dark:text-blue-400">models table</Link> links
        the CSV and JSON of the view on screen. The read API is documented on <Link href="/docs/api" className="text-blue-700 underline dark:text-blue-400">the API page</Link> (every
        endpoint, its parameters and the fields of its answers), generated from its OpenAPI document at <a href="/api/v1/openapi.json" className="text-blue-700 underline dark:text-blue-400">/api/v1/openapi.json</a>.
        Any web page may call it (CORS is open on the read-only endpoints). The CSV files hold only data; the credit the sources ask for
        is in their <code>X-Credit</code> header and how far the data reaches in <code>X-Data-Complete-Through</code>.
      </p>
    </article>
  );
}
