import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { ExternalLink } from "@/components/corrections/external-link";
import { linkClass } from "@/components/corrections/form-styles";
import { listAcceptedChanges } from "@/lib/data/corrections/changes";

// Every change made by an accepted correction, newest first, with its evidence. Also as a feed.
export const dynamic = "force-dynamic";
export const metadata: Metadata = {
  title: "Accepted corrections",
  description: "Every value changed by an accepted correction, with the old and new value and the evidence.",
  alternates: { types: { "application/atom+xml": [{ url: "/changes.atom", title: "Open Model Atlas: accepted corrections" }] } },
};

// URL-facing: a junk page number falls back to the first page.
const pageSchema = z.coerce.number().int().min(1).max(100_000).catch(1);

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ChangesPage({ searchParams }: Props) {
  const requested = pageSchema.parse((await searchParams).page);
  const { changes, total, page, pageCount } = await listAcceptedChanges({ page: requested });

  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Accepted corrections</h1>
      <p className="mt-1 max-w-3xl text-sm text-zinc-600 dark:text-zinc-400">
        {total === 0 ? "No correction has been accepted yet." : `${total} value${total === 1 ? "" : "s"} changed by corrections people sent, newest first.`}{" "}
        Each links to the evidence the moderator checked. Follow them with the{" "}
        <a href="/changes.atom" className={linkClass}>
          Atom feed
        </a>
        . To propose one, use &ldquo;Suggest a correction&rdquo; on a model&apos;s page.
      </p>

      {changes.length > 0 ? (
        <div className="mt-4 overflow-x-auto rounded border border-zinc-200 dark:border-zinc-800">
          <table className="min-w-full text-sm">
            <caption className="sr-only">Values changed by accepted corrections, newest first</caption>
            <thead className="sticky top-0 bg-zinc-50 text-left dark:bg-zinc-900">
              <tr>
                <th scope="col" aria-sort="descending" className="px-3 py-2 font-medium">Date</th>
                <th scope="col" className="px-3 py-2 font-medium">Model</th>
                <th scope="col" className="px-3 py-2 font-medium">Field</th>
                <th scope="col" className="px-3 py-2 font-medium">Old value</th>
                <th scope="col" className="px-3 py-2 font-medium">New value</th>
                <th scope="col" className="px-3 py-2 font-medium">Evidence</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
              {changes.map((c) => (
                <tr key={c.id} className="align-top hover:bg-zinc-50 dark:hover:bg-zinc-900">
                  <td className="tabular whitespace-nowrap px-3 py-2">
                    <time dateTime={c.date} title={c.date}>{c.date.slice(0, 10)}</time>
                  </td>
                  <th scope="row" className="px-3 py-2 text-left font-medium">
                    <Link href={`/models/${c.model.slug}`} className={linkClass}>
                      {c.model.name}
                    </Link>
                  </th>
                  <td className="px-3 py-2">{c.label}</td>
                  <td className="tabular px-3 py-2 text-zinc-600 dark:text-zinc-400">{c.oldDisplay}</td>
                  <td className="tabular px-3 py-2 font-medium">{c.newDisplay}</td>
                  <td className="px-3 py-2">
                    <ExternalLink url={c.evidenceUrl} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      {pageCount > 1 ? (
        <nav aria-label="Pages" className="mt-4 flex items-center gap-4 text-sm">
          {page > 1 ? (
            <Link href={page === 2 ? "/changes" : `/changes?page=${page - 1}`} className={linkClass} rel="prev">
              Newer
            </Link>
          ) : null}
          <span>
            Page {page} of {pageCount}
          </span>
          {page < pageCount ? (
            <Link href={`/changes?page=${page + 1}`} className={linkClass} rel="next">
              Older
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
