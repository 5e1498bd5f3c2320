import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { ExternalLink } from "@/components/corrections/external-link";
import { linkClass } from "@/components/corrections/form-styles";
import { listAcceptedChanges } from "@/lib/data/corrections/changes";
import { listNewReleases } from "@/lib/data/new-releases";
import { countryName } from "@/lib/domain/countries";
import { licenseText } from "@/lib/domain/licenses";
import { formatExact, formatParams, formatTokens } from "@/lib/domain/params";
import { RELEASES_FEED_LIMIT } from "@/lib/domain/new-releases";

// Every change made by an accepted correction, newest first, with its evidence; and the newest releases
// as the atlas listed them. Both also as feeds.
export const dynamic = "force-dynamic";
export const metadata: Metadata = {
  title: "Changes: accepted corrections and new releases",
  description: "Every value changed by an accepted correction, with the old and new value and the evidence; and the newest open-weights releases the atlas listed.",
  alternates: {
    types: {
      "application/atom+xml": [
        { url: "/changes.atom", title: "Open Model Atlas: accepted corrections" },
        { url: "/releases.atom", title: "Open Model Atlas: new open-weights releases" },
      ],
    },
  },
};

// URL-facing: a junk page number falls back to the first page.
const pageSchema = z.coerce.number().int().min(1).max(100_000).catch(1);

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ChangesPage({ searchParams }: Props) {
  const requested = pageSchema.parse((await searchParams).page);
  const [{ changes, total, page, pageCount }, releases] = await Promise.all([listAcceptedChanges({ page: requested }), listNewReleases({ limit: RELEASES_ON_PAGE })]);

  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Changes</h1>
      <p className="mt-1 max-w-3xl text-sm text-zinc-600 dark:text-zinc-400">
        Values changed by accepted corrections, and <a href="#new-releases" className={linkClass}>the newest releases</a> the atlas listed.
      </p>
      <h2 className="mt-6 text-lg font-semibold">Accepted corrections</h2>
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

      <NewReleases releases={releases} />
    </>
  );
}

const num = "tabular px-3 py-2 text-right whitespace-nowrap";
/** The page shows the newest few; the feed has RELEASES_FEED_LIMIT. */
const RELEASES_ON_PAGE = 20;

/** The newest open-weights records as the atlas listed them (the same rows as /releases.atom). */
function NewReleases({ releases }: { releases: Awaited<ReturnType<typeof listNewReleases>> }) {
  return (
    <section aria-labelledby="new-releases" className="mt-10">
      <h2 id="new-releases" className="text-lg font-semibold">New releases</h2>
      <p className="mt-1 max-w-3xl text-sm text-zinc-600 dark:text-zinc-400">
        The {RELEASES_ON_PAGE} open-weights models the atlas listed last, newest listing first (then the newest weights first): who made each, where,
        when its weights came out, how big it is and under what license. The{" "}
        <a href="/releases.atom" className={linkClass}>
          releases feed
        </a>{" "}
        has the last {RELEASES_FEED_LIMIT}. Closed (API-only) reference models are not releases and are not listed.
      </p>
      {releases.length === 0 ? (
        <p className="mt-3 rounded border border-zinc-200 p-4 text-sm dark:border-zinc-800">No open-weights release is in the atlas yet: load the curated data with <code>npm run ingest -- curated</code>.</p>
      ) : (
        <div className="mt-3 overflow-x-auto rounded border border-zinc-200 dark:border-zinc-800">
          <table className="min-w-full text-sm" data-new-releases>
            <caption className="sr-only">The newest open-weights releases as the atlas listed them, newest listing first</caption>
            <thead className="sticky top-0 bg-zinc-50 text-left dark:bg-zinc-900">
              <tr>
                <th scope="col" aria-sort="descending" className="px-3 py-2 font-medium">Listed</th>
                <th scope="col" className="px-3 py-2 font-medium">Model</th>
                <th scope="col" className="px-3 py-2 font-medium">Developer</th>
                <th scope="col" className="px-3 py-2 font-medium">Country</th>
                <th scope="col" className="px-3 py-2 font-medium">Weights released</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">Total</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">Active</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">Context</th>
                <th scope="col" className="px-3 py-2 font-medium">License</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
              {releases.map((r) => (
                <tr key={r.slug} className="align-top hover:bg-zinc-50 dark:hover:bg-zinc-900">
                  <td className="tabular whitespace-nowrap px-3 py-2">
                    <time dateTime={r.listedAt} title={r.listedAt}>{r.listedAt.slice(0, 10)}</time>
                  </td>
                  <th scope="row" className="px-3 py-2 text-left font-medium">
                    <Link href={`/models/${r.slug}`} className={linkClass}>
                      {r.name}
                    </Link>
                  </th>
                  <td className="px-3 py-2">{r.organization.name}</td>
                  <td className="px-3 py-2">{countryName(r.organization.country)}</td>
                  <td className="tabular whitespace-nowrap px-3 py-2">{r.releaseDate}</td>
                  <td className={num} title={r.totalParams != null ? formatExact(r.totalParams) : undefined}>{formatParams(r.totalParams)}</td>
                  <td className={num} title={r.activeParams != null ? formatExact(r.activeParams) : undefined}>{formatParams(r.activeParams)}</td>
                  <td className={num} title={r.contextWindow != null ? `${formatExact(r.contextWindow)} tokens` : undefined}>{formatTokens(r.contextWindow)}</td>
                  <td className="px-3 py-2">{licenseText(r.license)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
