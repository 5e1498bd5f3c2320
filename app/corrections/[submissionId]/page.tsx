import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ExternalLink } from "@/components/corrections/external-link";
import { linkClass } from "@/components/corrections/form-styles";
import { StatusBadge } from "@/components/corrections/status-badge";
import { getSubmission } from "@/lib/data/corrections/status";
import { submissionIdSchema } from "@/lib/schemas/correction";

// The status of one submitted correction. Its address (a random UUID) is the only key to it: it is given
// to the person who sent it and never listed, so the page is kept out of search engines.
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Correction status", robots: { index: false, follow: false } };

type Props = { params: Promise<{ submissionId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CorrectionStatusPage({ params, searchParams }: Props) {
  const { submissionId } = await params;
  if (!submissionIdSchema.safeParse(submissionId).success) notFound();
  const submission = await getSubmission(submissionId);
  if (!submission) notFound();
  const justSent = (await searchParams).sent === "1";
  const path = `/corrections/${submission.submissionId}`;

  return (
    <>
      {justSent ? (
        <div role="status" className="mb-6 max-w-3xl rounded border border-green-500 bg-green-50 p-4 text-sm dark:border-green-700 dark:bg-green-950/40">
          <h1 className="text-lg font-semibold text-green-900 dark:text-green-200">Thank you: your correction was received</h1>
          <p className="mt-1 text-green-900 dark:text-green-200">
            A moderator will check it against your evidence. Follow its status at this address (bookmark it; it is the only link to it):{" "}
            <Link href={path} className={`break-all ${linkClass}`}>
              {path}
            </Link>
          </p>
        </div>
      ) : null}
      {justSent ? (
        <h2 className="text-xl font-semibold tracking-tight">Correction to {submission.model.name}</h2>
      ) : (
        <h1 className="text-2xl font-semibold tracking-tight">Correction to {submission.model.name}</h1>
      )}
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        Sent <time dateTime={submission.createdAt}>{submission.createdAt.slice(0, 10)}</time> ·{" "}
        <Link href={`/models/${submission.model.slug}`} className={linkClass}>
          {submission.model.name}
        </Link>{" "}
        ·{" "}
        <Link href="/changes" className={linkClass}>
          All accepted changes
        </Link>
      </p>

      <div className="mt-4 max-w-5xl overflow-x-auto rounded border border-zinc-200 dark:border-zinc-800">
        <table className="min-w-full text-sm">
          <caption className="sr-only">Proposed values and their status</caption>
          <thead className="bg-zinc-50 text-left dark:bg-zinc-900">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">Field</th>
              <th scope="col" className="px-3 py-2 font-medium">Proposed value</th>
              <th scope="col" className="px-3 py-2 font-medium">Value when sent</th>
              <th scope="col" className="px-3 py-2 font-medium">Status</th>
              <th scope="col" className="px-3 py-2 font-medium">Moderator&apos;s note</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {submission.items.map((item) => (
              <tr key={item.id}>
                <th scope="row" className="px-3 py-2 text-left font-medium">{item.label}</th>
                <td className="tabular px-3 py-2">{item.proposed}</td>
                <td className="tabular px-3 py-2 text-zinc-600 dark:text-zinc-400">{item.currentWhenSent}</td>
                <td className="px-3 py-2">
                  <StatusBadge status={item.status} />
                  {item.reviewedAt ? <span className="ml-2 text-xs text-zinc-600 dark:text-zinc-400">{item.reviewedAt.slice(0, 10)}</span> : null}
                </td>
                <td className="whitespace-pre-wrap break-words px-3 py-2">{item.reviewReason ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <dl className="mt-4 max-w-3xl space-y-2 text-sm">
        <div>
          <dt className="font-medium">Evidence</dt>
          <dd>
            <ExternalLink url={submission.evidenceUrl}>{submission.evidenceUrl}</ExternalLink>
          </dd>
        </div>
        {submission.note ? (
          <div>
            <dt className="font-medium">Note</dt>
            <dd className="whitespace-pre-wrap break-words">{submission.note}</dd>
          </div>
        ) : null}
      </dl>
    </>
  );
}
