import type { ModelMeasures } from "@/lib/data/measures";
import { formatScore } from "@/lib/domain/measures";
import { sourceLabel } from "@/lib/domain/sources";

const th = "px-3 py-2 font-medium";
const muted = "text-zinc-600 dark:text-zinc-400";

/** Bars of a small series, drawn on the server (no chart library for a dozen bars); the table beside it carries the numbers. */
function Bars({ values, label }: { values: { key: string; value: number }[]; label: string }) {
  const max = Math.max(...values.map((v) => v.value), 1);
  const w = 12;
  return (
    <svg role="img" aria-label={label} width={values.length * (w + 3)} height={64} className="mt-2 text-zinc-700 dark:text-zinc-300">
      {values.map((v, i) => {
        const h = Math.max(1, Math.round((v.value / max) * 60));
        return <rect key={v.key} x={i * (w + 3)} y={64 - h} width={w} height={h} fill="currentColor"><title>{`${v.key}: ${v.value.toLocaleString("en-US")}`}</title></rect>;
      })}
    </svg>
  );
}

/** A model page's scores (every one, with its setting, who measured it and its source), usage and downloads. */
export function ModelMeasuresSection({ name, measures }: { name: string; measures: ModelMeasures }) {
  const { scores, usage, adoption } = measures;
  return (
    <>
      <h2 id="scores" className="mt-6 text-lg font-semibold">Benchmark scores</h2>
      {scores.length === 0 ? (
        <p className="mt-1 text-sm">No benchmark score of {name} is recorded yet. Scores come from Epoch AI, models.dev and the developers&apos; own cards (see /about).</p>
      ) : (
        <>
          <p className={`mt-1 max-w-3xl text-sm ${muted}`}>
            Each benchmark is one setting: scores of two settings (a developer&apos;s own harness and an independent run) are never one number. &quot;Developer&quot; marks the developer&apos;s own claim.
          </p>
          <div className="mt-2 overflow-x-auto">
            <table className="min-w-full text-sm" data-scores>
              <caption className="sr-only">Benchmark scores of {name}, with setting, who measured, date and source</caption>
              <thead className="bg-zinc-50 text-left dark:bg-zinc-900">
                <tr><th scope="col" className={th}>Benchmark</th><th scope="col" className={`${th} text-right`}>Score</th><th scope="col" className={th}>Setting</th><th scope="col" className={th}>Measured by</th><th scope="col" className={th}>Date</th><th scope="col" className={th}>Source</th></tr>
              </thead>
              <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
                {scores.map((s, i) => (
                  <tr key={i} data-benchmark={s.benchmark.id}>
                    <th scope="row" className="px-3 py-2 text-left font-normal">{s.benchmark.name}</th>
                    <td className="tabular px-3 py-2 text-right font-semibold">{formatScore(s.value, s.benchmark.unit)}</td>
                    <td className="px-3 py-2 text-xs">{s.setting || <span className={muted}>not stated</span>}{s.metric ? <span className={muted}> · {s.metric}</span> : null}</td>
                    <td className="px-3 py-2">{s.evaluator} <span className={`text-xs ${muted}`}>({s.measuredBy === "developer" ? "developer's claim" : "independent"})</span></td>
                    <td className="tabular whitespace-nowrap px-3 py-2">{s.publishedOn}</td>
                    <td className="px-3 py-2 text-xs"><a href={s.sourceUrl} rel="nofollow noopener" className="underline">source</a> <span className={muted}>({sourceLabel(s.sourceKind)})</span></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      <h2 id="usage" className="mt-6 text-lg font-semibold">Usage on OpenRouter</h2>
      {usage.length === 0 ? (
        <p className="mt-1 text-sm">No OpenRouter usage is mapped to {name}: it was not among the router&apos;s daily top listings in the data (or no listing is mapped to it).</p>
      ) : (
        <>
          <p className={`mt-1 text-sm ${muted}`}>Tokens per week ({measures.usageListings.join(", ")}). One router&apos;s traffic, not the whole market. Source: OpenRouter (openrouter.ai/rankings), as of <span className="whitespace-nowrap">{usage.at(-1)!.week}</span>; CC BY 4.0.</p>
          <Bars values={usage.map((u) => ({ key: u.week, value: u.tokens }))} label={`Tokens per week of ${name} on OpenRouter`} />
          <details className="mt-2 text-sm"><summary className="cursor-pointer">Data table</summary>
            <table className="mt-2 text-sm" data-usage>
              <thead><tr><th scope="col" className={th}>Week of</th><th scope="col" className={`${th} text-right`}>Tokens</th><th scope="col" className={`${th} text-right`}>Days in data</th></tr></thead>
              <tbody>{usage.map((u) => <tr key={u.week}><td className="tabular whitespace-nowrap px-3 py-1">{u.week}</td><td className="tabular px-3 py-1 text-right">{u.tokens.toLocaleString("en-US")}</td><td className="tabular px-3 py-1 text-right">{u.days}</td></tr>)}</tbody>
            </table>
          </details>
        </>
      )}

      <h2 id="adoption" className="mt-6 text-lg font-semibold">Downloads and likes on Hugging Face</h2>
      {adoption.length === 0 ? (
        <p className="mt-1 text-sm">No adoption snapshot of {name}&apos;s repository is recorded.</p>
      ) : (
        <div className="mt-2 overflow-x-auto">
          {adoption.filter((a) => a.downloads !== null).length > 1 && (
            <Bars values={adoption.filter((a) => a.downloads !== null).map((a) => ({ key: `${a.takenOn} (${sourceLabel(a.sourceKind)})`, value: a.downloads! }))} label={`Downloads of ${name} per snapshot`} />
          )}
          <table className="text-sm" data-adoption>
            <caption className="sr-only">Adoption snapshots of {name}, oldest first</caption>
            <thead className="bg-zinc-50 text-left dark:bg-zinc-900"><tr><th scope="col" className={th}>Taken</th><th scope="col" className={`${th} text-right`}>Downloads (30 days)</th><th scope="col" className={`${th} text-right`}>Likes</th><th scope="col" className={th}>Source</th></tr></thead>
            <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
              {adoption.map((a) => (
                <tr key={`${a.sourceKind}-${a.takenOn}`}>
                  <td className="tabular px-3 py-2">{a.takenOn}</td>
                  <td className="tabular px-3 py-2 text-right" title={a.downloads?.toLocaleString("en-US")}>{a.downloads === null ? "—" : a.downloads.toLocaleString("en-US")}</td>
                  <td className="tabular px-3 py-2 text-right">{a.likes?.toLocaleString("en-US") ?? "—"}</td>
                  <td className="px-3 py-2 text-xs"><a href={a.sourceUrl} rel="nofollow noopener" className="underline">{sourceLabel(a.sourceKind)}</a></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
