import Link from "next/link";
import { groupLabel } from "@/components/charts/group-label";
import { countryName } from "@/lib/domain/countries";
import { GROUP_COLORS } from "@/lib/domain/encodings";
import type { LeaderRow, LeaderSide } from "@/lib/domain/measures";

const link = "text-blue-700 underline dark:text-blue-400";

function leaderText(leader: string | null): string {
  if (leader === null) return "no data";
  if (leader === "tie") return "tie";
  return leader === "US" || leader === "CN" ? groupLabel(leader) : countryName(leader);
}

function Side({ side }: { side: LeaderSide }) {
  if (side.value === null) return <span className="text-zinc-600 dark:text-zinc-400">none in view</span>;
  return (
    <>
      <span className="tabular font-semibold">{side.text}</span>
      {side.model && (
        <>
          {" "}
          <Link href={`/models/${side.model.slug}`} className={link}>{side.model.name}</Link>{" "}
          <span className="tabular whitespace-nowrap text-xs text-zinc-600 dark:text-zinc-400">{side.model.date}</span>
        </>
      )}
    </>
  );
}

/**
 * "Who leads, by which measure": a table before it is a picture (docs/ui.md). One row per measure, in the
 * order the measures are computed, never sorted by who leads: the rows that disagree are the story.
 */
export function LeadersTable({ rows, hrefFor }: { rows: LeaderRow[]; hrefFor: (row: LeaderRow) => string | null }) {
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-sm" data-leaders>
        <caption className="sr-only">For each measure: the leading country, the best United States and Chinese values with their models and dates, the margin, and the source</caption>
        <thead className="bg-zinc-50 text-left dark:bg-zinc-900">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">Measure</th>
            <th scope="col" className="px-3 py-2 font-medium">Leader</th>
            <th scope="col" className="hidden px-3 py-2 font-medium sm:table-cell">United States</th>
            <th scope="col" className="hidden px-3 py-2 font-medium sm:table-cell">China</th>
            <th scope="col" className="hidden px-3 py-2 font-medium sm:table-cell">Margin</th>
            <th scope="col" className="hidden px-3 py-2 font-medium sm:table-cell">Source</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {rows.map((r) => {
            const href = hrefFor(r);
            const color = r.leader ? GROUP_COLORS[r.leader] : undefined;
            return (
              <tr key={r.id} data-measure={r.id} data-leader={r.leader ?? ""}>
                <th scope="row" className="px-3 py-2 text-left align-top font-medium">
                  {href ? <Link href={href} className={link}>{r.label}</Link> : r.label}
                  <div className="mt-0.5 max-w-xs min-w-28 text-xs font-normal text-zinc-600 dark:text-zinc-400">{r.detail}</div>
                </th>
                <td className="px-3 py-2 align-top sm:whitespace-nowrap">
                  <span className="inline-flex items-center gap-1.5 whitespace-nowrap font-semibold">
                    {color && <span aria-hidden className="inline-block h-3 w-3 rounded-sm" style={{ background: color }} />}
                    {leaderText(r.leader)}
                  </span>
                  {/* On a phone the measure and its leader stay side by side and the rest stacks under the leader. */}
                  <dl className="mt-1 space-y-0.5 text-xs sm:hidden">
                    <div><dt className="inline text-zinc-600 dark:text-zinc-400">United States: </dt><dd className="inline"><Side side={r.us} /></dd></div>
                    <div><dt className="inline text-zinc-600 dark:text-zinc-400">China: </dt><dd className="inline"><Side side={r.cn} /></dd></div>
                    {r.margin && <div><dt className="inline text-zinc-600 dark:text-zinc-400">Margin: </dt><dd className="tabular inline">{r.margin}</dd></div>}
                    <div><dt className="inline text-zinc-600 dark:text-zinc-400">Source: </dt><dd className="inline">{r.source.url ? <a href={r.source.url} className={link}>{r.source.label}</a> : r.source.label}</dd></div>
                  </dl>
                </td>
                <td className="hidden px-3 py-2 align-top sm:table-cell" data-side="US"><Side side={r.us} /></td>
                <td className="hidden px-3 py-2 align-top sm:table-cell" data-side="CN"><Side side={r.cn} /></td>
                <td className="tabular hidden whitespace-nowrap px-3 py-2 align-top sm:table-cell">{r.margin ?? "—"}</td>
                <td className="hidden px-3 py-2 align-top text-xs sm:table-cell">{r.source.url ? <a href={r.source.url} className={link}>{r.source.label}</a> : r.source.label}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
