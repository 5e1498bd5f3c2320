import type { Metadata } from "next";
import Link from "next/link";
import { ModerationDisabled } from "@/components/admin/moderation-disabled";
import { ReviewForm } from "@/components/admin/review-form";
import { ExternalLink } from "@/components/corrections/external-link";
import { linkClass, secondaryButtonClass } from "@/components/corrections/form-styles";
import { adminConfig, requireAdmin } from "@/lib/auth/server";
import { countPendingCandidates } from "@/lib/data/candidates";
import { listCorrectionDisagreements, listPendingCorrections } from "@/lib/data/corrections/queue";
import { formatAge } from "@/lib/domain/correction-fields";
import { sourceLabel } from "@/lib/domain/sources";
import { logout, reviewSubmission } from "./actions";

// The moderators' queue: pending corrections oldest first, and accepted corrections that a source now
// disagrees with. Checks the session itself (as does every action it posts to).
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Moderation", robots: { index: false, follow: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };


export default async function AdminPage({ searchParams }: Props) {
  if (!adminConfig().enabled) {
    return (
      <>
        <h1 className="text-2xl font-semibold tracking-tight">Moderation</h1>
        <ModerationDisabled />
      </>
    );
  }
  await requireAdmin();
  const [queue, disagreements, candidates, query] = await Promise.all([listPendingCorrections(), listCorrectionDisagreements(), countPendingCandidates(), searchParams]);
  const done = query.done === "accepted" || query.done === "rejected" ? query.done : null;
  const count = typeof query.n === "string" && /^\d{1,2}$/.test(query.n) ? Number(query.n) : 0;
  const now = new Date();

  return (
    <>
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Moderation</h1>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            {queue.length === 0 ? "No corrections are waiting." : `${queue.length} submission${queue.length === 1 ? "" : "s"} waiting, oldest first.`}{" "}
            Accepted changes are public on{" "}
            <Link href="/changes" className={linkClass}>
              /changes
            </Link>
            .
          </p>
          <p className="mt-1 text-sm">
            <Link href="/admin/candidates" className={linkClass}>
              New releases to review
            </Link>{" "}
            <span className="text-zinc-600 dark:text-zinc-400">({candidates === 0 ? "none waiting" : `${candidates} waiting`}, found on the Hub by discovery)</span>
          </p>
        </div>
        <form action={logout}>
          <button type="submit" className={secondaryButtonClass}>
            Sign out
          </button>
        </form>
      </div>

      {done ? (
        <p role="status" className="mt-4 rounded border border-green-500 bg-green-50 p-3 text-sm text-green-900 dark:border-green-700 dark:bg-green-950/40 dark:text-green-200">
          {done === "accepted" ? "Accepted" : "Rejected"} {count} proposed value{count === 1 ? "" : "s"}.
          {done === "accepted" ? " The change is applied and listed on /changes." : " The sender can read your reason on the correction's page."}
        </p>
      ) : null}

      <section aria-labelledby="queue-title" className="mt-6">
        <h2 id="queue-title" className="text-lg font-semibold">Pending corrections</h2>
        {queue.length === 0 ? <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">Nothing to review. New corrections appear here.</p> : null}
        <div className="mt-3 space-y-6">
          {queue.map((s) => (
            <article key={s.submissionId} aria-labelledby={`title-${s.submissionId}`} className="rounded border border-zinc-200 p-4 dark:border-zinc-800">
              <h3 id={`title-${s.submissionId}`} className="font-semibold">
                <Link href={`/models/${s.model.slug}`} className={linkClass}>
                  {s.model.name}
                </Link>{" "}
                <span className="text-sm font-normal text-zinc-600 dark:text-zinc-400">
                  · sent <time dateTime={s.createdAt} title={s.createdAt}>{formatAge(new Date(s.createdAt), now)}</time>
                </span>
              </h3>
              <div className="mt-2 overflow-x-auto">
                <table className="min-w-full text-sm">
                  <caption className="sr-only">Proposed values for {s.model.name}</caption>
                  <thead className="text-left text-zinc-600 dark:text-zinc-400">
                    <tr>
                      <th scope="col" className="py-1 pr-4 font-medium">Field</th>
                      <th scope="col" className="py-1 pr-4 font-medium">Value in use</th>
                      <th scope="col" className="py-1 pr-4 font-medium">Proposed</th>
                      <th scope="col" className="py-1 font-medium">Every source&apos;s value</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
                    {s.items.map((item) => (
                      <tr key={item.id} className="align-top">
                        <th scope="row" className="py-1.5 pr-4 text-left font-medium">{item.label}</th>
                        <td className="tabular py-1.5 pr-4">
                          {item.currentNow}
                          {item.changedSinceSent ? (
                            <span className="block text-xs text-amber-800 dark:text-amber-300">changed since sent (was {item.currentWhenSent})</span>
                          ) : null}
                        </td>
                        <td className="tabular py-1.5 pr-4 font-medium">{item.proposed}</td>
                        <td className="py-1.5">
                          <ul className="space-y-0.5">
                            {item.sources.map((src) => (
                              <li key={src.kind} className="tabular">
                                {sourceLabel(src.kind)}: {src.value} (<ExternalLink url={src.url} />)
                              </li>
                            ))}
                          </ul>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <dl className="mt-3 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[8rem_1fr]">
                <dt className="font-medium">Evidence</dt>
                <dd>
                  <ExternalLink url={s.evidenceUrl}>{s.evidenceUrl}</ExternalLink>
                </dd>
                <dt className="font-medium">Note</dt>
                <dd className="whitespace-pre-wrap break-words">{s.note ?? "—"}</dd>
                <dt className="font-medium">Contact</dt>
                <dd className="break-all">{s.contactEmail ?? "—"}</dd>
              </dl>
              <ReviewForm
                submissionId={s.submissionId}
                items={s.items.map((i) => ({ id: i.id, summary: `${i.label}: ${i.currentNow} → ${i.proposed}`, seen: i.currentJson }))}
                action={reviewSubmission}
              />
            </article>
          ))}
        </div>
      </section>

      <section aria-labelledby="disagreements-title" className="mt-10">
        <h2 id="disagreements-title" className="text-lg font-semibold">Accepted corrections a source disagrees with</h2>
        <p className="mt-1 max-w-3xl text-sm text-zinc-600 dark:text-zinc-400">
          A correction outranks every ingested source, so a later ingest never reverts it; each source&apos;s own value is kept. Check these
          when a source changes: if the source is now right, accept a new correction with its value.
        </p>
        {disagreements.length === 0 ? (
          <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">None.</p>
        ) : (
          <div className="mt-3 overflow-x-auto rounded border border-zinc-200 dark:border-zinc-800">
            <table className="min-w-full text-sm">
              <caption className="sr-only">Accepted corrections that another source disagrees with</caption>
              <thead className="bg-zinc-50 text-left dark:bg-zinc-900">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">Model</th>
                  <th scope="col" className="px-3 py-2 font-medium">Field</th>
                  <th scope="col" className="px-3 py-2 font-medium">Corrected value (in use)</th>
                  <th scope="col" className="px-3 py-2 font-medium">Other sources</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
                {disagreements.map((d) => (
                  <tr key={`${d.model.slug}-${d.field}`} className="align-top">
                    <th scope="row" className="px-3 py-2 text-left font-medium">
                      <Link href={`/models/${d.model.slug}`} className={linkClass}>
                        {d.model.name}
                      </Link>
                    </th>
                    <td className="px-3 py-2">{d.label}</td>
                    <td className="tabular px-3 py-2">
                      {d.corrected.value} (<ExternalLink url={d.corrected.url} />)
                    </td>
                    <td className="px-3 py-2">
                      <ul className="space-y-0.5">
                        {d.others.map((o) => (
                          <li key={o.kind} className="tabular">
                            {sourceLabel(o.kind)}: {o.value} (<ExternalLink url={o.url} />, {o.retrievedAt.slice(0, 10)})
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
