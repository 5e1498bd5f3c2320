import Link from "next/link";
import { withQuery } from "@/lib/domain/url";
import { lastPagedPage, MAX_PAGED_ROWS, modelQueryToParams, type ModelQuery } from "@/lib/schemas/model-query";
import { modelsHref, type ParamsView } from "./view-links";

export function Pagination({ query, view, total }: { query: ModelQuery; view: ParamsView; total: number }) {
  const allPages = Math.max(1, Math.ceil(total / query.pageSize));
  // Pages reach the first MAX_PAGED_ROWS rows of an order (bounded offset; lib/schemas/model-query.ts).
  const pages = Math.min(allPages, lastPagedPage(query.pageSize));
  if (pages === 1) return null;
  const link = (page: number, text: string, rel?: string) =>
    page >= 1 && page <= pages && page !== query.page ? (
      <Link href={modelsHref(query, view, { page })} rel={rel} className="rounded border border-zinc-300 px-2 py-1 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">{text}</Link>
    ) : (
      <span aria-disabled="true" className="rounded border border-zinc-200 px-2 py-1 text-zinc-500 dark:border-zinc-800">{text}</span>
    );
  return (
    <nav aria-label="Pagination" className="mt-4 text-sm">
      <div className="flex items-center gap-2">
        {link(1, "« First")}
        {link(query.page - 1, "‹ Previous", "prev")}
        <span className="px-2">Page {Math.min(query.page, pages)} of {pages}</span>
        {link(query.page + 1, "Next ›", "next")}
        {link(pages, pages < allPages ? "Last paged »" : "Last »")}
      </div>
      {pages < allPages && (
        <p className="mt-2 max-w-md text-zinc-600 dark:text-zinc-400">
          Pages reach the first {MAX_PAGED_ROWS.toLocaleString("en-US")} of {total.toLocaleString("en-US")} rows in this order.
          For the rest, reverse the order (click the column heading), narrow the filters, or{" "}
          <a href={withQuery("/api/v1/models.csv", modelQueryToParams({ ...query, page: 1 }))} className="text-blue-700 underline dark:text-blue-400" download>download the CSV</a> (every row).
        </p>
      )}
    </nav>
  );
}
