import Link from "next/link";
import { formatExact, formatParams, formatTokens } from "@/lib/domain/params";
import { formatShare, type Summary, type SummaryInput } from "@/lib/domain/summary";

function Card({ title, value, model, detail }: { title: string; value: string; model?: SummaryInput | null; detail?: string }) {
  return (
    <div className="rounded border border-zinc-200 p-3 dark:border-zinc-800">
      <dt className="text-xs font-medium text-zinc-600 dark:text-zinc-400">{title}</dt>
      <dd className="tabular mt-1 text-xl font-semibold">{value}</dd>
      {model && (
        <dd className="mt-0.5 text-sm">
          <Link href={`/models/${model.slug}`} className="text-blue-700 underline dark:text-blue-400">{model.name}</Link>
          {detail && <span className="text-zinc-600 dark:text-zinc-400"> · {detail}</span>}
        </dd>
      )}
    </div>
  );
}

/** The headline numbers of a set of releases, each naming the release that proves it. */
export function SummaryCards({ summary }: { summary: Summary<SummaryInput> }) {
  const s = summary;
  return (
    <dl className="mt-4 grid grid-cols-2 gap-3 md:grid-cols-4">
      <Card title="Releases" value={String(s.releases)} model={s.latest} detail={s.latest ? `latest, ${s.latest.releaseDate}` : undefined} />
      <Card title="Largest by total parameters" value={formatParams(s.largestTotal?.totalParams)} model={s.largestTotal} detail={s.largestTotal?.totalParams ? formatExact(s.largestTotal.totalParams) : undefined} />
      <Card title="Largest by active parameters" value={formatParams(s.largestActive?.activeParams)} model={s.largestActive} />
      <Card title="Longest context window" value={s.longestContext ? `${formatTokens(s.longestContext.contextWindow)} tokens` : "—"} model={s.longestContext} />
      <Card title="Mixture-of-Experts share" value={formatShare(s.moeShare)} />
      <Card title="Permissive license share" value={formatShare(s.permissiveShare)} />
      <Card title="First release" value={s.first?.releaseDate ?? "—"} model={s.first} />
    </dl>
  );
}
