import type { Metadata } from "next";
import { CountryLabel } from "@/components/country-label";
import { listModels } from "@/lib/data/models";
import { formatExact, formatParams, formatTokens } from "@/lib/domain/params";
import { LICENSE_CATEGORY_LABELS } from "@/lib/domain/licenses";

export const metadata: Metadata = { title: "Models" };
// Rendered per request from the database, never at build time.
export const dynamic = "force-dynamic";

export default async function ModelsPage() {
  const models = await listModels();
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Open-weights model releases</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        {models.length} releases, newest first. Parameters are integer counts as the developer states them; context in tokens.
      </p>
      {models.length === 0 ? (
        <p className="mt-6 rounded border border-zinc-200 p-4 dark:border-zinc-800">
          No models in the database yet. Load the curated dataset with <code>npm run ingest -- curated</code>.
        </p>
      ) : (
        <div className="mt-4 overflow-x-auto rounded border border-zinc-200 dark:border-zinc-800">
          <table className="min-w-full text-sm">
            <caption className="sr-only">Open-weights model releases, newest first</caption>
            <thead className="sticky top-0 bg-zinc-50 text-left dark:bg-zinc-900">
              <tr>
                <th scope="col" className="sticky left-0 bg-zinc-50 px-3 py-2 font-medium dark:bg-zinc-900">Model</th>
                <th scope="col" className="px-3 py-2 font-medium">Developer</th>
                <th scope="col" className="px-3 py-2 font-medium">Country</th>
                <th scope="col" aria-sort="descending" className="px-3 py-2 text-right font-medium">Released</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">Total params</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">Active params</th>
                <th scope="col" className="px-3 py-2 font-medium">Architecture</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">Context</th>
                <th scope="col" className="px-3 py-2 font-medium">License</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
              {models.map((m) => (
                <tr key={m.slug} className="hover:bg-zinc-50 dark:hover:bg-zinc-900">
                  <th scope="row" className="sticky left-0 bg-white px-3 py-2 text-left font-medium dark:bg-zinc-950">{m.name}</th>
                  <td className="px-3 py-2">{m.organization.name}</td>
                  <td className="px-3 py-2"><CountryLabel code={m.organization.country} /></td>
                  <td className="tabular px-3 py-2 text-right">{m.releaseDate}</td>
                  <td className="tabular px-3 py-2 text-right" title={m.totalParams ? formatExact(m.totalParams) : undefined}>{formatParams(m.totalParams)}</td>
                  <td className="tabular px-3 py-2 text-right" title={m.activeParams ? formatExact(m.activeParams) : undefined}>{formatParams(m.activeParams)}</td>
                  <td className="px-3 py-2">{m.architecture === "moe" ? "MoE" : "Dense"}</td>
                  <td className="tabular px-3 py-2 text-right" title={m.contextWindow ? `${formatExact(m.contextWindow)} tokens` : undefined}>{formatTokens(m.contextWindow)}</td>
                  <td className="px-3 py-2">
                    {m.license.name} <span className="text-zinc-500">({LICENSE_CATEGORY_LABELS[m.license.category]})</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
