import type { Metadata } from "next";
import Link from "next/link";
import { listReleases } from "@/lib/data/releases";
import { formatBytes, releasePath } from "@/lib/domain/releases";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Data releases" };

const link = "text-blue-700 underline dark:text-blue-400";

export default async function ReleasesPage() {
  const releases = await listReleases();
  return (
    <article>
      <h1 className="text-2xl font-semibold tracking-tight">Data releases</h1>
      <p className="mt-2 max-w-3xl">
        Each release is a dated, immutable copy of the whole dataset: every model record (open weights, and the closed reference
        records marked as such), every benchmark score with who measured it, and every source of every value, as CSV and JSON, with a
        manifest of row counts and SHA-256 checksums. Its files never change, so a release&apos;s address is the version to cite.
        The live pages and the <Link href="/docs/api" className={link}>API</Link> always show the newest data.
      </p>
      {releases.length === 0 ? (
        <p role="status" className="mt-4">No data release yet. The operators take one with <code>npm run snapshot</code> (daily on the scheduled job).</p>
      ) : (
        <div className="mt-4 overflow-x-auto">
          <table className="min-w-full text-sm">
            <caption className="sr-only">Every data release with its data version, row counts and size</caption>
            <thead className="bg-zinc-50 text-left dark:bg-zinc-900">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">Release</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">Data version</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">Models</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">Scores</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">Sources</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">Total size</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
              {releases.map((r) => {
                const rows = (name: string) => r.files.find((f) => f.name === name)?.rows;
                const total = r.files.reduce((n, f) => n + f.bytes, 0);
                return (
                  <tr key={r.date} data-release={r.date}>
                    <th scope="row" className="px-3 py-2 text-left font-medium"><Link href={releasePath(r.date)} className={link}>{r.date}</Link></th>
                    <td className="tabular px-3 py-2 text-right">{r.dataVersion} <span className="whitespace-nowrap text-zinc-600 dark:text-zinc-400">({r.dataChangedAt.slice(0, 10)})</span></td>
                    <td className="tabular px-3 py-2 text-right">{rows("models.csv")}</td>
                    <td className="tabular px-3 py-2 text-right">{rows("scores.csv")}</td>
                    <td className="tabular px-3 py-2 text-right">{rows("sources.csv")}</td>
                    <td className="tabular px-3 py-2 text-right" title={`${total} bytes in ${r.files.length} files`}>{formatBytes(total)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </article>
  );
}
