import type { Metadata } from "next";
import Link from "next/link";
import { CountryLabel } from "@/components/country-label";
import { findModelsBySlugs, type ModelListItem } from "@/lib/data/models";
import { formatFieldValue } from "@/lib/domain/field-display";
import { getModelMeasures } from "@/lib/data/measures";
import { licenseText } from "@/lib/domain/licenses";
import { formatScore } from "@/lib/domain/measures";
import { MODEL_FIELD_REGISTRY, MODEL_FIELDS, type ModelField } from "@/lib/domain/model-fields";
import { slugSchema } from "@/lib/schemas/common";

export const metadata: Metadata = { title: "Compare models" };
export const dynamic = "force-dynamic";

const MIN = 2;
const MAX = 6;

type Row = { label: string; value: (m: ModelListItem) => string; link?: (m: ModelListItem) => string | null };

/** A field's value in a list item: developers and the license are objects there, the rest as stored. */
function fieldText(m: ModelListItem, field: ModelField): string {
  if (field === "developers") return m.developers.map((d) => d.name).join(", ");
  if (field === "licenseId") return licenseText(m.license);
  return formatFieldValue(field, m[field]);
}

// The primary developer's country first (the atlas's question), then every field the registry compares.
const ROWS: Row[] = [
  { label: "Developer", value: (m) => fieldText(m, "developers") },
  { label: "Country", value: (m) => m.organization.country },
  ...MODEL_FIELDS.filter((f) => MODEL_FIELD_REGISTRY[f].compare).map((field): Row => ({
    label: MODEL_FIELD_REGISTRY[field].label,
    value: (m) => fieldText(m, field),
    link: field === "baseModel" ? (m) => (m.baseModel ? `/models/${m.baseModel}` : null) : undefined,
  })),
];

function readSlugs(raw: string | string[] | undefined): string[] {
  const parts = (Array.isArray(raw) ? raw : raw ? [raw] : []).flatMap((v) => v.split(",")).map((s) => s.trim()).filter(Boolean);
  return [...new Set(parts)];
}

export default async function ComparePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const slugs = readSlugs((await searchParams).models);
  const invalid = slugs.filter((s) => !slugSchema.safeParse(s).success);
  const valid = slugs.filter((s) => slugSchema.safeParse(s).success).slice(0, MAX);
  const models = valid.length ? await findModelsBySlugs(valid) : [];
  const measures = await Promise.all(models.map((m) => getModelMeasures(m.slug, null)));
  // One row per benchmark any of them has a score on: each model's best score there (settings differ; the model pages list every score).
  const benchmarkRows = [...new Map(measures.flatMap((x) => x.scores.map((s) => [s.benchmark.id, s.benchmark] as const))).values()].map((b) => ({
    benchmark: b,
    values: measures.map((x) => {
      const mine = x.scores.filter((s) => s.benchmark.id === b.id);
      if (!mine.length) return null;
      return mine.reduce((best, s) => ((b.higherIsBetter ? s.value > best.value : s.value < best.value) ? s : best));
    }),
  }));
  const unknown = [...invalid, ...valid.filter((s) => !models.some((m) => m.slug === s))];

  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Compare models</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Two to six releases side by side; rows where they differ are highlighted.</p>
      {unknown.length > 0 && (
        <p role="status" className="mt-3 rounded border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100">
          No model with the slug {unknown.map((s) => `"${s}"`).join(", ")}.
        </p>
      )}
      {slugs.length > MAX && <p role="status" className="mt-3 text-sm">Only the first {MAX} models are compared.</p>}
      {models.length < MIN ? (
        <div className="mt-4 rounded border border-zinc-200 p-4 dark:border-zinc-800">
          <p className="font-medium">Choose at least {MIN} models to compare.</p>
          <p className="mt-1 text-sm">
            Tick two to six rows in the <Link href="/models" className="text-blue-700 underline dark:text-blue-400">models table</Link> and press “Compare selected”, or
            open an address like <code>/compare?models=deepseek-v3,llama-3.1-405b-instruct</code>.
          </p>
        </div>
      ) : (
        <div className="mt-4 overflow-x-auto">
          <table className="min-w-full text-sm">
            <caption className="sr-only">Comparison of {models.map((m) => m.name).join(", ")}</caption>
            <thead className="bg-zinc-50 dark:bg-zinc-900">
              <tr>
                <th scope="col" className="sticky left-0 bg-zinc-50 px-3 py-2 text-left font-medium dark:bg-zinc-900">Field</th>
                {models.map((m) => (
                  <th key={m.slug} scope="col" className="px-3 py-2 text-left font-medium">
                    <Link href={`/models/${m.slug}`} className="text-blue-700 underline dark:text-blue-400">{m.name}</Link>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
              {ROWS.map((row) => {
                const values = models.map(row.value);
                const differs = new Set(values).size > 1;
                return (
                  <tr key={row.label} className={differs ? "bg-amber-50 dark:bg-amber-950/40" : undefined} data-differs={differs || undefined}>
                    <th scope="row" className="sticky left-0 bg-inherit px-3 py-2 text-left font-medium">
                      {row.label}
                      {differs && <span className="sr-only"> (differs)</span>}
                    </th>
                    {models.map((m, i) => {
                      const href = row.link?.(m);
                      return (
                        <td key={m.slug} className="tabular px-3 py-2">
                          {row.label === "Country" ? <CountryLabel code={m.organization.country} /> : href ? <Link href={href} className="underline">{values[i]}</Link> : values[i]}
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
              {benchmarkRows.map(({ benchmark, values }) => (
                <tr key={benchmark.id} data-benchmark={benchmark.id}>
                  <th scope="row" className="sticky left-0 bg-inherit px-3 py-2 text-left font-medium">{benchmark.name}</th>
                  {values.map((s, i) => (
                    <td key={models[i]!.slug} className="tabular px-3 py-2">
                      {s ? <>{formatScore(s.value, benchmark.unit)} <span className="text-xs text-zinc-600 dark:text-zinc-400">{s.measuredBy === "developer" ? "developer" : s.evaluator}</span></> : <span className="text-zinc-600 dark:text-zinc-400">no score</span>}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {benchmarkRows.length > 0 && <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">Benchmark rows: each model&apos;s best score on that benchmark, with who measured it; every score, its setting and its source are on the model pages.</p>}
        </div>
      )}
    </>
  );
}
