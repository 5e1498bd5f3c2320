import Link from "next/link";
import type { ModelQuery } from "@/lib/schemas/model-query";
import { modelsHref, type ParamsView } from "./view-links";

export function Pagination({ query, view, total }: { query: ModelQuery; view: ParamsView; total: number }) {
  const pages = Math.max(1, Math.ceil(total / query.pageSize));
  if (pages === 1) return null;
  const link = (page: number, text: string, rel?: string) =>
    page >= 1 && page <= pages && page !== query.page ? (
      <Link href={modelsHref(query, view, { page })} rel={rel} className="rounded border border-zinc-300 px-2 py-1 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">{text}</Link>
    ) : (
      <span aria-disabled="true" className="rounded border border-zinc-200 px-2 py-1 text-zinc-500 dark:border-zinc-800">{text}</span>
    );
  return (
    <nav aria-label="Pagination" className="mt-4 flex items-center gap-2 text-sm">
      {link(1, "« First")}
      {link(query.page - 1, "‹ Previous", "prev")}
      <span className="px-2">Page {Math.min(query.page, pages)} of {pages}</span>
      {link(query.page + 1, "Next ›", "next")}
      {link(pages, "Last »")}
    </nav>
  );
}
