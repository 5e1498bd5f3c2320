import { CiteThis, type CiteThisProps } from "@/components/citation/cite-this";

/**
 * A chart as the design asks for it: a title that states the finding (lib/domain/findings.ts), a subtitle
 * that asks the question and gives the definitions,
 * the chart, its source line, "Cite this" (given the title), and a data table (the text equivalent, also for screen readers).
 */
const CURATED_SOURCE = "Source: Open Model Atlas curated dataset (every value sourced on its model page); secondary sources Epoch AI (CC BY 4.0) and models.dev (MIT).";

export function ChartFrame({ id, title, subtitle, children, table, source = CURATED_SOURCE, controls, cite }: { id: string; title: string; subtitle: string; children: React.ReactNode; table: React.ReactNode; source?: React.ReactNode; controls?: React.ReactNode; cite?: Omit<CiteThisProps, "what"> }) {
  return (
    <section aria-labelledby={`${id}-title`} className="mt-10">
      <h2 id={`${id}-title`} className="text-lg font-semibold">{title}</h2>
      <p className="mt-1 max-w-3xl text-sm text-zinc-600 dark:text-zinc-400">{subtitle}</p>
      {controls}
      <div className="mt-3">{children}</div>
      <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400" data-source>{source}</p>
      {cite && <CiteThis what={`chart "${title}"`} {...cite} />}
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer">Data table</summary>
        <div className="mt-2 overflow-x-auto">{table}</div>
      </details>
    </section>
  );
}

export function DataTable({ caption, header, rows }: { caption: string; header: string[]; rows: React.ReactNode[][] }) {
  return (
    <table className="min-w-full text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead className="bg-zinc-50 text-left dark:bg-zinc-900">
        <tr>{header.map((h, i) => <th key={h} scope="col" className={`px-3 py-1 font-medium ${i ? "text-right" : ""}`}>{h}</th>)}</tr>
      </thead>
      <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
        {rows.map((r, i) => (
          <tr key={i}>{r.map((c, j) => (j === 0 ? <th key={j} scope="row" className="px-3 py-1 text-left font-normal">{c}</th> : <td key={j} className="tabular px-3 py-1 text-right">{c}</td>))}</tr>
        ))}
      </tbody>
    </table>
  );
}
