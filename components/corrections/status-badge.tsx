import type { CorrectionStatus } from "@/lib/domain/correction-fields";

const STYLE: Record<CorrectionStatus, string> = {
  pending: "border-amber-400 bg-amber-50 text-amber-900 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-200",
  accepted: "border-green-500 bg-green-50 text-green-900 dark:border-green-700 dark:bg-green-950/40 dark:text-green-200",
  rejected: "border-zinc-400 bg-zinc-100 text-zinc-800 dark:border-zinc-600 dark:bg-zinc-800 dark:text-zinc-200",
};
const LABEL: Record<CorrectionStatus, string> = { pending: "Awaiting review", accepted: "Accepted", rejected: "Rejected" };

/** A correction's status as a word (never colour alone). */
export function StatusBadge({ status }: { status: CorrectionStatus }) {
  return <span className={`inline-block rounded border px-1.5 py-0.5 text-xs font-medium ${STYLE[status]}`}>{LABEL[status]}</span>;
}
