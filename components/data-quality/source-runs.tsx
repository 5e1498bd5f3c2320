import Link from "next/link";
import { linkClass } from "@/components/corrections/form-styles";
import type { ReviewQueue, RunSummary, SourceStatus } from "@/lib/data/source-status";
import { JOB_LABELS, STATUS_LABELS, type RunJob, type RunStatus } from "@/lib/domain/source-runs";

// When each source last ran, how it ended and when it last succeeded (issue 16), and the review queue.

const STATUS_STYLE: Record<RunStatus, string> = {
  succeeded: "border-green-500 bg-green-50 text-green-900 dark:border-green-700 dark:bg-green-950/40 dark:text-green-200",
  failed: "border-red-500 bg-red-50 text-red-900 dark:border-red-700 dark:bg-red-950/40 dark:text-red-200",
  running: "border-amber-400 bg-amber-50 text-amber-900 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-200",
  skipped: "border-zinc-400 bg-zinc-100 text-zinc-800 dark:border-zinc-600 dark:bg-zinc-800 dark:text-zinc-200",
};

/** "2026-12-05 04:17 UTC": absolute, so a cached page never says "3 hours ago" for a day. */
function when(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

function Time({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={iso}>
      {when(iso)}
    </time>
  );
}

function RunBy({ runBy }: { runBy: NonNullable<SourceStatus["runBy"]> }) {
  return (
    <>
      Runs with{" "}
      {runBy.commands.map((c, i) => (
        <span key={c}>
          {i > 0 ? (i === runBy.commands.length - 1 ? " or " : ", ") : null}
          <code className="text-xs">{c}</code>
        </span>
      ))}
      {runBy.note ? ` (${runBy.note})` : null}.
    </>
  );
}

function counts(r: RunSummary): string {
  const parts = (["created", "updated", "unchanged", "failed", "disagreements"] as const).filter((k) => r[k] > 0).map((k) => `${r[k].toLocaleString("en-US")} ${k}`);
  return parts.length ? parts.join(", ") : "nothing counted";
}

/** Text with its ISO dates kept on one line (a narrow cell must not break "2026-05-24" at a hyphen). */
function KeepDates({ text }: { text: string }) {
  const parts = text.split(/(\d{4}-\d{2}-\d{2})/);
  return <>{parts.map((p, i) => (i % 2 ? <span key={i} className="whitespace-nowrap">{p}</span> : p))}</>;
}

function Message({ text }: { text: string | null }) {
  if (!text) return <span className="text-zinc-500 dark:text-zinc-400">—</span>;
  const lines = text.split("\n");
  // A report's first line is often a heading ("Notes (2):"): its first item says more.
  const head = lines[0]!.endsWith(":") && lines[1] ? `${lines[0]} ${lines[1].trim()}` : lines[0]!;
  const first = head.length > 160 ? `${head.slice(0, 157)}…` : head;
  if (lines.length === 1 && first === lines[0]) return <span className="break-words"><KeepDates text={first} /></span>;
  return (
    <details>
      <summary className="cursor-pointer break-words"><KeepDates text={first} /></summary>
      <pre className="mt-1 max-h-64 overflow-auto whitespace-pre-wrap break-words text-xs">{text}</pre>
    </details>
  );
}

export function SourceRuns({ sources, queue }: { sources: SourceStatus[]; queue: ReviewQueue }) {
  const discovery = sources.find((s) => s.source === "huggingface" && s.job === "discover");
  return (
    <section aria-labelledby="last-runs" className="mt-10">
      <h2 id="last-runs" className="text-lg font-semibold">When each source last ran</h2>
      <p className="mt-2 max-w-3xl text-sm text-zinc-700 dark:text-zinc-300">
        Every run of an ingester or of discovery is recorded: when it started, how it ended, what it counted and what it said. <code>npm run refresh</code>{" "}
        runs discovery, the Hub adoption snapshot and (with an OpenRouter key) the usage refresh, daily where it is scheduled; the other sources change when
        their files do. A source that has never succeeded has no value of its own in the data yet.
      </p>

      <p className="mt-3 text-sm" data-review-queue>
        <span className="font-medium">Review queue:</span>{" "}
        {queue.pending > 0 ? (
          <>
            {queue.pending.toLocaleString("en-US")} discovered release{queue.pending === 1 ? "" : "s"} waiting for a moderator, the oldest since{" "}
            <Time iso={queue.oldestPendingSince!} />. Nothing in it is published until a moderator accepts it.
          </>
        ) : discovery?.lastRun ? (
          "empty: no discovered release is waiting for a moderator."
        ) : (
          "empty: discovery has never run, so nothing has been queued."
        )}{" "}
        Moderators review it at{" "}
        <Link href="/admin/candidates" className={linkClass}>
          /admin/candidates
        </Link>{" "}
        (sign-in needed).
      </p>

      <div className="mt-3 overflow-x-auto rounded border border-zinc-200 dark:border-zinc-800">
        <table className="min-w-full text-sm" data-source-runs>
          <caption className="sr-only">The last run of each source and job, how it ended, and its last success</caption>
          <thead className="sticky top-0 bg-zinc-50 text-left dark:bg-zinc-900">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">Source</th>
              <th scope="col" className="px-3 py-2 font-medium">Job</th>
              <th scope="col" className="px-3 py-2 font-medium">Last run</th>
              <th scope="col" className="px-3 py-2 font-medium">Ended</th>
              <th scope="col" className="px-3 py-2 font-medium">Counts</th>
              <th scope="col" className="px-3 py-2 font-medium">Last success</th>
              <th scope="col" className="px-3 py-2 font-medium">Message</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {sources.map((s) => {
              const r = s.lastRun;
              const job = s.job in JOB_LABELS ? JOB_LABELS[s.job as RunJob] : s.job;
              return (
                <tr key={`${s.source}:${s.job}`} data-source={s.source} data-job={s.job} className="align-top hover:bg-zinc-50 dark:hover:bg-zinc-900">
                  <th scope="row" className="px-3 py-2 text-left font-medium">{s.label}</th>
                  <td className="px-3 py-2">{job}</td>
                  {r ? (
                    <>
                      <td className="tabular whitespace-nowrap px-3 py-2">
                        <Time iso={r.startedAt} />
                      </td>
                      <td className="px-3 py-2 whitespace-nowrap">
                        <span className={`inline-block rounded border px-1.5 py-0.5 text-xs font-medium ${STATUS_STYLE[r.status]}`}>{STATUS_LABELS[r.status]}</span>
                        {r.finishedAt && r.status !== "skipped" ? (
                          <span className="tabular ml-1 text-xs text-zinc-600 dark:text-zinc-400">
                            after {Math.max(0, Math.round((Date.parse(r.finishedAt) - Date.parse(r.startedAt)) / 1000)).toLocaleString("en-US")} s
                          </span>
                        ) : null}
                      </td>
                      <td className="tabular px-3 py-2">{counts(r)}</td>
                      <td className="tabular whitespace-nowrap px-3 py-2">{s.lastSucceededAt ? <Time iso={s.lastSucceededAt} /> : "never succeeded"}</td>
                      <td className="max-w-md px-3 py-2">
                        <Message text={r.message} />
                      </td>
                    </>
                  ) : (
                    <>
                      <td className="px-3 py-2">never ran</td>
                      <td className="px-3 py-2">—</td>
                      <td className="px-3 py-2">—</td>
                      <td className="px-3 py-2">never succeeded</td>
                      <td className="max-w-md px-3 py-2 text-zinc-700 dark:text-zinc-300">{s.runBy ? <RunBy runBy={s.runBy} /> : "—"}</td>
                    </>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
