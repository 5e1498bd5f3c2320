import type { Metadata } from "next";
import Link from "next/link";
import { ModerationDisabled } from "@/components/admin/moderation-disabled";
import { ExternalLink } from "@/components/corrections/external-link";
import { linkClass } from "@/components/corrections/form-styles";
import { adminConfig, requireAdmin } from "@/lib/auth/server";
import { listCandidates } from "@/lib/data/candidates";
import { formatAge } from "@/lib/domain/correction-fields";
import { fieldLabel } from "@/lib/domain/model-fields";

// The review queue of new Hub repositories that discovery found (npm run ingest -- discover). Moderators only.
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New releases to review", robots: { index: false, follow: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const DONE: Record<string, string> = { accepted: "Accepted", merged: "Merged", dismissed: "Dismissed" };

export default async function CandidatesPage({ searchParams }: Props) {
  if (!adminConfig().enabled) {
    return (
      <>
        <h1 className="text-2xl font-semibold tracking-tight">New releases to review</h1>
        <ModerationDisabled />
      </>
    );
  }
  await requireAdmin();
  const [{ pending, decided }, query] = await Promise.all([listCandidates(), searchParams]);
  const done = typeof query.done === "string" && DONE[query.done] ? query.done : null;
  const repo = typeof query.repo === "string" ? query.repo.slice(0, 200) : null;
  const slug = typeof query.slug === "string" && /^[a-z0-9.-]{1,120}$/.test(query.slug) ? query.slug : null;
  const now = new Date();

  return (
    <>
      <p className="text-sm">
        <Link href="/admin" className={linkClass}>
          Moderation
        </Link>{" "}
        › New releases
      </p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">New releases to review</h1>
      <p className="mt-1 max-w-3xl text-sm text-zinc-600 dark:text-zinc-400">
        Repositories of the tracked Hugging Face authors that no record knows, found by <code className="font-mono">npm run ingest -- discover</code>{" "}
        (and <code className="font-mono">npm run refresh</code>). Quantized copies, adapters and non-text models are filtered before they get
        here. Nothing is published until you accept it.
      </p>
      {done && repo ? (
        <p role="status" className="mt-4 rounded border border-green-500 bg-green-50 p-3 text-sm text-green-900 dark:border-green-700 dark:bg-green-950/40 dark:text-green-200">
          {DONE[done]} {repo}.{" "}
          {slug ? (
            <>
              The record is{" "}
              <Link href={`/models/${slug}`} className={linkClass}>
                /models/{slug}
              </Link>
              {done === "accepted" ? "; run npm run export -- curated to write it into data/curated." : "."}
            </>
          ) : (
            "It will not be queued again."
          )}
        </p>
      ) : null}

      <section aria-labelledby="pending-title" className="mt-6">
        <h2 id="pending-title" className="text-lg font-semibold">
          Waiting ({pending.length})
        </h2>
        {pending.length === 0 ? (
          <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">Nothing to review. New repositories appear here after a discovery run.</p>
        ) : (
          <div className="mt-3 overflow-x-auto rounded border border-zinc-200 dark:border-zinc-800">
            <table className="min-w-full text-sm">
              <caption className="sr-only">Candidates waiting for review, newest repository first</caption>
              <thead className="bg-zinc-50 text-left dark:bg-zinc-900">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">Repository</th>
                  <th scope="col" className="px-3 py-2 font-medium">Organization</th>
                  <th scope="col" className="px-3 py-2 font-medium">Created on the Hub</th>
                  <th scope="col" className="px-3 py-2 font-medium">Still missing</th>
                  <th scope="col" className="px-3 py-2 font-medium">Found</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
                {pending.map((c) => (
                  <tr key={c.id} className="align-top">
                    <th scope="row" className="px-3 py-2 text-left font-medium">
                      <Link href={`/admin/candidates/${c.id}`} className={linkClass}>
                        {c.repoId}
                      </Link>
                      {c.problems.length ? <span className="block text-xs font-normal text-amber-800 dark:text-amber-300">{c.problems.length} problem{c.problems.length === 1 ? "" : "s"} reading it</span> : null}
                    </th>
                    <td className="px-3 py-2">{c.organizationSlug}</td>
                    <td className="tabular px-3 py-2">{c.hubCreatedAt?.slice(0, 10) ?? "—"}</td>
                    <td className="px-3 py-2">{c.missing.length ? c.missing.map(fieldLabel).join(", ") : "nothing"}</td>
                    <td className="px-3 py-2">
                      <time dateTime={c.firstSeenAt} title={c.firstSeenAt}>
                        {formatAge(new Date(c.firstSeenAt), now)}
                      </time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="decided-title" className="mt-10">
        <h2 id="decided-title" className="text-lg font-semibold">Latest decisions</h2>
        {decided.length === 0 ? (
          <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">None yet.</p>
        ) : (
          <ul className="mt-2 space-y-1 text-sm">
            {decided.map((c) => (
              <li key={c.id}>
                <span className="font-medium">{DONE[c.status] ?? c.status}</span> <ExternalLink url={`https://huggingface.co/${c.repoId}`}>{c.repoId}</ExternalLink>
                {c.model ? (
                  <>
                    {" "}
                    →{" "}
                    <Link href={`/models/${c.model.slug}`} className={linkClass}>
                      {c.model.name}
                    </Link>
                  </>
                ) : null}
                {c.reviewReason ? <span className="text-zinc-600 dark:text-zinc-400"> — {c.reviewReason}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
